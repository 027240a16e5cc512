import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { fixtureMerchant, type SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';

const merchant = fixtureMerchant();
let sandbox: RunningSandbox;
let caller: SandboxCaller;

beforeAll(async () => {
  ({ sandbox, caller } = await startSandboxFor(merchant));
});
afterEach(() => sandbox.control.clearFaults());
afterAll(async () => {
  await sandbox.close();
});

const usd = (value: string) => ({ currency: 'USD', value });

async function authorised(): Promise<string> {
  const { paymentId } = await caller.createSession({ isAuthorization: true, value: '10000' }, sandbox.control);
  sandbox.control.pay(paymentId);
  return paymentId;
}

describe('faults', () => {
  it('latency delays the answer, only for the named API and only N times', async () => {
    sandbox.control.setFaults({ kind: 'latency', latencyMs: 300, api: 'inquiryPayment', count: 1 });
    const other = Date.now();
    await caller.call('inquiryRefund', { refundRequestId: 'x' });
    expect(Date.now() - other).toBeLessThan(250);
    const start = Date.now();
    const slow = await caller.call('inquiryPayment', { paymentRequestId: 'x' });
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(slow.signature).toBe('verified');
    expect(sandbox.control.listFaults()).toEqual([]);
  });

  it('http5xx answers a gateway error page without touching state', async () => {
    const paymentId = await authorised();
    sandbox.control.setFaults({ kind: 'http5xx', status: 503, body: 'html', api: 'capture', count: 1 });
    const captureRequestId = caller.id('CAP');
    const failed = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('100') });
    expect(failed.status).toBe(503);
    expect(failed.text).toContain('<html>');
    expect(failed.signature).toBe('absent');
    expect(sandbox.control.getPayment(paymentId).captures).toEqual([]);
    const retried = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('100') });
    expect(retried.json.result.resultCode).toBe('SUCCESS');
  });

  it('dropAfterApply applies the capture, then drops the socket; a retry with the same ID returns the same capture', async () => {
    const paymentId = await authorised();
    sandbox.control.setFaults([{ kind: 'dropAfterApply', api: 'capture', count: 1 }]);
    const captureRequestId = caller.id('CAP');
    await expect(caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('700') })).rejects.toThrow(/socket hang up|ECONNRESET/);
    const applied = sandbox.control.getPayment(paymentId);
    expect(applied.captures).toHaveLength(1);
    expect(applied.capturedValue).toBe('700');
    const retried = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('700') });
    expect(retried.json.result.resultCode).toBe('SUCCESS');
    expect(retried.json.captureId).toBe(applied.captures[0]!.id);
    expect(sandbox.control.getPayment(paymentId).capturedValue).toBe('700');
  });

  it('dropAfterApply on refund: the refund really happened', async () => {
    const { paymentId } = await caller.createSession({ value: '5000' }, sandbox.control);
    sandbox.control.pay(paymentId);
    sandbox.control.setFaults({ kind: 'dropAfterApply', api: 'refund', count: 1 });
    const refundRequestId = caller.id('REF');
    await expect(caller.call('refund', { refundRequestId, paymentId, refundAmount: usd('1200') })).rejects.toThrow();
    const inquiry = await caller.call('inquiryRefund', { refundRequestId });
    expect(inquiry.json.refundStatus).toBe('SUCCESS');
  });

  it('unknownException answers U UNKNOWN_EXCEPTION, signed, and applies nothing', async () => {
    const paymentId = await authorised();
    sandbox.control.setFaults({ kind: 'unknownException', api: 'capture', count: 1 });
    const captureRequestId = caller.id('CAP');
    const unknown = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('100') });
    expect(unknown.json.result).toMatchObject({ resultCode: 'UNKNOWN_EXCEPTION', resultStatus: 'U' });
    expect(unknown.signature).toBe('verified');
    expect(sandbox.control.getPayment(paymentId).captures).toEqual([]);
  });

  it('missingSignature answers a valid body with no signature or response-time', async () => {
    sandbox.control.setFaults({ kind: 'missingSignature', count: 1 });
    const answer = await caller.call('inquiryPayment', { paymentRequestId: 'x' });
    expect(answer.json.result.resultCode).toBe('ORDER_NOT_EXIST');
    expect(answer.headers.signature).toBeUndefined();
    expect(answer.signature).toBe('absent');
  });

  it('wrongSignature signs with another key or over a changed body; the state change still happens', async () => {
    for (const mode of ['otherKey', 'changedBody'] as const) {
      const paymentId = await authorised();
      sandbox.control.setFaults({ kind: 'wrongSignature', mode, api: 'capture', count: 1 });
      const answer = await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('100') });
      expect(answer.json.result.resultCode).toBe('SUCCESS');
      expect(answer.signature, mode).toBe('invalid');
      expect(sandbox.control.getPayment(paymentId).capturedValue).toBe('100');
    }
  });

  it('faults do not fire on requests refused by the gateway checks', async () => {
    sandbox.control.setFaults({ kind: 'unknownException', count: 1 });
    const refused = await caller.call('inquiryPayment', { paymentRequestId: 'x' }, { keyVersion: 9 });
    expect(refused.json.result.resultCode).toBe('KEY_NOT_FOUND');
    expect(sandbox.control.listFaults()).toHaveLength(1);
  });

  it('refuses a malformed fault with a hint', () => {
    expect(() => sandbox.control.setFaults({ kind: 'explode' } as never)).toThrow(/Not a valid fault/);
  });
});
