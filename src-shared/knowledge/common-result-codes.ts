/**
 * Errors any Antom API can return (API-FACTS c, "Common errors"). These are the fallback when
 * an API has no entry of its own for a code.
 */
import type { CodeEntry } from './knowledge-types';
import type { ResultStatus } from '../vocabulary';

const common = (
  code: string,
  resultStatus: ResultStatus,
  meaning: string,
  nextAction: string,
  retry: CodeEntry['retry'],
  extra: Partial<CodeEntry> = {},
): CodeEntry => ({
  code,
  kind: 'api-result',
  field: 'result',
  apis: ['common'],
  resultStatus,
  meaning,
  nextAction,
  retry,
  sources: ['API-FACTS c', 'D-INQ', 'D-CAN', 'D-REF', 'D-NREF'],
  ...extra,
});

export const COMMON_RESULT_CODES: readonly CodeEntry[] = [
  common('SUCCESS', 'S', 'The call succeeded.', 'Nothing to fix. For inquiries, read the business status field (paymentStatus / refundStatus): result only says the call worked.', 'none'),
  common('ACCESS_DENIED', 'F', 'Antom refused access for this merchant or API.', 'Contact Antom support with the client-id and the request ID; retrying will not help.', 'do-not-retry'),
  common('INVALID_API', 'F', 'The API is not active for this merchant, or was called the wrong way.', 'Check the API name, path, method and body format; if they are right, ask Antom support to enable the API.', 'do-not-retry', { aliases: ['API_INVALID'] }),
  common('API_INVALID', 'F', 'The API is not active for this merchant, or was called the wrong way (spelling used by refund result codes).', 'Check the API name, path, method and body format; if they are right, ask Antom support to enable the API.', 'do-not-retry', { aliases: ['INVALID_API'] }),
  common('NO_INTERFACE_DEF', 'F', 'No endpoint is defined at the path that was called.', 'Fix the URL: /ams/api/v1/payments/<api> in production, /ams/sandbox/api/v1/payments/<api> for sandbox client-ids.', 'fix-request'),
  common('KEY_NOT_FOUND', 'F', 'Antom has no key for this client-id: the merchant public key was not uploaded, or the Antom key is missing.', 'Upload the merchant public key in Antom Dashboard (Developer > Quick start) for this environment, and check keyVersion.', 'fix-request'),
  common('INVALID_SIGNATURE', 'F', 'The request signature does not verify against the public key uploaded to Antom Dashboard.', 'Check that the private key matches the uploaded public key, the client-id and environment (sandbox vs production) are right, and that the exact bytes sent were signed with the path actually called.', 'fix-request', { aliases: ['SIGNATURE_INVALID'], note: 'Antom usually omits the response signature when it rejects yours, so this answer arrives unverified.' }),
  common('SIGNATURE_INVALID', 'F', 'The request signature does not verify (alternative spelling of INVALID_SIGNATURE).', 'Check the key pair, the client-id and environment, and that the signed path and body are exactly what was sent.', 'fix-request', { aliases: ['INVALID_SIGNATURE'] }),
  common('CLIENT_INVALID', 'F', 'The client-id is invalid or restricted.', 'Check the client-id against Antom Dashboard for this environment (sandbox IDs start with SANDBOX_).', 'fix-request'),
  common('MEDIA_TYPE_NOT_ACCEPTABLE', 'F', 'Antom does not accept the request media type.', 'Send Content-Type: application/json; charset=UTF-8.', 'fix-request'),
  common('METHOD_NOT_SUPPORTED', 'F', 'Only POST is allowed on these APIs.', 'Send the request with POST.', 'fix-request'),
  common('PARAM_ILLEGAL', 'F', 'A required header or body field is missing or invalid.', 'Read resultMessage for the field name, fix the request, and send it again (a corrected request may keep its request ID only if it was never accepted).', 'fix-request'),
  common('PROCESS_FAIL', 'F', 'A general business failure.', 'Do not retry automatically; a person needs to look at it. Contact Antom support with the request ID.', 'do-not-retry'),
  common('SYSTEM_ERROR', 'F', 'An Antom system error.', 'Do not retry automatically; contact Antom support with the request ID.', 'do-not-retry'),
  common('REQUEST_TRAFFIC_EXCEED_LIMIT', 'U', 'Antom rate-limited the request; its outcome is unknown.', 'Retry later with the same request ID and the same body; slow down automated calls.', 'same-request-id'),
  common('UNKNOWN_EXCEPTION', 'U', 'An unknown failure; the outcome of the request is not known.', 'Retry with the same request ID and body, or inquire; see the API-specific advice.', 'same-request-id', { note: 'The advice differs per API: inquire after createPaymentSession, a NEW paymentRequestId for a Cashier paymentResultCode, the same captureRequestId / refundRequestId for capture and refund.' }),
];
