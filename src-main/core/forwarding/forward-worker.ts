/**
 * The relay's worker: sends the outbox's due forwards to the merchant's backend and records each
 * send. It only ever READS the outbox the receiver writes, so Antom's acknowledgement never waits
 * for it: the receiver answers as soon as the notification (and its outbox row) is committed, and
 * the worker is woken after that (forwarding-sink.ts) or finds the row on its next poll.
 *
 * - Claims are leased (Journal.claimDueForwards): several receivers on one PostgreSQL database
 *   never send the same row at the same time; a worker that dies mid-send only delays the row
 *   until its lease runs out.
 * - Antom's own schedule decides when a failed send is due again (0 s, 2 min, 10 min, 10 min,
 *   1 h, 2 h, 6 h, 15 h); after the 8th the forward is given up ("backend never accepted") until
 *   someone re-sends it. `timeScale` shrinks the gaps for tests only.
 * - It polls (every `pollMs`): due times pass, and a Re-send made in a console elsewhere only
 *   shows up in the database.
 */
import type { ForwardState } from '../../../src-shared/journal-views';
import type { ForwardAttemptInput, ForwardJob } from '../journal/forward-outbox';
import type { Journal } from '../journal/journal';
import { postForward } from './forward-http';
import { singleFlight } from '../single-flight';

const DEFAULT_POLL_MS = 1000;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BATCH = 8;

interface ForwardWorkerOptions {
  journal: Pick<Journal, 'claimDueForwards' | 'recordForwardAttempt'>;
  /** Checked with parseForwardTarget. */
  target: string;
  /** 1 = Antom's production schedule (default); smaller shrinks the gaps (tests). */
  timeScale?: number;
  pollMs?: number;
  timeoutMs?: number;
  /** Forwards sent at once. */
  batch?: number;
  now?: () => Date;
  /** After each send is recorded (logs). */
  onAttempt?: (job: ForwardJob, attempt: ForwardAttemptInput, state: ForwardState | undefined) => void;
  /** A claim or record that failed (the database is down): the worker keeps going. */
  onError?: (error: unknown) => void;
}

interface ForwardWorker {
  /** Look for due forwards now (a notification was just stored). */
  wake(): void;
  /** Stop polling and wait for the sends in flight to be recorded. */
  close(): Promise<void>;
}

export function startForwardWorker(options: ForwardWorkerOptions): ForwardWorker {
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeScale = options.timeScale ?? 1;
  // A claim outlives the slowest send, so it never expires while its send is still running.
  const leaseMs = timeoutMs + 30_000;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // a failing reporter must not stop the worker
    }
  };

  async function sendOne(job: ForwardJob): Promise<void> {
    const attempt = await postForward(job.target, job.headers, job.body, timeoutMs, now);
    let state: ForwardState | undefined;
    try {
      state = await options.journal.recordForwardAttempt(job, attempt, { timeScale });
    } catch (error) {
      // The send happened but could not be recorded: the lease runs out and the row is sent again.
      report(error);
      return;
    }
    try {
      options.onAttempt?.(job, attempt, state);
    } catch (error) {
      report(error);
    }
  }

  /** Claim and send until nothing is due, then wait for the next poll or wake. */
  async function drain(): Promise<void> {
    for (;;) {
      let jobs: ForwardJob[];
      try {
        jobs = await options.journal.claimDueForwards({ target: options.target, now: now(), limit: options.batch ?? DEFAULT_BATCH, leaseMs });
      } catch (error) {
        report(error);
        return;
      }
      if (jobs.length === 0) return;
      await Promise.all(jobs.map(sendOne));
      if (closed) return;
    }
  }

  function schedule(delay: number): void {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  const passes = singleFlight(drain, { stopped: () => closed, onIdle: () => schedule(pollMs) });
  const run = (): void => passes.request();

  schedule(0);
  return {
    wake() {
      // setImmediate: after whatever the caller is doing in this turn (the receiver's answers go out first).
      if (!closed) setImmediate(run);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await passes.inFlight();
    },
  };
}
