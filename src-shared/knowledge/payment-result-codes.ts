/**
 * Codes that describe a payment rather than a call: `paymentResultCode` of inquiryPayment and
 * notifyPayment (API-FACTS c.2 "Payment result codes", c.7) and `transactions[].transactionResult`
 * (c.2 "Transaction result codes"). Codes that mean the same as the common errors are left to
 * the common table.
 */
import type { CodeEntry } from './knowledge-types';
import type { ResultStatus } from '../vocabulary';

const PAY_SOURCES = ['API-FACTS c.2', 'API-FACTS c.7', 'D-INQ', 'D-NPAY'];

const pay = (code: string, resultStatus: ResultStatus, meaning: string, nextAction: string, retry: CodeEntry['retry'], extra: Partial<CodeEntry> = {}): CodeEntry => ({
  code,
  kind: 'payment-result',
  field: 'paymentResultCode',
  apis: ['inquiryPayment', 'notifyPayment'],
  resultStatus,
  meaning,
  nextAction,
  retry,
  sources: PAY_SOURCES,
  ...extra,
});

const txn = (code: string, resultStatus: 'F' | 'U', meaning: string, nextAction: string, retry: CodeEntry['retry']): CodeEntry => ({
  code,
  kind: 'payment-result',
  field: 'transactionResult',
  apis: ['inquiryPayment'],
  resultStatus,
  meaning,
  nextAction,
  retry,
  sources: ['API-FACTS c.2', 'D-INQ'],
});

