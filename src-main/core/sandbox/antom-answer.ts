/**
 * What a sandbox Antom endpoint decides before it is written to the socket: the HTTP status,
 * the JSON body, and whether Antom would sign it (it does not sign rejections of the caller's
 * own credentials, API-FACTS a.5).
 */
import type { ResultStatus } from '../../../src-shared/vocabulary';

export interface AntomResult {
  resultCode: string;
  resultStatus: ResultStatus;
  resultMessage: string;
}

export interface AntomAnswer {
  httpStatus: number;
  body: Record<string, unknown>;
  signed: boolean;
}

export function result(resultCode: string, resultStatus: ResultStatus, resultMessage: string): AntomResult {
  return { resultCode, resultStatus, resultMessage };
}

export const SUCCESS_RESULT: AntomResult = result('SUCCESS', 'S', 'success');

/** A business answer: HTTP 200 with result S/F/U, signed. */
export function answer(res: AntomResult, fields: Record<string, unknown> = {}): AntomAnswer {
  return { httpStatus: 200, body: { result: res, ...fields }, signed: true };
}

export function failure(resultCode: string, resultMessage: string, httpStatus = 200, signed = true): AntomAnswer {
  return { httpStatus, body: { result: result(resultCode, 'F', resultMessage) }, signed };
}

/** The answer to a scenario's `reject`: F, or U for the retryable codes; never signed differently. */
export function rejection(effect: { resultCode: string; resultMessage: string; resultStatus?: ResultStatus }): AntomAnswer {
  return answer(result(effect.resultCode, effect.resultStatus ?? 'F', effect.resultMessage));
}
