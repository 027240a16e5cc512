/**
 * antom-ops notifications: run the verifying receiver in the foreground (or as a service: JSON
 * logs, /healthz /readyz /metrics, graceful SIGTERM; docs/team-mode.md), list and inspect what
 * it stored, and replay a stored notification to an integrator's server.
 */
import type { CliCommand } from '../command';
import { ConsoleError } from '../../../src-shared/errors';
import { EXIT_NEGATIVE, EXIT_OK, printFields, printJson, type CliIo } from '../cli-output';
import { flag, optionalString, parseCommandArgs, parsePort, readFileArg, requireString, type ParsedCommandArgs, unknownSubcommand } from '../cli-args';
import { withDoor, withJournalDoor } from '../cli-core';
import { FILTER_OPTIONS, FILTER_USAGE, notificationFilterFromArgs, pageFromArgs } from '../journal-filter-args';
import { parsePublicKey } from '../../core/keys/parse-keys';
import { journalConfigFromArgs } from '../database-option';
import { openJournal, type JournalConfig } from '../../core/journal/open-journal';
import { startPaymentsDrainThread } from '../../core/receiver/payments-drain-thread';
import type { PaymentsDrainer } from '../../core/receiver/payments-drainer';
import { startIntakeService } from '../../core/receiver/intake-service';
import { jsonLogLine, textLogLine, type IntakeLogEntry } from '../../core/receiver/intake-log';
import { runUntilStopSignal } from '../service-lifecycle';
import { isPostgresDriverFault } from '../../core/journal/postgres/postgres-connection';
import { assertJournalReceives } from '../../core/handlers/journal-role-guards';
import type { Verifier } from '../../core/receiver/verify-notification';
import type { NotificationSummary } from '../../../src-shared/journal-views';
import { profileNamed } from './profiles-command';
import type { Journal } from '../../core/journal/journal';
import type { ForwardStatusView } from '../../../src-shared/journal-views';
import { parseForwardTarget } from '../../core/forwarding/forward-target';
import { startForwardWorker } from '../../core/forwarding/forward-worker';
import { forwardingSink } from '../../core/forwarding/forwarding-sink';

const usage = [
  'antom-ops notifications listen [--port N] (--profile NAME | --antom-public-key FILE) [--path P] [--signed-path PUBLIC_PATH] [--host H --allow-non-loopback] [--data-dir DIR | --database URL] [--forward-to URL] [--json]',
  '  (--json: the first stdout line is {"url": ...}; logs are JSON lines on stderr. Also serves GET /healthz, /readyz, /metrics. SIGTERM stops gracefully.)',
  `antom-ops notifications list [--type T,..] [--verification verified|rejected] [--reject-reason R,..] [--acknowledged|--unacknowledged] ${FILTER_USAGE} [--json]`,
  'antom-ops notifications show ID [--json]',
  'antom-ops notifications replay ID --to URL [--mode as-received|re-signed] [--json]   (re-signed: embedded sandbox profiles only)',
  'antom-ops notifications forward-resend ID [--json]   (send again, from now, a forward the --forward-to backend has not accepted)',
  'with --json, list prints {"entries": [...], "nextCursor": C or null}; pass --cursor C for the next page',
].join('\n       ');

/** Node's own exit code for an uncaught exception. */
const EXIT_CRASHED = 1;
/** A stop that takes longer than this is forced (a second signal forces it at once). */
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Connections still open this long after SIGTERM are cut off (their answers are withdrawn, never counted as acknowledged). */
const SHUTDOWN_CONNECTION_GRACE_MS = 5_000;

/** The list entry scripts rely on (issue contract): stable keys, nulls rather than missing keys. */
export function notificationListEntry(n: NotificationSummary) {
  return {
    id: n.id, notifyType: n.notifyType, verification: n.verification, rejectReason: n.rejectReason, rejectDetail: n.rejectDetail,
    acknowledged: n.acknowledged, duplicateOf: n.duplicateOf, attempts: n.attempts,
    paymentRequestId: n.paymentRequestId ?? null, paymentId: n.paymentId ?? null, captureId: n.captureId ?? null, refundId: n.refundId ?? null,
    refundRequestId: n.refundRequestId ?? null, captureRequestId: n.captureRequestId ?? null,
    status: n.status, resultCode: n.resultCode, amount: n.amount, profile: n.profile, receivedAt: n.receivedAt, lastSeenAt: n.lastSeenAt,
    forwardState: n.forwardState,
  };
}

