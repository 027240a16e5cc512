/** The Antom client: signed calls to the six payment APIs, retries, idempotency. */
export { AntomClient, type AntomClientOptions, type CallOptions, type CaptureInput, type CreatePaymentSessionInput, type RefundInput } from './antom-client';
export { buildSignedRequest, serialiseBody, type SignedRequest } from './build-signed-request';
export type { CallOutcome, FollowUpInquiry } from './call-outcome';
export * from './call-record';
export { DEFAULT_TIMEOUT_MS, normaliseBaseUrl, usesSandboxPaths, type ClientProfile } from './client-profile';
export { apiPath, gatewayBaseUrl, REGION_GATEWAYS } from './gateways';
export { InMemoryRequestIdLedger, intentKey, type IntentEnd, type MoneyIntent, type RequestIdLedger } from './request-id-ledger';
export { newRequestId } from './request-ids';
export {
  backoffDelayMs,
  DEFAULT_ORDER_NOT_EXIST_POLICY,
  DEFAULT_RETRY_POLICY,
  DEFAULT_TRAFFIC_LIMIT_POLICY,
  TRAFFIC_LIMIT_CODE,
  trafficLimitDelayMs,
  type OrderNotExistPolicy,
  type RetryPolicy,
  type TrafficLimitPolicy,
} from './retry-policy';
export { InMemorySessionLookup, journalSessionLookup, type CallListing, type SessionLookup } from './session-lookup';
export { verifyResponse, type ResponseVerification } from './verify-response';
