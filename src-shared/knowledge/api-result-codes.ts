/**
 * API-specific `result.resultCode` values (API-FACTS c.1-c.6, f.2, f.3). Only codes whose
 * meaning or advice is specific to an API live here; the common table covers the rest.
 * Where one entry serves several APIs, its `apis` lists them all.
 */
import type { CodeEntry, KnowledgeScope } from './knowledge-types';
import type { ResultStatus } from '../vocabulary';

const api = (
  apis: readonly KnowledgeScope[],
  code: string,
  resultStatus: ResultStatus,
  meaning: string,
  nextAction: string,
  retry: CodeEntry['retry'],
  sources: readonly string[],
  extra: Partial<CodeEntry> = {},
): CodeEntry => ({ code, kind: 'api-result', field: 'result', apis, resultStatus, meaning, nextAction, retry, sources, ...extra });

const SESSION = ['API-FACTS c.1', 'D-SESS'];
const INQ = ['API-FACTS c.2', 'D-INQ'];
const CAP = ['API-FACTS c.3', 'D-CAP'];
const CAN = ['API-FACTS c.4', 'D-CAN'];
const REF = ['API-FACTS c.5', 'D-REF'];
const IREF = ['API-FACTS c.6', 'D-IREF'];
const IDEM = ['API-FACTS f.2', 'D-IDEM'];

