/**
 * Which request ID a money-moving intent should use (API-FACTS f.2 / f.3). A capture or refund
 * of payment P for amount A whose last attempt ended unknown (network failure, timeout, U) must
 * be sent again with the SAME request ID, or money could move twice; a new ID is minted only
 * once the intent reached a final S or F.
 *
 * An interface so the SQLite journal can back it and survive restarts; the in-memory ledger
 * serves tests, the CLI and a client built without a journal.
 *
 * Cancel is not here: it has no request ID of its own (Antom keys it on the payment IDs), so
 * resending a cancel is already idempotent.
 */
export interface MoneyIntent {
  kind: 'capture' | 'refund';
  paymentId: string;
  currency: string;
  /** Minor units, as on the wire. */
  value: string;
}

export type IntentEnd = 'final' | 'unknown';

export interface RequestIdLedger {
  /** The request ID of the last attempt of this intent if it has not reached a final result. */
  pendingRequestId(intent: MoneyIntent): Promise<string | undefined>;
  /** Called before the first byte is sent, so a crash mid-call leaves the ID pending. */
  begin(intent: MoneyIntent, requestId: string): Promise<void>;
  /** 'final' (S or F) frees the intent for a new ID; 'unknown' keeps this ID for the next try. */
  end(intent: MoneyIntent, requestId: string, how: IntentEnd): Promise<void>;
}

export function intentKey(intent: MoneyIntent): string {
  return `${intent.kind}|${intent.paymentId}|${intent.currency}|${intent.value}`;
}

export class InMemoryRequestIdLedger implements RequestIdLedger {
  private readonly pending = new Map<string, string>();

  async pendingRequestId(intent: MoneyIntent): Promise<string | undefined> {
    return this.pending.get(intentKey(intent));
  }

  async begin(intent: MoneyIntent, requestId: string): Promise<void> {
    this.pending.set(intentKey(intent), requestId);
  }

  async end(intent: MoneyIntent, requestId: string, how: IntentEnd): Promise<void> {
    const key = intentKey(intent);
    if (how === 'final' && this.pending.get(key) === requestId) this.pending.delete(key);
  }
}
