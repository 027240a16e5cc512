import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { generateRsaKeyPair } from '../../src-main/core/keys/generate-key-pair';
import { fixtureMerchant, rawRequest, type SandboxCaller } from './support/sandbox-caller';
import { startSandboxFor } from './support/sandbox-for-merchant';

const merchant = fixtureMerchant();
let sandbox: RunningSandbox;
let caller: SandboxCaller;

beforeAll(async () => {
  ({ sandbox, caller } = await startSandboxFor(merchant));
});
afterAll(async () => {
  await sandbox.close();
});

const inquiry = { paymentRequestId: 'NO-SUCH-PAYMENT' };

describe('Antom paths', () => {
  it('serves both the production and the sandbox path family, signing over the path called', async () => {
    for (const family of ['production', 'sandbox'] as const) {
      const answer = await caller.call('createPaymentSession', caller.sessionBody(), { family });
      expect(answer.status).toBe(200);
      expect(answer.json.result).toMatchObject({ resultCode: 'SUCCESS', resultStatus: 'S' });
      expect(answer.json.paymentSessionData).toMatch(/^[A-Za-z0-9+/=]+&&SG&&188&&[A-Za-z0-9+/=]+$/);
      expect(answer.signature).toBe('verified');
      expect(answer.headers['client-id']).toBe(merchant.clientId);
      expect(answer.headers['response-time']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
      expect(answer.headers['content-type']).toBe('application/json; charset=UTF-8');
    }
  });

  it('verifies a request whose path carries a query string, over the path as requested', async () => {
    const answer = await caller.call('inquiryPayment', inquiry, { path: '/ams/api/v1/payments/inquiryPayment?trace=1' });
    expect(answer.json.result.resultCode).toBe('ORDER_NOT_EXIST');
    expect(answer.signature).toBe('verified');
  });

  it('answers NO_INTERFACE_DEF (404) for other /ams paths', async () => {
    const answer = await caller.call('pay', inquiry);
    expect(answer.status).toBe(404);
    expect(answer.json.result).toMatchObject({ resultCode: 'NO_INTERFACE_DEF', resultStatus: 'F' });
    expect(answer.signature).toBe('verified');
  });
});

describe('request checks, in Antom order', () => {
  it('METHOD_NOT_SUPPORTED (405) for a GET', async () => {
    const answer = await caller.call('inquiryPayment', inquiry, { method: 'PUT' });
    expect(answer.status).toBe(405);
    expect(answer.json.result).toMatchObject({ resultCode: 'METHOD_NOT_SUPPORTED', resultStatus: 'F' });
  });

  it('MEDIA_TYPE_NOT_ACCEPTABLE (415) for a non-JSON content type or none', async () => {
    for (const contentType of ['text/plain', null]) {
      const answer = await caller.call('inquiryPayment', inquiry, { contentType });
      expect(answer.status).toBe(415);
      expect(answer.json.result.resultCode).toBe('MEDIA_TYPE_NOT_ACCEPTABLE');
    }
  });

  it('CLIENT_INVALID for a missing or unknown client-id, unsigned', async () => {
    for (const clientId of [null, 'SANDBOX_SOMEONE_ELSE']) {
      const answer = await caller.call('inquiryPayment', inquiry, { clientId });
      expect(answer.json.result).toMatchObject({ resultCode: 'CLIENT_INVALID', resultStatus: 'F' });
      expect(answer.signature).toBe('absent');
      expect(answer.headers['response-time']).toBeUndefined();
    }
  });

  it('PARAM_ILLEGAL naming a missing request-time or signature header', async () => {
    const noTime = await caller.call('inquiryPayment', inquiry, { requestTime: null });
    expect(noTime.json.result.resultCode).toBe('PARAM_ILLEGAL');
    expect(noTime.json.result.resultMessage).toContain('request-time');
    const noSig = await caller.call('inquiryPayment', inquiry, { signature: null });
    expect(noSig.json.result.resultCode).toBe('PARAM_ILLEGAL');
    expect(noSig.json.result.resultMessage).toContain('signature');
  });

  it('KEY_NOT_FOUND for an unregistered keyVersion, unsigned; keyVersion 1 is accepted', async () => {
    const wrong = await caller.call('inquiryPayment', inquiry, { keyVersion: 2 });
    expect(wrong.json.result.resultCode).toBe('KEY_NOT_FOUND');
    expect(wrong.signature).toBe('absent');
    const right = await caller.call('inquiryPayment', inquiry, { keyVersion: 1 });
    expect(right.json.result.resultCode).toBe('ORDER_NOT_EXIST');
  });

  it('INVALID_SIGNATURE for a changed body, another key, or another path; unsigned', async () => {
    const otherKey = (await generateRsaKeyPair()).keyObject;
    const cases = [
      await caller.call('inquiryPayment', inquiry, { signOver: JSON.stringify({ paymentRequestId: 'other' }) }),
      await caller.call('inquiryPayment', inquiry, { signWith: otherKey }),
      await caller.call('inquiryPayment', inquiry, {
        path: '/ams/sandbox/api/v1/payments/inquiryPayment',
        // signed for the production path, sent to the sandbox path
        signature: (await import('../../src-main/core/signing/sign-request')).signRequest(
          { path: '/ams/api/v1/payments/inquiryPayment', clientId: merchant.clientId, time: '1700000000000', body: JSON.stringify(inquiry) }, merchant.privateKey).signatureHeader,
        requestTime: '1700000000000',
      }),
    ];
    for (const answer of cases) {
      expect(answer.json.result).toMatchObject({ resultCode: 'INVALID_SIGNATURE', resultStatus: 'F' });
      expect(answer.signature).toBe('absent');
    }
  });

  it('accepts the docs form of the header (spaces, lower-case escapes)', async () => {
    const { signRequest } = await import('../../src-main/core/signing/sign-request');
    const time = '2026-11-22T08:15:31+00:00';
    const body = JSON.stringify(inquiry);
    const signed = signRequest({ path: '/ams/api/v1/payments/inquiryPayment', clientId: merchant.clientId, time, body }, merchant.privateKey);
    const docsForm = `algorithm=RSA256, keyVersion=1, signature=${signed.signature.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`;
    const answer = await caller.call('inquiryPayment', inquiry, { signature: docsForm, requestTime: time });
    expect(answer.json.result.resultCode).toBe('ORDER_NOT_EXIST');
  });

  it('PARAM_ILLEGAL for a body that is not JSON, naming bad fields otherwise', async () => {
    const notJson = await caller.call('inquiryPayment', '{not json');
    expect(notJson.json.result.resultCode).toBe('PARAM_ILLEGAL');
    expect(notJson.signature).toBe('verified');

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...caller.sessionBody(), paymentAmount: { currency: 'USD', value: '12.50' } }, 'paymentAmount.value'],
      [{ ...caller.sessionBody(), paymentAmount: { currency: 'USD', value: 1250 } }, 'paymentAmount.value'],
      [{ ...caller.sessionBody(), paymentAmount: { currency: 'XXQ', value: '100' } }, 'paymentAmount.currency'],
      [{ ...caller.sessionBody(), paymentRequestId: 'x'.repeat(65) }, 'paymentRequestId'],
      [{ ...caller.sessionBody(), productCode: 'AGREEMENT_PAYMENT' }, 'productCode'],
      [{ ...caller.sessionBody(), paymentRedirectUrl: undefined }, 'paymentRedirectUrl'],
      [{ ...caller.sessionBody(), settlementStrategy: { settlementCurrency: 'usd' } }, 'settlementStrategy.settlementCurrency'],
      [{ ...caller.sessionBody(), paymentMethod: undefined }, 'paymentMethod'],
      [{ ...caller.sessionBody(), paymentFactor: { isAuthorization: true, captureMode: 'LATER' } }, 'paymentFactor.captureMode'],
      [{ ...caller.sessionBody(), paymentMethod: { paymentMethodType: 7 } }, 'paymentMethod.paymentMethodType'],
      [{ ...caller.sessionBody(), paymentFactor: { isAuthorization: 'yes' } }, 'paymentFactor.isAuthorization'],
      [{ ...caller.sessionBody(), order: 'ORDER-1' }, 'order'],
    ];
    for (const [body, field] of cases) {
      const answer = await caller.call('createPaymentSession', body);
      expect(answer.json.result.resultCode, field).toBe('PARAM_ILLEGAL');
      expect(answer.json.result.resultMessage, field).toContain(field);
      expect(answer.signature).toBe('verified');
    }
    const none = await caller.call('inquiryPayment', {});
    expect(none.json.result.resultMessage).toMatch(/paymentRequestId or paymentId/);
  });

  it('answers paths outside /ams and /__sandbox with a plain 404', async () => {
    const answer = await rawRequest(sandbox.baseUrl, '/favicon.ico', {});
    expect(answer.status).toBe(404);
  });
});
