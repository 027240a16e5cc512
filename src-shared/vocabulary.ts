/**
 * The console's fixed words, declared once. Every zod enum (contract, CLI flags, sandbox faults),
 * every TypeScript union and every list a page offers derives from these arrays, so adding a word
 * (a new Antom API, a new notifyType) is one line here and the typecheck then points at every
 * table (`Record<...>`) that must say something about it.
 *
 * Pure data: no zod, no node:, no DOM, so the preload, the renderer and main can all import it.
 */

/** The payment APIs (API-FACTS c.1-c.6), as named in their paths /v1/payments/<name>. */
const PAYMENT_APIS = [
  'createPaymentSession',
  'inquiryPayment',
  'capture',
  'cancel',
  'refund',
  'inquiryRefund',
] as const;

/** The dispute APIs (Antom reference: acceptDispute, supplyDefenseDocument, downloadDisputeEvidence). */
export const DISPUTE_APIS = [
  'acceptDispute',
  'supplyDefenseDocument',
  'downloadDisputeEvidence',
] as const;

/** Every Antom API the console calls. */
export const ANTOM_APIS = [...PAYMENT_APIS, ...DISPUTE_APIS] as const;
export type AntomApiName = (typeof ANTOM_APIS)[number];

/** notifyType values of the payment notifications (API-FACTS c.7-c.9): notifyPayment, notifyCapture, notifyRefund. */
export const PAYMENT_NOTIFY_TYPES = [
  'PAYMENT_RESULT',
  'PAYMENT_PENDING',
  'CAPTURE_RESULT',
  'REFUND_RESULT',
] as const;

/**
 * notifyDispute and notifyDefenseDocument: Antom's dispute notifications carry no notifyType, so
 * the receiver names them after their API.
 */
export const DISPUTE_NOTIFY_TYPES = [
  'NOTIFY_DISPUTE',
  'NOTIFY_DEFENSE_DOCUMENT',
] as const;

/** Every notifyType the journal stores; UNKNOWN marks a verified body the receiver could not read. */
export const NOTIFY_TYPES = [...PAYMENT_NOTIFY_TYPES, ...DISPUTE_NOTIFY_TYPES, 'UNKNOWN'] as const;
export type NotifyType = (typeof NOTIFY_TYPES)[number];

/**
 * The failures the embedded sandbox can inject (its fault kinds, docs/sandbox-scenarios.md):
 * a delay, an HTTP 5xx, the change applied then the socket dropped, U / UNKNOWN_EXCEPTION, and an
 * answer without or with a wrong signature.
 */
export const SANDBOX_FAULT_KINDS = ['latency', 'http5xx', 'dropAfterApply', 'unknownException', 'missingSignature', 'wrongSignature'] as const;
export type SandboxFaultKind = (typeof SANDBOX_FAULT_KINDS)[number];

/** The notifications the embedded sandbox can send again for one payment ("send a test notification"). */
export const SANDBOX_TEST_NOTIFY_TYPES = [...PAYMENT_NOTIFY_TYPES, 'NOTIFY_DISPUTE'] as const;
export type SandboxTestNotifyType = (typeof SANDBOX_TEST_NOTIFY_TYPES)[number];

/** Why the receiver rejected a POST. */
export const REJECT_REASONS = [
  'wrong-key',          // signature well-formed but does not verify; no other explanation found
  'wrong-path',         // verifies over another path than the receiver's own
  'body-changed',       // signature valid for a different body (cannot always be told apart from wrong-key)
  'bad-time-header',    // request-time header missing/empty
  'malformed-signature',// header missing or not decodable
  'missing-client-id',
  'unknown-client-id',  // no profile with that client-id / no Antom public key for it
  'not-json',
  'not-a-notification', // JSON but not one of the notify shapes
  'oversized',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Where a profile's calls go: the embedded simulator, Antom's sandbox, or real money. */
export const ENVIRONMENTS = ['embedded', 'sandbox', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** Antom gateway regions (API-FACTS b.1), CUSTOM for a given base URL, LOCAL for the embedded sandbox. */
export const REGIONS = ['SG', 'NA', 'EU', 'US', 'CUSTOM', 'LOCAL'] as const;
export type Region = (typeof REGIONS)[number];

/** Antom's result.resultStatus: success, failure, unknown (API-FACTS c, the common result object). */
export const RESULT_STATUSES = ['S', 'F', 'U'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** A call filter may also ask for calls without any result (transport errors). */
export const RESULT_STATUS_FILTERS = [...RESULT_STATUSES, 'none'] as const;
export type ResultStatusFilter = (typeof RESULT_STATUS_FILTERS)[number];

/** Who caused a call: a person in the UI, the inquiry poller, the client's own retry, the CLI, a test. */
export const CALL_TRIGGERS = ['user', 'poller', 'retry', 'cli', 'test'] as const;
export type CallTrigger = (typeof CALL_TRIGGERS)[number];

/** How a response signature was judged. */
export const RESPONSE_SIGNATURE_LABELS = ['verified', 'unverified', 'invalid'] as const;
export type ResponseSignatureLabel = (typeof RESPONSE_SIGNATURE_LABELS)[number];

/** What the receiver decided about a notification. */
export const NOTIFICATION_VERIFICATIONS = ['verified', 'rejected'] as const;
export type NotificationVerification = (typeof NOTIFICATION_VERIFICATIONS)[number];

/** disputeJudgedResult values in Antom's reference (notifyDispute DISPUTE_JUDGED): the receiver reads them, the sandbox sends them. */
export const DISPUTE_JUDGED_RESULTS = [
  'ACCEPT_BY_CUSTOMER',
  'ACCEPT_BY_MERCHANT',
  'VALIDATE_SUCCESS',
  'VALIDATE_FAIL',
] as const;
export type DisputeJudgedResult = (typeof DISPUTE_JUDGED_RESULTS)[number];
