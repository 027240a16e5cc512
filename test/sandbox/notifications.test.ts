import { afterEach, describe, expect, it } from 'vitest';
import { createPublicKey } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { verifySignature } from '../../src-main/core/signing/verify-signature';
import { RESEND_DELAYS_MS } from '../../src-main/core/sandbox/notifier';
import { fixtureMerchant, rawRequest, type SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';
import { ACK, startReceiver, type NotifyReceiver, type ReceiverAnswer } from './support/notify-receiver';

const merchant = fixtureMerchant();
const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  while (open.length > 0) await open.pop()!.close();
});

// 100000x: the whole 24 h 22 min schedule takes under a second. Sessions keep real-time expiry.
async function setup(answerFor: (n: number) => ReceiverAnswer, timeScale = 100_000): Promise<{ sandbox: RunningSandbox; receiver: NotifyReceiver; caller: SandboxCaller }> {
  const receiver = await startReceiver(answerFor);
  open.push(receiver);
  const { sandbox, caller } = await startSandboxFor(merchant, {
    timeScale,
    expiryTimeScale: 1,
    defaultNotifyUrl: receiver.url('/antom/notify?profile=default'),
  });
  open.push(sandbox);
  return { sandbox, receiver, caller };
}

function verifiesOverOwnPath(sandbox: RunningSandbox, n: { path: string; headers: Record<string, string | string[] | undefined>; raw: Buffer }): boolean {
  const key = createPublicKey({ key: Buffer.from(sandbox.antomPublicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  return verifySignature({ path: n.path, clientId: String(n.headers['client-id']), time: String(n.headers['request-time']), body: n.raw }, String(n.headers.signature), key).valid;
}

describe('notifications', () => {
  it('resends until a correct acknowledgement, recording every attempt; signatures verify over the receiver path', async () => {
    const rejections: ReceiverAnswer[] = [
      { status: 500, body: 'oops' },
      { status: 200, body: 'success' },
      { status: 200, body: '{"result":{"resultCode":"SUCCESS","resultStatus":"F","resultMessage":"success"}}' },
    ];
    const { sandbox, receiver, caller } = await setup((n) => rejections[n - 1] ?? ACK);
    const notifyUrl = receiver.url('/merchant/pay-notify?shop=7');
    const { paymentId, paymentRequestId } = await caller.createSession({ value: '4200', paymentNotifyUrl: notifyUrl }, sandbox.control);
    sandbox.control.pay(paymentId);
    await sandbox.control.notificationsSettled();

    const [note] = sandbox.control.listNotifications();
    expect(note).toMatchObject({ api: 'notifyPayment', notifyType: 'PAYMENT_RESULT', state: 'acknowledged', acknowledged: true, url: notifyUrl });
    expect(note!.attempts.map((a) => [a.httpStatus, a.acknowledged])).toEqual([[500, false], [200, false], [200, false], [200, true]]);
    expect(note!.attempts[1]!.responseBody).toBe('success');

    expect(receiver.received).toHaveLength(4);
    for (const r of receiver.received) {
      expect(r.path).toBe('/merchant/pay-notify?shop=7');
      expect(r.headers['content-type']).toBe('application/json; charset=UTF-8');
      expect(r.headers['request-time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect(r.headers['client-id']).toBe(merchant.clientId);
      expect(verifiesOverOwnPath(sandbox, r)).toBe(true);
    }
    const body = JSON.parse(receiver.received[0]!.raw.toString('utf8')) as Record<string, unknown>;
    expect(body).toMatchObject({
      notifyType: 'PAYMENT_RESULT',
      result: { resultCode: 'SUCCESS', resultStatus: 'S' },
      paymentRequestId, paymentId,
      paymentAmount: { currency: 'USD', value: '4200' },
    });
    expect(body.paymentTime).toBeTypeOf('string');
    // A signature made for another path does not verify.
    expect(verifiesOverOwnPath(sandbox, { ...receiver.received[0]!, path: '/merchant/pay-notify' })).toBe(false);
  });

  it('gives up after the 8th attempt of the schedule', async () => {
    const { sandbox, receiver, caller } = await setup(() => ({ status: 503, body: '' }));
    const { paymentId } = await caller.createSession({}, sandbox.control);
    const started = Date.now();
    sandbox.control.pay(paymentId);
    await sandbox.control.notificationsSettled();
    const [note] = sandbox.control.listNotifications();
    expect(note!.state).toBe('gave-up');
    expect(note!.attempts).toHaveLength(RESEND_DELAYS_MS.length);
    expect(receiver.received).toHaveLength(8);
    // 24 h 22 min of Antom time at 100000x is ~0.88 s of real time.
    expect(Date.now() - started).toBeGreaterThanOrEqual(870);
  });

  it('sends notifyCapture and notifyRefund (to refundNotifyUrl when given); resend replays one now', async () => {
    const { sandbox, receiver, caller } = await setup(() => ACK);
    const { paymentId } = await caller.createSession({ isAuthorization: true }, sandbox.control);
    sandbox.control.pay(paymentId);
    const capture = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: { currency: 'USD', value: '5000' } });
    const refund = await caller.call('refund', { refundRequestId: caller.id('REF'), paymentId, refundAmount: { currency: 'USD', value: '1000' }, refundNotifyUrl: receiver.url('/refunds') });
    await sandbox.control.notificationsSettled();

    const notes = sandbox.control.listNotifications();
    expect(notes.map((n) => [n.api, n.state])).toEqual([['notifyPayment', 'acknowledged'], ['notifyCapture', 'acknowledged'], ['notifyRefund', 'acknowledged']]);
    const captureBody = JSON.parse(notes[1]!.body) as Record<string, unknown>;
    expect(captureBody).toMatchObject({ notifyType: 'CAPTURE_RESULT', captureId: capture.json.captureId, paymentId, captureAmount: { value: '5000' }, result: { resultStatus: 'S' } });
    const refundBody = JSON.parse(notes[2]!.body) as Record<string, unknown>;
    expect(refundBody).toMatchObject({ notifyType: 'REFUND_RESULT', refundStatus: 'SUCCESS', refundId: refund.json.refundId, refundAmount: { value: '1000' } });
    expect(receiver.received.map((r) => r.path)).toEqual(['/antom/notify?profile=default', '/antom/notify?profile=default', '/refunds']);

    const resent = await sandbox.control.resendNotification(notes[1]!.id);
    expect(resent.attempts.map((a) => a.trigger)).toEqual(['schedule', 'resend']);
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]!.raw.toString('utf8')).toBe(notes[1]!.body);
    expect(verifiesOverOwnPath(sandbox, receiver.received[3]!)).toBe(true);

    // The HTTP door does the same.
    const viaHttp = await rawRequest(sandbox.baseUrl, `/__sandbox/notifications/${notes[0]!.id}/resend`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(viaHttp.status).toBe(200);
    expect((JSON.parse(viaHttp.text) as { attempts: unknown[] }).attempts).toHaveLength(2);
  });

  it('records a notification with no URL and sends it on resend once a URL is set', async () => {
    const receiver = await startReceiver(() => ACK);
    open.push(receiver);
    const { sandbox, caller } = await startSandboxFor(merchant);
    open.push(sandbox);
    const { paymentId } = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(paymentId);
    const [note] = sandbox.control.listNotifications();
    expect(note).toMatchObject({ state: 'no-url', attempts: [] });
    sandbox.control.setNotifyUrl(receiver.url('/late'));
    const sent = await sandbox.control.resendNotification(note!.id);
    expect(sent.attempts[0]).toMatchObject({ httpStatus: 200, acknowledged: true });
    expect(receiver.received[0]!.path).toBe('/late');
  });

  it('close() cancels pending resends and timers, so the process exits on its own', async () => {
    const script = fileURLToPath(new URL('./support/close-exits.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    clearTimeout(killer);
    expect(signal, out).toBeNull();
    expect(code, out).toBe(0);
    expect(out).toContain('closed with a resend pending');
  });
});
