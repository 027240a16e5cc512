/**
 * The derived state and money summary of one payment.
 *
 * States (most specific wins):
 * - CANCELLED  a cancel call succeeded, or an inquiry said CANCELLED (Antom sends no notification
 *              for a cancel, so a SUCCESS notification before it is history, not a contradiction)
 * - EXPIRED    the session closed unpaid (FAIL ORDER_IS_CLOSED), or nothing was paid before the
 *              session's expiry time, or a card authorisation expired with nothing captured
 * - FAILED     the payment's final status is FAIL, or the session was refused and nothing followed
 * - REFUNDED / PARTIALLY_REFUNDED   successful refunds cover all / part of what was captured (paid)
 * - CAPTURED / PARTIALLY_CAPTURED / AUTHORISED   card auth-then-capture (isAuthorization, or any
 *              capture seen): captured total vs the authorised amount
 * - PAID       SUCCESS without an authorisation step (Antom captures automatically)
 * - PROCESSING the latest word is PROCESSING / PENDING
 * - CREATED    a session exists and nothing else is known yet
 * - UNKNOWN    no record gives a status
 *
 * Money: authorised = the payment amount once SUCCESS; captured = successful captures (or the
 * whole amount when auto-captured); refunded = successful refunds; remaining = captured -
 * refunded; released = authorised - captured once cancelled or the authorisation expired;
 * uncaptured = what can still be captured (0 when released). All BigInt; display via formatMinorUnits.
 */
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { MoneyAmount, MoneySummary, PaymentState } from './journal-types';
import { currentPaymentStatus, settledTotal, type AmountFact, type PaymentFacts, type PaymentStatusFact } from './payment-facts';

export interface DerivedPayment {
  state: PaymentState;
  money: MoneySummary | null;
  paymentAmount: AmountFact | undefined;
  authorised: bigint;
  captured: bigint;
  refunded: bigint;
  /** Authorised but never to be captured: cancelled or the authorisation expired. */
  released: bigint;
  uncaptured: bigint;
  /** The status fact the state rests on, if any. */
  current: PaymentStatusFact | undefined;
}

/** Antom's result code for a session that closed before the buyer paid. */
const SESSION_CLOSED_CODE = 'ORDER_IS_CLOSED';

function paymentAmountOf(facts: PaymentFacts): AmountFact | undefined {
  const fromStatus = [...facts.inquiries, ...facts.notifications].reverse().find((f) => f.amount)?.amount;
  return fromStatus ?? facts.sessionAmount;
}

export function derivePayment(facts: PaymentFacts, now: Date): DerivedPayment {
  const current = currentPaymentStatus(facts);
  const paymentAmount = paymentAmountOf(facts);
  const cancelled = facts.cancelledAt !== undefined || current?.status === 'CANCELLED';
  // A cancel leaves the latest final word CANCELLED; whether the payment had been authorised
  // before that is told by any earlier SUCCESS (a verified notification or an inquiry).
  const everSucceeded = current?.status === 'SUCCESS' || (cancelled && [...facts.inquiries, ...facts.notifications].some((f) => f.status === 'SUCCESS'));
  const authFlow = facts.isAuthorization || facts.captures.length > 0 || facts.authExpiryTime !== undefined;
  const authorised = everSucceeded && paymentAmount ? paymentAmount.value : 0n;
  const captured = authFlow ? settledTotal(facts.captures) : cancelled ? 0n : authorised;
  const refunded = settledTotal(facts.refunds);
  const authExpired = authFlow && facts.authExpiryTime !== undefined && Date.parse(facts.authExpiryTime) <= now.getTime();
  const open = authorised > captured ? authorised - captured : 0n;
  const released = cancelled || authExpired ? open : 0n;
  const uncaptured = open - released;

  let state: PaymentState;
  if (cancelled) state = 'CANCELLED';
  else if (current?.status === 'FAIL') state = current.resultCode === SESSION_CLOSED_CODE ? 'EXPIRED' : 'FAILED';
  else if (current?.status === 'SUCCESS') {
    if (refunded > 0n && captured > 0n) state = refunded >= captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    else if (!authFlow) state = 'PAID';
    else if (captured === 0n) state = authExpired ? 'EXPIRED' : 'AUTHORISED';
    else state = captured >= authorised || authExpired ? 'CAPTURED' : 'PARTIALLY_CAPTURED';
  } else if (current) state = facts.sessionExpiresAt && Date.parse(facts.sessionExpiresAt) < now.getTime() && current.status === 'PROCESSING' ? 'EXPIRED' : 'PROCESSING';
  else if (facts.sessionOk === true) state = facts.sessionExpiresAt && Date.parse(facts.sessionExpiresAt) < now.getTime() ? 'EXPIRED' : 'CREATED';
  else if (facts.sessionOk === false) state = 'FAILED';
  else state = 'UNKNOWN';

  const currency = paymentAmount?.currency ?? facts.captures.find((c) => c.amount)?.amount?.currency ?? facts.refunds.find((r) => r.amount)?.amount?.currency;
  const money = currency && isKnownCurrency(currency)
    ? {
        currency,
        authorised: moneyAmount(authorised, currency),
        captured: moneyAmount(captured, currency),
        refunded: moneyAmount(refunded, currency),
        remaining: moneyAmount(captured - refunded, currency),
        uncaptured: moneyAmount(uncaptured, currency),
      }
    : null;
  return { state, money, paymentAmount, authorised, captured, refunded, released, uncaptured, current };
}

export function moneyAmount(value: bigint, currency: string): MoneyAmount {
  return { currency, value: value.toString(), display: isKnownCurrency(currency) ? formatMinorUnits(value, currency) : `${currency} ${value.toString()}` };
}
