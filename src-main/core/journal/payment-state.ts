/**
 * The derived state and money summary of one payment.
 *
 * States (most specific wins):
 * - CANCELLED  a cancel call succeeded, or an inquiry said CANCELLED
 * - FAILED     the payment's final status is FAIL, or the session was refused and nothing followed
 * - REFUNDED / PARTIALLY_REFUNDED   successful refunds cover all / part of what was captured (paid)
 * - CAPTURED / PARTIALLY_CAPTURED / AUTHORISED   card auth-then-capture (isAuthorization, or any
 *              capture seen): captured total vs the authorised amount
 * - PAID       SUCCESS without an authorisation step (Antom captures automatically)
 * - PROCESSING the latest word is PROCESSING / PENDING
 * - EXPIRED    a session was created, nothing was paid, and its expiry time has passed
 * - CREATED    a session exists and nothing else is known yet
 * - UNKNOWN    no record gives a status
 *
 * Money: authorised = the payment amount once SUCCESS; captured = successful captures (or the
 * whole amount when auto-captured); refunded = successful refunds; remaining = captured -
 * refunded; uncaptured = authorised - captured. All BigInt; display via formatMinorUnits.
 */
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { MoneyAmount, MoneySummary, PaymentState } from './journal-types';
import { currentPaymentStatus, settledTotal, type AmountFact, type PaymentFacts } from './payment-facts';

export interface DerivedPayment {
  state: PaymentState;
  money: MoneySummary | null;
  paymentAmount: AmountFact | undefined;
  authorised: bigint;
  captured: bigint;
  refunded: bigint;
}

function paymentAmountOf(facts: PaymentFacts): AmountFact | undefined {
  const fromStatus = [...facts.inquiries, ...facts.notifications].reverse().find((f) => f.amount)?.amount;
  return fromStatus ?? facts.sessionAmount;
}

export function derivePayment(facts: PaymentFacts, now: Date): DerivedPayment {
  const current = currentPaymentStatus(facts);
  const paymentAmount = paymentAmountOf(facts);
  const succeeded = current?.status === 'SUCCESS';
  const authFlow = facts.isAuthorization || facts.captures.length > 0;
  const authorised = succeeded && paymentAmount ? paymentAmount.value : 0n;
  const captured = authFlow ? settledTotal(facts.captures) : authorised;
  const refunded = settledTotal(facts.refunds);

  let state: PaymentState;
  if (facts.cancelledAt || current?.status === 'CANCELLED') state = 'CANCELLED';
  else if (current?.status === 'FAIL') state = 'FAILED';
  else if (succeeded) {
    if (refunded > 0n && captured > 0n) state = refunded >= captured ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    else if (!authFlow) state = 'PAID';
    else if (captured === 0n) state = 'AUTHORISED';
    else state = captured >= authorised ? 'CAPTURED' : 'PARTIALLY_CAPTURED';
  } else if (current) state = 'PROCESSING';
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
        uncaptured: moneyAmount(authorised > captured ? authorised - captured : 0n, currency),
      }
    : null;
  return { state, money, paymentAmount, authorised, captured, refunded };
}

export function moneyAmount(value: bigint, currency: string): MoneyAmount {
  return { currency, value: value.toString(), display: isKnownCurrency(currency) ? formatMinorUnits(value, currency) : `${currency} ${value.toString()}` };
}
