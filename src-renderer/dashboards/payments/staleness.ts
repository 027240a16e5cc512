/**
 * When the payment's detail asks Antom again by itself (one inquiry in the background on open).
 * The stored state is stale when Antom may still change it and nothing was heard for a while:
 * - CREATED, PROCESSING, UNKNOWN, AUTHORISED, PARTIALLY_CAPTURED: newest record older than 60 s
 *   (a buyer may pay, a capture may land, an authorisation may be voided at any moment);
 * - PAID, CAPTURED, PARTIALLY_REFUNDED: older than 15 minutes (refunds made elsewhere);
 * - FAILED, CANCELLED, EXPIRED, REFUNDED: never (final: Antom will not change them).
 */
import type { PaymentState } from '../../../src-shared/journal-views';

const MOVING: ReadonlySet<PaymentState> = new Set(['CREATED', 'PROCESSING', 'UNKNOWN', 'AUTHORISED', 'PARTIALLY_CAPTURED']);
const SETTLED: ReadonlySet<PaymentState> = new Set(['PAID', 'CAPTURED', 'PARTIALLY_REFUNDED']);
const MOVING_STALE_MS = 60_000;
const SETTLED_STALE_MS = 15 * 60_000;

export function isStale(state: PaymentState, newestRecordAt: string | undefined, now: number): boolean {
  const age = newestRecordAt ? now - Date.parse(newestRecordAt) : Number.POSITIVE_INFINITY;
  if (MOVING.has(state)) return age > MOVING_STALE_MS;
  if (SETTLED.has(state)) return age > SETTLED_STALE_MS;
  return false;
}
