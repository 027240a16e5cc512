/**
 * The Antom client: the six payment APIs over signed HTTP (API-FACTS a, b, c, f).
 *
 * One call = validate -> serialise the body ONCE -> for each attempt: sign those bytes with a
 * fresh request-time, send them, read the raw answer, verify its signature, record the attempt.
 * Retries (network failure, timeout, HTTP 5xx, a retryable U) resend the same bytes with the
 * same request ID, with bounded backoff. *_IN_PROCESS answers are never resent: the operator
 * waits for the notification or inquires.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ConsoleError } from '../../../src-shared/errors';
import { antomResponseSchema, assertValidRequest, responseSchemas, type RequestBodies, type ResponseBodies, type WireAmount } from '../../../src-shared/antom';
import { explainResultCode } from '../../../src-shared/knowledge';
import { newRequestId } from '../../../src-shared/request-ids';
import type { ResultStatus } from '../../../src-shared/vocabulary';
import { buildSignedRequest, serialiseBody, type SignedRequest } from './build-signed-request';
import type { AntomApiName, CallIds, CallRecord, CallRecorder, CallTrigger, ResponseSignatureLabel } from './call-record';
import type { CallOutcome, FollowUpInquiry } from './call-outcome';
import { DEFAULT_TIMEOUT_MS, normaliseBaseUrl, type ClientProfile } from './client-profile';
import { postBytes, TransportFailure, type HttpAnswer } from './http-post';
import { InMemoryRequestIdLedger, type MoneyIntent, type RequestIdLedger } from './request-id-ledger';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { verifyResponse } from './verify-response';

interface CallOptions {
  trigger?: CallTrigger;
}

export interface AntomClientOptions {
  recorder?: CallRecorder;
  retry?: Partial<RetryPolicy>;
  ledger?: RequestIdLedger;
  /** Clock for request-time (epoch ms) and record timestamps. */
  now?: () => number;
  /** Backoff wait; tests pass one that records the delay and resolves at once. */
  sleep?: (ms: number) => Promise<void>;
}

/** The named fields of a loose (index-signature) body type; Omit on the full type would lose them. */
type KnownFields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/** A body whose request ID may be left out, plus any extra Antom fields. */
type WithOptionalId<T, K extends keyof KnownFields<T>> = Omit<KnownFields<T>, K> & Partial<Pick<KnownFields<T>, K>> & Record<string, unknown>;

/** Request bodies as callers pass them: the console mints request IDs that are left out. */
export type CreatePaymentSessionInput = WithOptionalId<RequestBodies['createPaymentSession'], 'paymentRequestId'>;
type CaptureInput = WithOptionalId<RequestBodies['capture'], 'captureRequestId'>;
type RefundInput = WithOptionalId<RequestBodies['refund'], 'refundRequestId'>;

/** The idempotency key of each API, if it has one (cancel and the inquiries are keyed on IDs Antom already knows). */
const REQUEST_ID_FIELD: Partial<Record<AntomApiName, 'paymentRequestId' | 'captureRequestId' | 'refundRequestId'>> = {
  createPaymentSession: 'paymentRequestId',
  capture: 'captureRequestId',
  refund: 'refundRequestId',
};

const ID_FIELDS = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId'] as const;

