/**
 * listPayments / exportPayments through the handler table, as every door calls them, over real
 * calls to the embedded sandbox: the list sees what the client and the receiver journaled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorisedPayment, cardSessionBody, startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;
let authorised: { paymentRequestId: string; paymentId: string };
let failedRequestId: string;

beforeAll(async () => {
  kit = await startKit();
  authorised = await authorisedPayment(kit, '2500', 'USD');
  const session = await kit.ok('createPaymentSession', { body: cardSessionBody('700', 'JPY') });
  failedRequestId = session.requestIds.paymentRequestId!;
  await kit.ok('sandboxBuyerAction', { id: failedRequestId, outcome: 'fail' });
  await kit.ok('inquiryPayment', { paymentRequestId: failedRequestId });
}, 60_000);
afterAll(async () => kit.close());

describe('listPayments', () => {
  it('lists both sandbox payments with status, amount, method and profile', async () => {
    const page = await kit.ok('listPayments', { page: { withTotal: true } });
    expect(page.total).toBe(2);
    const auth = page.items.find((p) => p.paymentRequestId === authorised.paymentRequestId)!;
    expect(auth).toMatchObject({ paymentId: authorised.paymentId, status: 'AUTHORISED', amount: { currency: 'USD', value: '2500', display: 'USD 25.00' }, method: 'CARD', lastActor: expect.stringMatching(/^.+@.+$/) });
    expect(auth.profile).toBeTruthy();
    const failed = page.items.find((p) => p.paymentRequestId === failedRequestId)!;
    expect(failed).toMatchObject({ status: 'FAILED', currency: 'JPY' });
    expect(failed.failureCode).toBeTruthy();
    expect(failed.checkedAt).not.toBeNull();
  });

  it('filters by the link params and sorts', async () => {
    expect((await kit.ok('listPayments', { filter: { status: 'FAILED' } })).items.map((p) => p.paymentRequestId)).toEqual([failedRequestId]);
    expect((await kit.ok('listPayments', { filter: { currency: 'USD', min: '25', max: '25.00' } })).items).toHaveLength(1);
    expect((await kit.ok('listPayments', { filter: { min: '25.01' } })).items.map((p) => p.currency)).toEqual(['JPY']);
    expect((await kit.ok('listPayments', { sort: 'amount-asc' })).items.map((p) => p.currency)).toEqual(['USD', 'JPY']);
  });

  it('refuses input the contract does not allow, with a typed error', async () => {
    expect((await kit.fails('listPayments', { filter: { min: '10,50' } })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('listPayments', { filter: { status: 'SUCCESS' } })).code).toBe('VALIDATION_FAILED');
    expect((await kit.fails('listPayments', { page: { cursor: 'not-a-cursor' } })).code).toBe('VALIDATION_FAILED');
    const empty = await kit.fails('listPayments', { filter: { min: '9', max: '1' } });
    expect(empty.message).toContain('minimum is above the maximum');
    expect(empty.hint).toContain('Swap');
  });
});

describe('exportPayments', () => {
  it('returns a named CSV file with one record per payment', async () => {
    const file = await kit.ok('exportPayments', { format: 'csv', filter: { currency: 'USD' } });
    expect(file.filename).toMatch(/^payments-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    expect(file.rows).toBe(1);
    expect(file.content).toContain(authorised.paymentRequestId);
  });
});
