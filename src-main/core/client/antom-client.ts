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
import {
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
import { InMemorySessionLookup, type SessionLookup } from './session-lookup';
import { verifyResponse } from './verify-response';
import { journalCopy } from './dispute-evidence-journal';
import { buildIntent, intentNotRecorded, isAuditedOperation, type IntentJournal, type IntentRecord } from './intent-journal';
import type { Actor } from '../../../src-shared/audit-views';

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
  /** REQUEST_TRAFFIC_EXCEED_LIMIT backoff (longer, jittered). */
  trafficLimit?: Partial<TrafficLimitPolicy>;
  /** Jitter source in [0, 1); Math.random by default, fixed in tests. */
  random?: () => number;
  /** ORDER_NOT_EXIST re-inquiries right after a payment session. */
  orderNotExist?: Partial<OrderNotExistPolicy>;
  /** Sessions created before this client (the journal); the client also remembers its own. */
  sessions?: SessionLookup;
  /** Who sends this client's calls; every call record carries it. */
  actor?: Actor;
  /**
   * Where money-moving operations are recorded BEFORE they are sent (and their outcome after).
   * With it, a money-moving call whose intent cannot be recorded is not sent (intent-journal.ts).
   * Needs `actor`.
   */
  intents?: IntentJournal;
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

const ID_FIELDS = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId', 'disputeId'] as const;

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

/**
 * A dispute takes one answer, so when an earlier attempt got no answer (network, timeout, U) and
 * the retry says REPEAT_REQUEST, the earlier attempt most likely reached Antom: say so, rather
 * than let the F read as "nothing happened".
 */
function explainRepeatAfterRetry<T>(outcome: CallOutcome<T>): CallOutcome<T> {
  if (outcome.attempts > 1 && outcome.resultCode === 'REPEAT_REQUEST') {
    outcome.warnings.push(`REPEAT_REQUEST came on attempt ${outcome.attempts}, after an attempt with no clear answer: that earlier ${outcome.api} most likely reached Antom. Check the dispute's notifications (DEFENSE_SUPPLIED / DISPUTE_JUDGED) before doing anything else.`);
  }
  return outcome;
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
  private readonly trafficLimit: TrafficLimitPolicy;
  private readonly random: () => number;
  private readonly orderNotExist: OrderNotExistPolicy;
  private readonly ownSessions = new InMemorySessionLookup();
  private readonly sessions: SessionLookup | undefined;
  private readonly actor: Actor | undefined;
  private readonly intents: IntentJournal | undefined;

  constructor(private readonly profile: ClientProfile, options: AntomClientOptions = {}) {
    normaliseBaseUrl(profile.baseUrl, profile.environment); // refuse a bad gateway before any call
    this.recorder = options.recorder;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.ledger = options.ledger ?? new InMemoryRequestIdLedger();
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.trafficLimit = { ...DEFAULT_TRAFFIC_LIMIT_POLICY, ...options.trafficLimit };
    this.random = options.random ?? Math.random;
    this.orderNotExist = { ...DEFAULT_ORDER_NOT_EXIST_POLICY, ...options.orderNotExist };
    this.sessions = options.sessions;
    this.actor = options.actor;
    this.intents = options.intents;
    if (this.intents && !this.actor) throw new Error('AntomClient: recording intents needs an actor (who sends the calls)');
  }

  /**
   * Creates a Checkout payment session. If its outcome stays unknown after the retries (which
   * resend the same paymentRequestId: idempotent), the client inquires with that ID and puts the
   * answer in `outcome.inquiry` (or in the thrown error's details), instead of resending blindly.
   */
  async createPaymentSession(body: CreatePaymentSessionInput, opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['createPaymentSession']>> {
    const paymentRequestId = body.paymentRequestId || newRequestId('PAY', new Date(this.now()));
    const full = { ...body, paymentRequestId };
    const startedAt = this.now();
    try {
      const outcome = await this.execute('createPaymentSession', full, opts);
      if (outcome.resultStatus !== 'F') this.ownSessions.record(paymentRequestId, startedAt);
      if (outcome.resultStatus === 'U') {
        outcome.inquiry = await this.followUpInquiry(paymentRequestId);
        outcome.warnings.push(`The session outcome is unknown, so the console inquired with paymentRequestId ${paymentRequestId} instead of creating another session.`);
      }
      return outcome;
    } catch (error) {
      if (error instanceof ConsoleError && error.details?.outcomeUnknown === true) {
        this.ownSessions.record(paymentRequestId, startedAt);
        const inquiry = await this.followUpInquiry(paymentRequestId);
        throw new ConsoleError(error.code, error.message, `${error.hint} The console inquired with paymentRequestId ${paymentRequestId}; see details.inquiry.`, { ...error.details, inquiry }, { cause: error });
      }
      throw error;
    }
  }

  /**
   * An inquiry that gets ORDER_NOT_EXIST right after a session asks again (see execute). Not for
   * a poller's inquiries: the Payments page polls every 2 s by itself (the seeds' advice) and
   * never takes ORDER_NOT_EXIST as final, so holding its inquiry 15 s would only slow it down.
   */
  inquiryPayment(body: RequestBodies['inquiryPayment'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['inquiryPayment']>> {
    return this.execute('inquiryPayment', body, opts, undefined, opts.trigger !== 'poller');
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

  /**
   * The dispute APIs. None has a request ID of its own: Antom keys them on disputeId, and a
   * second accept or defense of the same dispute answers REPEAT_REQUEST, so resending the same
   * bytes after a network failure or a U is safe (the retry keeps the same body, as for the others).
   */
  async acceptDispute(body: RequestBodies['acceptDispute'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['acceptDispute']>> {
    return explainRepeatAfterRetry(await this.execute('acceptDispute', body, opts));
  }

  async supplyDefenseDocument(body: RequestBodies['supplyDefenseDocument'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['supplyDefenseDocument']>> {
    return explainRepeatAfterRetry(await this.execute('supplyDefenseDocument', body, opts));
  }

  downloadDisputeEvidence(body: RequestBodies['downloadDisputeEvidence'], opts: CallOptions = {}): Promise<CallOutcome<ResponseBodies['downloadDisputeEvidence']>> {
    return this.execute('downloadDisputeEvidence', body, opts);
  }

  /**
   * An inquiry by paymentRequestId (not paymentId, which only Antom hands out) within the fresh
   * window of the session created with that ID, by this client or one the journal remembers.
   */
  private async isRightAfterSession(body: unknown, inquiredAtMs: number): Promise<boolean> {
    const record = body as Record<string, unknown>;
    const paymentRequestId = record.paymentRequestId;
    if (typeof paymentRequestId !== 'string' || paymentRequestId === '' || (typeof record.paymentId === 'string' && record.paymentId !== '')) return false;
    let startedAt = await this.ownSessions.sessionStartedAt(paymentRequestId);
    if (startedAt === undefined && this.sessions) {
      try {
        startedAt = await this.sessions.sessionStartedAt(paymentRequestId);
      } catch {
        // A journal that cannot answer must not turn an inquiry into an error: no retry then.
        startedAt = undefined;
      }
    }
    return startedAt !== undefined && inquiredAtMs - startedAt <= this.orderNotExist.freshWindowMs;
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
    let pending: string | undefined;
    try {
      pending = given === undefined && intent ? await this.ledger.pendingRequestId(intent) : undefined;
    } catch (error) {
      // Without the ledger a new ID could move money twice; without the journal there is no record: send nothing.
      throw intentNotRecorded(api, error);
    }
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

  /**
   * One logical call with a complete body: validate, record the intent (money-moving operations),
   * then attempts with retries, then record the outcome. An intent that cannot be recorded stops
   * the call here, before `beforeSend` and before any byte is sent.
   */
  private async execute<A extends AntomApiName>(
    api: A,
    body: unknown,
    opts: CallOptions = {},
    beforeSend?: () => Promise<void>,
    waitOnNewOrder = true,
  ): Promise<CallOutcome<ResponseBodies[A]>> {
    const report = assertValidRequest(api, body);
    const callId = randomUUID();
    const intent = await this.recordIntent(api, body, callId);
    let sent = false;
    const markSent = () => { sent = true; };
    try {
      if (beforeSend) await beforeSend();
      const outcome = await this.attempts(api, body, callId, report.warnings.map((w) => w.message), opts, waitOnNewOrder, markSent);
      if (intent) {
        const recorded = await this.recordOutcome({
          intentId: intent.intentId, completedAt: new Date(this.now()).toISOString(), outcome: outcome.resultStatus, resultStatus: outcome.resultStatus,
          resultCode: outcome.resultCode, errorCode: undefined, httpStatus: outcome.httpStatus, attempts: outcome.attempts,
        });
        if (!recorded) outcome.warnings.push(`The journal could not record the outcome of this ${api}; the Audit view shows it as "sent, outcome unknown". The call itself completed as shown.`);
      }
      return outcome;
    } catch (error) {
      if (intent) {
        const details = error instanceof ConsoleError ? error.details : undefined;
        const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
        await this.recordOutcome({
          intentId: intent.intentId, completedAt: new Date(this.now()).toISOString(), outcome: sent ? 'unknown' : 'not-sent',
          resultStatus: undefined, resultCode: typeof details?.resultCode === 'string' ? details.resultCode : undefined,
          errorCode: error instanceof ConsoleError ? error.code : 'INTERNAL', httpStatus: num(details?.httpStatus), attempts: num(details?.attempts) ?? (sent ? 1 : 0),
        });
      }
      throw error;
    }
  }

  /** Money-moving operations only: the intent on record, or the call stops with AUDIT_NOT_RECORDED. */
  private async recordIntent(api: AntomApiName, body: unknown, callId: string): Promise<IntentRecord | undefined> {
    if (!this.intents || !this.actor || !isAuditedOperation(api)) return undefined;
    const intent = buildIntent({
      operation: api, body: body as Record<string, unknown>, ids: extractIds(body), requestIdField: REQUEST_ID_FIELD[api], callId,
      profile: this.profile.name, environment: this.profile.environment, actor: this.actor, at: new Date(this.now()),
    });
    try {
      await this.intents.recordIntent(intent);
    } catch (error) {
      throw intentNotRecorded(api, error, intent);
    }
    return intent;
  }

  /** Best effort after the call: false when the journal refused it (the call's result stands). */
  private async recordOutcome(outcome: Parameters<IntentJournal['recordOutcome']>[0]): Promise<boolean> {
    try {
      await this.intents?.recordOutcome(outcome);
      return true;
    } catch {
      return false;
    }
  }

  /** The attempts of one call (retries resend the same bytes); `onSend` runs before the first byte leaves. */
  private async attempts<A extends AntomApiName>(
    api: A,
    body: unknown,
    callId: string,
    validationWarnings: string[],
    opts: CallOptions,
    waitOnNewOrder: boolean,
    onSend: () => void,
  ): Promise<CallOutcome<ResponseBodies[A]>> {
    const bodyBytes = serialiseBody(body);
    const requestBody = bodyBytes.toString('utf8');
    const idField = REQUEST_ID_FIELD[api];
    const requestId = idField ? ((body as Record<string, unknown>)[idField] as string) : undefined;
    const warnings: string[] = [...validationWarnings];
    const timeoutMs = this.profile.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Re-inquiries after ORDER_NOT_EXIST are waits for Antom, not failures: they do not use up
    // the retry budget for network errors and U answers.
    let orderNotExistRetries = 0;
    let freshSession: boolean | undefined;

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
      const budgetAttempt = attempt - orderNotExistRetries;
      const canRetry = budgetAttempt < this.retry.maxAttempts;
      const started = performance.now();
      let answer: HttpAnswer;
      onSend();
      try {
        answer = await postBytes(signed.url, signed.headers, bodyBytes, timeoutMs);
      } catch (error) {
        if (!(error instanceof TransportFailure)) throw error;
        const latencyMs = performance.now() - started;
        const code = error.kind === 'timeout' ? 'TIMEOUT' : 'NETWORK_ERROR';
        await this.record(ctx, { latencyMs, errorCode: code, errorMessage: error.message, ids: extractIds(body) });
        if (canRetry) {
          warnings.push(`Attempt ${attempt}: ${error.message} Retried with the same ${idField ?? 'request'} and body.`);
          await this.sleep(backoffDelayMs(this.retry, budgetAttempt));
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
        await this.record(ctx, { latencyMs, answer, responseBody, errorCode: code, errorMessage: message, ids: extractIds(body, json) });
        if (answer.status >= 500 && canRetry) {
          warnings.push(`Attempt ${attempt}: HTTP ${answer.status} from the gateway. Retried with the same ${idField ?? 'request'} and body.`);
          await this.sleep(backoffDelayMs(this.retry, budgetAttempt));
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
        await this.record(ctx, { latencyMs, answer, responseBody, label: 'invalid', resultStatus: 'U', resultCode, resultMessage, errorCode: 'RESPONSE_SIGNATURE_INVALID', errorMessage: message, ids });
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
      await this.record(ctx, { latencyMs, answer, responseBody, label: verification.label, resultStatus, resultCode, resultMessage, ids });
      // An unsigned S is unknown and resent like a U (same ID, same bytes): the next answer may be
      // signed. Without an Antom public key no answer can ever verify, so that is not resent.
      const resendable = reported === 'U' || this.profile.antomPublicKey !== undefined;
      const trafficLimited = reported === 'U' && resultCode === TRAFFIC_LIMIT_CODE;
      const mayResend = trafficLimited ? budgetAttempt < this.trafficLimit.maxAttempts : canRetry;
      if (resultStatus === 'U' && resendable && isRetryableUnknown(resultCode) && mayResend) {
        const delayMs = trafficLimited ? trafficLimitDelayMs(this.trafficLimit, budgetAttempt, this.random) : backoffDelayMs(this.retry, budgetAttempt);
        warnings.push(`Attempt ${attempt}: ${reported === 'U' ? `U ${resultCode}` : `unsigned ${reported} ${resultCode}`}. Retried with the same ${idField ?? 'request'} and body${trafficLimited ? ` after ${Math.round(delayMs / 100) / 10} s (rate limit: longer, jittered backoff)` : ''}.`);
        await this.sleep(delayMs);
        continue;
      }
      if (api === 'inquiryPayment' && waitOnNewOrder && resultStatus === 'F' && resultCode === 'ORDER_NOT_EXIST') {
        freshSession ??= await this.isRightAfterSession(body, Number(ctx.requestTime));
        if (freshSession && orderNotExistRetries < this.orderNotExist.maxRetries) {
          orderNotExistRetries += 1;
          warnings.push(`Attempt ${attempt}: ORDER_NOT_EXIST right after the payment session was created; Antom may not show the payment yet, so the console inquires again in ${this.orderNotExist.delayMs / 1000} s (${orderNotExistRetries} of ${this.orderNotExist.maxRetries}).`);
          await this.sleep(this.orderNotExist.delayMs);
          continue;
        }
        if (orderNotExistRetries > 0) {
          attemptWarnings.push(`Still ORDER_NOT_EXIST after ${orderNotExistRetries} re-inquiries ${this.orderNotExist.delayMs / 1000} s apart: Antom has no payment for this paymentRequestId, so the session was never paid (or never created). This is final.`);
        }
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

  /** Awaited: the attempt is on record before the caller sees its outcome (as when the journal was synchronous). */
  private async record(
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
  ): Promise<void> {
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
      requestBody: journalCopy(ctx.api, ctx.requestBody),
      requestSignatureHeader: ctx.signed.signatureHeader,
      httpStatus: outcome.answer?.status,
      responseHeaders: outcome.answer?.headers,
      responseBody: outcome.responseBody === undefined ? undefined : journalCopy(ctx.api, outcome.responseBody),
      responseSignature: outcome.label,
      latencyMs: outcome.latencyMs,
      resultStatus: outcome.resultStatus,
      resultCode: outcome.resultCode,
      resultMessage: outcome.resultMessage,
      errorCode: outcome.errorCode,
      errorMessage: outcome.errorMessage,
      ids: outcome.ids,
      trigger: ctx.trigger,
      ...(this.actor ? { actor: this.actor } : {}),
    };
    try {
      await this.recorder.record(record);
    } catch {
      // A failing recorder must not turn a completed payment call into an error.
    }
  }
}
