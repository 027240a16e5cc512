/** The Antom client: signed calls to the six payment APIs, retries, idempotency. */
export { AntomClient, type AntomClientOptions, type CallOptions, type CaptureInput, type CreatePaymentSessionInput, type RefundInput } from './antom-client';
export { buildSignedRequest, serialiseBody, type SignedRequest } from './build-signed-request';
export type { CallOutcome, FollowUpInquiry } from './call-outcome';
export * from './call-record';
export { DEFAULT_TIMEOUT_MS, normaliseBaseUrl, usesSandboxPaths, type ClientProfile } from './client-profile';
export { apiPath, gatewayBaseUrl, REGION_GATEWAYS } from './gateways';
export { InMemoryRequestIdLedger, intentKey, type IntentEnd, type MoneyIntent, type RequestIdLedger } from './request-id-ledger';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
export { verifyResponse, type ResponseVerification } from './verify-response';
