/** The Antom client: signed calls to the six payment APIs and the three dispute APIs, retries, idempotency. */
export { AntomClient, type AntomClientOptions, type CreatePaymentSessionInput } from './antom-client';
export { buildSignedRequest } from './build-signed-request';
export * from './call-record';
export { usesSandboxPaths, type ClientProfile } from './client-profile';
export { apiPath, gatewayBaseUrl } from './gateways';
export { InMemoryRequestIdLedger } from './request-id-ledger';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, trafficLimitDelayMs } from './retry-policy';
export { InMemorySessionLookup, journalSessionLookup } from './session-lookup';
