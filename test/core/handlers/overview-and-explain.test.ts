/**
 * Overview numbers, awaiting capture and explainLog over a known dataset written straight into
 * the journal (as the client and the receiver would), so every expected number is countable
 * by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, notification, OK } from '../journal/journal-fixtures';
import { startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;

const A = { paymentRequestId: 'PAY-A-0001', paymentId: '20260101000000000001' };
const B = { paymentRequestId: 'PAY-B-0002', paymentId: '20260101000000000002' };
const usd = (value: string) => ({ currency: 'USD', value });
const session = (paymentRequestId: string, auth: boolean) => ({
  paymentRequestId, productCode: 'CASHIER_PAYMENT', paymentAmount: usd('1000'),
  order: { referenceOrderId: `O-${paymentRequestId}`, orderAmount: usd('1000') }, ...(auth ? { paymentFactor: { isAuthorization: true } } : {}),
});

beforeAll(async () => {
  kit = await startKit({ startEmbeddedSandbox: false, startReceiver: false });
  const j = kit.core.journal;
  // Hour 1: payment A authorised (session asked for it), confirmed by inquiry, captured in full.
  await j.recordCall(call('createPaymentSession', '2026-01-01T00:10:00.000Z', session(A.paymentRequestId, true), { result: OK }, { latencyMs: 100 }));
  await j.recordCall(call('inquiryPayment', '2026-01-01T00:20:00.000Z', { paymentRequestId: A.paymentRequestId }, { result: OK, ...A, paymentStatus: 'SUCCESS', paymentAmount: usd('1000') }, { latencyMs: 200 }));
  await j.recordCall(call('capture', '2026-01-01T00:30:00.000Z', { captureRequestId: 'CAP-A-1', paymentId: A.paymentId, captureAmount: usd('1000') }, { result: OK, captureId: 'C-A-1' }, { latencyMs: 300 }));
  // Hour 2: payment B known only from its notification (authorised: authExpiryTime), sent twice.
  const notifyB = { notifyType: 'PAYMENT_RESULT', result: OK, ...B, paymentAmount: usd('1000'), paymentTime: '2026-01-01T01:09:00Z', authExpiryTime: '2099-01-08T01:09:00Z' };
  await j.storeNotification(notification(notifyB, '2026-01-01T01:10:00.000Z'));
  await j.storeNotification(notification(notifyB, '2026-01-01T01:12:00.000Z'));
  // Payment C failed; D only has a session; E's session was refused.
  await j.recordCall(call('createPaymentSession', '2026-01-01T01:20:00.000Z', session('PAY-C-0003', false), { result: OK }, { latencyMs: 400 }));
  await j.recordCall(call('inquiryPayment', '2026-01-01T01:30:00.000Z', { paymentRequestId: 'PAY-C-0003' }, { result: OK, paymentRequestId: 'PAY-C-0003', paymentId: '20260101000000000003', paymentStatus: 'FAIL' }, { latencyMs: 500 }));
  await j.recordCall(call('createPaymentSession', '2026-01-01T01:40:00.000Z', session('PAY-D-0004', false), { result: OK }, { latencyMs: 600 }));
  await j.recordCall(call('createPaymentSession', '2026-01-01T01:50:00.000Z', session('PAY-E-0005', false), { result: { resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', resultMessage: 'bad' } }, { latencyMs: 700 }));
  // A forged notification: rejected, counted as such, proves nothing about B.
  await j.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: { resultCode: 'FAIL', resultStatus: 'F' }, ...B }, '2026-01-01T01:55:00.000Z', { verification: 'rejected', rejectReason: 'wrong-key', dedupKey: undefined }));
  // Outside the range.
  await j.recordCall(call('inquiryPayment', '2026-01-01T03:00:00.000Z', { paymentId: A.paymentId }, { result: OK, ...A, paymentStatus: 'SUCCESS' }, { latencyMs: 9999 }));
});
afterAll(async () => kit.close());

describe('getOverview', () => {
  it('counts a known dataset exactly', async () => {
    const o = await kit.ok('getOverview', { since: '2026-01-01T00:00:00Z', until: '2026-01-01T02:00:00Z', buckets: 2 });
    // Derived states (summarisePayment): A captured in full, B authorised (notification only),
    // C failed, D's session expired unpaid long ago, E's session was refused.
    expect(o.paymentsByStatus).toEqual([{ status: 'FAILED', count: 2 }, { status: 'AUTHORISED', count: 1 }, { status: 'CAPTURED', count: 1 }, { status: 'EXPIRED', count: 1 }]);
    expect(o.moneyByCurrency).toEqual([{
      currency: 'USD', payments: 5,
      authorised: { currency: 'USD', value: '2000', display: 'USD 20.00' }, captured: { currency: 'USD', value: '1000', display: 'USD 10.00' },
      refunded: { currency: 'USD', value: '0', display: 'USD 0.00' }, released: { currency: 'USD', value: '0', display: 'USD 0.00' },
      chargedBack: { currency: 'USD', value: '0', display: 'USD 0.00' }, net: { currency: 'USD', value: '1000', display: 'USD 10.00' },
    }]);
    expect(o.authorisations).toBe(2);
    expect(o.capturedAuthorisations).toBe(1);
    expect(o.captureRate).toBe(0.5);
    expect(o.latency).toEqual([
      { bucketStart: '2026-01-01T00:00:00.000Z', p50: 200, p95: 300, calls: 3 },
      { bucketStart: '2026-01-01T01:00:00.000Z', p50: 500, p95: 700, calls: 4 },
    ]);
    expect(o.topResultCodes).toEqual([{ resultCode: 'SUCCESS', resultStatus: 'S', count: 6 }, { resultCode: 'PARAM_ILLEGAL', resultStatus: 'F', count: 1 }]);
    expect(o.notifications).toEqual({ verified: 1, rejected: 1, duplicates: 1 });
    expect(o.callsTotal).toBe(7);
  });

  it('is empty, with a null capture rate, for a range with nothing in it', async () => {
    const o = await kit.ok('getOverview', { since: '2025-01-01T00:00:00Z', until: '2025-01-02T00:00:00Z' });
    expect(o.latency).toHaveLength(24);
    expect(o.captureRate).toBeNull();
    expect(o.paymentsByStatus).toEqual([]);
    expect(o.callsTotal).toBe(0);
  });

  it('refuses a range that ends before it starts', async () => {
    expect((await kit.fails('getOverview', { since: '2026-01-02T00:00:00Z', until: '2026-01-01T00:00:00Z' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('listAwaitingCapture', () => {
  it('lists the authorisation known only from its notification, not the captured one', async () => {
    const list = await kit.ok('listAwaitingCapture', {});
    expect(list.map((a) => a.paymentId)).toEqual([B.paymentId]);
    expect(list[0]).toMatchObject({ paymentRequestId: B.paymentRequestId, captured: { value: '0' }, uncaptured: { value: '1000', display: 'USD 10.00' }, authExpiryTime: '2099-01-08T01:09:00Z' });
  });
});

describe('explainLog', () => {
  it('explains the codes and links the IDs the journal knows', async () => {
    const text = `2026-01-01 00:31 capture ${A.paymentId} answered {"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}} (retry of ZZZZ99999999)`;
    const result = await kit.ok('explainLog', { text });
    expect(result.codes.map((c) => c.code)).toContain('UNKNOWN_EXCEPTION');
    expect(result.ids).toEqual([{ id: A.paymentId, payments: [{ paymentRequestId: A.paymentRequestId, paymentId: A.paymentId }] }]);
  });

  it('refuses empty text at the door', async () => {
    expect((await kit.fails('explainLog', { text: '' })).code).toBe('VALIDATION_FAILED');
  });
});
