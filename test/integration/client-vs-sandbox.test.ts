/**
 * The signed client against the embedded sandbox over real loopback HTTP: every API, the
 * documented failures, and the retry/idempotency rules that keep money from moving twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vectors } from '../support/signature-vectors';
import { parsePrivateKey, parsePublicKey } from '../../src-main/core/keys/parse-keys';
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { AntomClient, type CallRecord, type ClientProfile } from '../../src-main/core/client';
import { ConsoleError } from '../../src-shared/errors';

const CLIENT_ID = 'SANDBOX_INTEGRATION_01';
const merchantKey = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64);

let sandbox: RunningSandbox;
let records: CallRecord[];
let sleeps: number[];

function client(overrides: Partial<ClientProfile> = {}): AntomClient {
  const profile: ClientProfile = {
    name: 'integration', environment: 'embedded', baseUrl: sandbox.baseUrl, clientId: CLIENT_ID, keyVersion: '1',
    privateKey: merchantKey.keyObject, antomPublicKey: parsePublicKey(sandbox.antomPublicKeyBase64).keyObject, timeoutMs: 5000, ...overrides,
  };
  return new AntomClient(profile, {
    recorder: { record: async (r) => { records.push(r); } },
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 4 },
    sleep: async (ms) => { sleeps.push(ms); },
  });
}

let seq = 0;
function sessionBody(value: string, currency = 'USD', card = true) {
  seq += 1;
  return {
    productCode: 'CASHIER_PAYMENT',
    paymentRequestId: `IT-${Date.now()}-${seq}`,
    order: { referenceOrderId: `ORDER-${seq}`, orderDescription: 'Integration order', orderAmount: { currency, value } },
    paymentAmount: { currency, value },
    paymentMethod: { paymentMethodType: card ? 'CARD' : 'ALIPAY_CN' },
    paymentRedirectUrl: 'https://merchant.example/return',
    settlementStrategy: { settlementCurrency: currency },
    // MANUAL: these tests capture themselves (AUTOMATIC, Antom's default, would capture at once).
    ...(card ? { paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' as const } } : {}),
  };
}

async function authorisedPayment(value: string, currency = 'USD') {
  const c = client();
  const session = await c.createPaymentSession(sessionBody(value, currency));
  expect(session.resultStatus).toBe('S');
  const paymentRequestId = session.requestIds.paymentRequestId!;
  sandbox.control.pay(paymentRequestId, { outcome: 'success' });
  const inquiry = await c.inquiryPayment({ paymentRequestId });
  expect(inquiry.response.paymentStatus).toBe('SUCCESS');
  return { c, paymentRequestId, paymentId: inquiry.response.paymentId! };
}

beforeAll(async () => {
  sandbox = await startSandbox({ merchants: [{ clientId: CLIENT_ID, merchantPublicKeyBase64: merchantKey.publicKeyBase64 }], timeScale: 1000, expiryTimeScale: 1 });
});
afterAll(async () => { await sandbox.close(); });
beforeEach(() => { records = []; sleeps = []; sandbox.control.clearFaults(); });

describe('every API end to end with verified signatures', () => {
  it('session -> buyer pays -> inquiry -> partial captures -> refunds -> inquiryRefund', async () => {
    const c = client();
    const session = await c.createPaymentSession(sessionBody('10000'));
    expect(session.resultStatus).toBe('S');
    expect(session.responseSignature).toBe('verified');
    expect(session.path).toBe('/ams/sandbox/api/v1/payments/createPaymentSession');
    expect(session.response.paymentSessionData).toBeTruthy();
    expect(session.contentToSign.startsWith(`POST /ams/sandbox/api/v1/payments/createPaymentSession\n${CLIENT_ID}.${session.requestTime}.`)).toBe(true);
    expect(session.contentToSign.endsWith(session.requestBody)).toBe(true);

    const paymentRequestId = session.requestIds.paymentRequestId!;
    const pending = await c.inquiryPayment({ paymentRequestId });
    expect(pending.response.paymentStatus).toBe('PROCESSING');

    sandbox.control.pay(paymentRequestId, { outcome: 'success' });
    const paid = await c.inquiryPayment({ paymentRequestId });
    expect(paid.response.paymentStatus).toBe('SUCCESS');
    const paymentId = paid.response.paymentId!;
    expect(paid.response.authExpiryTime).toBeTruthy();

    const cap1 = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '4000' } });
    expect([cap1.resultStatus, cap1.resultCode]).toEqual(['S', 'SUCCESS']);
    const cap2 = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '5000' } });
    expect(cap2.resultStatus).toBe('S');
    expect(cap2.requestIds.captureRequestId).not.toBe(cap1.requestIds.captureRequestId);
    const exceed = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '1100' } });
    expect([exceed.resultStatus, exceed.resultCode]).toEqual(['F', 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT']);
    expect(exceed.explanation.nextAction).toMatch(/remaining|capture/i);

    const ref1 = await c.refund({ paymentId, refundAmount: { currency: 'USD', value: '3000' } });
    expect(ref1.resultStatus).toBe('S');
    const ref2 = await c.refund({ paymentId, refundAmount: { currency: 'USD', value: '3000' } });
    expect(ref2.resultStatus).toBe('S');
    const tooMuch = await c.refund({ paymentId, refundAmount: { currency: 'USD', value: '3001' } });
    expect([tooMuch.resultStatus, tooMuch.resultCode]).toEqual(['F', 'REFUND_AMOUNT_EXCEED']);

    const refInquiry = await c.inquiryRefund({ refundRequestId: ref1.requestIds.refundRequestId! });
    expect(refInquiry.response.refundStatus).toBe('SUCCESS');
    expect(refInquiry.response.refundAmount).toEqual({ currency: 'USD', value: '3000' });

    const final = await c.inquiryPayment({ paymentId });
    const types = (final.response.transactions ?? []).map((t) => `${t.transactionType}:${t.transactionStatus}`);
    expect(types.filter((t) => t.startsWith('CAPTURE')).length).toBe(2);
    expect(types.filter((t) => t.startsWith('REFUND')).length).toBe(2);
    expect(records.every((r) => r.responseSignature === 'verified')).toBe(true);
  });

  it('JPY amounts travel in whole yen', async () => {
    const { c, paymentId } = await authorisedPayment('5000', 'JPY');
    const cap = await c.capture({ paymentId, captureAmount: { currency: 'JPY', value: '5000' } });
    expect(cap.resultStatus).toBe('S');
    await expect(c.capture({ paymentId, captureAmount: { currency: 'JPY', value: '12.5' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('cancel works before success and is refused after it', async () => {
    const c = client();
    const open = await c.createPaymentSession(sessionBody('2000', 'USD', false));
    const cancelled = await c.cancel({ paymentRequestId: open.requestIds.paymentRequestId! });
    expect(cancelled.resultStatus).toBe('S');
    const { c: c2, paymentId } = await authorisedPayment('3000');
    await c2.capture({ paymentId, captureAmount: { currency: 'USD', value: '3000' } });
    const late = await c2.cancel({ paymentId });
    expect([late.resultStatus, late.resultCode]).toEqual(['F', 'CANCEL_WINDOW_EXCEED']);
  });

  it('unknown IDs answer ORDER_NOT_EXIST with what to do next', async () => {
    const out = await client().inquiryPayment({ paymentId: 'NO-SUCH-PAYMENT' });
    expect([out.resultStatus, out.resultCode]).toEqual(['F', 'ORDER_NOT_EXIST']);
    expect(out.explanation.nextAction.length).toBeGreaterThan(10);
  });

  it('an expired authorisation cannot be captured', async () => {
    const c = client();
    const body = { ...sessionBody('4000'), paymentRequestId: `AUTH_EXPIRED_${Date.now()}` };
    await c.createPaymentSession(body);
    sandbox.control.pay(body.paymentRequestId, { outcome: 'success' });
    const paymentId = (await c.inquiryPayment({ paymentRequestId: body.paymentRequestId })).response.paymentId!;
    const cap = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '4000' } });
    expect(cap.resultCode).toBe('AUTH_EXPIRED');
  });
});

describe('signatures and keys', () => {
  it('a request signed with the wrong key is refused with INVALID_SIGNATURE, unsigned answer labelled unverified', async () => {
    const other = parsePrivateKey(vectors.keys.antom.privateKeyPkcs8Base64);
    const out = await client({ privateKey: other.keyObject }).inquiryPayment({ paymentId: 'X' });
    expect([out.resultStatus, out.resultCode]).toEqual(['F', 'INVALID_SIGNATURE']);
    expect(out.responseSignature).toBe('unverified');
  });

  it('an unknown client-id is CLIENT_INVALID', async () => {
    const out = await client({ clientId: 'SANDBOX_NOBODY' }).inquiryPayment({ paymentId: 'X' });
    expect(out.resultCode).toBe('CLIENT_INVALID');
  });

  it('an unregistered key version is KEY_NOT_FOUND', async () => {
    const out = await client({ keyVersion: '7' }).inquiryPayment({ paymentId: 'X' });
    expect(out.resultCode).toBe('KEY_NOT_FOUND');
  });

  it('a response signed wrongly is an error, still recorded, and never trusted', async () => {
    const { c, paymentId } = await authorisedPayment('6000');
    sandbox.control.setFaults({ kind: 'wrongSignature', api: 'inquiryPayment', count: 1 });
    await expect(c.inquiryPayment({ paymentId })).rejects.toMatchObject({ code: 'RESPONSE_SIGNATURE_INVALID' });
    expect(records.at(-1)?.responseSignature).toBe('invalid');
  });

  it('a response without a signature is labelled unverified and an S is not trusted', async () => {
    const { c, paymentId } = await authorisedPayment('6100');
    // every attempt unsigned: an unverified S is treated as unknown, so the client retries
    sandbox.control.setFaults({ kind: 'missingSignature', api: 'inquiryPayment', count: 3 });
    const out = await c.inquiryPayment({ paymentId });
    expect(out.attempts).toBe(3);
    expect(out.responseSignature).toBe('unverified');
    expect(out.reportedResultStatus).toBe('S');
    expect(out.resultStatus).toBe('U');
  });

  it('the production path family is served too', async () => {
    const out = await client({ environment: 'production', clientId: CLIENT_ID.replace('SANDBOX_', 'SANDBOX_') }).inquiryPayment({ paymentId: 'X' });
    // a SANDBOX_ client-id keeps the sandbox family, as the SDKs do
    expect(out.path).toBe('/ams/sandbox/api/v1/payments/inquiryPayment');
  });
});

describe('retries and idempotency', () => {
  it('a capture whose response is dropped is retried with the same captureRequestId and captured once', async () => {
    const { c, paymentId } = await authorisedPayment('8000');
    sandbox.control.setFaults({ kind: 'dropAfterApply', api: 'capture', count: 1 });
    const out = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '8000' } });
    expect(out.resultStatus).toBe('S');
    expect(out.attempts).toBe(2);
    const captureRecords = records.filter((r) => r.api === 'capture');
    expect(captureRecords).toHaveLength(2);
    expect(captureRecords[0]!.errorCode).toBe('NETWORK_ERROR');
    expect(new Set(captureRecords.map((r) => r.ids.captureRequestId)).size).toBe(1);
    expect(captureRecords[0]!.requestBody).toBe(captureRecords[1]!.requestBody);
    const snapshot = sandbox.control.getPayment(paymentId);
    expect(snapshot.captures).toHaveLength(1);
    expect(snapshot.capturedValue).toBe('8000');
  });

  it('HTTP 5xx and UNKNOWN_EXCEPTION are retried with backoff and the same ID', async () => {
    const { c, paymentId } = await authorisedPayment('9000');
    await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '9000' } });
    for (const kind of ['http5xx', 'unknownException'] as const) {
      records = [];
      sleeps = [];
      sandbox.control.setFaults({ kind, api: 'refund', count: 2 });
      const out = await c.refund({ paymentId, refundAmount: { currency: 'USD', value: '1000' } });
      expect(out.resultStatus).toBe('S');
      expect(out.attempts).toBe(3);
      expect(sleeps.length).toBe(2);
      expect(sleeps[1]!).toBeGreaterThanOrEqual(sleeps[0]!);
      expect(new Set(records.filter((r) => r.api === 'refund').map((r) => r.ids.refundRequestId)).size).toBe(1);
    }
    expect(sandbox.control.getPayment(paymentId).refunds).toHaveLength(2);
  });

  it('after the retry budget the next try reuses the request ID; a new one only after a final result', async () => {
    const { c, paymentId } = await authorisedPayment('7000');
    sandbox.control.setFaults({ kind: 'http5xx', api: 'capture', count: 3 });
    const error = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '2000' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    const firstId = records.filter((r) => r.api === 'capture')[0]!.ids.captureRequestId;
    const retry = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '2000' } });
    expect(retry.resultStatus).toBe('S');
    expect(retry.requestIds.captureRequestId).toBe(firstId);
    const next = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '2000' } });
    expect(next.requestIds.captureRequestId).not.toBe(firstId);
  });

  it('a repeated captureRequestId with a different amount is REPEAT_REQ_INCONSISTENT', async () => {
    const { c, paymentId } = await authorisedPayment('5500');
    const first = await c.capture({ paymentId, captureAmount: { currency: 'USD', value: '1000' } });
    const replay = await c.capture({ paymentId, captureRequestId: first.requestIds.captureRequestId!, captureAmount: { currency: 'USD', value: '1000' } });
    expect(replay.resultStatus).toBe('S');
    expect(replay.response.captureId).toBe(first.response.captureId);
    const changed = await c.capture({ paymentId, captureRequestId: first.requestIds.captureRequestId!, captureAmount: { currency: 'USD', value: '1200' } });
    expect(changed.resultCode).toBe('REPEAT_REQ_INCONSISTENT');
    expect(sandbox.control.getPayment(paymentId).capturedValue).toBe('1000');
  });

  it('an unknown session outcome leads to an inquiry, not a new paymentRequestId', async () => {
    sandbox.control.setFaults({ kind: 'unknownException', api: 'createPaymentSession', count: 3 });
    const body = sessionBody('1500');
    const out = await client().createPaymentSession(body);
    expect(out.resultStatus).toBe('U');
    expect(out.inquiry?.ok).toBe(true);
    const sessionCalls = records.filter((r) => r.api === 'createPaymentSession');
    expect(new Set(sessionCalls.map((r) => r.ids.paymentRequestId))).toEqual(new Set([body.paymentRequestId]));
    expect(records.some((r) => r.api === 'inquiryPayment' && r.ids.paymentRequestId === body.paymentRequestId)).toBe(true);
  });

  it('a sandbox that does not answer in time gives a TIMEOUT after bounded retries', async () => {
    sandbox.control.setFaults({ kind: 'latency', latencyMs: 400, api: 'inquiryPayment', count: 3 });
    const error = await client({ timeoutMs: 100 }).inquiryPayment({ paymentId: 'X' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(records.filter((r) => r.api === 'inquiryPayment')).toHaveLength(3);
  });

  it('a network failure (nothing listening) is a NETWORK_ERROR with a hint', async () => {
    const error = await client({ baseUrl: 'http://127.0.0.1:9' }).inquiryPayment({ paymentId: 'X' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR' });
    expect((error as ConsoleError).hint.length).toBeGreaterThan(10);
  });
});
