/**
 * What the receiver answers. Antom treats only its fixed acknowledgement as "received"
 * (API-FACTS a.6) and resends on anything else (f.1), so every non-acknowledgement below is a
 * deliberate "please resend": resultStatus F, a non-2xx status, and a message that says why.
 */
import type { RejectReason } from '../journal/journal-types';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-shared/acknowledgement';

export { ACKNOWLEDGEMENT_BODY };

export interface Answer {
  httpStatus: number;
  body: string;
  /** Buffer.byteLength(body), worked out once (the content-length of every answer). */
  bytes: number;
}

function answer(httpStatus: number, body: string): Answer {
  return { httpStatus, body, bytes: Buffer.byteLength(body) };
}

export const ACKNOWLEDGEMENT: Answer = answer(200, ACKNOWLEDGEMENT_BODY);

function failure(httpStatus: number, resultCode: string, resultMessage: string): Answer {
  return answer(httpStatus, JSON.stringify({ result: { resultCode, resultStatus: 'F', resultMessage } }));
}

/** Antom's own result codes where one fits (c, "Common errors"), so a reader recognises them. */
const REJECT_ANSWERS: Record<RejectReason, { httpStatus: number; resultCode: string }> = {
  'wrong-key': { httpStatus: 401, resultCode: 'INVALID_SIGNATURE' },
  'wrong-path': { httpStatus: 401, resultCode: 'INVALID_SIGNATURE' },
  'body-changed': { httpStatus: 401, resultCode: 'INVALID_SIGNATURE' },
  'malformed-signature': { httpStatus: 401, resultCode: 'INVALID_SIGNATURE' },
  'bad-time-header': { httpStatus: 400, resultCode: 'PARAM_ILLEGAL' },
  'missing-client-id': { httpStatus: 400, resultCode: 'PARAM_ILLEGAL' },
  'unknown-client-id': { httpStatus: 401, resultCode: 'CLIENT_INVALID' },
  'not-json': { httpStatus: 400, resultCode: 'PARAM_ILLEGAL' },
  'not-a-notification': { httpStatus: 400, resultCode: 'PARAM_ILLEGAL' },
  oversized: { httpStatus: 413, resultCode: 'PARAM_ILLEGAL' },
};

export function rejectionAnswer(reason: RejectReason, detail: string): Answer {
  const { httpStatus, resultCode } = REJECT_ANSWERS[reason];
  return failure(httpStatus, resultCode, `Not accepted (${reason}): ${detail}`);
}

export const STORE_FAILED: Answer = failure(500, 'SYSTEM_ERROR', 'The notification could not be stored; it was not accepted. Please resend.');
/** The journal cannot be reached (database down): nothing was stored, and Antom's resend will be once it is back. */
export const STORE_UNAVAILABLE: Answer = failure(503, 'SYSTEM_ERROR', 'The notification journal is unavailable; the notification was not accepted. Please resend.');
export const METHOD_NOT_ALLOWED: Answer = failure(405, 'METHOD_NOT_SUPPORTED', 'Notifications must be sent with POST.');
export const NOT_FOUND: Answer = failure(404, 'NO_INTERFACE_DEF', 'No notification receiver on this path.');
