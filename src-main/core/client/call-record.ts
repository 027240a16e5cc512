/**
 * What the client reports for every HTTP attempt it makes to Antom (or the embedded sandbox).
 * The journal (SQLite) stores these; the API log and timelines read them back. Built by the
 * client, so the journal never needs to know how signing or retries work.
 *
 * Bodies are the exact text sent/received; the journal redacts personal and card data before
 * writing. No field ever holds key material: `requestSignatureHeader` is a public signature.
 */
export { ANTOM_APIS, type AntomApiName, type CallIds, type CallTrigger, type ResponseSignatureLabel } from '../../../src-shared/antom-calls';
import type { AntomApiName, CallIds, CallTrigger, ResponseSignatureLabel } from '../../../src-shared/antom-calls';
import type { Environment, ResultStatus } from '../../../src-shared/vocabulary';
import type { Actor } from '../../../src-shared/audit-views';

export interface CallRecord {
  /** Unique per attempt (UUID). */
  attemptId: string;
  /** Shared by every attempt of one logical call (first attempt + its retries). */
  callId: string;
  attempt: number;
  startedAt: string; // ISO-8601 UTC
  profile: string;
  environment: Environment;
  api: AntomApiName;
  url: string;
  path: string;
  clientId: string;
  requestTime: string;
  requestBody: string;
  requestSignatureHeader: string;
  /** undefined when no HTTP response arrived (network error, timeout). */
  httpStatus: number | undefined;
  responseHeaders: Record<string, string> | undefined;
  responseBody: string | undefined;
  responseSignature: ResponseSignatureLabel | undefined;
  latencyMs: number;
  resultStatus: ResultStatus | undefined;
  resultCode: string | undefined;
  resultMessage: string | undefined;
  /** Transport failure, if any: 'NETWORK_ERROR' | 'TIMEOUT' | 'HTTP_ERROR' | 'RESPONSE_NOT_JSON' | 'RESPONSE_SIGNATURE_INVALID'. */
  errorCode: string | undefined;
  errorMessage: string | undefined;
  ids: CallIds;
  trigger: CallTrigger;
  /** Who sent it (OS user, host, door); the client always sets it when it was given one. */
  actor?: Actor | undefined;
}

/**
 * The client calls this once per attempt, after the attempt ends, and awaits it (so the attempt
 * is on record before the caller sees the outcome). Must not reject.
 */
export interface CallRecorder {
  record(call: CallRecord): Promise<void>;
}
