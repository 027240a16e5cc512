/**
 * Contract: a payment's timeline (calls and notifications in time order, derived state, exact
 * money), mismatch flags for one payment and across payments, and the dashboard aggregates.
 */
import { describe, expect, it } from 'vitest';
import { ACK, OK, call, notification } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

const at = (minute: number): string => new Date(Date.UTC(2026, 2, 1, 1, minute)).toISOString();
const NOW = new Date(at(60));

/** A card auth-then-capture flow: session, inquiry, notifyPayment, captures (all but the first notified), a refund. */
async function cardFlow(ctx: ContractContext, currency: string, amount: string, captures: string[], refund: string | undefined, p = 'X'): Promise<void> {
  const rec = ctx.journal.recorder();
  const money = (value: string) => ({ currency, value });
  await rec.record(call('createPaymentSession', at(0), { productCode: 'CASHIER_PAYMENT', paymentRequestId: `PR-${p}`, order: { referenceOrderId: `ORD-${p}` }, paymentAmount: money(amount), paymentMethod: { paymentMethodType: 'CARD' }, paymentFactor: { isAuthorization: true } },
    { result: OK, paymentSessionId: 'sess', paymentSessionData: 'data', paymentSessionExpiryTime: at(60 * 24) }));
  await rec.record(call('inquiryPayment', at(1), { paymentRequestId: `PR-${p}` }, { result: OK, paymentRequestId: `PR-${p}`, paymentId: `PAY-${p}`, paymentStatus: 'PROCESSING', paymentAmount: money(amount) }));
  const ref = await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${p}`, paymentId: `PAY-${p}`, paymentAmount: money(amount), paymentTime: at(2) }, at(2)));
  await ctx.journal.markAcknowledged(ref.id, ACK);
  await rec.record(call('inquiryPayment', at(3), { paymentId: `PAY-${p}` }, { result: OK, paymentRequestId: `PR-${p}`, paymentId: `PAY-${p}`, paymentStatus: 'SUCCESS', paymentAmount: money(amount), paymentTime: at(2) }));
  for (const [i, value] of captures.entries()) {
    await rec.record(call('capture', at(10 + i), { captureRequestId: `CR-${p}-${i}`, paymentId: `PAY-${p}`, captureAmount: money(value) },
      i === 0 ? { result: OK, captureRequestId: `CR-${p}-${i}`, captureId: `CAP-${p}-${i}`, paymentId: `PAY-${p}`, captureAmount: money(value) }
        : { result: { resultStatus: 'U', resultCode: 'CAPTURE_IN_PROCESS', resultMessage: 'later' } }));
    if (i > 0) await ctx.journal.storeNotification(notification({ notifyType: 'CAPTURE_RESULT', result: OK, captureRequestId: `CR-${p}-${i}`, captureId: `CAP-${p}-${i}`, paymentId: `PAY-${p}`, captureAmount: money(value) }, at(11 + i)));
  }
  if (refund) {
    await rec.record(call('refund', at(20), { refundRequestId: `RR-${p}`, paymentId: `PAY-${p}`, refundAmount: money(refund) }, { result: { resultStatus: 'U', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'wait' } }));
    await ctx.journal.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: `RR-${p}`, refundId: `REF-${p}`, refundAmount: money(refund) }, at(21)));
    await rec.record(call('inquiryRefund', at(22), { refundId: `REF-${p}` }, { result: OK, refundId: `REF-${p}`, refundRequestId: `RR-${p}`, refundStatus: 'SUCCESS', refundAmount: money(refund) }));
  }
}

export function timelineContract(ctx: ContractContext): void {
  describe('payment timeline', () => {
    it('tells a JPY card flow in time order with state and exact money', async () => {
      await cardFlow(ctx, 'JPY', '12000', ['5000', '7000'], '3000', 'J');
      const byRequest = (await ctx.journal.timeline('PR-J', NOW))!;
      const byPayment = (await ctx.journal.timeline('PAY-J', NOW))!;
      expect(byPayment).toEqual({ ...byRequest, query: 'PAY-J' });
      expect(byRequest.paymentRequestIds).toEqual(['PR-J']);
      expect(byRequest.paymentIds).toEqual(['PAY-J']);
      expect(byRequest.events.map((e) => e.kind)).toEqual(['session', 'inquiry', 'notification', 'inquiry', 'capture', 'capture', 'notification', 'refund', 'notification', 'refund-inquiry']);
      expect(byRequest.events.map((e) => e.at)).toEqual([...byRequest.events.map((e) => e.at)].sort());
      expect(byRequest.events[0]!.summary).toBe('createPaymentSession JPY 12,000 -> S SUCCESS');
      expect(byRequest.events[2]).toMatchObject({ notifyType: 'PAYMENT_RESULT', acknowledged: true, verification: 'verified', attempts: [{ answerStatus: 200 }] });
      expect(byRequest.state).toBe('PARTIALLY_REFUNDED');
      expect(byRequest.money).toEqual({
        currency: 'JPY',
        authorised: { currency: 'JPY', value: '12000', display: 'JPY 12,000' },
        captured: { currency: 'JPY', value: '12000', display: 'JPY 12,000' },
        refunded: { currency: 'JPY', value: '3000', display: 'JPY 3,000' },
        remaining: { currency: 'JPY', value: '9000', display: 'JPY 9,000' },
        uncaptured: { currency: 'JPY', value: '0', display: 'JPY 0' },
      });
      expect(byRequest.mismatches).toEqual([]);
      expect((await ctx.journal.timeline('ORD-J', NOW))!.state).toBe('PARTIALLY_REFUNDED');
      expect((await ctx.journal.timeline('REF-J', NOW))!.paymentIds).toEqual(['PAY-J']);
    });

    it('tells a USD flow: authorised, then partially captured, captured, refunded', async () => {
      await cardFlow(ctx, 'USD', '1999', ['999'], undefined, 'U');
      const tl = (await ctx.journal.timeline('PAY-U', NOW))!;
      expect(tl.state).toBe('PARTIALLY_CAPTURED');
      expect(tl.money).toMatchObject({ authorised: { value: '1999', display: 'USD 19.99' }, captured: { value: '999', display: 'USD 9.99' }, uncaptured: { value: '1000', display: 'USD 10.00' }, remaining: { value: '999' } });

      await cardFlow(ctx, 'USD', '2500', [], undefined, 'A');
      expect((await ctx.journal.timeline('PAY-A', NOW))!.state).toBe('AUTHORISED');
      await cardFlow(ctx, 'USD', '2500', ['2500'], '2500', 'F');
      const full = (await ctx.journal.timeline('PR-F', NOW))!;
      expect(full.state).toBe('REFUNDED');
      expect(full.money).toMatchObject({ refunded: { value: '2500', display: 'USD 25.00' }, remaining: { value: '0', display: 'USD 0.00' } });
    });

    it('derives CREATED, EXPIRED, PROCESSING, PAID, FAILED, CANCELLED', async () => {
      const rec = ctx.journal.recorder();
      const session = (p: string, expiry: string) => rec.record(call('createPaymentSession', at(0), { paymentRequestId: p, paymentAmount: { currency: 'SGD', value: '500' } }, { result: OK, paymentSessionExpiryTime: expiry }));
      await session('PR-new', at(120));
      await session('PR-old', at(30));
      expect((await ctx.journal.timeline('PR-new', NOW))!.state).toBe('CREATED');
      expect((await ctx.journal.timeline('PR-old', NOW))!.state).toBe('EXPIRED');
      await session('PR-paid', at(120));
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_PENDING', result: OK, paymentRequestId: 'PR-paid', paymentId: 'PAY-paid', paymentAmount: { currency: 'SGD', value: '500' } }, at(1)));
      expect((await ctx.journal.timeline('PR-paid', NOW))!.state).toBe('PROCESSING');
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-paid', paymentId: 'PAY-paid', paymentAmount: { currency: 'SGD', value: '500' } }, at(2)));
      const paid = (await ctx.journal.timeline('PR-paid', NOW))!;
      expect(paid.state).toBe('PAID');
      expect(paid.money).toMatchObject({ authorised: { display: 'SGD 5.00' }, captured: { display: 'SGD 5.00' }, remaining: { display: 'SGD 5.00' } });
      await session('PR-fail', at(120));
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: { resultStatus: 'F', resultCode: 'USER_BALANCE_NOT_ENOUGH', resultMessage: 'x' }, paymentRequestId: 'PR-fail', paymentId: 'PAY-fail', paymentAmount: { currency: 'SGD', value: '500' } }, at(2)));
      expect((await ctx.journal.timeline('PAY-fail', NOW))!.state).toBe('FAILED');
      await session('PR-can', at(120));
      await rec.record(call('cancel', at(5), { paymentRequestId: 'PR-can' }, { result: OK, paymentRequestId: 'PR-can' }));
      expect((await ctx.journal.timeline('PR-can', NOW))!.state).toBe('CANCELLED');
      expect(await ctx.journal.timeline('nothing-here', NOW)).toBeUndefined();
    });

    it('ignores rejected notifications for the state but shows them', async () => {
      const rec = ctx.journal.recorder();
      await rec.record(call('createPaymentSession', at(0), { paymentRequestId: 'PR-R', paymentAmount: { currency: 'EUR', value: '100' } }, { result: OK, paymentSessionExpiryTime: at(120) }));
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-R', paymentId: 'PAY-R', paymentAmount: { currency: 'EUR', value: '100' } }, at(1), { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'x' }));
      const tl = (await ctx.journal.timeline('PR-R', NOW))!;
      expect(tl.state).toBe('CREATED');
      expect(tl.events[1]!.summary).toContain('REJECTED (wrong-key)');
    });
  });

  describe('mismatch flags', () => {
    it('flags a notification whose status or amount disagrees with the latest inquiry', async () => {
      const rec = ctx.journal.recorder();
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-M', paymentId: 'PAY-M', paymentAmount: { currency: 'USD', value: '1000' } }, at(1)));
      await rec.record(call('inquiryPayment', at(2), { paymentId: 'PAY-M' }, { result: OK, paymentRequestId: 'PR-M', paymentId: 'PAY-M', paymentStatus: 'FAIL', paymentAmount: { currency: 'USD', value: '1500' } }));
      const flags = (await ctx.journal.timeline('PAY-M', NOW))!.mismatches;
      expect(flags.map((f) => f.kind)).toEqual(['notification-disagrees-with-inquiry', 'notification-disagrees-with-inquiry']);
      expect(flags[0]!.message).toContain('says SUCCESS but the latest inquiry');
      expect(flags[1]!.message).toContain('USD 10.00 differs from the inquiry\'s USD 15.00');
    });

    it('does not flag an inquiry that was merely early (PROCESSING before the notification)', async () => {
      await cardFlow(ctx, 'USD', '1000', [], undefined, 'E');
      expect((await ctx.journal.timeline('PAY-E', NOW))!.mismatches).toEqual([]);
    });

    it('flags a final payment with no notification after the expected time (setting)', async () => {
      const rec = ctx.journal.recorder();
      await rec.record(call('inquiryPayment', at(0), { paymentRequestId: 'PR-N' }, { result: OK, paymentRequestId: 'PR-N', paymentId: 'PAY-N', paymentStatus: 'SUCCESS', paymentAmount: { currency: 'USD', value: '100' }, paymentTime: at(0) }));
      expect((await ctx.journal.timeline('PR-N', new Date(at(4))))!.mismatches).toEqual([]);
      expect((await ctx.journal.timeline('PR-N', new Date(at(6))))!.mismatches.map((f) => f.kind)).toEqual(['notification-missing']);
      await ctx.journal.setNotificationExpectedMinutes(10);
      expect((await ctx.journal.timeline('PR-N', new Date(at(6))))!.mismatches).toEqual([]);
    });

    it('flags captures above the authorised amount and refunds above what was paid', async () => {
      await cardFlow(ctx, 'JPY', '1000', ['800', '400'], '1500', 'O');
      const kinds = (await ctx.journal.timeline('PAY-O', NOW))!.mismatches.map((f) => f.kind);
      expect(kinds).toEqual(['capture-exceeds-authorised', 'refund-exceeds-paid']);
    });

    it('lists flags across payments', async () => {
      await cardFlow(ctx, 'JPY', '1000', ['800', '400'], undefined, 'G1');
      await cardFlow(ctx, 'JPY', '1000', ['1000'], undefined, 'G2');
      const rec = ctx.journal.recorder();
      await rec.record(call('inquiryPayment', at(0), { paymentRequestId: 'PR-G3' }, { result: OK, paymentRequestId: 'PR-G3', paymentId: 'PAY-G3', paymentStatus: 'SUCCESS', paymentAmount: { currency: 'USD', value: '100' } }));
      const flags = await ctx.journal.mismatches({}, NOW);
      expect(flags.map((f) => `${f.paymentId}:${f.kind}`).sort()).toEqual(['PAY-G1:capture-exceeds-authorised', 'PAY-G3:notification-missing']);
    });

    it('puts a dispute on its payment\'s timeline and finds it by disputeId, filtered by notify type', async () => {
      await cardFlow(ctx, 'EUR', '8000', ['8000'], undefined, 'D');
      const body = JSON.stringify({ paymentRequestId: 'PR-D', disputeId: 'DSP-J-1', paymentId: 'PAY-D', disputeAmount: { value: '8000', currency: 'EUR' },
        disputeNotificationType: 'DISPUTE_JUDGED', disputeJudgedResult: 'ACCEPT_BY_MERCHANT', disputeJudgedAmount: { value: '8000', currency: 'EUR' }, disputeReasonCode: '13.1' });
      const ref = await ctx.journal.storeNotification(notification(body, at(40), {
        notifyType: 'NOTIFY_DISPUTE', status: 'DISPUTE_JUDGED', dedupKey: 'NOTIFY_DISPUTE|DSP-J-1|DISPUTE_JUDGED|ACCEPT_BY_MERCHANT', amountValue: '8000', amountCurrency: 'EUR',
        ids: { paymentRequestId: 'PR-D', paymentId: 'PAY-D', disputeId: 'DSP-J-1' },
      }), ACK);
      const timeline = (await ctx.journal.timeline('DSP-J-1', NOW))!;
      expect(timeline.paymentRequestIds).toEqual(['PR-D']);
      const event = timeline.events[timeline.events.length - 1]!;
      expect(event).toMatchObject({ ref: ref.id, kind: 'notification', notifyType: 'NOTIFY_DISPUTE', status: 'DISPUTE_JUDGED', acknowledged: true });
      expect(event.summary).toBe('notification NOTIFY_DISPUTE, EUR 80.00, dispute DSP-J-1 DISPUTE_JUDGED, judged ACCEPT_BY_MERCHANT, reason 13.1, verified, acknowledged');
      // The dispute is told, not counted: the payment's own money is unchanged.
      expect(timeline.money).toEqual((await ctx.journal.timeline('PAY-D', NOW))!.money);
      // The disputeId resolves to its payment, and then to everything of that payment.
      const found = await ctx.journal.findById('DSP-J-1');
      expect(found.payments).toEqual([{ paymentRequestId: 'PR-D', paymentId: 'PAY-D' }]);
      expect(found.notifications.map((n) => n.id)).toContain(ref.id);
      expect(found.notifications.length).toBeGreaterThan(1);
      expect((await ctx.journal.listNotifications({ notifyType: 'NOTIFY_DISPUTE' })).items.map((n) => n.disputeId)).toEqual(['DSP-J-1']);
      expect((await ctx.journal.listNotifications({ notifyType: ['PAYMENT_RESULT'] })).items.every((n) => n.notifyType === 'PAYMENT_RESULT')).toBe(true);
    });
  });

  describe('dashboard aggregates', () => {
    it('counts authorisations and captures in the range, and lists payments that may await capture', async () => {
      await cardFlow(ctx, 'USD', '2500', [], undefined, 'A');
      await cardFlow(ctx, 'USD', '2500', ['2500'], undefined, 'C');
      const stats = await ctx.journal.overview({ since: at(0), until: at(60), buckets: 6 });
      expect(stats).toMatchObject({ paymentsByStatus: [{ status: 'AUTHORISED', count: 1 }, { status: 'CAPTURED', count: 1 }], authorisations: 2, capturedAuthorisations: 1, captureRate: 0.5, callsTotal: 7 });
      expect(stats.latency).toHaveLength(6);
      expect(await ctx.journal.overview({ since: at(120), until: at(180) })).toMatchObject({ paymentsByStatus: [], authorisations: 0, captureRate: null, callsTotal: 0 });
      await expect(ctx.journal.overview({ since: 'then', until: at(60) })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      // Counted by creation, as the Payments list filters: a window that starts after the payments
      // were created, though it holds C's capture, counts no payment (its drill-down lists none).
      const later = await ctx.journal.overview({ since: at(3), until: at(60) });
      expect(later.paymentsByStatus).toEqual([]);
      expect(later.callsTotal).toBeGreaterThan(0);
      expect((await ctx.journal.listPayments({ since: at(3), until: at(60) })).items).toEqual([]);
      expect((await ctx.journal.listPayments({ since: at(0), until: at(60) })).items).toHaveLength(2);
      const candidates = await ctx.journal.awaitingCaptureCandidates();
      expect(candidates.map((c) => c.key).sort()).toEqual(['PR-A', 'PR-C']);
      expect(await ctx.journal.awaitingCaptureCandidates(1)).toHaveLength(1);
    });
  });
}
