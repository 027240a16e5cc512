/**
 * Every documented result code of capture, cancel, refund and inquiryRefund (API-FACTS c.3-c.6)
 * is reachable by a deterministic scenario: a test amount (AMOUNT_SCENARIOS) or a payment state /
 * gateway check (STATE_SCENARIOS). One test per row of either table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { AMOUNT_SCENARIOS, STATE_SCENARIOS, type StateScenario } from '../../src-main/core/sandbox/scenarios';
import { fixtureMerchant, type AntomCall, type SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';

/** The result codes each API's reference documents (API-FACTS c.3-c.6; RISK_REJECT on refund per issue 8 §5). */
const DOCUMENTED: Record<StateScenario['api'], readonly string[]> = {
  capture: ['SUCCESS', 'ACCESS_DENIED', 'AUTH_CANCELLED', 'AUTH_EXPIRED', 'AUTH_NOT_FOUND', 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', 'CAPTURE_IN_PROCESS', 'CURRENCY_NOT_SUPPORT', 'MULTI_CAPTURE_NOT_SUPPORTED', 'INVALID_CONTRACT', 'NO_PAY_OPTIONS', 'ORDER_IS_CANCELED', 'ORDER_STATUS_INVALID', 'PARAM_ILLEGAL', 'PAYMENT_COUNT_EXCEED_LIMIT', 'PROCESS_FAIL', 'REPEAT_REQ_INCONSISTENT', 'RISK_REJECT', 'USER_AMOUNT_EXCEED_LIMIT', 'USER_BALANCE_NOT_ENOUGH', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL', 'UNKNOWN_EXCEPTION'],
  cancel: ['SUCCESS', 'ACCESS_DENIED', 'INVALID_API', 'CANCEL_WINDOW_EXCEED', 'KEY_NOT_FOUND', 'MERCHANT_BALANCE_NOT_ENOUGH', 'NO_INTERFACE_DEF', 'ORDER_NOT_EXIST', 'ORDER_STATUS_INVALID', 'PARAM_ILLEGAL', 'PROCESS_FAIL', 'SYSTEM_ERROR', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'PAYMENT_METHOD_NOT_SUPPORTED', 'UNKNOWN_EXCEPTION', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL'],
  refund: ['SUCCESS', 'ACCESS_DENIED', 'INVALID_API', 'CURRENCY_NOT_SUPPORT', 'INVALID_MERCHANT_STATUS', 'KEY_NOT_FOUND', 'MERCHANT_BALANCE_NOT_ENOUGH', 'MULTIPLE_REFUNDS_NOT_SUPPORTED', 'NO_INTERFACE_DEF', 'ORDER_IS_CLOSED', 'ORDER_NOT_EXIST', 'ORDER_STATUS_INVALID', 'PARAM_ILLEGAL', 'PROCESS_FAIL', 'REFUND_AMOUNT_EXCEED', 'REFUND_WINDOW_EXCEED', 'REPEAT_REQ_INCONSISTENT', 'SYSTEM_ERROR', 'REFUND_IN_PROCESS', 'REFUND_NOT_SUPPORTED', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'PARTIAL_REFUND_NOT_SUPPORTED', 'PAYMENT_METHOD_NOT_SUPPORTED', 'ORDER_IS_CANCELED', 'UNKNOWN_EXCEPTION', 'RISK_REJECT'],
  inquiryRefund: ['SUCCESS', 'ACCESS_DENIED', 'INVALID_API', 'KEY_NOT_FOUND', 'NO_INTERFACE_DEF', 'PARAM_ILLEGAL', 'PROCESS_FAIL', 'SYSTEM_ERROR', 'REQUEST_TRAFFIC_EXCEED_LIMIT', 'UNKNOWN_EXCEPTION', 'ORDER_NOT_EXIST'],
};

let sandbox: RunningSandbox;
let caller: SandboxCaller;
beforeAll(async () => {
  ({ sandbox, caller } = await startSandboxFor(fixtureMerchant('SANDBOX_RESULT_CODES')));
});
afterAll(async () => {
  await sandbox.close();
});

const usd = (value: string) => ({ currency: 'USD', value });
const outcome = (call: AntomCall) => [call.json.result.resultStatus, call.json.result.resultCode];

async function paid(value = '100000', auth = false): Promise<string> {
  const { paymentId } = await caller.createSession({ value, isAuthorization: auth }, sandbox.control);
  sandbox.control.pay(paymentId, { outcome: 'success' });
  return paymentId;
}

async function refunded(value: string): Promise<{ paymentId: string; refundRequestId: string }> {
  const paymentId = await paid();
  const refundRequestId = caller.id('REF');
  const r = await caller.call('refund', { refundRequestId, paymentId, refundAmount: usd(value) });
  expect(r.json.result.resultCode).toBe('SUCCESS');
  return { paymentId, refundRequestId };
}

describe('coverage', () => {
  it('every documented code of capture, cancel, refund and inquiryRefund has a scenario row', () => {
    for (const [api, codes] of Object.entries(DOCUMENTED)) {
      const reachable = new Set<string>(STATE_SCENARIOS.filter((s) => s.api === api).map((s) => s.resultCode));
      for (const s of AMOUNT_SCENARIOS.filter((a) => a.api === api)) {
        if (s.effect.type === 'reject' || s.effect.type === 'inProcess') reachable.add(s.effect.resultCode);
        if (s.effect.type === 'inProcess') reachable.add(s.effect.finalResultCode);
      }
      for (const code of codes) expect(reachable.has(code), `${api} ${code}`).toBe(true);
    }
  });
});

describe('amount scenarios', () => {
  for (const row of AMOUNT_SCENARIOS.filter((s) => ['capture', 'cancel', 'refund', 'inquiryRefund'].includes(s.api))) {
    const value = `1${row.amountEndsWith}`;
    const effect = row.effect;
    if (effect.type === 'buyer') continue;
    const opening = effect.type === 'reject' ? [effect.resultStatus ?? 'F', effect.resultCode] : ['U', effect.resultCode];
    it(`${row.api} with an amount ending ${row.amountEndsWith} -> ${opening.join(' ')}${effect.type === 'inProcess' ? `, then ${effect.finalStatus}` : ''}`, async () => {
      switch (row.api) {
        case 'capture': {
          const paymentId = await paid('100000', true);
          const captureRequestId = caller.id('CAP');
          const answer = await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd(value) });
          expect(outcome(answer)).toEqual(opening);
          if (effect.type === 'inProcess') {
            sandbox.control.advanceTime(31_000);
            const tx = ((await caller.call('inquiryPayment', { paymentId })).json.transactions as Array<Record<string, unknown>>).find((t) => t.transactionRequestId === captureRequestId);
            expect(tx).toMatchObject({ transactionStatus: effect.finalStatus, transactionResult: { resultCode: effect.finalResultCode } });
          }
          return;
        }
        case 'cancel': {
          const { paymentId } = await caller.createSession({ value }, sandbox.control);
          expect(outcome(await caller.call('cancel', { paymentId }))).toEqual(opening);
          expect(sandbox.control.getPayment(paymentId).state).toBe('SESSION');
          return;
        }
        case 'refund': {
          const paymentId = await paid();
          const refundRequestId = caller.id('REF');
          expect(outcome(await caller.call('refund', { refundRequestId, paymentId, refundAmount: usd(value) }))).toEqual(opening);
          if (effect.type === 'inProcess') {
            sandbox.control.advanceTime(61_000);
            expect((await caller.call('inquiryRefund', { refundRequestId })).json.refundStatus).toBe(effect.finalStatus);
          }
          return;
        }
        case 'inquiryRefund': {
          const { refundRequestId } = await refunded(value);
          expect(outcome(await caller.call('inquiryRefund', { refundRequestId }))).toEqual(opening);
          return;
        }
        default:
          throw new Error(`no driver for ${row.api}`);
      }
    });
  }
});