export const API_RESULT_CODES: readonly CodeEntry[] = [
  // createPaymentSession
  api(['createPaymentSession'], 'SUCCESS', 'S', 'The payment session was created.', 'Hand paymentSessionData to the client SDK (or send the buyer to normalUrl). The payment result comes later from notifyPayment or inquiryPayment.', 'none', SESSION),
  api(['createPaymentSession'], 'NO_PAY_OPTIONS', 'F', 'No payment method is available for this request.', 'Check the payment method, currency and region against the contract; contact Antom support if they should be available.', 'do-not-retry', SESSION),
  api(['createPaymentSession'], 'CARD_NOT_SUPPORTED', 'F', 'The card is not supported.', 'Ask the buyer to use another card or payment method.', 'new-request-id', SESSION),
  api(['createPaymentSession'], 'UNKNOWN_EXCEPTION', 'U', 'The session call ended with an unknown result; a session may or may not exist.', 'Inquire with inquiryPayment using the paymentRequestId. Resending with the SAME paymentRequestId is safe; never resend with a new one before the inquiry says the old one did not succeed.', 'inquire', [...SESSION, 'API-FACTS f.3'], { note: 'Unlike capture/refund (retry the same ID), and unlike UNKNOWN_EXCEPTION as a Cashier paymentResultCode (pay again with a new paymentRequestId).' }),
  api(['createPaymentSession'], 'PAYMENT_IN_PROCESS', 'U', 'A payment with this paymentRequestId is still live or already paid.', 'Do not resend. Follow redirectActionForm if present, or inquire with inquiryPayment.', 'inquire', IDEM),
  api(['createPaymentSession'], 'REPEAT_REQ_INCONSISTENT', 'F', 'This paymentRequestId was already used with different key fields (amount or payment method).', 'Resend exactly the original request, or use a new paymentRequestId for the new content.', 'new-request-id', IDEM),
  api(['createPaymentSession', 'inquiryPayment', 'refund'], 'ORDER_IS_CLOSED', 'F', 'The request ID belongs to a closed transaction.', 'Start again with a new request ID.', 'new-request-id', [...IDEM, ...REF]),

  // inquiryPayment
  api(['inquiryPayment'], 'SUCCESS', 'S', 'The inquiry worked; the payment state is in paymentStatus.', 'Read paymentStatus (SUCCESS, FAIL, PROCESSING, CANCELLED, PENDING) and paymentResultCode; result says nothing about the payment itself.', 'none', INQ),
  api(['inquiryPayment'], 'ORDER_NOT_EXIST', 'F', 'Antom has no payment with this paymentId / paymentRequestId.', 'Check the ID and the environment (sandbox vs production). Right after creation, inquire again after 15 s, up to 3 times; after that the payment was never created. The console does this itself for an inquiry by paymentRequestId within 60 s of a session it sent.', 'inquire', [...INQ, 'API-FACTS f.3']),
  api(['inquiryPayment'], 'PAYMENT_IN_PROCESS', 'U', 'The payment is still in progress (or the paymentRequestId was repeated).', 'If redirectActionForm.redirectUrl is present, send the buyer there; otherwise inquire again in a few seconds.', 'inquire', INQ),
  api(['inquiryPayment', 'inquiryRefund'], 'UNKNOWN_EXCEPTION', 'U', 'The inquiry failed with an unknown error.', 'Repeat the same inquiry; an inquiry changes nothing, so repeating it is always safe.', 'same-request-id', [...INQ, ...IREF, 'API-FACTS f.3']),

  // capture
  api(['capture', 'notifyCapture'], 'SUCCESS', 'S', 'The amount was captured.', 'Nothing to do; notifyCapture confirms it too.', 'none', CAP),
  api(['capture', 'notifyCapture'], 'AUTH_CANCELLED', 'F', 'The authorisation was cancelled.', 'The payment cannot be captured; take a new payment with a new paymentRequestId.', 'do-not-retry', CAP),
  api(['capture', 'notifyCapture'], 'AUTH_EXPIRED', 'F', 'The authorisation expired (past authExpiryTime).', 'The payment cannot be captured any more; take a new payment with a new paymentRequestId.', 'do-not-retry', [...CAP, 'API-FACTS f.4']),
  api(['capture', 'notifyCapture'], 'AUTH_NOT_FOUND', 'F', 'No authorisation was found for this paymentId.', 'Check the paymentId and environment; contact Antom support if it is right.', 'do-not-retry', CAP),
  api(['capture', 'notifyCapture'], 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', 'F', 'Captures in total would exceed the authorised amount.', 'Capture at most the remaining authorised amount (authorised minus already captured); check inquiryPayment transactions.', 'fix-request', CAP),
  api(['capture', 'notifyCapture'], 'CAPTURE_IN_PROCESS', 'U', 'The capture is still being processed.', 'Do not resend and do not use a new captureRequestId. Wait for notifyCapture, or inquire with inquiryPayment and read transactions.', 'wait-for-notification', [...CAP, 'API-FACTS f.3']),
  api(['capture', 'refund', 'notifyCapture', 'notifyRefund'], 'CURRENCY_NOT_SUPPORT', 'F', 'The currency is not supported.', 'Use the payment currency (capture and refund currency must equal it); contact Antom support if it is.', 'fix-request', [...CAP, ...REF]),
  api(['capture', 'notifyCapture'], 'MULTI_CAPTURE_NOT_SUPPORTED', 'F', 'This payment does not allow more than one capture.', 'Capture the full remaining amount in one request, or contact Antom support.', 'do-not-retry', CAP),
  api(['capture', 'notifyCapture', 'notifyRefund'], 'INVALID_CONTRACT', 'F', 'The request does not match the contract parameters.', 'Check the contract settings with Antom (capture mode, currencies, methods).', 'do-not-retry', CAP),
  api(['capture'], 'NO_PAY_OPTIONS', 'F', 'No payment option is available for the capture.', 'Contact Antom support.', 'do-not-retry', CAP),
  api(['capture', 'refund', 'notifyCapture', 'notifyRefund'], 'ORDER_IS_CANCELED', 'F', 'The payment was cancelled.', 'It cannot be captured or refunded; take a new payment if the buyer still wants to pay.', 'do-not-retry', [...CAP, ...REF]),
  api(['capture', 'notifyCapture'], 'ORDER_STATUS_INVALID', 'F', 'The payment is not in a state that allows capture (not authorised, already fully captured, or cancelled).', 'Inquire the payment and check its status and transactions before capturing again.', 'inquire', CAP, { note: 'For cancel it means the state forbids cancelling; for refund, the payment is still processing or failed.' }),
  api(['capture', 'notifyCapture'], 'PAYMENT_COUNT_EXCEED_LIMIT', 'F', 'Too many captures on this payment.', 'Contact Antom support.', 'do-not-retry', CAP),
  api(['capture'], 'REPEAT_REQ_INCONSISTENT', 'F', 'This captureRequestId was already used with a different captureAmount or paymentId.', 'Resend exactly the original capture, or use a new captureRequestId for a different capture.', 'new-request-id', [...CAP, ...IDEM]),
  api(['capture', 'notifyCapture'], 'RISK_REJECT', 'F', 'The capture was rejected by risk control.', 'Tell the buyer or merchant; do not retry.', 'do-not-retry', CAP),
  api(['capture', 'notifyCapture'], 'USER_AMOUNT_EXCEED_LIMIT', 'F', 'The amount exceeds the user limit.', 'Capture a lower amount.', 'fix-request', CAP),
  api(['capture', 'notifyCapture'], 'USER_BALANCE_NOT_ENOUGH', 'F', 'The buyer balance is not enough.', 'Contact Antom support.', 'do-not-retry', CAP),
  api(['capture', 'cancel', 'notifyCapture'], 'USER_NOT_EXIST', 'F', 'The buyer account does not exist.', 'Check with the buyer or issuer; contact Antom support.', 'do-not-retry', [...CAP, ...CAN]),
  api(['capture', 'cancel', 'notifyCapture'], 'USER_STATUS_ABNORMAL', 'F', 'The buyer account is abnormal.', 'Contact Antom support.', 'do-not-retry', [...CAP, ...CAN]),
  api(['capture'], 'UNKNOWN_EXCEPTION', 'U', 'The capture ended with an unknown result; money may or may not have moved.', 'Retry with the SAME captureRequestId and the same amount (idempotent), or inquire with inquiryPayment and read transactions. Never use a new captureRequestId until it is known to have failed.', 'same-request-id', [...CAP, 'API-FACTS f.3'], { note: 'Unlike UNKNOWN_EXCEPTION as a Cashier paymentResultCode, which asks for a new paymentRequestId.' }),

  // cancel
  api(['cancel'], 'SUCCESS', 'S', 'The payment was cancelled.', 'Nothing to do; there is no cancel notification, so this answer (or inquiryPayment) is the record.', 'none', CAN),
  api(['cancel'], 'CANCEL_WINDOW_EXCEED', 'F', 'The payment is outside its cancellable window.', 'It cannot be cancelled any more; refund it instead if it succeeded.', 'do-not-retry', [...CAN, 'API-FACTS f.4']),
  api(['cancel'], 'MERCHANT_BALANCE_NOT_ENOUGH', 'F', 'The merchant balance is too low to cancel a paid payment.', 'Fund the merchant account, then cancel again.', 'same-request-id', CAN, { note: 'For refund, the docs ask for a NEW refundRequestId after funding.' }),
  api(['cancel', 'refund', 'notifyRefund'], 'ORDER_NOT_EXIST', 'F', 'Antom has no payment with this ID.', 'Check the paymentId / paymentRequestId and the environment (sandbox vs production).', 'fix-request', [...CAN, ...REF]),
  api(['cancel'], 'ORDER_STATUS_INVALID', 'F', 'The payment state does not allow cancelling.', 'Inquire the payment; a paid payment may need a refund instead.', 'inquire', CAN),
  api(['cancel', 'refund'], 'PAYMENT_METHOD_NOT_SUPPORTED', 'F', 'This payment method cannot cancel or refund a successful payment.', 'Do not retry; contact Antom support for a manual refund path.', 'do-not-retry', [...CAN, ...REF]),
  api(['cancel'], 'UNKNOWN_EXCEPTION', 'U', 'The cancel ended with an unknown result.', 'Retry with the same parameters, then check the outcome with inquiryPayment using the original payment IDs.', 'same-request-id', [...CAN, 'API-FACTS f.3']),

  // refund
  api(['refund', 'notifyRefund'], 'SUCCESS', 'S', 'The refund succeeded.', 'Nothing to do.', 'none', REF),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'INVALID_MERCHANT_STATUS', 'F', 'The merchant is restricted.', 'Contact Antom support.', 'do-not-retry', REF),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'MERCHANT_BALANCE_NOT_ENOUGH', 'F', 'The merchant balance is too low for the refund.', 'Fund the merchant account, then refund again with a NEW refundRequestId.', 'new-request-id', [...REF, ...IDEM]),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'MULTIPLE_REFUNDS_NOT_SUPPORTED', 'F', 'The contract allows only one refund per payment.', 'Do not refund this payment again.', 'do-not-retry', REF),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'ORDER_STATUS_INVALID', 'F', 'The payment is still processing or failed, so it cannot be refunded.', 'Inquire the payment; wait until it succeeds, or do not refund a failed payment.', 'inquire', REF),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'REFUND_AMOUNT_EXCEED', 'F', 'All refunds together would exceed the paid amount.', 'Refund at most the paid amount minus earlier refunds.', 'fix-request', REF),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'REFUND_WINDOW_EXCEED', 'F', 'The payment is outside its refund window (counted from paymentTime).', 'The refund needs manual handling outside Antom (e.g. a bank transfer).', 'do-not-retry', [...REF, 'API-FACTS f.4']),
  api(['refund', 'inquiryRefund', 'notifyRefund'], 'REPEAT_REQ_INCONSISTENT', 'F', 'This refundRequestId was already used with a different amount or currency.', 'Resend exactly the original refund, or use a new refundRequestId for a different refund.', 'new-request-id', [...REF, ...IDEM]),
  api(['refund', 'notifyRefund'], 'REFUND_IN_PROCESS', 'U', 'The refund is being processed.', 'Do not resubmit. Wait for notifyRefund or call inquiryRefund with the refundRequestId.', 'wait-for-notification', [...REF, 'API-FACTS f.3']),
  api(['refund'], 'REFUND_NOT_SUPPORTED', 'F', 'This payment cannot be refunded.', 'Check the contract and payment method with Antom.', 'do-not-retry', REF),
  api(['refund'], 'PARTIAL_REFUND_NOT_SUPPORTED', 'F', 'Only full refunds are allowed for this payment.', 'Refund the full remaining amount.', 'fix-request', REF),
  api(['refund', 'notifyRefund'], 'UNKNOWN_EXCEPTION', 'U', 'The refund ended with an unknown result; money may or may not have moved.', 'Retry with the SAME refundRequestId and amount, or call inquiryRefund with the refundRequestId.', 'same-request-id', [...REF, 'API-FACTS f.3']),

  // RISK_REJECT on a refund: the refund itself was stopped by risk control (API-FACTS c.6 refund
  // result codes, c.9 notifyRefund). Not the capture meaning, and not the payment-result one
  // (where a paid buyer is refunded automatically).
  api(['refund', 'notifyRefund'], 'RISK_REJECT', 'F', 'The refund was rejected by risk control; no money went back to the buyer.', 'Do not resend it. Contact Antom support with the refundRequestId to learn why; if the buyer must still be refunded, agree the way with Antom (the refund may be refused again).', 'do-not-retry', [...REF, 'API-FACTS c.9', 'D-NREF']),
  { ...api(['inquiryRefund', 'notifyRefund'], 'RISK_REJECT', 'F', 'The refund was rejected by risk control; no money went back to the buyer.', 'Do not resend it. Contact Antom support with the refundRequestId to learn why; if the buyer must still be refunded, agree the way with Antom (the refund may be refused again).', 'do-not-retry', [...IREF, 'API-FACTS c.9']), field: 'refundResult' },

  // inquiryRefund
  api(['inquiryRefund'], 'SUCCESS', 'S', 'The inquiry worked; the refund state is in refundStatus.', 'Read refundStatus (SUCCESS, PROCESSING, FAIL); result says nothing about the refund itself.', 'none', IREF),
  api(['inquiryRefund'], 'ORDER_NOT_EXIST', 'F', 'Antom has no refund with this ID (yet).', 'Inquire again after 15 s, up to 3 times; if it is still missing, the refund was never created and may be sent again.', 'inquire', [...IREF, 'API-FACTS f.3'], { note: 'For cancel and refund it simply means the payment ID is wrong.' }),
];
