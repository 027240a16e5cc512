/**
 * What the receiver tells the intake service about each POST it answered on a notify path, after
 * the answer is written: the one event the service's log line and metrics are made from
 * (intake-log.ts, intake-metrics.ts). Health checks, 404s and 405s are not notifications and
 * produce no event.
 */
import type { ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';

/**
 * - stored: committed, then answered (acknowledged when verified).
 * - store-failed: the journal refused this record (it was retried on its own); answered 500.
 * - store-unavailable: the journal could not be reached; answered 503 (Antom resends).
 * - not-stored: a rejected POST over the budget for rejected records (rejected-body-budget.ts); only answered.
 */
export type IntakeOutcome = 'stored' | 'store-failed' | 'store-unavailable' | 'not-stored';

export interface NotificationAnswered {
  record: ReceivedNotification;
  /** The stored row (undefined unless outcome is 'stored'). */
  ref: StoredNotificationRef | undefined;
  outcome: IntakeOutcome;
  httpStatus: number;
  /** Antom's acknowledgement was handed to the socket (verified and stored). */
  acknowledged: boolean;
  /** From the request's arrival to its answer being written. */
  latencyMs: number;
  /** From the complete body being queued for the journal to the commit (or failure); undefined when not stored. */
  storeMs: number | undefined;
}

/** Called once per answered notification POST; must not throw (a throw is reported, never fatal). */
export type IntakeObserver = (event: NotificationAnswered) => void;

/**
 * How the journal's health is told about stores (journal-health.ts). storeFailed decides whether a
 * failed batch is worth retrying record by record: not when the database is unreachable.
 */
export interface StoreHealth {
  /** A store failed. Resolves true when the journal is unavailable (not a problem of these records). Never rejects. */
  storeFailed(error: unknown): Promise<boolean>;
  /** A store committed: the journal is reachable. */
  storeSucceeded(): void;
}

/** A store that did not commit in time (group-commit.ts storeTimeoutMs): its connection may be stuck. */
export class StoreTimeoutError extends Error {
  constructor(limitMs: number) {
    super(`The journal did not commit within ${limitMs / 1000} s.`);
    this.name = 'StoreTimeoutError';
  }
}
