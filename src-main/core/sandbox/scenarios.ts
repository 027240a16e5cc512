/**
 * Deterministic test scenarios, the way payment providers document test cards: the last two
 * digits of an amount (or a prefix of a request ID) pick an outcome. One data table, rendered
 * in docs/sandbox-scenarios.md; anything not listed (e.g. amounts ending in 00) is a plain
 * success path.
 */
import type { ResultStatus } from '../../../src-shared/vocabulary';

export type BuyerOutcome = 'success' | 'fail' | 'processing' | 'cancel' | 'expire';

export type ScenarioEffect =
  /** The API answers with this code (F unless resultStatus says U) and changes nothing. */
  | { type: 'reject'; resultCode: string; resultMessage: string; resultStatus?: 'F' | 'U' }
  /** What the buyer does when the control surface says `pay` without an explicit outcome. */
  | { type: 'buyer'; outcome: BuyerOutcome; resultCode?: string; resultMessage?: string }
  /** The API answers U (…_IN_PROCESS); the operation settles later to `finalStatus`. */
  | { type: 'inProcess'; resultCode: string; resultMessage: string; finalStatus: 'SUCCESS' | 'FAIL'; finalResultCode: string; finalResultMessage: string };

/**
 * Which amount is matched: createPaymentSession, pay and cancel look at the payment's amount,
 * capture at captureAmount, refund at refundAmount, inquiryRefund at the refund's amount.
 */
type ScenarioApi = 'createPaymentSession' | 'pay' | 'capture' | 'cancel' | 'refund' | 'inquiryRefund';

interface AmountScenario {
  api: ScenarioApi;
  /** Matched against the last two digits of the amount's value (minor units). */
  amountEndsWith: string;
  effect: ScenarioEffect;
}

/** Antom's result codes that depend on contract, account or system state the sandbox cannot derive. */
const reject = (api: ScenarioApi, amountEndsWith: string, resultCode: string, resultMessage: string, resultStatus: 'F' | 'U' = 'F'): AmountScenario =>
  ({ api, amountEndsWith, effect: { type: 'reject', resultCode, resultMessage, ...(resultStatus === 'U' ? { resultStatus } : {}) } });

