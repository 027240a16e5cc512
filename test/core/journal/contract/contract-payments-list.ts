/**
 * Contract: the Payments list (issue 9 §1). Every payment the journal knows has one row in the
 * `payments` summary table, a cache of summarisePayment's result refreshed in the same
 * transaction as each write that touches the payment; filters, every sort paged by keyset,
 * payments merged by their IDs, export and prune, the same on every engine.
 */
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../../src-main/core/client/call-record';
import { ConsoleError } from '../../../../src-shared/errors';
import type { PaymentListFilter, PaymentListItem, PaymentSort } from '../../../../src-shared/payments-list';
import { PAYMENT_SORTS } from '../../../../src-shared/payments-list';
import { ACK, OK, call, notification } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

/** Writes a call and fails the case if the write (or its payment's refresh) fails: the recorder would only report it. */
function recorder(ctx: ContractContext): { record(c: CallRecord): Promise<void> } {
  return { record: async (c) => { await ctx.journal.recordCall(c); } };
}

export function paymentsListContract(ctx: ContractContext): void {
  const at = (minute: number): string => new Date(Date.UTC(2026, 2, 1, 1, minute)).toISOString();
  const NOW = new Date(at(600));

  const CURRENCIES = ['USD', 'JPY', 'EUR', 'KWD'] as const;
  const METHODS = ['CARD', 'ALIPAY_CN', 'GCASH'] as const;

  /** n payments: a session each (amount i+1 display units), every third paid by notification, every fifth failed. */
  async function fill(n: number): Promise<void> {
    const rec = recorder(ctx);
    for (let i = 0; i < n; i++) {
      const currency = CURRENCIES[i % CURRENCIES.length]!;
      const exponent = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
      const money = { currency, value: String((i + 1) * 10 ** exponent) };
      const pr = `PR-${String(i).padStart(4, '0')}`;
      await rec.record(call('createPaymentSession', at(i % 500), { paymentRequestId: pr, paymentAmount: money, paymentMethod: { paymentMethodType: METHODS[i % METHODS.length] } },
        { result: OK, paymentSessionExpiryTime: at(900) }, { profile: i % 2 === 0 ? 'sandbox-jp' : 'sandbox-us' }));
      if (i % 3 === 0) {
        await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: pr, paymentId: `PAY-${i}`, paymentAmount: money }, at((i % 500) + 1)));
      } else if (i % 5 === 0) {
        await rec.record(call('inquiryPayment', at((i % 500) + 2), { paymentRequestId: pr },
          { result: OK, paymentRequestId: pr, paymentId: `PAY-${i}`, paymentStatus: 'FAIL', paymentResultCode: 'USER_BALANCE_NOT_ENOUGH', paymentAmount: money }, { trigger: 'poller' }));
      }
    }
  }

  async function all(filter: PaymentListFilter = {}, sort: PaymentSort = 'created-desc', limit = 7): Promise<PaymentListItem[]> {
    const out: PaymentListItem[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 1000; guard++) {
      const page = await ctx.journal.listPayments(filter, sort, { limit, ...(cursor ? { cursor } : {}) }, NOW);
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return out;
      expect(page.items).toHaveLength(limit);
    }
    throw new Error('paging did not end');
  }

  describe('payments list', () => {
    it('shows a card payment with its derived status, money, method, dispute count and last actor', async () => {
      const rec = recorder(ctx);
      const usd = (value: string) => ({ currency: 'USD', value });
      await rec.record(call('createPaymentSession', at(0), { paymentRequestId: 'PR-C', paymentAmount: usd('10000'), paymentMethod: { paymentMethodType: 'CARD' }, paymentFactor: { isAuthorization: true } },
        { result: OK, paymentSessionExpiryTime: at(60) }));
      const n = await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-C', paymentId: 'PAY-C', paymentAmount: usd('10000') }, at(1)));
      await ctx.journal.markAcknowledged(n.id, ACK);
      await rec.record(call('capture', at(2), { captureRequestId: 'CR-C', paymentId: 'PAY-C', captureAmount: usd('6000') }, { result: OK, captureRequestId: 'CR-C', captureId: 'CAP-C', paymentId: 'PAY-C', captureAmount: usd('6000') }));
      await rec.record(call('refund', at(3), { refundRequestId: 'RR-C', paymentId: 'PAY-C', refundAmount: usd('1000') }, { result: { resultStatus: 'U', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'wait' } }));
      await ctx.journal.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-C', refundId: 'REF-C', refundAmount: usd('1000') }, at(4)));

      const page = await ctx.journal.listPayments({}, undefined, { withTotal: true }, NOW);
      expect(page.total).toBe(1);
      expect(page.items).toEqual([{
        key: 'PR-C', paymentRequestId: 'PR-C', paymentId: 'PAY-C', status: 'PARTIALLY_REFUNDED',
        amount: { currency: 'USD', value: '10000', display: 'USD 100.00' }, currency: 'USD', method: 'CARD',
        createdAt: at(0), updatedAt: at(4),
        captured: { currency: 'USD', value: '6000', display: 'USD 60.00' }, refunded: { currency: 'USD', value: '1000', display: 'USD 10.00' },
        disputes: 0, profile: 'sandbox-jp', lastActor: 'antom', failureCode: null, checkedAt: null,
      }]);
      // Same derivation as the detail.
      expect((await ctx.journal.timeline('PR-C', NOW))!.state).toBe(page.items[0]!.status);

      await rec.record(call('cancel', at(5), { paymentId: 'PAY-C' }, { result: OK, paymentId: 'PAY-C' }, { trigger: 'cli' }));
      const after = (await ctx.journal.listPayments({}, undefined, {}, NOW)).items[0]!;
      expect(after).toMatchObject({ status: 'CANCELLED', lastActor: 'cli', updatedAt: at(5) });
    });

    it('keeps one row for a payment first seen by its paymentId and later by its paymentRequestId', async () => {
      const rec = recorder(ctx);
      await rec.record(call('capture', at(0), { captureRequestId: 'CR-L', paymentId: 'PAY-L', captureAmount: { currency: 'EUR', value: '500' } }, { result: OK, captureId: 'CAP-L', paymentId: 'PAY-L' }));
      expect((await ctx.journal.listPayments({}, undefined, {}, NOW)).items.map((p) => p.key)).toEqual(['PAY-L']);
      await rec.record(call('inquiryPayment', at(1), { paymentId: 'PAY-L' }, { result: OK, paymentRequestId: 'PR-L', paymentId: 'PAY-L', paymentStatus: 'SUCCESS', paymentAmount: { currency: 'EUR', value: '500' } }));
      const items = (await ctx.journal.listPayments({}, undefined, {}, NOW)).items;
      expect(items.map((p) => [p.key, p.paymentId, p.status, p.checkedAt])).toEqual([['PR-L', 'PAY-L', 'CAPTURED', at(1)]]);
    });

    it('merges two rows into one payment when a later record links their IDs (and reads the same through another connection)', async () => {
      const rec = recorder(ctx);
      const jpy = { currency: 'JPY', value: '5000' };
      // A capture known only by paymentId, and a session known only by paymentRequestId: two payments so far.
      await rec.record(call('createPaymentSession', at(0), { paymentRequestId: 'PR-M', paymentAmount: jpy, paymentFactor: { isAuthorization: true } }, { result: OK, paymentSessionExpiryTime: at(60) }));
      await rec.record(call('capture', at(2), { captureRequestId: 'CR-M', paymentId: 'PAY-M', captureAmount: jpy }, { result: OK, captureId: 'CAP-M', paymentId: 'PAY-M' }));
      expect((await ctx.journal.listPayments({}, 'created-asc', {}, NOW)).items.map((p) => p.key)).toEqual(['PR-M', 'PAY-M']);
      // The payment's notification names both: one row, keyed by the paymentRequestId, derived from all three records.
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-M', paymentId: 'PAY-M', paymentAmount: jpy }, at(1)));
      const other = await ctx.second();
      const page = await other.listPayments({}, undefined, { withTotal: true }, NOW);
      expect(page.total).toBe(1);
      expect(page.items.map((p) => [p.key, p.paymentId, p.status, p.captured?.display])).toEqual([['PR-M', 'PAY-M', 'CAPTURED', 'JPY 5,000']]);
      expect((await ctx.journal.timeline('PAY-M', NOW))!.summary.state).toBe('CAPTURED');
    });

    it('keeps every payment right when two journals on one store write the same payments at once', async () => {
      const other = await ctx.second();
      const usd = { currency: 'USD', value: '2500' };
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 8; i++) {
        const pr = `PR-Z${i}`;
        writes.push(ctx.journal.recordCall(call('createPaymentSession', at(i), { paymentRequestId: pr, paymentAmount: usd, paymentFactor: { isAuthorization: true } }, { result: OK, paymentSessionExpiryTime: at(300) })));
        writes.push(other.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: pr, paymentId: `PAY-Z${i}`, paymentAmount: usd }, at(i + 1))));
        writes.push(other.recordCall(call('capture', at(i + 2), { captureRequestId: `CR-Z${i}`, paymentId: `PAY-Z${i}`, captureAmount: { currency: 'USD', value: '1000' } }, { result: OK, captureId: `CAP-Z${i}`, paymentId: `PAY-Z${i}` })));
      }
      await Promise.all(writes);
      const items = (await ctx.journal.listPayments({}, 'created-asc', { withTotal: true }, NOW)).items;
      expect(items.map((p) => [p.key, p.status, p.captured?.value])).toEqual(Array.from({ length: 8 }, (_, i) => [`PR-Z${i}`, 'PARTIALLY_CAPTURED', '1000']));
    });

    it('queues the payments stored notifications name, derives them when the queue is drained, and lands a refund without payment IDs on its payment', async () => {
      const usd = (value: string) => ({ currency: 'USD', value });
      // A call refreshes its payment in its own transaction: the operator's own action shows at once.
      await ctx.journal.recordCall(call('createPaymentSession', at(0), { paymentRequestId: 'PR-R', paymentAmount: usd('5000') }, { result: OK, paymentSessionExpiryTime: at(900) }));
      await ctx.journal.recordCall(call('refund', at(3), { refundRequestId: 'RR-R', paymentId: 'PAY-R', refundAmount: usd('1000') }, { result: { resultStatus: 'U', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'wait' } }));
      const raw = async () => (await ctx.rawPayments())?.map((r) => [r.key, r.status, r.refunded_value]);
      const before = await raw();
      // Notifications only queue their payments: the rows are what the calls left.
      await ctx.journal.storeNotifications([
        notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-Q1', paymentId: 'PAY-Q1', paymentAmount: usd('100') }, at(1)),
        notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-Q2', paymentId: 'PAY-Q2', paymentAmount: usd('200') }, at(1)),
        notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-R', paymentId: 'PAY-R', paymentAmount: usd('5000') }, at(2)),
      ], [ACK, ACK, ACK]);
      // A refund notification names only the refund's IDs; the refund call links them to PAY-R.
      await ctx.journal.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-R', refundId: 'REF-R', refundAmount: usd('1000') }, at(4)));
      if (before !== undefined) {
        expect(await raw()).toEqual(before);
        expect(before.map((r) => r[0])).not.toContain('PR-Q1');
      }
      // Four queued (three payments, one refund seed): a bounded chunk, then the rest, then nothing.
      expect(await ctx.journal.refreshQueuedPayments(1, NOW)).toBe(1);
      expect(await ctx.journal.refreshQueuedPayments(100, NOW)).toBe(3);
      expect(await ctx.journal.refreshQueuedPayments(100, NOW)).toBe(0);
      const expected = [['PR-Q1', 'PAID', '0'], ['PR-Q2', 'PAID', '0'], ['PR-R', 'PARTIALLY_REFUNDED', '1000']];
      if (before !== undefined) expect(await raw()).toEqual(expected);
      const items = (await ctx.journal.listPayments({}, undefined, {}, NOW)).items;
      expect(items.map((p) => [p.key, p.status, p.refunded?.value ?? null]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual(expected);
    });

    it('a list read drains what the queue still holds, refund seeds included', async () => {
      const usd = (value: string) => ({ currency: 'USD', value });
      await ctx.journal.recordCall(call('refund', at(3), { refundRequestId: 'RR-S', paymentId: 'PAY-S', refundAmount: usd('300') }, { result: { resultStatus: 'U', resultCode: 'REFUND_IN_PROCESS', resultMessage: 'wait' } }));
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-S', paymentId: 'PAY-S', paymentAmount: usd('900') }, at(2)));
      await ctx.journal.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-S', refundId: 'REF-S', refundAmount: usd('300') }, at(4)));
      const items = (await ctx.journal.listPayments({}, undefined, { withTotal: true }, NOW)).items;
      expect(items.map((p) => [p.key, p.status, p.refunded?.value])).toEqual([['PR-S', 'PARTIALLY_REFUNDED', '300']]);
      expect(await ctx.journal.refreshQueuedPayments(100, NOW)).toBe(0);
    });

    it('adds no payment for a rejected notification, and turns a session EXPIRED when its time passes', async () => {
      await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-X', paymentId: 'PAY-X', paymentAmount: { currency: 'USD', value: '1' } }, at(0),
        { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'forged?' }));
      expect((await ctx.journal.listPayments({}, undefined, {}, NOW)).items).toEqual([]);
      await ctx.journal.recorder().record(call('createPaymentSession', at(0), { paymentRequestId: 'PR-E', paymentAmount: { currency: 'USD', value: '100' } }, { result: OK, paymentSessionExpiryTime: at(30) }));
      expect((await ctx.journal.listPayments({}, undefined, {}, new Date(at(10)))).items[0]!.status).toBe('CREATED');
      expect((await ctx.journal.listPayments({}, undefined, {}, new Date(at(31)))).items[0]!.status).toBe('EXPIRED');
    });

    it('filters by status, dates, amount range, currency, method and profile', async () => {
      await fill(120);
      const keys = async (filter: PaymentListFilter) => (await all(filter)).map((p) => p.key);
      const everything = await all();
      expect(everything).toHaveLength(120);

      const paid = await all({ status: 'PAID' });
      expect(paid.map((p) => p.key).sort()).toEqual(everything.filter((_, i, a) => Number(a[i]!.key.slice(3)) % 3 === 0).map((p) => p.key).sort());
      expect(paid.every((p) => p.status === 'PAID' && p.lastActor === 'antom')).toBe(true);
      const failed = await all({ status: 'FAILED' });
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((p) => p.failureCode === 'USER_BALANCE_NOT_ENOUGH' && p.lastActor === 'poller')).toBe(true);
      expect((await keys({ status: ['PAID', 'FAILED'] })).sort()).toEqual([...paid, ...failed].map((p) => p.key).sort());

      const inRange = await all({ since: at(10), until: at(20) });
      expect(inRange.map((p) => p.createdAt).every((c) => c >= at(10) && c < at(20))).toBe(true);
      expect(inRange).toHaveLength(10);

      // Amount i+1 display units whatever the currency: 5..9 inclusive is five payments.
      expect((await all({ min: '5', max: '9' })).map((p) => p.key).sort()).toEqual(['PR-0004', 'PR-0005', 'PR-0006', 'PR-0007', 'PR-0008']);
      expect(await keys({ min: '4.5', max: '5', currency: 'USD' })).toEqual(['PR-0004']);
      const jpy = await all({ currency: 'JPY', min: '100' });
      expect(jpy.every((p) => p.currency === 'JPY' && BigInt(p.amount!.value) >= 100n)).toBe(true);
      expect(jpy).toHaveLength(5); // i+1 in 101..120 with i % 4 === 1
      expect((await all({ method: 'GCASH' })).every((p) => p.method === 'GCASH')).toBe(true);
      expect(await all({ method: 'GCASH' })).toHaveLength(40);
      expect(await all({ profile: 'sandbox-us' })).toHaveLength(60);
      expect(await all({ profile: 'sandbox-us', method: 'CARD', currency: 'JPY' })).toHaveLength(everything.filter((p) => p.profile === 'sandbox-us' && p.method === 'CARD' && p.currency === 'JPY').length);
    });

    it('pages every sort with keyset cursors: the pages concatenate to the full order with no row twice', async () => {
      await fill(90);
      for (const sort of PAYMENT_SORTS) {
        const paged = await all({}, sort, 8);
        const whole = (await ctx.journal.listPayments({}, sort, { limit: 500 }, NOW)).items;
        expect(paged.map((p) => p.key)).toEqual(whole.map((p) => p.key));
        expect(new Set(paged.map((p) => p.key)).size).toBe(90);
        const [by, dir] = sort.split('-');
        const value = (p: PaymentListItem): number | string => by === 'amount' ? Number(p.amount!.value) * 10 ** (3 - ({ JPY: 0, KWD: 3 }[p.currency!] ?? 2)) : by === 'created' ? p.createdAt : p.updatedAt;
        for (let i = 1; i < paged.length; i++) {
          const a = value(paged[i - 1]!);
          const b = value(paged[i]!);
          if (dir === 'desc') expect(a >= b).toBe(true);
          else expect(a <= b).toBe(true);
        }
      }
    });

    it('skips from a cursor for a scrollbar jump, and refuses a cursor of another sort', async () => {
      await fill(60);
      const whole = (await ctx.journal.listPayments({}, 'created-asc', { limit: 500 }, NOW)).items;
      const first = await ctx.journal.listPayments({}, 'created-asc', { limit: 10 }, NOW);
      const jumped = await ctx.journal.listPayments({}, 'created-asc', { limit: 10, cursor: first.nextCursor!, skip: 25 }, NOW);
      expect(jumped.items.map((p) => p.key)).toEqual(whole.slice(35, 45).map((p) => p.key));
      const amountPage = await ctx.journal.listPayments({}, 'amount-desc', { limit: 10 }, NOW);
      await expect(ctx.journal.listPayments({}, 'created-asc', { cursor: amountPage.nextCursor! }, NOW)).rejects.toBeInstanceOf(ConsoleError);
      await expect(ctx.journal.listPayments({ min: '10', max: '5' }, undefined, {}, NOW)).rejects.toThrow(/minimum is above the maximum/);
    });

    it('exports the filtered list as CSV in list order', async () => {
      await fill(12);
      const csv = await ctx.journal.exportPayments({ currency: 'USD' }, 'amount-asc', 'csv', NOW);
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('paymentRequestId,paymentId,status,currency,amountValue,amountDisplay,method,createdAt,updatedAt,capturedValue,refundedValue,disputes,profile,lastActor,failureCode');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['PR-0000', 'PR-0004', 'PR-0008']);
      expect(lines[1]).toContain(',PAID,USD,100,USD 1.00,CARD,');
      const json = JSON.parse(await ctx.journal.exportPayments({ status: 'FAILED' }, undefined, 'json', NOW)) as { status: string }[];
      expect(json.every((r) => r.status === 'FAILED')).toBe(true);
    });

    it('drops payments whose rows were all pruned', async () => {
      await fill(6);
      await ctx.journal.prune({ olderThanDays: 1, now: new Date(Date.UTC(2026, 3, 1)) });
      expect((await ctx.journal.listPayments({}, undefined, { withTotal: true }, NOW)).total).toBe(0);
    });
  });
}
