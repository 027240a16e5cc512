/**
 * One payment as the whole console reports it: its derived state and money, computed by ONE
 * function in core (src-main/core/journal/payment-summary.ts: summarisePayment) from the journal's
 * calls, verified notifications, inquiries and disputes. Payments, Captures, Overview, the
 * payments list and the CLI all read this shape, so they can never disagree about a payment.
 *
 * Money is integer minor units as decimal strings (MoneyAmount), in the payment's currency.
 */
import type { MoneyAmount, PaymentState } from './journal-views';

export interface PaymentSummary {
  paymentRequestId: string | null;
  paymentId: string | null;
  /** Every ID the journal links to this payment (for the support lookups). */
  referenceOrderIds: string[];
  state: PaymentState;
  /** Antom's own paymentStatus, from the latest final inquiry or verified notification. */
  antomStatus: string | null;
  /** The result code behind a FAIL / expiry (e.g. ORDER_IS_CLOSED), when Antom gave one. */
  resultCode: string | null;
  currency: string | null;
  amount: MoneyAmount | null;
  /** Card authorisation then capture (isAuthorization), rather than paid at once. */
  authorisationFlow: boolean;
  /** Authorised by Antom (SUCCESS), even if later cancelled: the gross figure. */
  authorised: MoneyAmount | null;
  captured: MoneyAmount | null;
  refunded: MoneyAmount | null;
  /** Authorised but released without capture: cancelled, or the authorisation expired. */
  released: MoneyAmount | null;
  /** Still capturable now (zero once cancelled, expired or fully captured). */
  uncaptured: MoneyAmount | null;
  /** Held by open chargebacks. */
  disputeFrozen: MoneyAmount | null;
  /** Taken back by chargebacks the merchant lost or accepted. */
  chargedBack: MoneyAmount | null;
  /** captured - refunded - chargedBack: what the merchant keeps. */
  net: MoneyAmount | null;
  disputes: number;
  openDisputes: number;
  /** When an authorisation stops being capturable (Antom's authExpiryTime), if known. */
  authExpiryTime: string | null;
  paymentMethodType: string | null;
  profile: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Is there anything left to capture right now? The one rule Payments and Captures share. */
export function isCapturable(summary: Pick<PaymentSummary, 'state' | 'uncaptured'>): boolean {
  return (summary.state === 'AUTHORISED' || summary.state === 'PARTIALLY_CAPTURED') && summary.uncaptured !== null && BigInt(summary.uncaptured.value) > 0n;
}

/** One capture or refund as the journal knows it (its request ID, the latest definite status). */
export interface JournalTransaction {
  transactionType: 'CAPTURE' | 'REFUND';
  /** SUCCESS, FAIL, or PROCESSING while no record has given a final word. */
  transactionStatus: 'SUCCESS' | 'FAIL' | 'PROCESSING';
  /** Antom's captureId / refundId once any record gave it; else the request ID (the only name known yet). */
  transactionId: string;
  /** The merchant's captureRequestId / refundRequestId, when known: what support is often asked about. */
  transactionRequestId?: string | undefined;
  transactionTime: string;
  transactionAmount: { currency: string; value: string } | undefined;
}
