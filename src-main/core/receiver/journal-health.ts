/**
 * Is the journal usable right now? The intake service's answer for /readyz, for the group
 * commit's "retry record by record or not" and for the database down/up log lines.
 *
 * - The truth is a readiness probe on the journal itself (Journal.readiness: one round trip on the
 *   pool the writes use, and the schema version), bounded by a timeout: a server that does not
 *   answer is as unavailable as one that refuses.
 * - A store failure triggers a probe: if the journal is not ready the failure was the database's,
 *   not the records'. A committed store proves the journal is up again.
 * - While down, a probe runs every few seconds even without traffic, so "database up" is logged
 *   and /readyz turns 200 by itself. postgres.js opens a fresh connection when the old one died,
 *   but a connection that died with a write buffered can stay unable to write (postgres.js 3.4.9,
 *   porsager/postgres#1154 and #1208): every query on it then hangs. So the journal's pool is
 *   replaced (`reconnect`) whenever the journal is found down, before each probe while it is
 *   down, and whenever a store timed out (even if a probe on another connection succeeds): what
 *   serves after an outage never lived through it.
 * - Starts "up": the service only starts after opening (and migrating) the journal.
 */
import type { JournalReadiness } from '../journal/journal';
import { StoreTimeoutError, type StoreHealth } from './intake-events';

const DEFAULT_PROBE_TIMEOUT_MS = 3_000;
const DEFAULT_RECHECK_MS = 2_000;

export type JournalHealthChange =
  | { state: 'down'; reason: string }
  | { state: 'up'; downForMs: number };

interface JournalHealthOptions {
  readiness: () => Promise<JournalReadiness>;
  /** Start the journal's connections afresh (before each probe while down). */
  reconnect?: () => Promise<void>;
  /** Called on every change between up and down (for the log). */
  onChange?: (change: JournalHealthChange) => void;
  probeTimeoutMs?: number;
  /** How often a down journal is probed again without traffic. */
  recheckMs?: number;
}

export interface JournalHealth extends StoreHealth {
  /** A fresh probe (shared with one already running). Never rejects. */
  check(): Promise<JournalReadiness>;
  /** The last known state, without probing. */
  isUp(): boolean;
  /** Stop the background probe (the service's close). */
  close(): void;
}

export function createJournalHealth(options: JournalHealthOptions): JournalHealth {
  const probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const recheckMs = options.recheckMs ?? DEFAULT_RECHECK_MS;
  let up = true;
  let downSince = 0;
  let closed = false;
  let probing: Promise<JournalReadiness> | undefined;
  let recheck: NodeJS.Timeout | undefined;
  // The schema version the last answer named, for a timeout's report.
  let knownSchemaVersion = 0;

  // One reconnect at a time; a request for one while it runs is served by it.
  let reconnecting: Promise<void> | undefined;
  function reconnect(): Promise<void> {
    if (!options.reconnect) return Promise.resolve();
    reconnecting ??= options.reconnect().catch(() => undefined).finally(() => {
      reconnecting = undefined;
    });
    return reconnecting;
  }

  function changed(ready: boolean, reason: string | undefined): void {
    if (!ready) void reconnect();
    if (ready === up) return;
    up = ready;
    if (ready) {
      clearTimeout(recheck);
      recheck = undefined;
      notify({ state: 'up', downForMs: Date.now() - downSince });
    } else {
      downSince = Date.now();
      notify({ state: 'down', reason: reason ?? 'The journal is not ready.' });
      scheduleRecheck();
    }
  }
  function notify(change: JournalHealthChange): void {
    try {
      options.onChange?.(change);
    } catch {
      // a failing log line must not change what the receiver answers
    }
  }
  function scheduleRecheck(): void {
    if (closed || up || recheck) return;
    recheck = setTimeout(() => {
      recheck = undefined;
      void (async () => {
        await reconnect();
        await check();
        scheduleRecheck();
      })();
    }, recheckMs);
    recheck.unref();
  }

  async function probe(): Promise<JournalReadiness> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<JournalReadiness>((resolve) => {
      timer = setTimeout(() => resolve({
        ready: false, schemaVersion: undefined, knownSchemaVersion,
        reason: `The journal did not answer within ${probeTimeoutMs / 1000} s.`,
      }), probeTimeoutMs);
    });
    const answered = options.readiness().catch((error: unknown): JournalReadiness => ({
      ready: false, schemaVersion: undefined, knownSchemaVersion, reason: error instanceof Error ? error.message : String(error),
    }));
    try {
      const result = await Promise.race([answered, timedOut]);
      knownSchemaVersion = result.knownSchemaVersion;
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  function check(): Promise<JournalReadiness> {
    probing ??= probe().then((result) => {
      probing = undefined;
      changed(result.ready, result.reason);
      return result;
    });
    return probing;
  }

  return {
    check,
    isUp: () => up,
    async storeFailed(error: unknown): Promise<boolean> {
      // A timed-out store may sit on a stuck connection that a probe on another would not reveal.
      if (error instanceof StoreTimeoutError) await reconnect();
      return !(await check()).ready;
    },
    storeSucceeded(): void {
      changed(true, undefined);
    },
    close(): void {
      closed = true;
      clearTimeout(recheck);
      recheck = undefined;
    },
  };
}
