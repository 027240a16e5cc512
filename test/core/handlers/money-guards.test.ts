/**
 * Read-only profiles and production confirmations are enforced in main: a page that skips its
 * own checks still gets a typed refusal, and nothing is signed or sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vectors } from '../../support/signature-vectors';
import { authorisedPayment, cardSessionBody, startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;
let payment: { paymentRequestId: string; paymentId: string };

beforeAll(async () => {
  kit = await startKit();
  payment = await authorisedPayment(kit, '5000');
});
afterAll(async () => kit.close());

describe('read-only profiles', () => {
  it('refuse every money-moving operation and record no call', async () => {
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: true });
    const before = (await kit.core.journal.counts()).calls;
    const attempts: Array<[string, unknown]> = [
      ['createPaymentSession', { body: cardSessionBody('100') }],
      ['capture', { paymentId: payment.paymentId, amount: { currency: 'USD', value: '100' } }],
      ['cancel', { paymentId: payment.paymentId }],
      ['refund', { paymentId: payment.paymentId, amount: { currency: 'USD', value: '100' } }],
      ['sandboxBuyerAction', { id: payment.paymentRequestId, outcome: 'fail' }],
    ];
    for (const [name, input] of attempts) {
      const error = await kit.fails(name as never, input);
      expect(error.code, name).toBe('READ_ONLY');
      expect(error.hint).toMatch(/read-only off|Switch to a profile/);
    }
    expect((await kit.core.journal.counts()).calls).toBe(before);
    // Reading is still allowed.
    const inquiry = await kit.ok('inquiryPayment', { paymentId: payment.paymentId });
    expect(inquiry.resultStatus).toBe('S');
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: false });
  });
});

describe('production profiles', () => {
  beforeAll(async () => {
    // Port 1 refuses connections: an operation that passes the guard fails with NETWORK_ERROR instead.
    await kit.ok('createProfile', { name: 'Prod', environment: 'production', region: 'CUSTOM', baseUrl: 'https://127.0.0.1:1', clientId: 'PROD_CLIENT_1' });
    await kit.ok('importPrivateKey', { profile: 'Prod', keyText: vectors.keys.merchant.privateKeyPkcs8Base64, sessionOnly: true });
    await kit.ok('setActiveProfile', { name: 'Prod' });
  });
  afterAll(async () => {
    await kit.ok('setActiveProfile', { name: 'Embedded sandbox' });
  });

  it('need the amount typed to capture or refund', async () => {
    const amount = { currency: 'USD', value: '1234' };
    const missing = await kit.fails('capture', { paymentId: 'P1', amount });
    expect(missing.code).toBe('VALIDATION_FAILED');
    expect(missing.hint).toContain('12.34');
    const wrong = await kit.fails('refund', { paymentId: 'P1', amount, confirmation: '1234' });
    expect(wrong.code).toBe('VALIDATION_FAILED');
    expect(wrong.message).toContain('does not match');
    expect((await kit.fails('capture', { paymentId: 'P1', amount, confirmation: '12.345' })).code).toBe('VALIDATION_FAILED');
  });

  it('accept the amount as 12.34, USD 12.34 or 12.340-free equivalents, then call Antom', async () => {
    for (const confirmation of ['12.34', 'USD 12.34', ' usd 12.34 ']) {
      const error = await kit.fails('capture', { paymentId: 'P1', amount: { currency: 'USD', value: '1234' }, confirmation });
      expect(error.code, confirmation).toBe('NETWORK_ERROR');
    }
    expect((await kit.fails('refund', { paymentId: 'P1', amount: { currency: 'USD', value: '1230' }, confirmation: '12.3' })).code).toBe('NETWORK_ERROR');
    expect((await kit.fails('refund', { paymentId: 'P1', amount: { currency: 'JPY', value: '1500' }, confirmation: 'JPY 1,500' })).code).toBe('NETWORK_ERROR');
  });

  it('need CANCEL typed to cancel', async () => {
    const error = await kit.fails('cancel', { paymentId: 'P1' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.hint).toContain('CANCEL');
    expect((await kit.fails('cancel', { paymentId: 'P1', confirmation: 'CANCEL' })).code).toBe('NETWORK_ERROR');
  });

  it('refuse the embedded buyer', async () => {
    const error = await kit.fails('sandboxBuyerAction', { id: 'x', outcome: 'success' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.hint).toMatch(/embedded sandbox profile/);
  });
});
