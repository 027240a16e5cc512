/**
 * Behaviour as Antom documents it: capture modes (seed 003 and Antom's Capture page), cancel
 * before and after capture (Antom's Cancel page), the 14-minute order close (seed 000), and
 * notification bodies with exactly the reference's fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { apmCancelDeadline } from '../../src-main/core/sandbox/state/payments';
import { regionSignForRegion } from '../../src-shared/antom/payment-session-data-encode';
import { fixtureMerchant, SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';
import { ACK, startReceiver, type NotifyReceiver } from './support/notify-receiver';

const merchant = fixtureMerchant('SANDBOX_DOCUMENTED');
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

async function setup(): Promise<{ sandbox: RunningSandbox; caller: SandboxCaller; receiver: NotifyReceiver }> {
  const receiver = await startReceiver(() => ACK);
  open.push(receiver);
  const { sandbox, caller } = await startSandboxFor(merchant, { defaultNotifyUrl: receiver.url('/notify') });
  open.push(sandbox);
  return { sandbox, caller, receiver };
}

const usd = (value: string) => ({ currency: 'USD', value });

function bodies(sandbox: RunningSandbox, notifyType: string): Array<Record<string, unknown>> {
  return sandbox.control.listNotifications().filter((n) => n.notifyType === notifyType).map((n) => JSON.parse(n.body) as Record<string, unknown>);
}

describe('capture modes', () => {
  for (const captureMode of ['AUTOMATIC', null] as const) {
    it(`${captureMode ?? 'absent (default AUTOMATIC)'}: Antom captures after authorisation, sends notifyCapture and lists the CAPTURE`, async () => {
      const { sandbox, caller } = await setup();
      const { paymentId, paymentRequestId } = await caller.createSession({ isAuthorization: true, captureMode, value: '4200' }, sandbox.control);
      expect(bodies(sandbox, 'CAPTURE_RESULT')).toEqual([]);
      sandbox.control.pay(paymentId);
      await sandbox.control.notificationsSettled();

      const [capture] = bodies(sandbox, 'CAPTURE_RESULT');
      expect(capture).toMatchObject({ notifyType: 'CAPTURE_RESULT', result: { resultCode: 'SUCCESS', resultStatus: 'S' }, paymentId, captureAmount: usd('4200'), captureRequestId: paymentRequestId });
      const inquiry = await caller.call('inquiryPayment', { paymentId });
      expect(inquiry.json).toMatchObject({ paymentStatus: 'SUCCESS', authExpiryTime: expect.any(String) });
      expect(inquiry.json.transactions).toEqual([expect.objectContaining({ transactionType: 'CAPTURE', transactionStatus: 'SUCCESS', transactionAmount: usd('4200'), transactionId: capture!.captureId })]);

      // Already captured in full: another capture exceeds the authorisation; cancel is too late.
      const more = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1') });
      expect(more.json.result.resultCode).toBe('CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT');
      expect((await caller.call('cancel', { paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');
      // ...but the captured money can be refunded.
      expect((await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId, refundAmount: usd('4200') })).json.result.resultCode).toBe('SUCCESS');
    });
  }

  it('MANUAL: nothing is captured until the merchant calls capture; then notifyCapture and the CAPTURE', async () => {
    const { sandbox, caller } = await setup();
    const { paymentId } = await caller.createSession({ isAuthorization: true, captureMode: 'MANUAL', value: '4200' }, sandbox.control);
    sandbox.control.pay(paymentId);
    await sandbox.control.notificationsSettled();
    expect(bodies(sandbox, 'CAPTURE_RESULT')).toEqual([]);
    const before = await caller.call('inquiryPayment', { paymentId });
    expect(before.json.paymentStatus).toBe('SUCCESS');
    expect(before.json.transactions).toBeUndefined();

    const captureRequestId = caller.id('CAP');
    const captured = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('4200') });
    expect(captured.json.result.resultCode).toBe('SUCCESS');
    await sandbox.control.notificationsSettled();
    expect(bodies(sandbox, 'CAPTURE_RESULT')).toEqual([expect.objectContaining({ captureRequestId, captureId: captured.json.captureId })]);
    expect((await caller.call('cancel', { paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');
  });

  it('MANUAL: cancel before capture voids the authorisation; after authExpiryTime capture is AUTH_EXPIRED', async () => {
    const { sandbox, caller } = await setup();
    const voided = await caller.createSession({ isAuthorization: true, captureMode: 'MANUAL' }, sandbox.control);
    sandbox.control.pay(voided.paymentId);
    expect((await caller.call('cancel', { paymentId: voided.paymentId })).json.result.resultCode).toBe('SUCCESS');
    expect((await caller.call('inquiryPayment', { paymentId: voided.paymentId })).json.paymentStatus).toBe('CANCELLED');
    expect((await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: voided.paymentId, captureAmount: usd('100') })).json.result.resultCode).toBe('AUTH_CANCELLED');

    const late = await caller.createSession({ isAuthorization: true, captureMode: 'MANUAL' }, sandbox.control);
    sandbox.control.pay(late.paymentId);
    const authExpiry = Date.parse((await caller.call('inquiryPayment', { paymentId: late.paymentId })).json.authExpiryTime as string);
    const paidAt = Date.parse(sandbox.control.getPayment(late.paymentId).paymentTime!);
    expect(authExpiry - paidAt).toBe(7 * 24 * 3600 * 1000);
    sandbox.control.advanceTime(7 * 24 * 3600 * 1000 + 1000);
    expect((await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: late.paymentId, captureAmount: usd('100') })).json.result.resultCode).toBe('AUTH_EXPIRED');
    // Seven days after payment a card payment is also past its cancel window.
    expect((await caller.call('cancel', { paymentId: late.paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');
  });
});

describe('cancel of a paid APM payment', () => {
  it('is allowed until 00:15 UTC+8 the next day (the buyer is refunded), then CANCEL_WINDOW_EXCEED', async () => {
    const { sandbox, caller } = await setup();
    const early = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(early.paymentId);
    const cancelled = await caller.call('cancel', { paymentId: early.paymentId });
    expect(cancelled.json.result.resultCode).toBe('SUCCESS');
    expect((await caller.call('inquiryPayment', { paymentId: early.paymentId })).json.paymentStatus).toBe('CANCELLED');

    const late = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(late.paymentId);
    const paidAt = Date.parse(sandbox.control.getPayment(late.paymentId).paymentTime!);
    sandbox.control.advanceTime(apmCancelDeadline(paidAt) - paidAt + 1000);
    expect((await caller.call('cancel', { paymentId: late.paymentId })).json.result.resultCode).toBe('CANCEL_WINDOW_EXCEED');
  });

  it('computes the deadline in UTC+8', () => {
    // 2026-11-22T15:59:00Z is 23:59 in UTC+8: the deadline is 00:15 UTC+8 on the 23rd = 16:15Z on the 22nd.
    expect(new Date(apmCancelDeadline(Date.parse('2026-11-22T15:59:00Z'))).toISOString()).toBe('2026-11-22T16:15:00.000Z');
    // 16:01Z is already the 23rd in UTC+8: next deadline is 00:15 on the 24th.
    expect(new Date(apmCancelDeadline(Date.parse('2026-11-22T16:01:00Z'))).toISOString()).toBe('2026-11-23T16:15:00.000Z');
  });
});

describe('session expiry (seed 000: unpaid orders close after 14 minutes)', () => {
  it('closes an unpaid session after 14 minutes with notifyPayment ORDER_IS_CLOSED; paymentSessionExpiryTime may ask for up to 1 hour', async () => {
    const { sandbox, caller } = await setup();
    const plain = await caller.createSession({}, sandbox.control);
    const created = Date.parse(sandbox.control.getPayment(plain.paymentId).createdAt);
    expect(Date.parse(plain.call.json.paymentSessionExpiryTime as string) - created).toBe(14 * 60 * 1000);

    const body: Record<string, unknown> = { ...caller.sessionBody(), paymentSessionExpiryTime: new Date(Date.now() + 50 * 60 * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00') };
    const longer = await caller.call('createPaymentSession', body);
    expect(longer.json.result.resultCode).toBe('SUCCESS');

    sandbox.control.advanceTime(14 * 60 * 1000 + 1000);
    const closed = await caller.call('inquiryPayment', { paymentId: plain.paymentId });
    expect(closed.json).toMatchObject({ paymentStatus: 'FAIL', paymentResultCode: 'ORDER_IS_CLOSED' });
    expect((await caller.call('inquiryPayment', { paymentRequestId: body.paymentRequestId as string })).json.paymentStatus).toBe('PROCESSING');
    await sandbox.control.notificationsSettled();
    expect(bodies(sandbox, 'PAYMENT_RESULT')).toEqual([expect.objectContaining({ paymentId: plain.paymentId, result: expect.objectContaining({ resultCode: 'ORDER_IS_CLOSED', resultStatus: 'F' }) })]);
  });
});

describe('notification bodies carry exactly the fields of Antom\'s reference', () => {
  // notifyPayment (paymentrn_online), notifyCapture (notify_capture), notifyRefund (notify_refund):
  // required fields, plus the optional ones the sandbox has values for.
  const ALLOWED: Record<string, readonly string[]> = {
    PAYMENT_RESULT: ['notifyType', 'result', 'paymentRequestId', 'paymentId', 'paymentAmount', 'paymentCreateTime', 'paymentTime', 'authExpiryTime', 'paymentMethodType'],
    PAYMENT_PENDING: ['notifyType', 'result', 'paymentRequestId', 'paymentId', 'paymentAmount', 'paymentCreateTime', 'paymentMethodType'],
    CAPTURE_RESULT: ['notifyType', 'result', 'captureRequestId', 'paymentId', 'captureId', 'captureAmount', 'captureTime'],
    REFUND_RESULT: ['notifyType', 'result', 'refundStatus', 'refundRequestId', 'refundId', 'refundAmount', 'refundTime'],
  };
  const REQUIRED: Record<string, readonly string[]> = {
    PAYMENT_RESULT: ['notifyType', 'result', 'paymentRequestId', 'paymentId', 'paymentAmount', 'paymentCreateTime'],
    PAYMENT_PENDING: ['notifyType', 'result', 'paymentRequestId', 'paymentId', 'paymentAmount', 'paymentCreateTime'],
    CAPTURE_RESULT: ['notifyType', 'result', 'captureRequestId', 'paymentId', 'captureId', 'captureAmount'],
    REFUND_RESULT: ['notifyType', 'result', 'refundStatus', 'refundRequestId', 'refundId', 'refundAmount'],
  };

  it('for every notification of a full flow (pending, result, auto and manual capture, refund S and F)', async () => {
    const { sandbox, caller } = await setup();
    const pending = await caller.createSession({ value: '1005' }, sandbox.control);
    sandbox.control.pay(pending.paymentId);
    sandbox.control.advanceTime(31_000);
    const auto = await caller.createSession({ isAuthorization: true, captureMode: null, value: '3000' }, sandbox.control);
    sandbox.control.pay(auto.paymentId);
    await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: auto.paymentId, refundAmount: usd('1000') });
    await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: auto.paymentId, refundAmount: usd('1063') });
    sandbox.control.advanceTime(61_000);
    await sandbox.control.notificationsSettled();

    const seen = new Set<string>();
    for (const note of sandbox.control.listNotifications()) {
      const body = JSON.parse(note.body) as Record<string, unknown>;
      seen.add(note.notifyType);
      expect(ALLOWED[note.notifyType], note.notifyType).toBeDefined();
      for (const key of Object.keys(body)) expect(ALLOWED[note.notifyType], `${note.notifyType} has ${key}`).toContain(key);
      for (const key of REQUIRED[note.notifyType]!) expect(body, `${note.notifyType} lacks ${key}`).toHaveProperty(key);
      expect(note.paymentId).not.toBe('');
    }
    expect([...seen].sort()).toEqual(['CAPTURE_RESULT', 'PAYMENT_PENDING', 'PAYMENT_RESULT', 'REFUND_RESULT']);
    const refunds = bodies(sandbox, 'REFUND_RESULT');
    expect(refunds.map((r) => r.refundStatus).sort()).toEqual(['FAIL', 'SUCCESS']);
    expect(refunds.find((r) => r.refundStatus === 'FAIL')).not.toHaveProperty('refundTime');
  });
});

describe('paymentSessionData', () => {
  it('has four && parts: opaque key, the merchant\'s region sign, 188, base64 JSON with clientId and paymentSessionConfig', async () => {
    const { sandbox, caller } = await setup();
    const eu = fixtureMerchant('SANDBOX_EU_MERCHANT');
    sandbox.registerMerchant(eu.clientId, eu.publicKeyBase64, regionSignForRegion('EU'));
    const euCaller = new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, eu);
    const cases: Array<[SandboxCaller, Record<string, unknown>, string, string]> = [
      [caller, caller.sessionBody({ isAuthorization: true }), 'SG', 'CARD'],
      [caller, caller.sessionBody(), 'SG', 'APM'],
      [euCaller, euCaller.sessionBody({ isAuthorization: true }), 'DE', 'CARD'],
    ];
    for (const [who, body, region, category] of cases) {
      const answer = await who.call('createPaymentSession', body);
      const parts = String(answer.json.paymentSessionData).split('&&');
      expect(parts).toHaveLength(4);
      expect(Buffer.from(parts[0]!, 'base64').length).toBe(64);
      expect(parts.slice(1, 3)).toEqual([region, '188']);
      const payload = JSON.parse(Buffer.from(parts[3]!, 'base64').toString('utf8')) as Record<string, unknown>;
      expect(payload).toMatchObject({ clientId: who.merchant.clientId, paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: category, productSceneVersion: '1.0' } });
    }
  });

  it('maps console regions to Antom region signs', () => {
    expect(['SG', 'NA', 'US', 'EU', 'CUSTOM', 'LOCAL'].map(regionSignForRegion)).toEqual(['SG', 'US', 'US', 'DE', 'SG', 'SG']);
  });
});
