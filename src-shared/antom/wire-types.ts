/**
 * Antom wire shapes for the six APIs the console calls (API-FACTS c.1-c.6): zod schemas for the
 * request bodies (checked before anything is signed or sent) and for the response fields the
 * console reads. Every object is `loose`: Antom has many optional fields, and unknown ones are
 * passed through untouched, never stripped.
 *
 * Schema messages are predicates ("is required", "must be at most 64 characters"); the validator
 * prefixes the field path, so the UI can show them next to the field or as a sentence.
 */
import { z } from 'zod';
import { RESULT_STATUSES, type AntomApiName } from '../vocabulary';

/** Field limits from the API-FACTS c tables (and the Antom Order object for order.*). */
const LIMITS = {
  requestId: 64,
  antomId: 64,
  merchantAccountId: 32,
  redirectUrl: 2048,
  paymentNotifyUrl: 2048,
  refundNotifyUrl: 1024,
  refundReason: 256,
  referenceOrderId: 64,
  orderDescription: 256,
  merchantRegion: 2,
  productScene: 32,
  locale: 8,
  paymentMethodType: 64,
  resultCode: 64,
  resultMessage: 256,
} as const;

const typeError = (expected: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`);

/** A required string with a maximum length. */
const text = (max: number) =>
  z.string({ error: typeError('a string') }).min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const url = (max: number) => text(max).regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL');

const isoTime = z.string({ error: typeError('an ISO-8601 time string') }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/, 'must be an ISO-8601 time such as 2026-11-22T12:01:01+08:00');

/**
 * Amount: currency and value as Antom sends them. The minor-unit rules (positive integer string,
 * no decimals for JPY/KRW/VND/CLP, at most 16 digits) are checked by validateRequest through
 * money.ts, so the message names the currency's exponent.
 */
const amountSchema = z
  .object({
    currency: z.string({ error: typeError('a string') }).regex(/^[A-Z]{3}$/, 'must be a 3-letter upper-case ISO 4217 code such as USD'),
    value: z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string of digits (Antom wants "1000", not 1000)') }),
  })
  .loose();
export type WireAmount = z.infer<typeof amountSchema>;

const booleanish = z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' });

const orderSchema = z
  .object({
    referenceOrderId: text(LIMITS.referenceOrderId).optional(),
    orderDescription: text(LIMITS.orderDescription).optional(),
    orderAmount: amountSchema.optional(),
  })
  .loose();

/** env.terminalType (createPaymentSession reference, API-FACTS c.1). */
const TERMINAL_TYPES = ['WEB', 'WAP', 'APP', 'MINI_APP'] as const;

/** paymentFactor.captureMode (createPaymentSession / pay reference; Antom's Capture page). */
const CAPTURE_MODES = ['AUTOMATIC', 'MANUAL'] as const;

/**
 * createPaymentSession, field rules from the five seed pages' tables and Antom's reference:
 * - required: productCode (fixed CASHIER_PAYMENT), paymentRequestId, paymentAmount,
 *   paymentMethod (every seed table marks it required), paymentRedirectUrl, order;
 * - optional: paymentNotifyUrl; settlementStrategy (required only when the merchant has signed
 *   more than one settlement currency, which the console cannot know, so never demanded);
 *   paymentFactor.isAuthorization (default false) and paymentFactor.captureMode (AUTOMATIC,
 *   the default, or MANUAL); paymentMethod.paymentMethodMetaData in any shape (seed 004 sends a
 *   JSON string, the reference an object).
 */
const createPaymentSessionRequestSchema = z
  .object({
    productCode: text(32).refine((v): boolean => v === 'CASHIER_PAYMENT', 'must be CASHIER_PAYMENT for createPaymentSession (Checkout Payment)'),
    paymentRequestId: text(LIMITS.requestId),
    order: orderSchema,
    paymentAmount: amountSchema,
    paymentMethod: z.object({ paymentMethodType: text(LIMITS.paymentMethodType) }, { error: typeError('an object with paymentMethodType') }).loose(),
    paymentRedirectUrl: url(LIMITS.redirectUrl),
    paymentNotifyUrl: url(LIMITS.paymentNotifyUrl).optional(),
    settlementStrategy: z.object({ settlementCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code').optional() }).loose().optional(),
    paymentFactor: z
      .object({
        isAuthorization: booleanish.optional(),
        captureMode: z.enum(CAPTURE_MODES, { error: `must be one of ${CAPTURE_MODES.join(', ')}` }).optional(),
      })
      .loose()
      .optional(),
    enableInstallmentCollection: booleanish.optional(),
    env: z.object({ terminalType: z.enum(TERMINAL_TYPES, { error: `must be one of ${TERMINAL_TYPES.join(', ')}` }).optional() }, { error: typeError('an object') }).loose().optional(),
    merchantRegion: text(LIMITS.merchantRegion).optional(),
    paymentSessionExpiryTime: isoTime.optional(),
    productScene: text(LIMITS.productScene).optional(),
    locale: text(LIMITS.locale).optional(),
  })
  .loose();

const inquiryPaymentRequestSchema = z
  .object({
    paymentRequestId: text(LIMITS.requestId).optional(),
    paymentId: text(LIMITS.antomId).optional(),
    merchantAccountId: text(LIMITS.merchantAccountId).optional(),
  })
  .loose();

const captureRequestSchema = z
  .object({
    captureRequestId: text(LIMITS.requestId),
    paymentId: text(LIMITS.antomId),
    captureAmount: amountSchema,
    isLastCapture: booleanish.optional(),
  })
  .loose();

const cancelRequestSchema = z
  .object({
    paymentId: text(LIMITS.antomId).optional(),
    paymentRequestId: text(LIMITS.requestId).optional(),
    merchantAccountId: text(LIMITS.merchantAccountId).optional(),
  })
  .loose();

const refundRequestSchema = z
  .object({
    refundRequestId: text(LIMITS.requestId),
    paymentId: text(LIMITS.antomId),
    referenceRefundId: text(LIMITS.requestId).optional(),
    refundAmount: amountSchema,
    refundReason: text(LIMITS.refundReason).optional(),
    refundNotifyUrl: url(LIMITS.refundNotifyUrl).optional(),
  })
  .loose();

const inquiryRefundRequestSchema = z
  .object({
    refundRequestId: text(LIMITS.requestId).optional(),
    refundId: text(LIMITS.antomId).optional(),
    merchantAccountId: text(LIMITS.merchantAccountId).optional(),
  })
  .loose();

// Disputes (Antom reference pages acceptDispute, supplyDefenseDocument, downloadDisputeEvidence).
/** disputeEvidence: Base64 of the defense document, at most 1,000,000 characters (supplyDefenseDocument). */
export const DISPUTE_EVIDENCE_MAX_CHARS = 1_000_000;
export const DISPUTE_EVIDENCE_TYPES = ['DISPUTE_EVIDENCE_TEMPLATE', 'DISPUTE_EVIDENCE_FILE'] as const;
const DISPUTE_EVIDENCE_FORMATS = ['WORD', 'PDF', 'ZIP', 'JPG'] as const;
const base64 = z.string({ error: typeError('a Base64 string') }).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be Base64 (A-Z, a-z, 0-9, +, / and = padding)');

const acceptDisputeRequestSchema = z.object({ disputeId: text(LIMITS.antomId) }).loose();

const supplyDefenseDocumentRequestSchema = z
  .object({
    disputeId: text(LIMITS.antomId),
    disputeEvidence: base64.min(1, 'must not be empty').max(DISPUTE_EVIDENCE_MAX_CHARS, `must be at most ${DISPUTE_EVIDENCE_MAX_CHARS} characters (Base64)`),
  })
  .loose();

const downloadDisputeEvidenceRequestSchema = z
  .object({
    disputeId: text(LIMITS.antomId),
    disputeEvidenceType: z.enum(DISPUTE_EVIDENCE_TYPES, { error: `must be one of ${DISPUTE_EVIDENCE_TYPES.join(', ')}` }),
  })
  .loose();

type AcceptDisputeRequest = z.infer<typeof acceptDisputeRequestSchema>;
type SupplyDefenseDocumentRequest = z.infer<typeof supplyDefenseDocumentRequestSchema>;
type DownloadDisputeEvidenceRequest = z.infer<typeof downloadDisputeEvidenceRequestSchema>;

type CreatePaymentSessionRequest = z.infer<typeof createPaymentSessionRequestSchema>;
type InquiryPaymentRequest = z.infer<typeof inquiryPaymentRequestSchema>;
type CaptureRequest = z.infer<typeof captureRequestSchema>;
type CancelRequest = z.infer<typeof cancelRequestSchema>;
type RefundRequest = z.infer<typeof refundRequestSchema>;
type InquiryRefundRequest = z.infer<typeof inquiryRefundRequestSchema>;

export const requestSchemas = {
  createPaymentSession: createPaymentSessionRequestSchema,
  inquiryPayment: inquiryPaymentRequestSchema,
  capture: captureRequestSchema,
  cancel: cancelRequestSchema,
  refund: refundRequestSchema,
  inquiryRefund: inquiryRefundRequestSchema,
  acceptDispute: acceptDisputeRequestSchema,
  supplyDefenseDocument: supplyDefenseDocumentRequestSchema,
  downloadDisputeEvidence: downloadDisputeEvidenceRequestSchema,
} as const satisfies Record<AntomApiName, z.ZodType>;

export interface RequestBodies {
  createPaymentSession: CreatePaymentSessionRequest;
  inquiryPayment: InquiryPaymentRequest;
  capture: CaptureRequest;
  cancel: CancelRequest;
  refund: RefundRequest;
  inquiryRefund: InquiryRefundRequest;
  acceptDispute: AcceptDisputeRequest;
  supplyDefenseDocument: SupplyDefenseDocumentRequest;
  downloadDisputeEvidence: DownloadDisputeEvidenceRequest;
}

// ---------------------------------------------------------------------------------------------
// Responses: only `result` is required; every other field is read if present. Shapes are
// deliberately lenient so a newer Antom field or a missing optional one never breaks a call.

export const resultSchema = z
  .object({
    resultCode: z.string().min(1),
    resultStatus: z.enum(RESULT_STATUSES),
    resultMessage: z.string().optional(),
  })
  .loose();

const optionalString = z.string().optional();
const optionalAmount = amountSchema.optional();

export const antomResponseSchema = z.object({ result: resultSchema }).loose();

const transactionSchema = z
  .object({
    transactionType: optionalString,
    transactionStatus: optionalString,
    transactionAmount: optionalAmount,
    transactionRequestId: optionalString,
    transactionId: optionalString,
    transactionTime: optionalString,
    transactionResult: resultSchema.partial().loose().optional(),
  })
  .loose();

const createPaymentSessionResponseSchema = antomResponseSchema.extend({
  paymentSessionId: optionalString,
  paymentSessionData: optionalString,
  paymentSessionExpiryTime: optionalString,
  normalUrl: optionalString,
});

const inquiryPaymentResponseSchema = antomResponseSchema.extend({
  paymentStatus: z.enum(['SUCCESS', 'FAIL', 'PROCESSING', 'CANCELLED', 'PENDING']).or(z.string()).optional(),
  paymentResultCode: optionalString,
  paymentResultMessage: optionalString,
  paymentRequestId: optionalString,
  paymentId: optionalString,
  paymentAmount: optionalAmount,
  paymentCreateTime: optionalString,
  paymentTime: optionalString,
  authExpiryTime: optionalString,
  transactions: z.array(transactionSchema).optional(),
  redirectActionForm: z.object({ redirectUrl: optionalString }).loose().optional(),
});

const captureResponseSchema = antomResponseSchema.extend({
  captureRequestId: optionalString,
  captureId: optionalString,
  paymentId: optionalString,
  captureAmount: optionalAmount,
  captureTime: optionalString,
  acquirerReferenceNo: optionalString,
});

const cancelResponseSchema = antomResponseSchema.extend({
  paymentId: optionalString,
  paymentRequestId: optionalString,
  cancelTime: optionalString,
});

const refundResponseSchema = antomResponseSchema.extend({
  refundRequestId: optionalString,
  refundId: optionalString,
  paymentId: optionalString,
  refundAmount: optionalAmount,
  refundTime: optionalString,
});

const inquiryRefundResponseSchema = antomResponseSchema.extend({
  refundId: optionalString,
  refundRequestId: optionalString,
  refundAmount: optionalAmount,
  refundStatus: z.enum(['SUCCESS', 'PROCESSING', 'FAIL']).or(z.string()).optional(),
  refundTime: optionalString,
});

/** acceptDispute and supplyDefenseDocument answer the same two fields on SUCCESS. */
const disputeResolutionResponseSchema = antomResponseSchema.extend({
  disputeId: optionalString,
  disputeResolutionTime: optionalString,
});

const downloadDisputeEvidenceResponseSchema = antomResponseSchema.extend({
  disputeEvidence: optionalString,
  disputeEvidenceFormat: z.enum(DISPUTE_EVIDENCE_FORMATS).or(z.string()).optional(),
});

type DisputeResolutionResponse = z.infer<typeof disputeResolutionResponseSchema>;
type DownloadDisputeEvidenceResponse = z.infer<typeof downloadDisputeEvidenceResponseSchema>;

type CreatePaymentSessionResponse = z.infer<typeof createPaymentSessionResponseSchema>;
type InquiryPaymentResponse = z.infer<typeof inquiryPaymentResponseSchema>;
type CaptureResponse = z.infer<typeof captureResponseSchema>;
type CancelResponse = z.infer<typeof cancelResponseSchema>;
type RefundResponse = z.infer<typeof refundResponseSchema>;
type InquiryRefundResponse = z.infer<typeof inquiryRefundResponseSchema>;

export const responseSchemas = {
  createPaymentSession: createPaymentSessionResponseSchema,
  inquiryPayment: inquiryPaymentResponseSchema,
  capture: captureResponseSchema,
  cancel: cancelResponseSchema,
  refund: refundResponseSchema,
  inquiryRefund: inquiryRefundResponseSchema,
  acceptDispute: disputeResolutionResponseSchema,
  supplyDefenseDocument: disputeResolutionResponseSchema,
  downloadDisputeEvidence: downloadDisputeEvidenceResponseSchema,
} as const satisfies Record<AntomApiName, z.ZodType>;

export interface ResponseBodies {
  createPaymentSession: CreatePaymentSessionResponse;
  inquiryPayment: InquiryPaymentResponse;
  capture: CaptureResponse;
  cancel: CancelResponse;
  refund: RefundResponse;
  inquiryRefund: InquiryRefundResponse;
  acceptDispute: DisputeResolutionResponse;
  supplyDefenseDocument: DisputeResolutionResponse;
  downloadDisputeEvidence: DownloadDisputeEvidenceResponse;
}