function extractIds(...bodies: unknown[]): CallIds {
  const ids: CallIds = {};
  for (const body of bodies) {
    if (body === null || typeof body !== 'object') continue;
    const record = body as Record<string, unknown>;
    for (const field of ID_FIELDS) {
      const value = record[field];
      if (typeof value === 'string' && value !== '' && ids[field] === undefined) ids[field] = value;
    }
    const order = record.order as Record<string, unknown> | undefined;
    if (order && typeof order.referenceOrderId === 'string' && ids.referenceOrderId === undefined) ids.referenceOrderId = order.referenceOrderId;
  }
  return ids;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A U result worth resending with the same request ID. *_IN_PROCESS means "wait", not "resend". */
function isRetryableUnknown(resultCode: string): boolean {
  return !/_IN_PROCESS$/.test(resultCode);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface AttemptContext {
  api: AntomApiName;
  callId: string;
  attempt: number;
  trigger: CallTrigger;
  signed: SignedRequest;
  requestTime: string;
  requestBody: string;
  startedAt: string;
}

export class AntomClient {
  private readonly recorder: CallRecorder | undefined;
  private readonly retry: RetryPolicy;
  private readonly ledger: RequestIdLedger;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly profile: ClientProfile, options: AntomClientOptions = {}) {
    normaliseBaseUrl(profile.baseUrl, profile.environment); // refuse a bad gateway before any call
    this.recorder = options.recorder;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.ledger = options.ledger ?? new InMemoryRequestIdLedger();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /**
   * Creates a Checkout payment session. If its outcome stays unknown after the retries (which
   * resend the same paymentRequestId: idempotent), the client inquires with that ID and puts the
   * answer in `outcome.inquiry` (or in the thrown error's details), instead of resending blindly.
   */
  async createPaymentSession(body: CreatePaymentSessionInput, opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['createPaymentSession']>> {
    const paymentRequestId = body.paymentRequestId || newRequestId('PAY', new Date(this.now()));
    const full = { ...body, paymentRequestId };
    try {
      const outcome = await this.execute('createPaymentSession', full, opts);
      if (outcome.resultStatus === 'U') {
        outcome.inquiry = await this.followUpInquiry(paymentRequestId);
        outcome.warnings.push(`The session outcome is unknown, so the console inquired with paymentRequestId ${paymentRequestId} instead of creating another session.`);
      }
      return outcome;
    } catch (error) {
      if (error instanceof ConsoleError && error.details?.outcomeUnknown === true) {
        const inquiry = await this.followUpInquiry(paymentRequestId);
        throw new ConsoleError(error.code, error.message, `${error.hint} The console inquired with paymentRequestId ${paymentRequestId}; see details.inquiry.`, { ...error.details, inquiry }, { cause: error });
      }
      throw error;
    }
  }

  inquiryPayment(body: RequestBodies['inquiryPayment'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['inquiryPayment']>> {
    return this.execute('inquiryPayment', body, opts);
  }

  capture(body: CaptureInput, opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['capture']>> {
    return this.moneyMovingCall('capture', 'captureRequestId', 'CAP', body, body.captureAmount, opts);
  }

  cancel(body: RequestBodies['cancel'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['cancel']>> {
    return this.execute('cancel', body, opts);
  }

  refund(body: RefundInput, opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['refund']>> {
    return this.moneyMovingCall('refund', 'refundRequestId', 'REF', body, body.refundAmount, opts);
  }

  inquiryRefund(body: RequestBodies['inquiryRefund'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['inquiryRefund']>> {
    return this.execute('inquiryRefund', body, opts);
  }

  private async followUpInquiry(paymentRequestId: string): Promise<FollowUpInquiry> {
    try {
      return { ok: true, outcome: await this.execute('inquiryPayment', { paymentRequestId }, { trigger: 'poller' }) };
    } catch (error) {
      const e = error instanceof ConsoleError ? error : new ConsoleError('INTERNAL', String(error), 'This is a bug in the console; please report it.');
      return { ok: false, error: { code: e.code, message: e.message, hint: e.hint } };
    }
  }

  /**
   * Capture / refund: when the caller leaves the request ID out, the ledger hands back the ID of
   * an earlier attempt of the same intent whose outcome is unknown, and mints a new one only
   * after a final S or F.
   */
  private async moneyMovingCall<A extends 'capture' | 'refund'>(
    api: A,
    idField: 'captureRequestId' | 'refundRequestId',
    prefix: string,
    body: CaptureInput | RefundInput,
    amount: WireAmount | undefined,
    opts: CallOptions,
  ): Promise<CallOutcome<ResponseBodies[A]>> {
    const record = body as Record<string, unknown>;
    const given = typeof record[idField] === 'string' && record[idField] !== '' ? (record[idField] as string) : undefined;
    const intent: MoneyIntent | undefined =
      typeof body.paymentId === 'string' && amount && typeof amount.currency === 'string' && typeof amount.value === 'string'
        ? { kind: api, paymentId: body.paymentId, currency: amount.currency, value: amount.value }
        : undefined;
    const pending = given === undefined && intent ? await this.ledger.pendingRequestId(intent) : undefined;
    const requestId = given ?? pending ?? newRequestId(prefix, new Date(this.now()));
    const full = { ...body, [idField]: requestId };
    let began = false;
    try {
      const outcome = await this.execute(api, full, opts, async () => {
        if (intent) await this.ledger.begin(intent, requestId);
        began = true;
      });
      if (intent) await this.ledger.end(intent, requestId, outcome.resultStatus === 'U' ? 'unknown' : 'final');
      if (pending) outcome.warnings.unshift(`Reused ${idField} ${pending}: an earlier ${api} of the same payment and amount ended with an unknown outcome, and a new ID could move money twice.`);
      return outcome;
    } catch (error) {
      if (intent && began) await this.ledger.end(intent, requestId, 'unknown');
      throw error;
    }
  }

  /** One logical call with a complete body: validate, then attempts with retries. */
  private async execute<A extends AntomApiName>(api: A, body: unknown, opts: CallOptions = {}, beforeSend?: () => Promise<void>): Promise<CallOutcome<ResponseBodies[A]>> {
    const report = assertValidRequest(api, body);
    if (beforeSend) await beforeSend();
    const bodyBytes = serialiseBody(body);
    const requestBody = bodyBytes.toString('utf8');
    const callId = randomUUID();
    const idField = REQUEST_ID_FIELD[api];
    const requestId = idField ? ((body as Record<string, unknown>)[idField] as string) : undefined;
    const warnings: string[] = report.warnings.map((w) => w.message);
    const timeoutMs = this.profile.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    for (let attempt = 1; ; attempt += 1) {
      const requestTime = String(this.now());
      const signed = buildSignedRequest(this.profile, api, bodyBytes, requestTime);
      const ctx: AttemptContext = {
        api,
        callId,
        attempt,
        trigger: attempt === 1 ? (opts.trigger ?? 'user') : 'retry',
        signed,
        requestTime,
        requestBody,
        startedAt: new Date(Number(requestTime)).toISOString(),
      };
      const canRetry = attempt < this.retry.maxAttempts;
      const started = performance.now();
      let answer: HttpAnswer;
      try {
        answer = await postBytes(signed.url, signed.headers, bodyBytes, timeoutMs);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        const latencyMs = performance.now() - started;
        const code = error.kind === 'timeout' ? 'TIMEOUT' : 'NETWORK_ERROR';
        this.record(ctx, { latencyMs, errorCode: code, errorMessage: error.message, ids: extractIds(body) });
        if (canRetry) {
          warnings.push(`Attempt ${attempt}: ${error.message} Retried with the same ${idField ?? 'request'} and body.`);
          await this.sleep(backoffDelayMs(this.retry, attempt));
          continue;
        }
        throw this.transportError(code, error.message, ctx, requestId, idField);
      }
      const latencyMs = performance.now() - started;
      const responseBody = answer.body.toString('utf8');
      const json = parseJson(responseBody);
      const shaped = antomResponseSchema.safeParse(json);
      if (!shaped.success) {
        const code = json === undefined ? 'RESPONSE_NOT_JSON' : 'HTTP_ERROR';
        const message = json === undefined
          ? `${api} got HTTP ${answer.status} with a body that is not JSON.`
          : `${api} got HTTP ${answer.status} with JSON that is not an Antom answer (no result.resultStatus).`;
        this.record(ctx, { latencyMs, answer, responseBody, errorCode: code, errorMessage: message, ids: extractIds(body, json) });
        if (answer.status >= 500 && canRetry) {
          warnings.push(`Attempt ${attempt}: HTTP ${answer.status} from the gateway. Retried with the same ${idField ?? 'request'} and body.`);
          await this.sleep(backoffDelayMs(this.retry, attempt));
          continue;
        }
        if (answer.status >= 500) throw this.transportError('HTTP_ERROR', `${message} The gateway kept failing.`, ctx, requestId, idField, answer.status);
        throw new ConsoleError(code, message, answer.status === 404
          ? `Check the gateway URL (${signed.url}); this server does not serve Antom's ${api}.`
          : 'Check that the gateway URL points at Antom or the embedded sandbox, not a proxy or login page.', { api, callId, httpStatus: answer.status, url: signed.url, bodyStart: responseBody.slice(0, 200) });
      }

      const verification = verifyResponse({ path: signed.path, headers: answer.headers, body: answer.body, antomPublicKey: this.profile.antomPublicKey, requestClientId: this.profile.clientId });
      const reported = shaped.data.result.resultStatus;
      const resultCode = shaped.data.result.resultCode;
      const resultMessage = shaped.data.result.resultMessage;
      const ids = extractIds(body, json);
      if (verification.label === 'invalid') {
        const message = `The ${api} response signature is invalid: ${verification.reason ?? 'it does not verify'}`;
        this.record(ctx, { latencyMs, answer, responseBody, label: 'invalid', resultStatus: 'U', resultCode, resultMessage, errorCode: 'RESPONSE_SIGNATURE_INVALID', errorMessage: message, ids });
        throw new ConsoleError('RESPONSE_SIGNATURE_INVALID', message, `Do not trust this answer (it said ${reported} ${resultCode}). Check the profile's Antom public key and environment; then inquire to learn the real outcome${requestId ? ` (reuse ${idField} ${requestId})` : ''}.`, {
          api, callId, url: signed.url, requestIdField: idField, requestId, reportedResultStatus: reported, resultCode, contentToSign: verification.contentToSign, outcomeUnknown: true,
        });
      }
      let resultStatus = reported;
      const attemptWarnings: string[] = [];
      if (verification.label === 'unverified') {
        attemptWarnings.push(`Unverified response: ${verification.reason ?? ''}`);
        if (reported !== 'F') {
          resultStatus = 'U';
          attemptWarnings.push(`The response says ${reported} (${resultCode}) but is not signed, so the console treats it as unknown (U) until a verified answer or an inquiry confirms it.`);
        }
      }
      this.record(ctx, { latencyMs, answer, responseBody, label: verification.label, resultStatus, resultCode, resultMessage, ids });
      // An unsigned S is unknown and resent like a U (same ID, same bytes): the next answer may be
      // signed. Without an Antom public key no answer can ever verify, so that is not resent.
      const resendable = reported === 'U' || this.profile.antomPublicKey !== undefined;
      if (resultStatus === 'U' && resendable && isRetryableUnknown(resultCode) && canRetry) {
        warnings.push(`Attempt ${attempt}: ${reported === 'U' ? `U ${resultCode}` : `unsigned ${reported} ${resultCode}`}. Retried with the same ${idField ?? 'request'} and body.`);
        await this.sleep(backoffDelayMs(this.retry, attempt));
        continue;
      }

      const typed = responseSchemas[api].safeParse(json);
      if (!typed.success) {
        const fields = [...new Set(typed.error.issues.map((i) => i.path.map(String).join('.')))].join(', ');
        attemptWarnings.push(`Some response fields have an unexpected shape (${fields}); they are shown as received.`);
      }
      if (resultStatus === 'U' && attempt > 1 && isRetryableUnknown(resultCode)) {
        attemptWarnings.push(`The outcome is still unknown after ${attempt} attempts. Inquire before acting${requestId ? `, and reuse ${idField} ${requestId} for any resend` : ''}.`);
      }
      return {
        api,
        callId,
        path: signed.path,
        url: signed.url,
        requestTime,
        requestBody,
        contentToSign: signed.contentToSign,
        requestSignatureHeader: signed.signatureHeader,
        httpStatus: answer.status,
        responseBody,
        response: (typed.success ? typed.data : json) as ResponseBodies[A],
        responseSignature: verification.label,
        resultStatus,
        reportedResultStatus: reported,
        resultCode,
        resultMessage,
        explanation: explainResultCode(resultCode, api),
        latencyMs,
        attempts: attempt,
        warnings: [...warnings, ...attemptWarnings],
        requestIds: ids,
      };
    }
  }

  private transportError(code: 'NETWORK_ERROR' | 'TIMEOUT' | 'HTTP_ERROR', message: string, ctx: AttemptContext, requestId: string | undefined, idField: string | undefined, httpStatus?: number): ConsoleError {
    const reuse = requestId
      ? ` Antom may or may not have processed it: resend with the SAME ${idField} ${requestId} (never a new one), or inquire first.`
      : ' It is safe to send the same request again.';
    const hint = code === 'TIMEOUT'
      ? `The gateway did not answer in time after ${ctx.attempt} attempts.${reuse}`
      : `Check the network and the gateway URL (${ctx.signed.url}).${reuse}`;
    return new ConsoleError(code, `${ctx.api} failed after ${ctx.attempt} attempt${ctx.attempt === 1 ? '' : 's'}: ${message}`, hint, {
      api: ctx.api, callId: ctx.callId, attempts: ctx.attempt, url: ctx.signed.url, requestIdField: idField, requestId, httpStatus, outcomeUnknown: true,
    });
  }

  private record(
    ctx: AttemptContext,
    outcome: {
      latencyMs: number;
      answer?: HttpAnswer;
      responseBody?: string;
      label?: ResponseSignatureLabel;
      resultStatus?: ResultStatus;
      resultCode?: string;
      resultMessage?: string | undefined;
      errorCode?: string;
      errorMessage?: string;
      ids: CallIds;
    },
  ): void {
    if (!this.recorder) return;
    const record: CallRecord = {
      attemptId: randomUUID(),
      callId: ctx.callId,
      attempt: ctx.attempt,
      startedAt: ctx.startedAt,
      profile: this.profile.name,
      environment: this.profile.environment,
      api: ctx.api,
      url: ctx.signed.url,
      path: ctx.signed.path,
      clientId: this.profile.clientId,
      requestTime: ctx.requestTime,
      requestBody: ctx.requestBody,
      requestSignatureHeader: ctx.signed.signatureHeader,
      httpStatus: outcome.answer?.status,
      responseHeaders: outcome.answer?.headers,
      responseBody: outcome.responseBody,
      responseSignature: outcome.label,
      latencyMs: outcome.latencyMs,
      resultStatus: outcome.resultStatus,
      resultCode: outcome.resultCode,
      resultMessage: outcome.resultMessage,
      errorCode: outcome.errorCode,
      errorMessage: outcome.errorMessage,
      ids: outcome.ids,
      trigger: ctx.trigger,
    };
    try {
      this.recorder.record(record);
    } catch {
      // A failing recorder must not turn a completed payment call into an error.
    }
  }
}
