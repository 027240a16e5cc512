import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { fixtureMerchant, type SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';

const merchant = fixtureMerchant();
let sandbox: RunningSandbox;
let caller: SandboxCaller;

beforeAll(async () => {
  // No notify URL: notifications are recorded as 'no-url', nothing is sent.
  ({ sandbox, caller } = await startSandboxFor(merchant));
});
afterAll(async () => {
  await sandbox.close();
});

const usd = (value: string) => ({ currency: 'USD', value });

describe('card authorisation, captures and refunds', () => {
  it('runs the full flow with partial captures, refunds, limits and inquiry transactions', async () => {
    const { paymentId, paymentRequestId } = await caller.createSession({ value: '10000', isAuthorization: true }, sandbox.control);

    const unpaid = await caller.call('inquiryPayment', { paymentRequestId });
    expect(unpaid.json).toMatchObject({ paymentStatus: 'PROCESSING', paymentId });

    const early = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('100') });
    expect(early.json.result.resultCode).toBe('ORDER_STATUS_INVALID');

    sandbox.control.pay(paymentId, { outcome: 'success' });
    const authorised = await caller.call('inquiryPayment', { paymentId });
    expect(authorised.json).toMatchObject({ paymentStatus: 'SUCCESS', paymentResultCode: 'SUCCESS', paymentAmount: usd('10000') });
    expect(Date.parse(authorised.json.authExpiryTime as string)).toBeGreaterThan(Date.now());

    const cap1 = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('6000') });
    expect(cap1.json.result.resultStatus).toBe('S');
    expect(cap1.json).toMatchObject({ paymentId, captureAmount: usd('6000') });
    expect(cap1.signature).toBe('verified');
    const cap2Id = caller.id('CAP');
    const cap2 = await caller.call('capture', { captureRequestId: cap2Id, paymentId, captureAmount: usd('3000') });
    expect(cap2.json.result.resultStatus).toBe('S');
    const exceed = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1001') });
    expect(exceed.json.result).toMatchObject({ resultCode: 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', resultStatus: 'F' });
    const wrongCurrency = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: { currency: 'EUR', value: '10' } });
    expect(wrongCurrency.json.result.resultCode).toBe('CURRENCY_NOT_SUPPORT');

    // Replays on captureRequestId.
    const replay = await caller.call('capture', { captureRequestId: cap2Id, paymentId, captureAmount: usd('3000') });
    expect(replay.json.captureId).toBe(cap2.json.captureId);
    const inconsistent = await caller.call('capture', { captureRequestId: cap2Id, paymentId, captureAmount: usd('3001') });
    expect(inconsistent.json.result.resultCode).toBe('REPEAT_REQ_INCONSISTENT');

    // Refunds are limited to what was captured (9000), not the authorised 10000.
    const ref1Id = caller.id('REF');
    const ref1 = await caller.call('refund', { refundRequestId: ref1Id, paymentId, refundAmount: usd('4000') });
    expect(ref1.json.result.resultStatus).toBe('S');
    expect(ref1.json.refundId).toBeTypeOf('string');
    const ref2 = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId, refundAmount: usd('5000') });
    expect(ref2.json.result.resultStatus).toBe('S');
    const tooMuch = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId, refundAmount: usd('1') });
    expect(tooMuch.json.result).toMatchObject({ resultCode: 'REFUND_AMOUNT_EXCEED', resultStatus: 'F' });

    const refReplay = await caller.call('refund', { refundRequestId: ref1Id, paymentId, refundAmount: usd('4000') });
    expect(refReplay.json.refundId).toBe(ref1.json.refundId);
    const refInconsistent = await caller.call('refund', { refundRequestId: ref1Id, paymentId, refundAmount: { currency: 'EUR', value: '4000' } });
    expect(refInconsistent.json.result.resultCode).toBe('REPEAT_REQ_INCONSISTENT');

    const byRequest = await caller.call('inquiryRefund', { refundRequestId: ref1Id });
    expect(byRequest.json).toMatchObject({ refundStatus: 'SUCCESS', refundId: ref1.json.refundId, refundAmount: usd('4000') });
    expect(byRequest.json.refundTime).toBeTypeOf('string');
    const byIdWins = await caller.call('inquiryRefund', { refundId: ref2.json.refundId, refundRequestId: ref1Id });
    expect(byIdWins.json.refundId).toBe(ref2.json.refundId);
    const noRefund = await caller.call('inquiryRefund', { refundRequestId: 'NOPE' });
    expect(noRefund.json.result.resultCode).toBe('ORDER_NOT_EXIST');

    const final = await caller.call('inquiryPayment', { paymentId, paymentRequestId: 'ignored-because-paymentId-wins' });
    const transactions = final.json.transactions as Array<Record<string, unknown>>;
    expect(transactions.map((t) => [t.transactionType, t.transactionStatus, (t.transactionAmount as { value: string }).value])).toEqual([
      ['CAPTURE', 'SUCCESS', '6000'],
      ['CAPTURE', 'SUCCESS', '3000'],
      ['REFUND', 'SUCCESS', '4000'],
      ['REFUND', 'SUCCESS', '5000'],
    ]);
    expect(transactions[1]).toMatchObject({ transactionRequestId: cap2Id, transactionId: cap2.json.captureId, transactionResult: { resultCode: 'SUCCESS' } });

    const snapshot = sandbox.control.getPayment(paymentId);
    expect(snapshot).toMatchObject({ capturedValue: '9000', refundedValue: '9000', state: 'SUCCESS' });
    expect(sandbox.control.listNotifications().filter((n) => n.paymentId === paymentId).map((n) => n.api)).toEqual([
      'notifyPayment', 'notifyCapture', 'notifyCapture', 'notifyRefund', 'notifyRefund',
    ]);
  });

  it('answers AUTH_EXPIRED after authExpiryTime (AUTH_EXPIRED_ prefix, and by advancing time)', async () => {
    const first = await caller.createSession({ paymentRequestId: caller.id('AUTH_EXPIRED_'), isAuthorization: true }, sandbox.control);
    sandbox.control.pay(first.paymentId);
    const expired = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: first.paymentId, captureAmount: usd('100') });
    expect(expired.json.result).toMatchObject({ resultCode: 'AUTH_EXPIRED', resultStatus: 'F' });

    const second = await caller.createSession({ isAuthorization: true }, sandbox.control);
    sandbox.control.pay(second.paymentId);
    sandbox.control.advanceTime(8 * 24 * 3600 * 1000);
    const later = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: second.paymentId, captureAmount: usd('100') });
    expect(later.json.result.resultCode).toBe('AUTH_EXPIRED');
  });

  it('refuses to capture a payment that was not an authorisation, or a failed one', async () => {
    const plain = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(plain.paymentId);
    const notAuth = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: plain.paymentId, captureAmount: usd('100') });
    expect(notAuth.json.result.resultCode).toBe('ORDER_STATUS_INVALID');

    const failed = await caller.createSession({ isAuthorization: true }, sandbox.control);
    sandbox.control.pay(failed.paymentId, { outcome: 'fail' });
    const onFailed = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: failed.paymentId, captureAmount: usd('100') });
    expect(onFailed.json.result.resultCode).toBe('ORDER_STATUS_INVALID');
    const refundFailed = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: failed.paymentId, refundAmount: usd('100') });
    expect(refundFailed.json.result.resultCode).toBe('ORDER_STATUS_INVALID');

    const unknown = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: '2026000000000000', captureAmount: usd('100') });
    expect(unknown.json.result.resultCode).toBe('ORDER_NOT_EXIST');
  });
});

