/**
 * The notification receiver run headless as a service (`antom-ops notifications listen`, issue 7
 * §3): the receiver plus what an operator of a service needs around it.
 *
 *  - a log line per answered notification and per lifecycle event (intake-log.ts);
 *  - /healthz, /readyz, /metrics on the same port (service-endpoints.ts, intake-metrics.ts);
 *  - the journal's health (journal-health.ts): a database that goes away is noticed, logged once,
 *    answered 503 (never acknowledged), and noticed again when it is back, without a restart;
 *  - a graceful stop: stop accepting, store and answer what is in flight, then return (the
 *    caller closes the journal it opened and decides how long to wait: cli service-lifecycle).
 *
 * The journal is the caller's: it is opened (and migrated) before the service starts, so a
 * service that is listening has seen its database at least once.
 */
import type { Journal } from '../journal/journal';
import type { NotificationSink } from './notification-sink';
import type { ResolveVerifier } from './verify-notification';
import type { PaymentsDrainer } from './payments-drainer';
import { startNotificationReceiver, type NotificationReceiver } from './notification-receiver';
import { createIntakeMetrics, type IntakeMetrics, type MetricsSources } from './intake-metrics';
import { createJournalHealth, type JournalHealth } from './journal-health';
import { createServiceEndpoints } from './service-endpoints';
import { healthLogEntry, type IntakeLogEntry } from './intake-log';

export interface IntakeServiceOptions {
  journal: NotificationSink & Pick<Journal, 'readiness' | 'reconnect' | 'describe'>;
  resolveVerifier: ResolveVerifier;
  /** What verifies (a key file, a profile), for the listening line. Never the key itself. */
  verifyingWith: string;
  log: (entry: IntakeLogEntry) => void;
  host?: string;
  port?: number;
  path?: string;
  signedPath?: string;
  allowNonLoopback?: boolean;
  /** Gauges owned by other parts of the service (the forward outbox's depth). */
  metricsSources?: MetricsSources;
  groupCommit?: boolean;
  /** How often a database that is down is probed again (default 2 s). */
  healthRecheckMs?: number;
  /** A store not committed within this long is answered 503 (default 10 s). */
  storeTimeoutMs?: number;
  /** Derives the Payments list rows on another thread (payments-drain-thread.ts); default: on the receiver's. */
  paymentsDrainer?: PaymentsDrainer;
}

/** Longer than any healthy commit; short enough that a hung database is noticed and answered. */
const DEFAULT_STORE_TIMEOUT_MS = 10_000;

export interface IntakeService {
  receiver: NotificationReceiver;
  metrics: IntakeMetrics;
  health: JournalHealth;
  /** Stop accepting; store and answer what is in flight; cut off what is still open after graceMs. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /**
   * The process caught the database driver's uncaught write fault (isPostgresDriverSocketFault):
   * log it, replace the journal's connections, probe again. Never rejects.
   */
  recoverFromDriverFault(error: Error): Promise<void>;
}

export async function startIntakeService(options: IntakeServiceOptions): Promise<IntakeService> {
  const { journal, log } = options;
  const safeLog = (entry: IntakeLogEntry): void => {
    try {
      log(entry);
    } catch {
      // a log sink that fails (closed stderr) must not change what senders are answered
    }
  };
  const health = createJournalHealth({
    readiness: () => journal.readiness(),
    reconnect: () => journal.reconnect(),
    onChange: (change) => safeLog(healthLogEntry(change)),
    ...(options.healthRecheckMs !== undefined ? { recheckMs: options.healthRecheckMs } : {}),
  });
  const metrics = createIntakeMetrics(options.metricsSources);
  let shuttingDown = false;
  let receiver: NotificationReceiver;
  try {
    receiver = await startNotificationReceiver({
      sink: journal,
      resolveVerifier: options.resolveVerifier,
      ...(options.host !== undefined ? { host: options.host } : {}),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
      ...(options.signedPath !== undefined ? { signedPath: options.signedPath } : {}),
      ...(options.groupCommit !== undefined ? { groupCommit: options.groupCommit } : {}),
      ...(options.paymentsDrainer ? { paymentsDrainer: options.paymentsDrainer } : {}),
      allowNonLoopback: options.allowNonLoopback ?? false,
      storeHealth: health,
      storeTimeoutMs: options.storeTimeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
      observer: (answered) => {
        metrics.observe(answered);
        safeLog({ event: 'notification', answered });
      },
      onError: (error) => safeLog({ event: 'error', message: error instanceof Error ? error.message : String(error) }),
      serviceEndpoints: createServiceEndpoints({ health, metrics, journal: journal.describe(), shuttingDown: () => shuttingDown }),
    });
  } catch (error) {
    health.close();
    throw error;
  }
  safeLog({ event: 'listening', url: receiver.url, signedPath: receiver.signedPath ?? null, journal: journal.describe(), verifyingWith: options.verifyingWith });

  let stopping: Promise<void> | undefined;
  return {
    receiver,
    metrics,
    health,
    async recoverFromDriverFault(error) {
      safeLog({ event: 'driver-fault', message: error.message, recovery: 'The journal\'s connections are replaced; stores still waiting on the old ones fail and are answered 503.' });
      try {
        await journal.reconnect();
      } catch {
        // the probe reports what is wrong
      }
      await health.check();
    },
    stop(stopOptions) {
      stopping ??= (async () => {
        shuttingDown = true;
        await receiver.close(stopOptions);
        health.close();
      })();
      return stopping;
    },
  };
}
