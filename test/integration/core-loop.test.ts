/**
 * The whole local loop through the composition root, as the console runs it: the embedded
 * sandbox notifies the console's own receiver by default, the journal stores and acknowledges,
 * inquiry agrees with the notification, and the timeline tells the story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/compose';
import { SessionSecretStore } from '../../src-main/core/keychain/session-secret-store';

let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'antom-core-loop-'));
  // A session-memory secret store keeps this test off the OS keychain (covered elsewhere).
  core = await createCore({ dataDir, secrets: new SessionSecretStore(), startEmbeddedSandbox: true, startReceiver: true, sandboxTimeScale: 600, clientOptions: { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } } });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until<T>(read: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('session -> buyer pays -> notifyPayment -> inquiry agrees -> capture -> notifyCapture -> refund -> notifyRefund', () => {
  it('runs end to end over real HTTP with every notification verified, stored and acknowledged', async () => {
    expect(core.sandbox && core.receiver).toBeTruthy();
    const status = await core.handlers.getAppStatus({});
    expect(status.activeProfile?.environment).toBe('embedded');
    expect(status.sandbox.running).toBe(true);

    const client = await core.clientFor();
    const session = await client.createPaymentSession({
      productCode: 'CASHIER_PAYMENT', order: { referenceOrderId: 'LOOP-ORDER-1', orderDescription: 'loop' },
      paymentAmount: { currency: 'EUR', value: '12000' }, paymentMethod: { paymentMethodType: 'CARD' },
      paymentRedirectUrl: 'https://merchant.example/return', settlementStrategy: { settlementCurrency: 'EUR' },
      paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' },
    });
    expect(session.resultStatus).toBe('S');
    const paymentRequestId = session.requestIds.paymentRequestId!;
    core.sandbox!.control.pay(paymentRequestId, { outcome: 'success' });

    const paid = await until(async () => (await core.journal.listNotifications({ anyId: paymentRequestId, notifyType: 'PAYMENT_RESULT' })).items[0], 'notifyPayment');
    expect(paid).toMatchObject({ verification: 'verified', acknowledged: true, status: 'SUCCESS' });

    const inquiry = await client.inquiryPayment({ paymentRequestId });
    expect(inquiry.response.paymentStatus).toBe('SUCCESS');
    const paymentId = inquiry.response.paymentId!;

    const capture = await client.capture({ paymentId, captureAmount: { currency: 'EUR', value: '7000' } });
    expect(capture.resultStatus).toBe('S');
    await until(async () => (await core.journal.listNotifications({ anyId: paymentId, notifyType: 'CAPTURE_RESULT' })).items[0], 'notifyCapture');
    const refund = await client.refund({ paymentId, refundAmount: { currency: 'EUR', value: '2500' } });
    expect(refund.resultStatus).toBe('S');
    await until(async () => (await core.journal.listNotifications({ anyId: refund.requestIds.refundRequestId!, notifyType: 'REFUND_RESULT' })).items[0]
      ?? (await core.journal.listNotifications({ notifyType: 'REFUND_RESULT' })).items[0], 'notifyRefund');

    // the sandbox saw every notification acknowledged on the first attempt
    await core.sandbox!.control.notificationsSettled();
    const sent = core.sandbox!.control.listNotifications();
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(sent.every((n) => n.state === 'acknowledged' && n.attempts.length === 1)).toBe(true);

    const timeline = (await core.journal.timeline(paymentRequestId))!;
    expect(timeline.state).toBe('PARTIALLY_REFUNDED');
    expect(timeline.money).toMatchObject({
      currency: 'EUR',
      authorised: { value: '12000' }, captured: { value: '7000' }, refunded: { value: '2500' }, remaining: { value: '4500' },
    });
    expect(timeline.money!.remaining.display).toMatch(/45\.00/);
    const kinds = timeline.events.map((e) => e.kind);
    for (const kind of ['session', 'inquiry', 'notification', 'capture', 'refund']) expect(kinds).toContain(kind);
    expect(timeline.mismatches).toEqual([]);
    // every call was journaled with a verified response signature
    const calls = (await core.journal.listCalls({ anyId: paymentId })).items;
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every((c) => c.responseSignature === 'verified')).toBe(true);
  });
});
