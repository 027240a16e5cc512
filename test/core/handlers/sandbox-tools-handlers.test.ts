/**
 * The sandbox tools through the real core (compose): the embedded sandbox, the receiver and the
 * journal are real; every call goes through dispatchOperation as a door makes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/compose';
import { dispatchOperation } from '../../../src-main/core/dispatch-operation';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';
import { buyerFailureCodes } from '../../../src-shared/sandbox-tools';
import { authorisedPayment, cardSessionBody, startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;

beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

describe('faults', () => {
  it('an injected fault shapes the next capture until it is cleared', async () => {
    const payment = await authorisedPayment(kit, '4000');
    const faults = await kit.ok('setSandboxFaults', { fault: { kind: 'unknownException', api: 'capture' } });
    expect(faults).toEqual([{ kind: 'unknownException', api: 'capture', remaining: null, detail: expect.stringContaining('UNKNOWN_EXCEPTION') }]);
    expect(await kit.ok('listSandboxFaults', {})).toHaveLength(1);

    const amount = { currency: 'USD', value: '1000' };
    const faulted = await kit.ok('capture', { paymentId: payment.paymentId, amount });
    expect(faulted.resultStatus).toBe('U');
    expect(faulted.resultCode).toBe('UNKNOWN_EXCEPTION');
    // Nothing was captured: the fault answers U without applying anything.
    expect(kit.core.sandbox!.control.getPayment(payment.paymentId).capturedValue).toBe('0');

    expect(await kit.ok('clearSandboxFaults', {})).toEqual([]);
    const clean = await kit.ok('capture', { paymentId: payment.paymentId, amount });
    expect(clean.resultStatus).toBe('S');
  });

  it('a counted fault is used up, and adding keeps the others unless replace is asked', async () => {
    await kit.ok('setSandboxFaults', { fault: { kind: 'latency', latencyMs: 5, count: 1 } });
    const two = await kit.ok('setSandboxFaults', { fault: { kind: 'http5xx', status: 503, api: 'refund', count: 2 } });
    expect(two.map((f) => [f.kind, f.api, f.remaining])).toEqual([['latency', null, 1], ['http5xx', 'refund', 2]]);
    expect(two[1]!.detail).toBe('HTTP 503, html body');
    const one = await kit.ok('setSandboxFaults', { fault: { kind: 'wrongSignature', mode: 'otherKey' }, replace: true });
    expect(one.map((f) => f.kind)).toEqual(['wrongSignature']);
    await kit.ok('clearSandboxFaults', {});
  });

  it('refuses a fault the sandbox cannot inject', async () => {
    expect((await kit.fails('setSandboxFaults', { fault: { kind: 'teapot' } })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('setSandboxFaults', { fault: { kind: 'http5xx', status: 404 } })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('setSandboxFaults', { fault: { kind: 'latency', latencyMs: 500_000 } })).code).toBe('VALIDATION_FAILED');
    expect(await kit.ok('listSandboxFaults', {})).toEqual([]);
  });
});

describe('the clock', () => {
  it('advancing it expires a session nobody paid', async () => {
    const session = await kit.ok('createPaymentSession', { body: cardSessionBody('2500') });
    const paymentRequestId = session.requestIds.paymentRequestId!;
    expect(kit.core.sandbox!.control.getPayment(paymentRequestId).state).toBe('SESSION');

    const before = await kit.ok('getSandboxClock', {});
    const after = await kit.ok('advanceSandboxClock', { amount: 2, unit: 'hours' });
    expect(after.offsetMs - before.offsetMs).toBe(2 * 3_600_000);
    expect(Date.parse(after.now)).toBeGreaterThanOrEqual(Date.parse(before.now) + 2 * 3_600_000 - 1000);

    const expired = kit.core.sandbox!.control.getPayment(paymentRequestId);
    expect(expired.paymentStatus).toBe('FAIL');
    expect(expired.resultCode).toBe('ORDER_IS_CLOSED');
  });

  it('refuses a jump of more than 366 days or of nothing', async () => {
    const tooFar = await kit.fails('advanceSandboxClock', { amount: 367 * 24, unit: 'hours' });
    expect(tooFar.code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('advanceSandboxClock', { amount: 0, unit: 'minutes' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('test notifications', () => {
  it('the sandbox sends the payment result again, signed, and the journal stores it verified', async () => {
    const payment = await authorisedPayment(kit, '3000');
    await kit.core.sandbox!.control.notificationsSettled();
    const rows = async () => (await kit.ok('listNotifications', { filter: { anyId: payment.paymentId, notifyType: 'PAYMENT_RESULT' } })).items;
    const [first] = await rows();
    expect(first?.verification).toBe('verified');

    const sent = await kit.ok('sendSandboxTestNotification', { id: payment.paymentRequestId, notifyType: 'PAYMENT_RESULT' });
    expect(sent).toMatchObject({ notifyType: 'PAYMENT_RESULT', paymentId: payment.paymentId, httpStatus: 200, acknowledged: true, error: null });
    expect(sent.url).toBe(kit.core.receiver!.url);

    // The receiver folds a resend into the first row's attempts: one more, still verified.
    const [again] = await rows();
    expect(again?.id).toBe(first!.id);
    expect(again?.attempts).toBe(first!.attempts + 1);
    expect(again?.verification).toBe('verified');
  });

  it('says how to get a notification the sandbox has not sent yet', async () => {
    const payment = await authorisedPayment(kit, '3100');
    const error = await kit.fails('sendSandboxTestNotification', { id: payment.paymentId, notifyType: 'CAPTURE_RESULT' });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.hint).toContain('capture');
    expect((await kit.fails('sendSandboxTestNotification', { id: 'PAY-NOPE', notifyType: 'PAYMENT_RESULT' })).code).toBe('NOT_FOUND');
    expect((await kit.fails('sendSandboxTestNotification', { id: payment.paymentId, notifyType: 'BOGUS' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('profiles other than the embedded sandbox', () => {
  beforeAll(async () => {
    await kit.ok('createProfile', { name: 'Acme SG', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_TOOLS_1' });
    await kit.ok('setActiveProfile', { name: 'Acme SG' });
  });
  afterAll(async () => {
    await kit.ok('setActiveProfile', { name: 'Embedded sandbox' });
  });

  it('refuse every sandbox tool and change nothing', async () => {
    const attempts: Array<[string, unknown]> = [
      ['listSandboxFaults', {}],
      ['setSandboxFaults', { fault: { kind: 'dropAfterApply' } }],
      ['clearSandboxFaults', {}],
      ['getSandboxClock', {}],
      ['advanceSandboxClock', { amount: 5, unit: 'minutes' }],
      ['sendSandboxTestNotification', { id: 'PAY-1', notifyType: 'PAYMENT_RESULT' }],
    ];
    for (const [name, input] of attempts) {
      const error = await kit.fails(name as never, input);
      expect(error.code, name).toBe('VALIDATION_FAILED');
      expect(error.message, name).toContain('works only on the embedded sandbox');
      expect(error.hint).toContain('embedded sandbox profile');
    }
    expect(kit.core.sandbox!.control.listFaults()).toEqual([]);
  });
});

describe('read-only embedded profile', () => {
  it('may look at faults and the clock but not change them', async () => {
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: true });
    try {
      expect(await kit.ok('listSandboxFaults', {})).toEqual([]);
      await kit.ok('getSandboxClock', {});
      expect((await kit.fails('setSandboxFaults', { fault: { kind: 'dropAfterApply' } })).code).toBe('READ_ONLY');
      expect((await kit.fails('advanceSandboxClock', { amount: 1, unit: 'minutes' })).code).toBe('READ_ONLY');
    } finally {
      await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: false });
    }
  });
});

describe('a process without the sandbox (the CLI door)', () => {
  it('reaches the running embedded sandbox over its control HTTP with the same answers', async () => {
    const payment = await authorisedPayment(kit, '3200');
    await kit.core.sandbox!.control.notificationsSettled();
    const cli = await createCore({ dataDir: kit.dataDir, secrets: new SessionSecretStore(), door: 'cli', startEmbeddedSandbox: false, startReceiver: false });
    const call = async (name: string, input: unknown) => {
      const result = await dispatchOperation(cli.handlers, name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as never;
    };
    try {
      expect(cli.sandbox).toBeUndefined();
      await call('setSandboxFaults', { fault: { kind: 'latency', latencyMs: 5, api: 'refund', count: 3 } });
      const faults: unknown[] = await call('setSandboxFaults', { fault: { kind: 'missingSignature' } });
      // Adding over HTTP keeps the fault already there, with what it has left.
      expect(faults).toEqual([
        { kind: 'latency', api: 'refund', remaining: 3, detail: '5 ms before answering' },
        { kind: 'missingSignature', api: null, remaining: null, detail: 'answers without signature headers' },
      ]);
      expect(kit.core.sandbox!.control.listFaults()).toHaveLength(2);
      expect(await call('clearSandboxFaults', {})).toEqual([]);
      expect(kit.core.sandbox!.control.listFaults()).toEqual([]);

      const before: { offsetMs: number } = await call('getSandboxClock', {});
      const after: { offsetMs: number } = await call('advanceSandboxClock', { amount: 30, unit: 'minutes' });
      expect(after.offsetMs - before.offsetMs).toBe(30 * 60_000);

      const sent: { acknowledged: boolean; paymentId: string } = await call('sendSandboxTestNotification', { id: payment.paymentId, notifyType: 'PAYMENT_RESULT' });
      expect(sent).toMatchObject({ acknowledged: true, paymentId: payment.paymentId });
      const missing = await dispatchOperation(cli.handlers, 'sendSandboxTestNotification', { id: 'PAY-NOPE', notifyType: 'PAYMENT_RESULT' });
      expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    } finally {
      await cli.close();
    }
  });
});

describe('buyer failure codes', () => {
  it('are every F paymentResultCode of the knowledge base, once each, with a meaning', () => {
    const codes = buyerFailureCodes();
    expect(codes.map((c) => c.code)).toEqual(expect.arrayContaining(['USER_BALANCE_NOT_ENOUGH', 'RISK_REJECT', 'DO_NOT_HONOR', 'ORDER_IS_CLOSED']));
    expect(codes.map((c) => c.code)).not.toContain('SUCCESS');
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    expect(codes.every((c) => c.meaning.length > 0)).toBe(true);
  });
});