/** How the test reaches each STATE_SCENARIOS row; a row without a driver fails the test. */
const DRIVERS: Record<string, () => Promise<AntomCall>> = {
  'capture SUCCESS': async () => caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: await paid('100000', true), captureAmount: usd('1000') }),
  'capture AUTH_CANCELLED': async () => {
    const paymentId = await paid('100000', true);
    await caller.call('cancel', { paymentId });
    return caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1000') });
  },
  'capture AUTH_EXPIRED': async () => {
    const { paymentId } = await caller.createSession({ paymentRequestId: caller.id('AUTH_EXPIRED_'), isAuthorization: true }, sandbox.control);
    sandbox.control.pay(paymentId);
    return caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1000') });
  },
  'capture CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT': async () => caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: await paid('1000', true), captureAmount: usd('1001') }),
  'capture CURRENCY_NOT_SUPPORT': async () => caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: await paid('100000', true), captureAmount: { currency: 'EUR', value: '1000' } }),
  'capture ORDER_IS_CANCELED': async () => {
    const { paymentId } = await caller.createSession({}, sandbox.control);
    await caller.call('cancel', { paymentId });
    return caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1000') });
  },
  'capture ORDER_STATUS_INVALID': async () => {
    const { paymentId } = await caller.createSession({ isAuthorization: true }, sandbox.control);
    return caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1000') });
  },
  'capture ORDER_NOT_EXIST': async () => caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: 'NO-SUCH-PAYMENT', captureAmount: usd('1000') }),
  'capture REPEAT_REQ_INCONSISTENT': async () => {
    const paymentId = await paid('100000', true);
    const captureRequestId = caller.id('CAP');
    await caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('1000') });
    return caller.call('capture', { captureRequestId, paymentId, captureAmount: usd('2000') });
  },
  'capture PARAM_ILLEGAL': async () => caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId: 'P', captureAmount: usd('1.5') }),
  'cancel SUCCESS': async () => caller.call('cancel', { paymentRequestId: (await caller.createSession({}, sandbox.control)).paymentRequestId }),
  'cancel CANCEL_WINDOW_EXCEED': async () => {
    const paymentId = await paid('100000', true);
    await caller.call('capture', { captureRequestId: caller.id('CAP'), paymentId, captureAmount: usd('1000') });
    return caller.call('cancel', { paymentId });
  },
  'cancel ORDER_STATUS_INVALID': async () => {
    const { paymentId } = await caller.createSession({}, sandbox.control);
    sandbox.control.pay(paymentId, { outcome: 'fail' });
    return caller.call('cancel', { paymentId });
  },
  'cancel ORDER_NOT_EXIST': async () => caller.call('cancel', { paymentId: 'NO-SUCH-PAYMENT' }),
  'cancel PARAM_ILLEGAL': async () => caller.call('cancel', {}),
  'cancel KEY_NOT_FOUND': async () => caller.call('cancel', { paymentId: 'X' }, { keyVersion: 2 }),
  'cancel NO_INTERFACE_DEF': async () => caller.call('cancel', { paymentId: 'X' }, { path: '/ams/api/v1/payments/cancelPayment' }),
  'refund SUCCESS': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: await paid(), refundAmount: usd('1000') }),
  'refund CURRENCY_NOT_SUPPORT': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: await paid(), refundAmount: { currency: 'EUR', value: '1000' } }),
  'refund ORDER_NOT_EXIST': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: 'NO-SUCH-PAYMENT', refundAmount: usd('1000') }),
  'refund ORDER_STATUS_INVALID': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: (await caller.createSession({}, sandbox.control)).paymentId, refundAmount: usd('1000') }),
  'refund ORDER_IS_CANCELED': async () => {
    const { paymentId } = await caller.createSession({}, sandbox.control);
    await caller.call('cancel', { paymentId });
    return caller.call('refund', { refundRequestId: caller.id('REF'), paymentId, refundAmount: usd('1000') });
  },
  'refund REFUND_AMOUNT_EXCEED': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: await paid('1000'), refundAmount: usd('1001') }),
  'refund REPEAT_REQ_INCONSISTENT': async () => {
    const paymentId = await paid();
    const refundRequestId = caller.id('REF');
    await caller.call('refund', { refundRequestId, paymentId, refundAmount: usd('1000') });
    return caller.call('refund', { refundRequestId, paymentId, refundAmount: usd('2000') });
  },
  'refund PARAM_ILLEGAL': async () => caller.call('refund', { refundRequestId: caller.id('REF'), paymentId: 'P' }),
  'refund KEY_NOT_FOUND': async () => caller.call('refund', { refundRequestId: 'R', paymentId: 'P', refundAmount: usd('1') }, { keyVersion: 2 }),
  'refund NO_INTERFACE_DEF': async () => caller.call('refund', {}, { path: '/ams/api/v1/payments/refunds' }),
  'inquiryRefund SUCCESS': async () => caller.call('inquiryRefund', { refundRequestId: (await refunded('1000')).refundRequestId }),
  'inquiryRefund ORDER_NOT_EXIST': async () => caller.call('inquiryRefund', { refundRequestId: 'NO-SUCH-REFUND' }),
  'inquiryRefund PARAM_ILLEGAL': async () => caller.call('inquiryRefund', {}),
  'inquiryRefund KEY_NOT_FOUND': async () => caller.call('inquiryRefund', { refundId: 'X' }, { keyVersion: 2 }),
  'inquiryRefund NO_INTERFACE_DEF': async () => caller.call('inquiryRefund', {}, { path: '/ams/api/v1/payments/inquiryRefunds' }),
};

describe('state and gateway scenarios', () => {
  for (const row of STATE_SCENARIOS) {
    it(`${row.api} ${row.resultCode}: ${row.how}`, async () => {
      const drive = DRIVERS[`${row.api} ${row.resultCode}`];
      expect(drive, 'a driver for this row').toBeDefined();
      expect(outcome(await drive!())).toEqual([row.resultStatus, row.resultCode]);
    });
  }
});
