/** The Antom client: signed calls to the six payment APIs, retries, idempotency. */
export { AntomClient, type AntomClientOptions, type CreatePaymentSessionInput } from './antom-client';
export { buildSignedRequest } from './build-signed-request';
export type { CallOutcome } from './call-outcome';
export * from './call-record';
export { usesSandboxPaths, type ClientProfile } from './client-profile';
export { apiPath, gatewayBaseUrl } from './gateways';
export { InMemoryRequestIdLedger } from './request-id-ledger';
export { backoffDelayMs } from './retry-policy';