export const AMOUNT_SCENARIOS: readonly AmountScenario[] = [
  { api: 'createPaymentSession', amountEndsWith: '98', effect: { type: 'reject', resultCode: 'NO_PAY_OPTIONS', resultMessage: 'No payment method is available for this payment.' } },
  { api: 'createPaymentSession', amountEndsWith: '97', effect: { type: 'reject', resultCode: 'CARD_NOT_SUPPORTED', resultMessage: 'The card is not supported.' } },
  { api: 'pay', amountEndsWith: '01', effect: { type: 'buyer', outcome: 'fail', resultCode: 'USER_BALANCE_NOT_ENOUGH', resultMessage: 'The buyer balance is not enough.' } },
  { api: 'pay', amountEndsWith: '02', effect: { type: 'buyer', outcome: 'fail', resultCode: 'RISK_REJECT', resultMessage: 'The payment was rejected by risk control.' } },
  { api: 'pay', amountEndsWith: '03', effect: { type: 'buyer', outcome: 'fail', resultCode: 'ISSUER_REJECTS_TRANSACTION', resultMessage: 'The card issuer declined the transaction.' } },
  { api: 'pay', amountEndsWith: '04', effect: { type: 'buyer', outcome: 'fail', resultCode: 'DO_NOT_HONOR', resultMessage: 'The issuer declined the transaction (do not honor).' } },
  { api: 'pay', amountEndsWith: '05', effect: { type: 'buyer', outcome: 'processing' } },
  { api: 'pay', amountEndsWith: '07', effect: { type: 'buyer', outcome: 'cancel' } },
  { api: 'pay', amountEndsWith: '08', effect: { type: 'buyer', outcome: 'expire' } },
  { api: 'capture', amountEndsWith: '51', effect: { type: 'inProcess', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'The capture is being processed.', finalStatus: 'SUCCESS', finalResultCode: 'SUCCESS', finalResultMessage: 'success' } },
  { api: 'capture', amountEndsWith: '52', effect: { type: 'reject', resultCode: 'RISK_REJECT', resultMessage: 'The capture was rejected by risk control.' } },
  { api: 'refund', amountEndsWith: '61', effect: { type: 'inProcess', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'The refund is being processed.', finalStatus: 'SUCCESS', finalResultCode: 'SUCCESS', finalResultMessage: 'success' } },
  { api: 'refund', amountEndsWith: '62', effect: { type: 'reject', resultCode: 'MERCHANT_BALANCE_NOT_ENOUGH', resultMessage: 'The merchant balance is not enough for this refund.' } },
  { api: 'refund', amountEndsWith: '63', effect: { type: 'inProcess', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'The refund is being processed.', finalStatus: 'FAIL', finalResultCode: 'PROCESS_FAIL', finalResultMessage: 'The refund failed at the payment method.' } },
  // capture: the rest of its documented result codes (API-FACTS c.3).
  { api: 'capture', amountEndsWith: '69', effect: { type: 'inProcess', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'The capture is being processed.', finalStatus: 'FAIL', finalResultCode: 'PROCESS_FAIL', finalResultMessage: 'The capture failed at the card scheme.' } },
  reject('capture', '53', 'ACCESS_DENIED', 'Access is denied.'),
  reject('capture', '54', 'AUTH_NOT_FOUND', 'No authorisation was found for this payment.'),
  reject('capture', '55', 'MULTI_CAPTURE_NOT_SUPPORTED', 'This payment does not allow more than one capture.'),
  reject('capture', '56', 'INVALID_CONTRACT', 'The request does not match the contract parameters.'),
  reject('capture', '57', 'NO_PAY_OPTIONS', 'No payment option is available.'),
  reject('capture', '58', 'PAYMENT_COUNT_EXCEED_LIMIT', 'Too many captures.'),
  reject('capture', '59', 'PROCESS_FAIL', 'General business failure; do not retry.'),
  reject('capture', '60', 'USER_AMOUNT_EXCEED_LIMIT', 'The amount exceeds the user limit.'),
  reject('capture', '64', 'USER_BALANCE_NOT_ENOUGH', 'The user balance is not enough.'),
  reject('capture', '65', 'USER_NOT_EXIST', 'The user does not exist.'),
  reject('capture', '66', 'USER_STATUS_ABNORMAL', 'The user status is abnormal.'),
  reject('capture', '67', 'UNKNOWN_EXCEPTION', 'An unknown exception occurred; retry with the same captureRequestId.', 'U'),
  // cancel: matched on the payment's amount (API-FACTS c.4).
  reject('cancel', '91', 'ACCESS_DENIED', 'Access is denied.'),
  reject('cancel', '92', 'INVALID_API', 'The API is not active or was called the wrong way.'),
  reject('cancel', '93', 'MERCHANT_BALANCE_NOT_ENOUGH', 'The merchant balance is not enough to cancel this payment.'),
  reject('cancel', '94', 'PROCESS_FAIL', 'General business failure; do not retry.'),
  reject('cancel', '95', 'SYSTEM_ERROR', 'A system error occurred.'),
  reject('cancel', '96', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'Too many requests; retry later with the same parameters.', 'U'),
  reject('cancel', '99', 'PAYMENT_METHOD_NOT_SUPPORTED', 'The payment method cannot cancel a successful payment.'),
  reject('cancel', '11', 'USER_NOT_EXIST', 'The user does not exist.'),
  reject('cancel', '12', 'USER_STATUS_ABNORMAL', 'The user status is abnormal.'),
  reject('cancel', '13', 'UNKNOWN_EXCEPTION', 'An unknown exception occurred; retry with the same parameters.', 'U'),
  // refund (API-FACTS c.5).
  reject('refund', '64', 'ACCESS_DENIED', 'Access is denied.'),
  reject('refund', '65', 'INVALID_API', 'The API is not active or was called the wrong way.'),
  reject('refund', '66', 'INVALID_MERCHANT_STATUS', 'The merchant is restricted.'),
  reject('refund', '67', 'MULTIPLE_REFUNDS_NOT_SUPPORTED', 'The contract allows one refund per payment.'),
  reject('refund', '68', 'ORDER_IS_CLOSED', 'The transaction is closed.'),
  reject('refund', '69', 'PROCESS_FAIL', 'General business failure; do not retry.'),
  reject('refund', '70', 'REFUND_WINDOW_EXCEED', 'The refund window of the contract has passed.'),
  reject('refund', '71', 'SYSTEM_ERROR', 'A system error occurred.'),
  reject('refund', '72', 'REFUND_NOT_SUPPORTED', 'This payment cannot be refunded.'),
  reject('refund', '73', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'Too many requests; retry later with the same refundRequestId.', 'U'),
  reject('refund', '74', 'PARTIAL_REFUND_NOT_SUPPORTED', 'Only a full refund is supported.'),
  reject('refund', '75', 'PAYMENT_METHOD_NOT_SUPPORTED', 'The payment method does not support refunds.'),
  reject('refund', '76', 'UNKNOWN_EXCEPTION', 'An unknown exception occurred; retry with the same refundRequestId.', 'U'),
  reject('refund', '77', 'RISK_REJECT', 'The refund was rejected by risk control.'),
  // inquiryRefund: matched on the refund's amount (API-FACTS c.6).
  reject('inquiryRefund', '81', 'ACCESS_DENIED', 'Access is denied.'),
  reject('inquiryRefund', '82', 'INVALID_API', 'The API is not active or was called the wrong way.'),
  reject('inquiryRefund', '83', 'PROCESS_FAIL', 'General business failure.'),
  reject('inquiryRefund', '84', 'SYSTEM_ERROR', 'A system error occurred.'),
  reject('inquiryRefund', '85', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'Too many requests; retry the same inquiry later.', 'U'),
  reject('inquiryRefund', '86', 'UNKNOWN_EXCEPTION', 'An unknown exception occurred; retry the same inquiry.', 'U'),
];

