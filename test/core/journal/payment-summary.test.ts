/**
 * The derived summary's rules that need no sandbox: a polling run is one timeline event; a
 * cancel after a SUCCESS notification is history, not a mismatch; a real SUCCESS/FAIL
 * contradiction is flagged with its time in a field, never as raw ISO text in the message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK, OK, call, notification, tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
});
afterEach(() => t.cleanup());

const base = Date.parse('2026-05-01T10:00:00.000Z');
const sec = (s: number): string => new Date(base + s * 1000).toISOString();
const NOW = new Date(base + 3_600_000);
const usd = (value: string) => ({ currency: 'USD', value });

async function paidByNotification(p: string): Promise<void> {
  const rec = t.journal.recorder();
  await rec.record(call('createPaymentSession', sec(0), { productCode: 'CASHIER_PAYMENT', paymentRequestId: `PR-${p}`, order: { referenceOrderId: `ORD-${p}` }, paymentAmount: usd('10000'), paymentMethod: { paymentMethodType: 'CARD' }, paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' } },
    { result: OK, paymentSessionId: `S-${p}`, paymentSessionData: 'data', paymentSessionExpiryTime: sec(3600 * 24) }));
  const ref = await t.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${p}`, paymentId: `PAY-${p}`, paymentAmount: usd('10000'), paymentTime: sec(20), authExpiryTime: '2099-01-01T00:00:00Z' }, sec(21)));
  await t.journal.markAcknowledged(ref.id, ACK);
}

describe('polling runs', () => {
  it('folds 16 polls two seconds apart into one event, and a later run into another', async () => {
    await paidByNotification('P');
    const rec = t.journal.recorder();
    for (let i = 0; i < 16; i++) {
      const status = i < 15 ? 'PROCESSING' : 'SUCCESS';
      await rec.record(call('inquiryPayment', sec(2 + 2 * i), { paymentRequestId: 'PR-P' }, { result: OK, paymentRequestId: 'PR-P', paymentId: 'PAY-P', paymentStatus: status, paymentAmount: usd('10000') }, { trigger: 'poller' }));
    }
    await rec.record(call('inquiryPayment', sec(600), { paymentId: 'PAY-P' }, { result: OK, paymentRequestId: 'PR-P', paymentId: 'PAY-P', paymentStatus: 'SUCCESS', paymentAmount: usd('10000') }));
    const tl = (await t.journal.timeline('PR-P', NOW))!;
    const inquiries = tl.events.filter((e) => e.kind === 'inquiry');
    // The notification at 21 s splits the first run: polls before it, polls after it, then the lone inquiry at 600 s.
    expect(inquiries.map((e) => e.polls?.count ?? 1).reduce((a, b) => a + b, 0)).toBe(17);
    expect(inquiries.length).toBeLessThanOrEqual(3);
    const run = inquiries.find((e) => (e.polls?.count ?? 0) > 1)!;
    expect(run.summary).toMatch(/^polling run: \d+ inquiries/);
    expect(run.polls!.firstAt < run.at).toBe(true);
  });
});

describe('mismatches', () => {
  it('raises none for a cancel after a SUCCESS notification (Antom does not notify cancels)', async () => {
    await paidByNotification('C');
    const rec = t.journal.recorder();
    await rec.record(call('cancel', sec(100), { paymentId: 'PAY-C' }, { result: OK, paymentId: 'PAY-C', cancelTime: sec(100) }));
    await rec.record(call('inquiryPayment', sec(110), { paymentId: 'PAY-C' }, { result: OK, paymentRequestId: 'PR-C', paymentId: 'PAY-C', paymentStatus: 'CANCELLED', paymentAmount: usd('10000') }));
    const tl = (await t.journal.timeline('PAY-C', NOW))!;
    expect(tl.mismatches).toEqual([]);
    expect(tl.summary).toMatchObject({ state: 'CANCELLED', uncaptured: { value: '0' }, released: { value: '10000', display: 'USD 100.00' } });
    expect(tl.money?.uncaptured.value).toBe('0');
  });

  it('flags SUCCESS against FAIL, with the time in `at` and none in the message', async () => {
    await paidByNotification('F');
    await t.journal.recorder().record(call('inquiryPayment', sec(100), { paymentId: 'PAY-F' }, { result: OK, paymentRequestId: 'PR-F', paymentId: 'PAY-F', paymentStatus: 'FAIL', paymentAmount: usd('10000') }));
    const flags = (await t.journal.timeline('PAY-F', NOW))!.mismatches;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'notification-disagrees-with-inquiry', at: sec(100), message: 'The notification says SUCCESS but the latest inquiry says FAIL.' });
  });
});

describe('journal transactions', () => {
  it('lists captures and refunds from calls and notifications without an inquiry', async () => {
    await paidByNotification('T');
    const rec = t.journal.recorder();
    await rec.record(call('capture', sec(50), { captureRequestId: 'CR-T', paymentId: 'PAY-T', captureAmount: usd('6000') }, { result: OK, captureId: 'CAP-T', captureAmount: usd('6000') }));
    await rec.record(call('refund', sec(60), { refundRequestId: 'RR-T', paymentId: 'PAY-T', refundAmount: usd('1000') }, { result: { resultStatus: 'U', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'wait' } }));
    const tl = (await t.journal.timeline('PR-T', NOW))!;
    expect(tl.transactions).toEqual([
      // Antom's captureId names the capture once its answer gave it; the refund has only its request ID yet.
      { transactionType: 'CAPTURE', transactionStatus: 'SUCCESS', transactionId: 'CAP-T', transactionRequestId: 'CR-T', transactionTime: sec(50), transactionAmount: usd('6000') },
      { transactionType: 'REFUND', transactionStatus: 'PROCESSING', transactionId: 'RR-T', transactionRequestId: 'RR-T', transactionTime: sec(60), transactionAmount: usd('1000') },
    ]);
    expect(tl.summary).toMatchObject({ state: 'PARTIALLY_CAPTURED', captured: { value: '6000' }, uncaptured: { value: '4000' }, refunded: { value: '0' } });
  });
});

describe('payment resolution', () => {
  it('never lets a rejected notification join two payments', async () => {
    await paidByNotification('A');
    await paidByNotification('B');
    await t.journal.recorder().record(call('capture', sec(50), { captureRequestId: 'CR-B', paymentId: 'PAY-B', captureAmount: usd('10000') }, { result: OK, captureId: 'CAP-B' }));
    // A forged notifyCapture naming A's paymentId and B's capture.
    await t.journal.storeNotification(notification({ notifyType: 'CAPTURE_RESULT', result: OK, paymentId: 'PAY-A', captureRequestId: 'CR-B', captureId: 'CAP-B', captureAmount: usd('10000') }, sec(60), { verification: 'rejected', rejectReason: 'wrong-key', dedupKey: undefined }));
    const a = (await t.journal.timeline('PR-A', NOW))!;
    expect(a.paymentIds).toEqual(['PAY-A']);
    expect(a.summary).toMatchObject({ state: 'AUTHORISED', captured: { value: '0' } });
    const b = (await t.journal.timeline('PR-B', NOW))!;
    expect(b.paymentIds).toEqual(['PAY-B']);
    expect(b.summary).toMatchObject({ state: 'CAPTURED', captured: { value: '10000' } });
  });
});