describe('cancel', () => {
  it('cancels an open session and an uncaptured authorisation, idempotently; captures then see AUTH_CANCELLED', async () => {
    const open = await caller.createSession({}, sandbox.control);
    const c1 = await caller.call('cancel', { paymentRequestId: open.paymentRequestId });
    expect(c1.json).toMatchObject({ result: { resultCode: 'SUCCESS' }, paymentId: open.paymentId });
    const c2 = await caller.call('cancel', { paymentId: open.paymentId });
    expect(c2.json.result.resultStatus).toBe('S');
    expect(c2.json.cancelTime).toBe(c1.json.cancelTime);
    const inquiry = await caller.call('inquiryPayment', { paymentId: open.paymentId });
    expect(inquiry.json.paymentStatus).toBe('CANCELLED');
    expect(() => sandbox.control.pay(open.paymentId)).toThrow(/already CANCELLED/);

    const auth = await caller.createSession({ isAuthorization: true }, sandbox.control);
    sandbox.control.pay(auth.paymentId);
    expect((await caller.call('cancel', { paymentId: auth.paymentId })).json.result.resultStatus).toBe('S');
    const capture = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: auth.paymentId, captureAmount: usd('100') });
    expect(capture.json.result.resultCode).toBe('AUTH_CANCELLED');
    const refund = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: auth.paymentId, refundAmount: usd('100') });
    expect(refund.json.result.resultCode).toBe('ORDER_IS_CANCELED');
    const tx = (await caller.call('inquiryPayment', { paymentId: auth.paymentId })).json.transactions as Array<{ transactionType: string }>;
    expect(tx.map((t) => t.transactionType)).toEqual(['CANCEL']);
  });

  it('answers CANCEL_WINDOW_EXCEED after capture or past the window, ORDER_NOT_EXIST when unknown', async () => {
    // A paid APM payment can be cancelled until 00:15 UTC+8 the next day; 2 days later it cannot.
    const paid = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(paid.paymentId);
    sandbox.control.advanceTime(2 * 24 * 3600 * 1000);
    expect((await caller.call('cancel', { paymentId: paid.paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');

    const auth = await caller.createSession({ isAuthorization: true }, sandbox.control);
    sandbox.control.pay(auth.paymentId);
    await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: auth.paymentId, captureAmount: usd('100') });
    expect((await caller.call('cancel', { paymentId: auth.paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');

    expect((await caller.call('cancel', { paymentRequestId: 'NEVER-CREATED' })).json.result.resultCode).toBe('ORDER_NOT_EXIST');
    expect((await caller.call('inquiryPayment', { paymentId: 'NEVER-CREATED' })).json.result.resultCode).toBe('ORDER_NOT_EXIST');
  });
});

describe('createPaymentSession idempotency', () => {
  it('replays an open session, refuses a changed amount, and tells a paid or closed one apart', async () => {
    const body = caller.sessionBody({ value: '2500' });
    const first = await caller.call('createPaymentSession', body);
    const again = await caller.call('createPaymentSession', body);
    expect(again.json.paymentSessionId).toBe(first.json.paymentSessionId);
    expect(again.json.paymentSessionData).toBe(first.json.paymentSessionData);
    const changed = await caller.call('createPaymentSession', { ...body, paymentAmount: usd('2501') });
    expect(changed.json.result).toMatchObject({ resultCode: 'REPEAT_REQ_INCONSISTENT', resultStatus: 'F' });

    sandbox.control.pay(body.paymentRequestId as string);
    const afterPaid = await caller.call('createPaymentSession', body);
    expect(afterPaid.json.result).toMatchObject({ resultCode: 'PAYMENT_IN_PROCESS', resultStatus: 'U' });

    const failedBody = caller.sessionBody();
    await caller.call('createPaymentSession', failedBody);
    sandbox.control.pay(failedBody.paymentRequestId as string, { outcome: 'fail' });
    const afterFail = await caller.call('createPaymentSession', failedBody);
    expect(afterFail.json.result).toMatchObject({ resultCode: 'ORDER_IS_CLOSED', resultStatus: 'F' });
  });
});

describe('buyer outcomes and amount scenarios', () => {
  it('fails with the scenario code or an explicit one, cancels, and expires', async () => {
    const insufficient = await caller.createSession({ value: '1001' }, sandbox.control);
    expect(sandbox.control.pay(insufficient.paymentId)).toMatchObject({ paymentStatus: 'FAIL', resultCode: 'USER_BALANCE_NOT_ENOUGH' });
    const risk = await caller.createSession({ value: '1002' }, sandbox.control);
    const inquiry = await caller.call('inquiryPayment', { paymentId: (sandbox.control.pay(risk.paymentId), risk.paymentId) });
    expect(inquiry.json).toMatchObject({ paymentStatus: 'FAIL', paymentResultCode: 'RISK_REJECT' });
    const explicit = await caller.createSession({}, sandbox.control);
    expect(sandbox.control.pay(explicit.paymentId, { resultCode: 'SUSPECTED_CARD' })).toMatchObject({ paymentStatus: 'FAIL', resultCode: 'SUSPECTED_CARD' });
    const overridden = await caller.createSession({ value: '1001' }, sandbox.control);
    expect(sandbox.control.pay(overridden.paymentId, { outcome: 'success' }).paymentStatus).toBe('SUCCESS');

    const cancelled = await caller.createSession({}, sandbox.control);
    expect(sandbox.control.pay(cancelled.paymentId, { outcome: 'cancel' })).toMatchObject({ paymentStatus: 'CANCELLED', cancelledBy: 'buyer' });
    const abandoned = await caller.createSession({ value: '1008' }, sandbox.control);
    expect(sandbox.control.pay(abandoned.paymentId)).toMatchObject({ paymentStatus: 'FAIL', resultCode: 'ORDER_IS_CLOSED' });
  });

  it('closes an unpaid session when it expires', async () => {
    const open = await caller.createSession({}, sandbox.control);
    sandbox.control.advanceTime(61 * 60 * 1000);
    const inquiry = await caller.call('inquiryPayment', { paymentId: open.paymentId });
    expect(inquiry.json).toMatchObject({ paymentStatus: 'FAIL', paymentResultCode: 'ORDER_IS_CLOSED' });
    expect(() => sandbox.control.pay(open.paymentId)).toThrow(/expired/);
  });

  it('goes PENDING (buyer paid, result awaited) then SUCCESS after the scaled delay (amount ending 05)', async () => {
    const slow = await caller.createSession({ value: '1005' }, sandbox.control);
    expect((await caller.call('inquiryPayment', { paymentId: slow.paymentId })).json.paymentStatus).toBe('PROCESSING');
    expect(sandbox.control.pay(slow.paymentId).paymentStatus).toBe('PENDING');
    expect((await caller.call('inquiryPayment', { paymentId: slow.paymentId })).json).toMatchObject({ paymentStatus: 'PENDING', paymentResultCode: 'PAYMENT_IN_PROCESS' });
    sandbox.control.advanceTime(31_000);
    expect((await caller.call('inquiryPayment', { paymentId: slow.paymentId })).json.paymentStatus).toBe('SUCCESS');
    const types = sandbox.control.listNotifications().filter((n) => n.paymentId === slow.paymentId).map((n) => n.notifyType);
    expect(types).toEqual(['PAYMENT_PENDING', 'PAYMENT_RESULT']);
  });

  it('CAPTURE_IN_PROCESS (51) and REFUND_IN_PROCESS (61, 63) settle later; 52 and 62 are refused', async () => {
    const auth = await caller.createSession({ value: '100000', isAuthorization: true }, sandbox.control);
    sandbox.control.pay(auth.paymentId);
    const capId = caller.id('CAP');
    const slow = await caller.call('capture', { captureRequestId: capId, paymentId: auth.paymentId, captureAmount: usd('50051') });
    expect(slow.json.result).toMatchObject({ resultCode: 'CAPTURE_IN_PROCESS', resultStatus: 'U' });
    const risk = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: auth.paymentId, captureAmount: usd('152') });
    expect(risk.json.result.resultCode).toBe('RISK_REJECT');
    sandbox.control.advanceTime(31_000);
    const retried = await caller.call('capture', { captureRequestId: capId, paymentId: auth.paymentId, captureAmount: usd('50051') });
    expect(retried.json.result.resultCode).toBe('SUCCESS');
    expect(retried.json.captureId).toBe(slow.json.captureId);

    const refId = caller.id('REF');
    const slowRefund = await caller.call('refund', { refundRequestId: refId, paymentId: auth.paymentId, refundAmount: usd('1061') });
    expect(slowRefund.json.result).toMatchObject({ resultCode: 'REFUND_IN_PROCESS', resultStatus: 'U' });
    const failing = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: auth.paymentId, refundAmount: usd('1063') });
    const balance = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: auth.paymentId, refundAmount: usd('1062') });
    expect(balance.json.result.resultCode).toBe('MERCHANT_BALANCE_NOT_ENOUGH');
    expect((await caller.call('inquiryRefund', { refundRequestId: refId })).json.refundStatus).toBe('PROCESSING');
    sandbox.control.advanceTime(61_000);
    expect((await caller.call('inquiryRefund', { refundRequestId: refId })).json.refundStatus).toBe('SUCCESS');
    expect((await caller.call('inquiryRefund', { refundId: failing.json.refundId })).json.refundStatus).toBe('FAIL');
    const refundNotes = sandbox.control.listNotifications().filter((n) => n.api === 'notifyRefund' && n.paymentId === auth.paymentId);
    expect(refundNotes.map((n) => (JSON.parse(n.body) as { refundStatus: string }).refundStatus).sort()).toEqual(['FAIL', 'SUCCESS']);
  });

  it('rejects sessions by amount scenario (98 NO_PAY_OPTIONS) and honours zero-decimal currencies', async () => {
    const noOptions = await caller.call('createPaymentSession', caller.sessionBody({ value: '1098' }));
    expect(noOptions.json.result).toMatchObject({ resultCode: 'NO_PAY_OPTIONS', resultStatus: 'F' });
    const yen = await caller.call('createPaymentSession', caller.sessionBody({ value: '1500', currency: 'JPY' }));
    expect(yen.json.result.resultStatus).toBe('S');
  });
});