/** paymentRequestId prefixes with a special meaning. */
export const ID_SCENARIOS = {
  /** A card authorisation whose authExpiryTime equals paymentTime: every capture gets AUTH_EXPIRED. */
  authExpiresImmediately: 'AUTH_EXPIRED_',
} as const;

export function amountScenario(api: ScenarioApi, value: string): ScenarioEffect | undefined {
  return AMOUNT_SCENARIOS.find((s) => s.api === api && value.length >= 2 && value.endsWith(s.amountEndsWith))?.effect;
}

/** Nominal Antom durations; the sandbox divides them by timeScale. */
export const NOMINAL = {
  /** An unpaid order closes after 14 minutes (seed 000, "When will the notification be sent?"). */
  sessionLifetimeMs: 14 * 60 * 1000,
  /** The latest paymentSessionExpiryTime a merchant may ask for: 1 hour after creation. */
  sessionMaxLifetimeMs: 60 * 60 * 1000,
  /** Card payments can be cancelled for 7 days after payment (Antom's Cancel page). */
  cardCancelWindowMs: 7 * 24 * 60 * 60 * 1000,
  authLifetimeMs: 7 * 24 * 60 * 60 * 1000,
  processingToFinalMs: 30 * 1000,
  captureInProcessMs: 30 * 1000,
  refundInProcessMs: 60 * 1000,
} as const;

/** Where each API's result codes and behaviour come from (listed with every row of the doc). */
export const SCENARIO_SOURCES: Record<ScenarioApi, string> = {
  createPaymentSession: 'createPaymentSession reference (API-FACTS c.1); seeds 000, 002, 003',
  pay: 'inquiryPayment payment result codes (API-FACTS c.2); notifyPayment (c.7); seed 000',
  capture: 'capture reference (API-FACTS c.3); notifyCapture (c.8); seed 003; Antom Capture page',
  cancel: 'cancel reference (API-FACTS c.4); Antom Cancel page',
  refund: 'refund reference (API-FACTS c.5); notifyRefund (c.9)',
  inquiryRefund: 'inquiryRefund reference (API-FACTS c.6)',
};

/**
 * Documented result codes reached by the state of the payment or by the gateway checks rather
 * than by a test amount: how to get each one. docs/sandbox-scenarios.md lists every row and a
 * test drives each (test/sandbox/result-code-scenarios.test.ts).
 */
export interface StateScenario {
  api: Extract<ScenarioApi, 'capture' | 'cancel' | 'refund' | 'inquiryRefund'>;
  resultCode: string;
  resultStatus: ResultStatus;
  how: string;
}