export const PAYMENT_RESULT_CODES: readonly CodeEntry[] = [
  pay('SUCCESS', 'S', 'The buyer paid.', 'Fulfil the order; paymentTime starts the cancel and refund windows.', 'none'),
  pay('CURRENCY_NOT_SUPPORT', 'F', 'The currency is not supported for this payment.', 'Contact Antom support or offer another currency.', 'do-not-retry'),
  pay('FRAUD_REJECT', 'F', 'Blocked by risk control; a buyer who paid is refunded.', 'Appeal with Antom, or chase the refund if the buyer has none after 2 weeks.', 'do-not-retry'),
  pay('INVALID_CARD', 'F', 'The card is unidentifiable or badly formatted.', 'Ask the buyer for another card or to contact the issuer.', 'new-request-id'),
  pay('INVALID_EXPIRY_DATE_FORMAT', 'F', 'expiryYear / expiryMonth have the wrong format.', 'Fix the expiry date format and pay again.', 'fix-request'),
  pay('ISSUER_REJECTS_TRANSACTION', 'F', 'The issuer declined the payment.', 'Ask the buyer for another card, or to contact the issuer.', 'new-request-id'),
  pay('INVALID_ACCESS_TOKEN', 'F', 'The access token expired, was revoked or is missing.', 'Have the buyer authorise again to get a new token.', 'fix-request'),
  pay('INVALID_MERCHANT_STATUS', 'F', 'The merchant is restricted.', 'Contact Antom support.', 'do-not-retry'),
  pay('MERCHANT_KYB_NOT_QUALIFIED', 'F', 'The merchant KYB is insufficient.', 'Contact Antom support to complete KYB.', 'do-not-retry'),
  pay('NO_PAY_OPTIONS', 'F', 'No payment options are available.', 'Contact Antom support.', 'do-not-retry'),
  pay('ORDER_IS_CLOSED', 'F', 'The paymentRequestId belongs to a closed transaction.', 'Pay again with a new paymentRequestId.', 'new-request-id'),
  pay('PAYMENT_AMOUNT_EXCEED_LIMIT', 'F', 'The amount is above the contract or payment method limit.', 'Lower the amount or offer another method.', 'fix-request'),
  pay('PAYMENT_COUNT_EXCEED_LIMIT', 'F', 'Too many payments.', 'Contact Antom support.', 'do-not-retry'),
  pay('PAYMENT_NOT_QUALIFIED', 'F', 'The merchant is not eligible for this payment.', 'Contact Antom support.', 'do-not-retry'),
  pay('RISK_REJECT', 'F', 'Rejected by risk control; a buyer who paid is refunded.', 'Contact Antom support if the buyer has no refund after 2 weeks.', 'do-not-retry'),
  pay('SUSPECTED_CARD', 'F', 'The card is suspected stolen or restricted.', 'Ask the buyer for another card.', 'new-request-id'),
  pay('SUSPECTED_RISK', 'F', 'A suspected security issue; the buyer may retry after 1 working day.', 'Contact Antom support; the buyer may try again after a working day.', 'do-not-retry'),
  pay('USER_AMOUNT_EXCEED_LIMIT', 'F', 'The amount is above the buyer limit.', 'Lower the amount or offer another method.', 'fix-request'),
  pay('USER_BALANCE_NOT_ENOUGH', 'F', 'The buyer balance is not enough.', 'Ask the buyer to top up or use another method.', 'new-request-id'),
  pay('USER_KYC_NOT_QUALIFIED', 'F', 'The buyer KYC is insufficient.', 'Ask the buyer to complete KYC with the payment method.', 'do-not-retry'),
  pay('USER_PAYMENT_VERIFICATION_FAILED', 'F', 'The buyer is restricted by the payment method.', 'Contact Antom support; offer another method.', 'do-not-retry'),
  pay('USER_STATUS_ABNORMAL', 'F', 'The buyer account is abnormal.', 'Contact Antom support; offer another method.', 'do-not-retry'),
  pay('PAYMENT_IN_PROCESS', 'U', 'The payment is still in progress.', 'If redirectActionForm.redirectUrl is present, send the buyer there; otherwise inquire again in 3-5 s or wait for notifyPayment.', 'wait-for-notification'),
  pay('UNKNOWN_EXCEPTION', 'U', 'The payment ended with an unknown result.', 'For a Cashier payment the docs say to pay again with a NEW paymentRequestId; first confirm by inquiry that the old one did not succeed (and cancel it if the method cannot refund).', 'new-request-id', {
    note: 'As a call result on capture or refund, UNKNOWN_EXCEPTION means retry with the SAME request ID instead.',
    sources: [...PAY_SOURCES, 'API-FACTS f.2', 'API-FACTS f.3'],
  }),
  pay('CARD_NOT_SUPPORTED', 'F', 'The card is not supported.', 'Ask the buyer for another card.', 'new-request-id'),
  pay('INVALID_EXPIRATION_DATE', 'F', 'The expiry date in paymentMethodMetaData is wrong.', 'Fix the expiry date, or contact Antom support.', 'fix-request'),
  pay('INVALID_CARD_NUMBER', 'F', 'The card number is wrong.', 'Fix the card number or use another card.', 'fix-request'),
  pay('DO_NOT_HONOR', 'F', 'The issuer declined (do not honor).', 'Ask the buyer for another card or to contact the issuer.', 'new-request-id'),

  txn('ORDER_NOT_EXIST', 'F', 'The capture or refund transaction is not known (yet).', 'Inquire again after 15 s; if still absent after 3 tries, it was never created.', 'inquire'),
  txn('PAYMENT_IN_PROCESS', 'U', 'The transaction is still in progress.', 'Wait for the notification or inquire again shortly.', 'wait-for-notification'),
  txn('AUTHENTICATION_REQUIRED', 'F', '3D Secure authentication is required.', 'Redo the payment with 3DS enabled.', 'new-request-id'),
  txn('PAYMENT_PROHIBITED', 'F', 'The goods are prohibited in the buyer country.', 'Do not retry; there is no appeal.', 'do-not-retry'),
  txn('INVALID_AMOUNT', 'F', 'The issuer declined the amount.', 'Try a different amount or another card.', 'do-not-retry'),
];
