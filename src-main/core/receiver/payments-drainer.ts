/**
 * The Payments list's background refresh for a receiver. Storing a notification only queues the
 * payment it names (payments_pending, in the store's transaction); deriving the payment's list row
 * is work the sender need not wait for. So after each commit the receiver wakes this drainer, which
 * derives the queue in bounded chunks (Journal.refreshQueuedPayments) once the answers are out:
 *
 *  - wake() starts a drain a short while later (PAYMENTS_DRAIN_DELAY_MS): the receiver writes its
 *    answers in the turn the commit resolves, so acknowledgements are on the sockets first, and
 *    the commits of that while are derived together, in one transaction instead of one per group
 *    commit. Each drain transaction has a fixed cost (its commit: a WAL write on SQLite, a
 *    flushed commit on PostgreSQL, plus the pages of the payments table's indexes it dirties),
 *    which a drain per group commit paid for every ~40 payments;
 *  - wakes coalesce: one drain at a time; a wake during a drain runs one more pass after it;
 *  - a pass takes chunks while the journal answers a full chunk, yielding a turn between them so
 *    new notifications are read, stored and answered in between (SQLite derives on this thread);
 *  - an error is reported and the drain stops until the next wake (a list read drains the rest);
 *  - close() waits for the chunk in flight and wakes no more: the caller closes the journal after.
 */
import type { Journal } from '../journal/journal';
import { singleFlight } from '../single-flight';

/** Payments per refresh transaction: short enough not to hold a receiver's turn for long. */
const PAYMENTS_DRAIN_CHUNK = 500;

/**
 * How long a wake waits before draining, so the payments of several group commits share one
 * transaction. Well under the time a person takes to look at the list (and a list read derives
 * whatever is still queued anyway).
 */
const PAYMENTS_DRAIN_DELAY_MS = 25;

export interface PaymentsDrainer {
  /** A commit queued payments: drain after this turn. */
  wake(): void;
  /** Stop waking; resolves when the chunk in flight is committed. Never rejects. */
  close(): Promise<void>;
}

interface PaymentsDrainerOptions {
  journal: Pick<Journal, 'refreshQueuedPayments'>;
  onError: (error: unknown) => void;
  chunk?: number;
  /** Milliseconds from a wake to its drain (0: the next turn). */
  delayMs?: number;
}

export function startPaymentsDrainer(options: PaymentsDrainerOptions): PaymentsDrainer {
  const chunk = options.chunk ?? PAYMENTS_DRAIN_CHUNK;
  const delayMs = options.delayMs ?? PAYMENTS_DRAIN_DELAY_MS;
  let closed = false;
  let scheduled = false;
  let timer: NodeJS.Timeout | undefined;

  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  async function drain(): Promise<void> {
    try {
      while (!closed && (await options.journal.refreshQueuedPayments(chunk)) >= chunk) await nextTurn();
    } catch (error) {
      options.onError(error);
    }
  }

  const passes = singleFlight(drain, { stopped: () => closed });
  function run(): void {
    scheduled = false;
    timer = undefined;
    passes.request();
  }

  return {
    wake() {
      if (closed || scheduled) return;
      scheduled = true;
      if (delayMs > 0) timer = setTimeout(run, delayMs);
      else setImmediate(run);
    },
    async close() {
      closed = true;
      // A drain that has not started is left to the next list read (the queue is durable).
      clearTimeout(timer);
      await passes.inFlight();
    },
  };
}