async function listen(args: ParsedCommandArgs, io: CliIo): Promise<number> {
  const json = flag(args, 'json');
  const keyFile = optionalString(args, 'antom-public-key');
  const profileName = optionalString(args, 'profile');
  if ((keyFile === undefined) === (profileName === undefined)) {
    throw new ConsoleError('VALIDATION_FAILED', 'Give exactly one of --profile NAME or --antom-public-key FILE.', 'The receiver needs the Antom public key to verify notifications with.');
  }
  let resolveVerifier: (clientId: string) => Verifier | undefined;
  let describe: string;
  if (keyFile) {
    const key = parsePublicKey(readFileArg(keyFile, 'antom-public-key').toString('utf8')).keyObject;
    // One key for every client-id: the receiver is the integrator's own, for one merchant.
    resolveVerifier = () => ({ profile: 'cli', antomPublicKey: key });
    describe = `Antom public key from ${keyFile}`;
  } else {
    const summary = await withDoor(args, async (door) => profileNamed(await door.call('listProfiles', {}), profileName!), { core: { ensureDefaultProfile: false } });
    if (!summary.antomPublicKey) throw new ConsoleError('KEY_MISSING', `Profile "${summary.name}" has no Antom public key.`, 'Set it with `antom-ops profiles set-antom-key NAME --antom-public-key FILE`.');
    const key = parsePublicKey(summary.antomPublicKey).keyObject;
    resolveVerifier = (clientId) => (clientId === summary.clientId ? { profile: summary.name, antomPublicKey: key } : undefined);
    describe = `profile "${summary.name}" (client-id ${summary.clientId})`;
  }
  const journalConfig = journalConfigFromArgs(args);
  const journal = await openJournal(journalConfig);
  // --json is the service mode: one JSON object per log line. Otherwise short lines for a person
  // (the listening line is then on stdout already).
  const log = (entry: IntakeLogEntry): void => {
    if (json) io.err(jsonLogLine(entry));
    else if (entry.event !== 'listening') io.err(textLogLine(entry));
  };
  // A login that cannot store notifications (db roles) is refused at start, not on every POST.
  await assertJournalReceives(journal).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const relay = startRelay(args, journal, io, json);
  const paymentsDrainer = await startDrainThread(journalConfig, log);
  let service;
  try {
    service = await startIntakeService({
      ...(paymentsDrainer ? { paymentsDrainer } : {}),
      // With --forward-to, every batch is stored together with its outbox rows (one transaction).
      journal: relay
        ? { ...relay.sink, readiness: () => journal.readiness(), reconnect: () => journal.reconnect(), describe: () => journal.describe() }
        : journal,
      ...(relay ? { metricsSources: { forwardQueueDepth: () => journal.outboxDepth() } } : {}),
      resolveVerifier,
      verifyingWith: describe,
      log,
      port: parsePort(optionalString(args, 'port')),
      ...(optionalString(args, 'host') ? { host: optionalString(args, 'host')! } : {}),
      ...(optionalString(args, 'path') ? { path: optionalString(args, 'path')! } : {}),
      ...(optionalString(args, 'signed-path') ? { signedPath: optionalString(args, 'signed-path')! } : {}),
      allowNonLoopback: flag(args, 'allow-non-loopback'),
    });
  } catch (error) {
    await paymentsDrainer?.close();
    await relay?.worker.close();
    await journal.close();
    throw error;
  }
  const { receiver } = service;
  // The uncaught exceptions a service survives are the PostgreSQL driver's faults on a dropped
  // connection: a timer touching its socket, or a promise only the driver held rejecting
  // (postgres-connection.ts). Anything else is a bug: logged, and the process exits
  // as Node would (systemd's Restart= starts it again; nothing unacknowledged is lost).
  const onUncaught = (error: Error, origin: string): void => {
    if (isPostgresDriverFault(error, origin)) {
      void service.recoverFromDriverFault(error);
      return;
    }
    log({ event: 'error', message: `uncaught: ${error.stack ?? error.message}` });
    process.exit(EXIT_CRASHED);
  };
  process.on('uncaughtException', onUncaught);
  // The first line's keys are a contract (url first); signedPath is null unless --signed-path.
  if (json) printJson(io, { url: receiver.url, host: receiver.host, port: receiver.port, path: receiver.path, signedPath: receiver.signedPath ?? null, verifyingWith: describe, journal: journal.describe(), ...(relay ? { forwardTo: relay.target } : {}) });
  else {
    printFields(io, [['listening', receiver.url], ...(receiver.signedPath ? [['verifying over', receiver.signedPath] as [string, string]] : []), ['verifying with', describe], ['journal', journal.describe()], ...(relay ? [['forwarding to', relay.target] as [string, string]] : [])]);
    io.out('Press Ctrl+C to stop.');
  }
  await runUntilStopSignal({
    timeoutMs: SHUTDOWN_TIMEOUT_MS,
    onForced: (reason) => log({ event: 'shutdown-forced', reason }),
    stop: async (signal) => {
      const started = performance.now();
      log({ event: 'shutdown-started', signal });
      await service.stop({ graceMs: SHUTDOWN_CONNECTION_GRACE_MS });
      await relay?.worker.close();
      await journal.close();
      log({ event: 'shutdown-complete', ms: performance.now() - started });
    },
  });
  process.off('uncaughtException', onUncaught);
  return EXIT_OK;
}

