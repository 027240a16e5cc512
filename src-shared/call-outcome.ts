/**
 * What a client call returns when Antom (or the sandbox) answered: the request as signed and
 * sent, the answer, its signature label, the result and what it means. Negative answers (F) are
 * outcomes, not exceptions: the UI shows them. Only transport failures, unreadable answers and
 * invalid signatures are thrown (as ConsoleError).
 */
import type { CodeExplanation } from './knowledge';
import type { AntomApiName, CallIds, ResponseSignatureLabel } from './antom-calls';
import type { ResultStatus } from './vocabulary';

export interface CallOutcome<T> {
  api: AntomApiName;
  /** Shared by every attempt of this call, as in the CallRecords. */
  callId: string;
  path: string;
  url: string;
  /** request-time of the final attempt (epoch ms as a string). */
  requestTime: string;
  /** The exact body text sent (identical on every attempt). */
  requestBody: string;
  contentToSign: string;
  requestSignatureHeader: string;
  httpStatus: number;
  /** Raw response text. */
  responseBody: string;
  response: T;
  responseSignature: ResponseSignatureLabel;
  /**
   * The status the console acts on: Antom's, except that an unverified S or U is treated as U
   * (only an F can be trusted without a signature).
   */
  resultStatus: ResultStatus;
  /** What the response said before that downgrade. */
  reportedResultStatus: ResultStatus;
  resultCode: string;
  resultMessage: string | undefined;
  explanation: CodeExplanation;
  latencyMs: number;
  attempts: number;
  warnings: string[];
  requestIds: CallIds;
  /**
   * createPaymentSession only: when the session's outcome stayed unknown, the console inquires
   * with the paymentRequestId instead of resending blindly; this is what the inquiry said.
   */
  inquiry?: FollowUpInquiry;
}

export type FollowUpInquiry =
  | { ok: true; outcome: CallOutcome<unknown> }
  | { ok: false; error: { code: string; message: string; hint: string } };
