/**
 * The one function that says what a payment is: state and money from the journal's facts (calls,
 * verified notifications, inquiries) and its disputes. The timeline (Payments), Captures'
 * awaiting list, Overview's totals, the payments list and the CLI all call summarisePayment, so a
 * payment's state is decided in exactly one place (derivePayment in payment-state.ts).
 */
import type { DisputeView } from '../../../src-shared/dispute-views';
import type { JournalTransaction, PaymentSummary } from '../../../src-shared/payment-summary';
import { disputeFunds } from './dispute-queries';
import type { CallRow, NotificationRow } from './journal-rows';
import type { MoneyAmount } from './journal-types';
import { collectFacts, type PaymentFacts } from './payment-facts';
import { derivePayment, moneyAmount, type DerivedPayment } from './payment-state';

const OPEN_DISPUTE_STATUSES = new Set(['OPEN', 'DEADLINE_PASSED', 'DEFENDED']);

interface SummaryInput {
  calls: CallRow[];
  notes: NotificationRow[];
  /** Disputes of this payment (dispute-queries.ts listDisputes, filtered). */
  disputes: readonly DisputeView[];
}

interface SummaryResult {
  summary: PaymentSummary;
  facts: PaymentFacts;
  derived: DerivedPayment;
}

function firstSorted(values: Iterable<string | null>): string | null {
  return [...new Set([...values].filter((v): v is string => Boolean(v)))].sort()[0] ?? null;
}

/** Summarise one payment from its own rows (everything the journal links to it). */
export function summarisePayment(input: SummaryInput, now: Date): SummaryResult {
  const facts = collectFacts(input.calls, input.notes);
  const derived = derivePayment(facts, now);
  // IDs come from calls and verified notifications: a rejected one names nothing for sure.
  const rows = [...input.calls, ...input.notes.filter((n) => n.verification === 'verified')];
  const currency = derived.money?.currency ?? derived.paymentAmount?.currency ?? null;
  const funds = disputeFunds(input.disputes, derived.money);
  const amt = (value: bigint): MoneyAmount | null => (currency ? moneyAmount(value, currency) : null);
  const chargedBack = funds?.chargedBack ? BigInt(funds.chargedBack.value) : 0n;
  const summary: PaymentSummary = {
    paymentRequestId: firstSorted(rows.map((r) => r.payment_request_id)),
    paymentId: firstSorted(rows.map((r) => r.payment_id)),
    referenceOrderIds: [...new Set(rows.map((r) => r.reference_order_id).filter((v): v is string => Boolean(v)))].sort(),
    state: derived.state,
    antomStatus: derived.current?.status ?? null,
    resultCode: derived.current?.resultCode ?? null,
    currency,
    amount: derived.paymentAmount ? moneyAmount(derived.paymentAmount.value, derived.paymentAmount.currency) : null,
    authorisationFlow: facts.isAuthorization || facts.captures.length > 0 || facts.authExpiryTime !== undefined,
    authorised: amt(derived.authorised),
    captured: amt(derived.captured),
    refunded: amt(derived.refunded),
    released: amt(derived.released),
    uncaptured: amt(derived.uncaptured),
    disputeFrozen: funds?.disputeFrozen ?? amt(0n),
    chargedBack: funds?.chargedBack ?? amt(0n),
    net: amt(derived.captured - derived.refunded - chargedBack),
    disputes: input.disputes.length,
    openDisputes: input.disputes.filter((d) => OPEN_DISPUTE_STATUSES.has(d.status)).length,
    authExpiryTime: facts.authExpiryTime ?? null,
    paymentMethodType: facts.paymentMethodType ?? null,
    profile: facts.profile ?? null,
    createdAt: facts.firstSeenAt ?? null,
    updatedAt: facts.lastSeenAt ?? null,
  };
  return { summary, facts, derived };
}

/** Captures and refunds from the facts, one row per request (latest definite word wins, as in the totals). */
export function journalTransactions(facts: PaymentFacts): JournalTransaction[] {
  const out: JournalTransaction[] = [];
  const fold = (type: JournalTransaction['transactionType'], movements: PaymentFacts['captures']): void => {
    const byKey = new Map<string, JournalTransaction>();
    for (const m of movements) {
      let t = byKey.get(m.key);
      if (!t) byKey.set(m.key, (t = { transactionType: type, transactionStatus: 'PROCESSING', transactionId: m.key, transactionTime: m.at, transactionAmount: undefined }));
      // Antom's own ID is the transaction's name once any record gives it; the merchant's request ID beside it.
      if (m.antomId) t.transactionId = m.antomId;
      if (m.requestId) t.transactionRequestId ??= m.requestId;
      if (m.ok !== undefined) t.transactionStatus = m.ok ? 'SUCCESS' : 'FAIL';
      t.transactionAmount ??= m.amount ? { currency: m.amount.currency, value: m.amount.value.toString() } : undefined;
    }
    out.push(...byKey.values());
  };
  fold('CAPTURE', facts.captures);
  fold('REFUND', facts.refunds);
  return out.sort((a, b) => a.transactionTime.localeCompare(b.transactionTime));
}