/**
 * `--forward-to URL`: the durable outbox (core/forwarding). Sends are logged to stderr, one JSON
 * line each with --json. `--forward-time-scale` shrinks Antom's schedule for tests (default 1).
 */
/**
 * On a shared PostgreSQL journal the Payments list rows are derived on a thread of their own
 * (payments-drain-thread.ts says why); on SQLite, and if the thread cannot start, the receiver
 * derives them itself as before (the failure is logged: the service still works, only slower).
 */
async function startDrainThread(config: JournalConfig, log: (entry: IntakeLogEntry) => void): Promise<PaymentsDrainer | undefined> {
  if (config.engine !== 'postgres') return undefined;
  const onError = (error: unknown): void => log({ event: 'error', message: error instanceof Error ? error.message : String(error) });
  try {
    return await startPaymentsDrainThread({ journal: config, onError });
  } catch (error) {
    onError(new Error(`payments drain thread not started, the receiver derives the Payments list itself: ${error instanceof Error ? error.message : String(error)}`));
    return undefined;
  }
}

function startRelay(args: ParsedCommandArgs, journal: Journal, io: CliIo, json: boolean) {
  const forwardTo = optionalString(args, 'forward-to');
  if (forwardTo === undefined) return undefined;
  const target = parseForwardTarget(forwardTo);
  const scaleArg = optionalString(args, 'forward-time-scale');
  const timeScale = scaleArg === undefined ? 1 : Number(scaleArg);
  if (!Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 1) {
    throw new ConsoleError('VALIDATION_FAILED', `--forward-time-scale "${scaleArg}" is not a number in (0, 1].`, 'Leave it out for Antom\'s real schedule; tests pass e.g. 0.001.', { field: 'forward-time-scale' });
  }
  const worker = startForwardWorker({
    journal,
    target,
    timeScale,
    ...(timeScale < 1 ? { pollMs: 50 } : {}),
    onAttempt: (job, attempt, state) => {
      const line = { event: 'forward', notificationId: job.notificationId, round: job.round, attempt: job.attempt, httpStatus: attempt.httpStatus, error: attempt.error, latencyMs: Math.round(attempt.latencyMs), state };
      io.err(json ? JSON.stringify(line) : `forward #${job.notificationId} send ${job.attempt}: ${attempt.httpStatus === null ? attempt.error : `HTTP ${attempt.httpStatus}`} -> ${state ?? 'unknown'}`);
    },
    onError: (error) => io.err(`forwarder: ${String(error)}`),
  });
  return { target, worker, sink: forwardingSink(journal, target, () => worker.wake()) };
}

/** The forward part of `notifications show`. */
function forwardLines(forwards: readonly ForwardStatusView[]): string[] {
  const lines: string[] = [];
  for (const f of forwards) {
    const state = f.state === 'given-up' ? 'GIVEN UP: the backend never accepted it (re-send: notifications forward-resend ID)' : f.state;
    lines.push(`forward to ${f.target}: ${state}, round ${f.round}, ${f.attemptsMade} of ${f.maxAttempts} sends${f.nextAttemptAt ? `, next ${f.nextAttemptAt}` : ''}`);
    for (const a of f.attempts) {
      lines.push(`  ${a.sentAt} round ${a.round} send ${a.attempt}: ${a.httpStatus === null ? `no answer (${a.error ?? ''})` : `HTTP ${a.httpStatus}`} in ${a.latencyMs} ms${a.accepted ? ' accepted' : ''}${a.answerExcerpt ? ` ${a.answerExcerpt.slice(0, 120)}` : ''}`);
    }
  }
  return lines;
}