export const STATE_SCENARIOS: readonly StateScenario[] = [
  { api: 'capture', resultCode: 'SUCCESS', resultStatus: 'S', how: 'capture up to the authorised amount of a paid authorisation with captureMode MANUAL' },
  { api: 'capture', resultCode: 'AUTH_CANCELLED', resultStatus: 'F', how: 'capture an authorisation the merchant cancelled' },
  { api: 'capture', resultCode: 'AUTH_EXPIRED', resultStatus: 'F', how: 'capture after authExpiryTime (7 days after payment; or a paymentRequestId starting AUTH_EXPIRED_)' },
  { api: 'capture', resultCode: 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', resultStatus: 'F', how: 'captures (successful and in process) above the authorised amount; also any capture after an AUTOMATIC capture' },
  { api: 'capture', resultCode: 'CURRENCY_NOT_SUPPORT', resultStatus: 'F', how: 'captureAmount in another currency than the payment' },
  { api: 'capture', resultCode: 'ORDER_IS_CANCELED', resultStatus: 'F', how: 'capture a payment (not an authorisation) that was cancelled' },
  { api: 'capture', resultCode: 'ORDER_STATUS_INVALID', resultStatus: 'F', how: 'capture a payment that is not paid yet, failed, or was not an authorisation' },
  { api: 'capture', resultCode: 'ORDER_NOT_EXIST', resultStatus: 'F', how: 'capture an unknown paymentId' },
  { api: 'capture', resultCode: 'REPEAT_REQ_INCONSISTENT', resultStatus: 'F', how: 'reuse a captureRequestId with another paymentId or captureAmount' },
  { api: 'capture', resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', how: 'a missing or malformed field, e.g. captureAmount.value "1.5"' },
  { api: 'cancel', resultCode: 'SUCCESS', resultStatus: 'S', how: 'cancel an open session, a PENDING payment, an uncaptured card authorisation (7 days) or a paid APM payment before 00:15 UTC+8 the next day' },
  { api: 'cancel', resultCode: 'CANCEL_WINDOW_EXCEED', resultStatus: 'F', how: 'cancel a captured card payment, or one past its window' },
  { api: 'cancel', resultCode: 'ORDER_STATUS_INVALID', resultStatus: 'F', how: 'cancel a failed payment, or a paid APM payment that has refunds' },
  { api: 'cancel', resultCode: 'ORDER_NOT_EXIST', resultStatus: 'F', how: 'cancel an unknown paymentId / paymentRequestId' },
  { api: 'cancel', resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', how: 'neither paymentId nor paymentRequestId' },
  { api: 'cancel', resultCode: 'KEY_NOT_FOUND', resultStatus: 'F', how: 'a signature header with a keyVersion other than 1 (gateway check)' },
  { api: 'cancel', resultCode: 'NO_INTERFACE_DEF', resultStatus: 'F', how: 'a path under /ams that names no API, e.g. /ams/api/v1/payments/cancelPayment (gateway check)' },
  { api: 'refund', resultCode: 'SUCCESS', resultStatus: 'S', how: 'refund up to the paid (or captured) amount' },
  { api: 'refund', resultCode: 'CURRENCY_NOT_SUPPORT', resultStatus: 'F', how: 'refundAmount in another currency than the payment' },
  { api: 'refund', resultCode: 'ORDER_NOT_EXIST', resultStatus: 'F', how: 'refund an unknown paymentId' },
  { api: 'refund', resultCode: 'ORDER_STATUS_INVALID', resultStatus: 'F', how: 'refund a payment that is not paid, failed, or an authorisation with nothing captured' },
  { api: 'refund', resultCode: 'ORDER_IS_CANCELED', resultStatus: 'F', how: 'refund a cancelled payment' },
  { api: 'refund', resultCode: 'REFUND_AMOUNT_EXCEED', resultStatus: 'F', how: 'refunds (successful and in process) above the refundable amount' },
  { api: 'refund', resultCode: 'REPEAT_REQ_INCONSISTENT', resultStatus: 'F', how: 'reuse a refundRequestId with another paymentId, amount or currency' },
  { api: 'refund', resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', how: 'a missing or malformed field, e.g. no refundAmount' },
  { api: 'refund', resultCode: 'KEY_NOT_FOUND', resultStatus: 'F', how: 'a signature header with a keyVersion other than 1 (gateway check)' },
  { api: 'refund', resultCode: 'NO_INTERFACE_DEF', resultStatus: 'F', how: 'a path under /ams that names no API (gateway check)' },
  { api: 'inquiryRefund', resultCode: 'SUCCESS', resultStatus: 'S', how: 'inquire a refund by refundId or refundRequestId' },
  { api: 'inquiryRefund', resultCode: 'ORDER_NOT_EXIST', resultStatus: 'F', how: 'inquire an unknown refund' },
  { api: 'inquiryRefund', resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', how: 'neither refundId nor refundRequestId' },
  { api: 'inquiryRefund', resultCode: 'KEY_NOT_FOUND', resultStatus: 'F', how: 'a signature header with a keyVersion other than 1 (gateway check)' },
  { api: 'inquiryRefund', resultCode: 'NO_INTERFACE_DEF', resultStatus: 'F', how: 'a path under /ams that names no API (gateway check)' },
];
