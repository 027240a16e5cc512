/**
 * Every operation's happy path against a real core (embedded sandbox, receiver, SQLite journal)
 * and one failure each, through dispatchOperation as the doors call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorisedPayment, cardSessionBody, startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => kit.close());

describe('status, profiles and settings', () => {
  it('reports the door, the sandbox and the receiver', async () => {
    const status = await kit.ok('getAppStatus', {});
    expect(status.door).toBe('electron');
    expect(status.sandbox.running).toBe(true);
    expect(status.receiver.running).toBe(true);
    expect(status.activeProfile?.environment).toBe('embedded');
    expect(status.activeProfile?.baseUrl).toBe(kit.core.sandbox?.baseUrl);
  });

  it('creates, keys, switches and deletes a sandbox profile; key material never comes back', async () => {
    const created = await kit.ok('createProfile', { name: 'Acme SG', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_ACME' });
    expect(created.profile.keyStorage).toBe('missing');
    const generated = await kit.ok('generateKeyPair', { profile: 'Acme SG', sessionOnly: true });
    expect(generated.merchantPublicKeyPem).toContain('BEGIN PUBLIC KEY');
    expect(JSON.stringify(await kit.ok('listProfiles', {}))).not.toMatch(/PRIVATE/);
    expect((await kit.ok('setActiveProfile', { name: 'Acme SG' })).active).toBe(true);
    await kit.ok('setActiveProfile', { name: 'Embedded sandbox' });
    expect(await kit.ok('deleteProfile', { name: 'Acme SG' })).toEqual({ deleted: 'Acme SG' });
    expect((await kit.fails('setActiveProfile', { name: 'Acme SG' })).code).toBe('PROFILE_NOT_FOUND');
  });

  it('shows and changes journal settings', async () => {
    const info = await kit.ok('setRetentionDays', { days: 30 });
    expect(info.retentionDays).toBe(30);
    expect(info.file).toMatch(/journal\.sqlite3$/);
    expect(info.fileBytes).toBeGreaterThan(0);
    expect((await kit.ok('getJournalInfo', {})).retentionDays).toBe(30);
    expect((await kit.fails('setRetentionDays', { days: 0 })).code).toBe('VALIDATION_FAILED');
  });
});

describe('payments on the embedded sandbox', () => {
  let payment: { paymentRequestId: string; paymentId: string };
  beforeAll(async () => {
    payment = await authorisedPayment(kit, '10000');
  });

  it('lists a partly captured authorisation with what is left, and drops it once fully captured', async () => {
    const first = await kit.ok('capture', { paymentId: payment.paymentId, amount: { currency: 'USD', value: '2500' } });
    expect(first.resultStatus).toBe('S');
    let awaiting = (await kit.ok('listAwaitingCapture', {})).find((a) => a.paymentId === payment.paymentId);
    expect(awaiting?.captured.value).toBe('2500');
    expect(awaiting?.uncaptured).toEqual({ currency: 'USD', value: '7500', display: 'USD 75.00' });
    expect(awaiting?.authExpiryTime).toBeTruthy();

    await kit.ok('capture', { paymentId: payment.paymentId, amount: { currency: 'USD', value: '7500' }, isLastCapture: true });
    awaiting = (await kit.ok('listAwaitingCapture', {})).find((a) => a.paymentId === payment.paymentId);
    expect(awaiting).toBeUndefined();
  });

  it('refunds and inquires the refund', async () => {
    const refund = await kit.ok('refund', { paymentId: payment.paymentId, amount: { currency: 'USD', value: '1000' }, refundReason: 'test' });
    expect(refund.resultStatus).toBe('S');
    const refundRequestId = refund.requestIds.refundRequestId!;
    const inquiry = await kit.ok('inquiryRefund', { refundRequestId });
    expect(inquiry.resultStatus).toBe('S');
    expect((await kit.fails('inquiryRefund', {})).code).toBe('VALIDATION_FAILED');
  });

  it('records who polled', async () => {
    await kit.ok('inquiryPayment', { paymentId: payment.paymentId, trigger: 'poller' });
    const polled = await kit.ok('listCalls', { filter: { trigger: 'poller' } });
    expect(polled.items.length).toBe(1);
    expect(polled.items[0]?.paymentId).toBe(payment.paymentId);
    const detail = await kit.ok('getCall', { id: polled.items[0]!.id });
    expect(detail.requestBody).toContain(payment.paymentId);
    expect((await kit.fails('getCall', { id: 999_999 })).code).toBe('NOT_FOUND');
    expect((await kit.fails('inquiryPayment', {})).code).toBe('VALIDATION_FAILED');
  });

  it('cancels an open session', async () => {
    const session = await kit.ok('createPaymentSession', { body: cardSessionBody('700') });
    const cancel = await kit.ok('cancel', { paymentRequestId: session.requestIds.paymentRequestId! });
    expect(cancel.resultStatus).toBe('S');
    expect((await kit.fails('cancel', {})).code).toBe('VALIDATION_FAILED');
  });

  it('reads the whole story on the timeline and by any ID', async () => {
    await kit.core.sandbox!.control.notificationsSettled();
    const timeline = await kit.ok('getTimeline', { id: payment.paymentRequestId });
    expect(timeline?.paymentIds).toContain(payment.paymentId);
    expect(timeline?.state).toBe('PARTIALLY_REFUNDED');
    expect(timeline?.money?.captured.value).toBe('10000');
    expect(timeline?.money?.refunded.value).toBe('1000');
    expect(await kit.ok('getTimeline', { id: 'NO-SUCH-ID' })).toBeNull();
    const found = await kit.ok('findById', { id: payment.paymentId });
    expect(found.payments).toEqual([{ paymentRequestId: payment.paymentRequestId, paymentId: payment.paymentId }]);
    expect(Array.isArray(await kit.ok('listMismatches', {}))).toBe(true);
  });

  it('lists notifications and shows one without its raw bytes', async () => {
    const page = await kit.ok('listNotifications', { filter: { anyId: payment.paymentId, notifyType: 'PAYMENT_RESULT' } });
    expect(page.items.length).toBeGreaterThan(0);
    const detail = await kit.ok('getNotification', { id: page.items[0]!.id });
    expect(detail).not.toHaveProperty('rawBody');
    expect(detail.body).toContain(payment.paymentId);
    expect(detail.verification).toBe('verified');
    expect((await kit.fails('getNotification', { id: 999_999 })).code).toBe('NOT_FOUND');
  });

  it('exports notifications and calls as named files with row counts', async () => {
    const csv = await kit.ok('exportNotifications', { format: 'csv' });
    expect(csv.filename).toMatch(/^notifications-\d{4}-\d{2}-\d{2}T\d{4}\.csv$/);
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.rows).toBe((await kit.core.journal.counts()).notifications);
    const json = await kit.ok('exportCalls', { format: 'json', filter: { api: 'capture' } });
    expect(json.filename).toMatch(/^calls-.*\.json$/);
    expect(json.rows).toBe((JSON.parse(json.content) as unknown[]).length);
    expect(json.rows).toBe(2);
  });

  it('acts as the buyer only on a payment the sandbox knows', async () => {
    const error = await kit.fails('sandboxBuyerAction', { id: 'PAY-UNKNOWN', outcome: 'success' });
    expect(error.code).toBe('NOT_FOUND');
    const badCode = await kit.fails('sandboxBuyerAction', { id: 'PAY-UNKNOWN', outcome: 'fail', resultCode: 'not a code' });
    expect(badCode.code).toBe('VALIDATION_FAILED');
    expect(`${badCode.message} ${badCode.hint ?? ''}`).toMatch(/Antom result code/);
  });

  it('prunes nothing recent', async () => {
    const pruned = await kit.ok('pruneJournal', { olderThanDays: 1 });
    expect(pruned.calls).toBe(0);
  });
});