export const notificationsCommand: CliCommand = {
  name: 'notifications',
  summary: 'Receive and verify Antom notifications, list and inspect them, replay one to a URL',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const args = parseCommandArgs(rest, {
      ...FILTER_OPTIONS, port: { type: 'string' }, host: { type: 'string' }, path: { type: 'string' }, 'signed-path': { type: 'string' }, 'allow-non-loopback': { type: 'boolean' },
      'antom-public-key': { type: 'string' }, to: { type: 'string' }, mode: { type: 'string' }, 'forward-to': { type: 'string' }, 'forward-time-scale': { type: 'string' },
    }, usage);
    const json = flag(args, 'json');
    const idArg = () => {
      const n = Number(args.positionals[0]);
      if (!Number.isInteger(n) || n < 1) throw new ConsoleError('VALIDATION_FAILED', 'Give the notification id (a number from `notifications list`).', `Usage: ${usage}`);
      return n;
    };
    switch (sub) {
      case 'listen':
        return listen(args, io);
      case 'list':
        return withJournalDoor(args, async (door) => {
          const page = await door.call('listNotifications', { filter: notificationFilterFromArgs(args), page: pageFromArgs(args) });
          const entries = page.items.map(notificationListEntry);
          // Scripts page with the cursor, so it travels with the entries.
          if (json) printJson(io, { entries, nextCursor: page.nextCursor ?? null });
          else {
            for (const n of entries) {
              io.out(`#${String(n.id).padEnd(6)} ${n.receivedAt} ${n.notifyType.padEnd(15)} ${(n.verification === 'verified' ? 'verified' : `rejected:${n.rejectReason}`).padEnd(28)} ${n.acknowledged ? 'acked' : 'NOT acked'} x${n.attempts} ${n.paymentId ?? n.paymentRequestId ?? ''}${n.forwardState === 'given-up' ? ' FORWARD NEVER ACCEPTED' : ''}`);
            }
            if (page.nextCursor) io.out(`more: --cursor ${page.nextCursor}`);
          }
          return EXIT_OK;
        });
      case 'show':
        return withJournalDoor(args, async (door) => {
          const view = await door.call('getNotification', { id: idArg() });
          if (json) printJson(io, view);
          else {
            printFields(io, [['notification', `#${view.id} ${view.notifyType}`], ['verification', view.verification === 'verified' ? 'verified' : `REJECTED: ${view.rejectReason} (${view.rejectDetail})`],
              ['acknowledged', view.acknowledged ? `yes, ${view.acknowledgedAt}` : 'no'], ['attempts', view.attempts],
              ['next Antom retry', view.retry.nextRetryDueAt ?? (view.retry.acknowledged ? 'none (acknowledged)' : 'none (schedule exhausted)')]]);
            for (const line of forwardLines(view.forwards)) io.out(line);
            io.out('content verified:');
            io.out(view.contentVerified ?? '(not checked)');
            io.out('body:');
            io.out(view.body);
          }
          return EXIT_OK;
        });
      case 'forward-resend': {
        const id = idArg();
        const profile = optionalString(args, 'profile');
        const forwards = await withDoor(args, (door) => door.call('resendForward', { id }), { core: { ensureDefaultProfile: false }, ...(profile ? { profile } : {}) });
        if (json) printJson(io, { id, forwards });
        else {
          io.out(`#${id} queued again: the receiver forwarding to it sends it within a poll (about a second).`);
          for (const line of forwardLines(forwards)) io.out(line);
        }
        return EXIT_OK;
      }
      case 'replay': {
        const id = idArg();
        const toUrl = requireString(args, 'to', usage);
        const mode = optionalString(args, 'mode') ?? 'as-received';
        // The console's replay: its URL and mode checks, its refusal to re-sign what it must not, its record of the replay.
        const result = await withDoor(args, (door) => door.call('replayNotification', { id, toUrl, mode }), { core: { ensureDefaultProfile: false } });
        if (json) printJson(io, result);
        else {
          printFields(io, [['replayed', `#${id} to ${toUrl} (${mode})`], ['answer', result.httpStatus === null ? `no answer: ${result.error ?? ''}` : `HTTP ${result.httpStatus} ${result.answerBody ?? ''}`],
            ['acknowledged', result.acknowledged ? 'yes' : 'no'], ['latency', `${Math.round(result.latencyMs)} ms`]]);
          for (const note of result.notes) io.err(`warning: ${note}`);
        }
        return result.acknowledged ? EXIT_OK : EXIT_NEGATIVE;
      }
      default:
        throw unknownSubcommand('notifications', sub, usage);
    }
  },
};
