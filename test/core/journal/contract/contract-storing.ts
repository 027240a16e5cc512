/**
 * Contract: storing notifications. Exact bytes, redaction, duplicates folded into attempts of the
 * first (by the database, within a batch and across batches), rejects kept apart, answers
 * recorded with the row and withdrawn, batches all-or-nothing, search, queries by every filter
 * and any ID, the retry schedule read from stored attempts, replays.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReceivedNotification } from '../../../../src-main/core/journal/journal-types';
import { ACK, OK, notification } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

const paid = (paymentId: string, extra: Record<string, unknown> = {}) => ({
  notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${paymentId}`, paymentId,
  paymentAmount: { value: '8000', currency: 'EUR' }, paymentCreateTime: '2026-03-01T10:00:00+08:00', paymentTime: '2026-03-01T10:00:05+08:00', ...extra,
});

const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

export function storingContract(ctx: ContractContext): void {
  describe('storing notifications', () => {
    it('keeps the exact received bytes and headers when the body has no personal data', async () => {
      const n = notification(paid('P-1'), '2026-03-01T02:00:06.000Z');
      const ref = await ctx.journal.storeNotification(n);
      expect(ref).toMatchObject({ attempts: 1, duplicateOf: undefined });
      await ctx.reopen(); // committed, not just cached
      const stored = (await ctx.journal.getNotification(ref.id))!;
      expect(stored.rawBody.equals(n.rawBody)).toBe(true);
      expect(stored.bodyExact).toBe(true);
      expect(stored.bodySha256).toBe(createHash('sha256').update(n.rawBody).digest('hex'));
      expect(stored.contentVerified).toBe(n.contentVerified);
      expect(stored.headers['request-time']).toBe(n.headers['request-time']);
      expect(stored).toMatchObject({ notifyType: 'PAYMENT_RESULT', verification: 'verified', paymentId: 'P-1', paymentRequestId: 'PR-P-1', status: 'SUCCESS', amount: { value: '8000', currency: 'EUR' }, acknowledged: false });
    });

    it('stores a redacted body with the hash of the original when personal data is present', async () => {
      const n = notification(paid('P-2', { pspCustomerInfo: { pspName: 'ALIPAY_CN' }, buyerEmail: 'lin@example.cn', cardholderName: 'Lin Wei' }), '2026-03-01T02:00:06.000Z');
      const ref = await ctx.journal.storeNotification(n);
      const stored = (await ctx.journal.getNotification(ref.id))!;
      expect(stored.bodyExact).toBe(false);
      expect(stored.bodySha256).toBe(createHash('sha256').update(n.rawBody).digest('hex'));
      expect(stored.body).toContain('"buyerEmail":"***@example.cn"');
      expect(stored.body).toContain('"cardholderName":"L** W**"');
      expect(stored.contentVerified).toContain('***@example.cn');
      expect(stored.contentVerified).not.toContain('lin@example.cn');
      expect(stored.verification).toBe('verified');
    });

    it('folds duplicates into attempts of the first: one logical row, attempts counted, never a second row', async () => {
      const first = await ctx.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:00:00.000Z'));
      await ctx.journal.markAcknowledged(first.id, { ...ACK, sentAt: '2026-03-01T02:00:00.010Z' }, first.attemptId);
      const again = await ctx.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:02:00.000Z'));
      const third = await ctx.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:12:00.000Z'));
      expect(again).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 2 });
      expect(third).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 3 });
      const list = (await ctx.journal.listNotifications({ anyId: 'P-3' })).items;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ attempts: 3, receivedAt: '2026-03-01T02:00:00.000Z', lastSeenAt: '2026-03-01T02:12:00.000Z', acknowledged: true, duplicateOf: null });
      const detail = (await ctx.journal.getNotification(first.id))!;
      expect(detail.attemptList.map((a) => a.receivedAt)).toEqual(['2026-03-01T02:00:00.000Z', '2026-03-01T02:02:00.000Z', '2026-03-01T02:12:00.000Z']);
      expect(detail.attemptList[0]).toMatchObject({ answerStatus: 200, answeredAt: '2026-03-01T02:00:00.010Z' });
    });

    it('folds a resend that reaches another journal on the same store into the first', async () => {
      // Two receivers on one store: de-duplication lives in the database, not in a process.
      const other = await ctx.second();
      const first = await ctx.journal.storeNotification(notification(paid('P-X'), '2026-03-01T02:00:00.000Z'));
      const again = await other.storeNotification(notification(paid('P-X'), '2026-03-01T02:02:00.000Z'));
      const [third, fourth] = await Promise.all([
        ctx.journal.storeNotifications([notification(paid('P-X'), '2026-03-01T02:12:00.000Z')]),
        other.storeNotifications([notification(paid('P-X'), '2026-03-01T02:12:00.001Z')]),
      ]);
      expect(again).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 2 });
      expect([third![0]!.duplicateOf, fourth![0]!.duplicateOf]).toEqual([first.id, first.id]);
      expect((await ctx.journal.counts()).notifications).toBe(1);
      expect((await other.getNotification(first.id))!.attempts).toBe(4);
    });

    it('a different status for the same payment is a new notification, not a duplicate', async () => {
      const pending = await ctx.journal.storeNotification(notification({ ...paid('P-4'), notifyType: 'PAYMENT_PENDING' }, '2026-03-01T02:00:00.000Z'));
      const final = await ctx.journal.storeNotification(notification(paid('P-4'), '2026-03-01T02:01:00.000Z'));
      expect(final.id).not.toBe(pending.id);
      expect(final.duplicateOf).toBeUndefined();
    });

    it('stores rejected POSTs as their own rows with reason and detail, never as attempts of a verified one', async () => {
      const good = await ctx.journal.storeNotification(notification(paid('P-5'), '2026-03-01T02:00:00.000Z'));
      const forged = await ctx.journal.storeNotification(notification(paid('P-5'), '2026-03-01T02:00:01.000Z', { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'The signature does not match' }));
      const junk = await ctx.journal.storeNotification(notification('not json <html>', '2026-03-01T02:00:02.000Z', { verification: 'rejected', rejectReason: 'not-json', rejectDetail: 'Unexpected token', dedupKey: undefined }));
      // A second forgery with the same claimed key is again its own row.
      const forgedAgain = await ctx.journal.storeNotification(notification(paid('P-5'), '2026-03-01T02:00:03.000Z', { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'The signature does not match' }));
      expect(forged.id).not.toBe(good.id);
      expect(forgedAgain.id).not.toBe(forged.id);
      expect(forgedAgain.duplicateOf).toBeUndefined();
      expect(junk.attempts).toBe(1);
      const rejected = (await ctx.journal.listNotifications({ verification: 'rejected' })).items;
      expect(rejected.map((r) => r.rejectReason).sort()).toEqual(['not-json', 'wrong-key', 'wrong-key']);
      expect((await ctx.journal.listNotifications({ rejectReason: 'wrong-key' })).items[0]).toMatchObject({ rejectDetail: 'The signature does not match', acknowledged: false, paymentId: 'P-5' });
      expect((await ctx.journal.getNotification(junk.id))!.body).toBe('not json <html>');
      expect((await ctx.journal.getNotification(good.id))!.attempts).toBe(1);
    });

    it('only the fixed acknowledgement marks a notification acknowledged; other answers are still recorded', async () => {
      const ref = await ctx.journal.storeNotification(notification(paid('P-6'), '2026-03-01T02:00:00.000Z'));
      await ctx.journal.markAcknowledged(ref.id, { httpStatus: 500, body: '{"result":{"resultStatus":"F"}}', sentAt: '2026-03-01T02:00:00.005Z' });
      expect(await ctx.journal.getNotification(ref.id)).toMatchObject({ acknowledged: false, attemptList: [{ answerStatus: 500 }] });
      expect((await ctx.journal.listNotifications({ acknowledged: false })).items.map((n) => n.id)).toEqual([ref.id]);
      await ctx.journal.markAcknowledgedMany([{ id: ref.id, answer: { ...ACK, sentAt: '2026-03-01T02:00:01.000Z' } }]);
      expect(await ctx.journal.getNotification(ref.id)).toMatchObject({ acknowledged: true, acknowledgedAt: '2026-03-01T02:00:01.000Z' });
    });

    it('records the answer about to be sent in the same transaction, and withdraws one that never reached the sender', async () => {
      const sent = { ...ACK, sentAt: '2026-03-01T02:00:00.010Z' };
      const [first] = await ctx.journal.storeNotifications([notification(paid('P-W'), '2026-03-01T02:00:00.000Z')], [sent]);
      await ctx.reopen(); // committed together with the row
      expect(await ctx.journal.getNotification(first!.id)).toMatchObject({ acknowledged: true, acknowledgedAt: sent.sentAt, attemptList: [{ answerStatus: 200, answerBody: ACK.body, answeredAt: sent.sentAt }] });
      // a resend whose acknowledgement never went out: the first acknowledgement still stands
      const [again] = await ctx.journal.storeNotifications([notification(paid('P-W'), '2026-03-01T02:02:00.000Z')], [{ ...ACK, sentAt: '2026-03-01T02:02:00.010Z' }]);
      await ctx.journal.markAnswersUndelivered([{ id: again!.id, attemptId: again!.attemptId }]);
      expect(await ctx.journal.getNotification(first!.id)).toMatchObject({ attempts: 2, acknowledged: true, acknowledgedAt: sent.sentAt, attemptList: [{ answerStatus: 200 }, { answerStatus: null, answerBody: null, answeredAt: null }] });
      // the only acknowledgement withdrawn: no longer acknowledged, so the retry schedule still expects resends
      const [lone] = await ctx.journal.storeNotifications([notification(paid('P-L'), '2026-03-01T02:00:00.000Z')], [sent]);
      await ctx.journal.markAnswersUndelivered([{ id: lone!.id, attemptId: lone!.attemptId }]);
      expect(await ctx.journal.getNotification(lone!.id)).toMatchObject({ acknowledged: false, acknowledgedAt: null, attemptList: [{ answerStatus: null }] });
    });

    it('stores a batch in ONE transaction: all or nothing', async () => {
      const batch = Array.from({ length: 50 }, (_, i) => notification(paid(`B-${i}`), `2026-03-01T02:00:${String(i).padStart(2, '0')}.000Z`));
      const refs = await ctx.journal.storeNotifications(batch);
      expect(refs.map((r) => r.attempts)).toEqual(batch.map(() => 1));
      expect(new Set(refs.map((r) => r.id)).size).toBe(50);
      // Duplicates inside one batch are seen too.
      const dupRefs = await ctx.journal.storeNotifications([notification(paid('D-1'), '2026-03-01T03:00:00.000Z'), notification(paid('D-1'), '2026-03-01T03:00:00.001Z')]);
      expect(dupRefs[1]).toMatchObject({ id: dupRefs[0]!.id, attempts: 2 });
      // A batch whose last item cannot be written leaves no trace of the others.
      const before = await ctx.journal.counts();
      const poisoned = [notification(paid('X-1'), '2026-03-01T04:00:00.000Z'), notification(paid('X-2'), '2026-03-01T04:00:00.000Z', { receiverPath: null as unknown as string })];
      await expect(ctx.journal.storeNotifications(poisoned)).rejects.toThrow();
      expect(await ctx.journal.counts()).toEqual(before);
      expect((await ctx.journal.listNotifications({ text: 'X-1' })).items).toEqual([]);
    });

    it('gives each POST of a mixed batch its own row and attempt: rejects, new notifications and resends in arrival order', async () => {
      const at = (s: number): string => `2026-03-01T06:00:0${s}.000Z`;
      const rejected = (text: string, s: number): ReceivedNotification =>
        notification(text, at(s), { verification: 'rejected', rejectReason: 'not-json', rejectDetail: text, dedupKey: undefined });
      const batch = [
        rejected('junk one', 0), notification(paid('M-1'), at(1)), rejected('junk two', 2), notification(paid('M-1'), at(3)),
        rejected('junk three', 4), notification(paid('M-2'), at(5)), notification(paid('M-1'), at(6)),
      ];
      const refs = await ctx.journal.storeNotifications(batch);
      const [r1, v1, r2, v1Again, r3, v2, v1Third] = refs;
      // New rows get ids in arrival order; resends are attempts of the first.
      expect([r1!.id, v1!.id, r2!.id, r3!.id, v2!.id]).toEqual([...[r1!.id, v1!.id, r2!.id, r3!.id, v2!.id]].sort((a, b) => a - b));
      expect(v1Again).toMatchObject({ id: v1!.id, duplicateOf: v1!.id, attempts: 2 });
      expect(v1Third).toMatchObject({ id: v1!.id, duplicateOf: v1!.id, attempts: 3 });
      for (const [ref, text] of [[r1, 'junk one'], [r2, 'junk two'], [r3, 'junk three']] as const) {
        expect(ref).toMatchObject({ attempts: 1, duplicateOf: undefined });
        expect(await ctx.journal.getNotification(ref!.id)).toMatchObject({ body: text, rejectDetail: text });
      }
      // Every ref's attempt is the attempt of that POST (its own received time), on its own row.
      for (const [i, ref] of refs.entries()) {
        const attempt = (await ctx.journal.getNotification(ref.id))!.attemptList.find((a) => a.id === ref.attemptId);
        expect(attempt?.receivedAt).toBe(batch[i]!.receivedAt);
      }
    });

    it('makes every notification of a batch searchable in the same commit', async () => {
      const batch = Array.from({ length: 5 }, (_, i) => notification(paid(`S-${i}`, { memo: `word${i}` }), `2026-03-01T05:00:0${i}.000Z`));
      // A resend inside the batch adds an attempt, not a second search row.
      batch.splice(2, 0, notification(paid('S-0', { memo: 'word0' }), '2026-03-01T05:00:09.000Z'));
      const refs = await ctx.journal.storeNotifications(batch);
      expect(refs[2]).toMatchObject({ id: refs[0]!.id, attempts: 2 });
      await ctx.reopen();
      for (let i = 0; i < 5; i++) expect((await ctx.journal.listNotifications({ text: `word${i}` })).items.map((n) => n.paymentId)).toEqual([`S-${i}`]);
      expect((await ctx.journal.listNotifications({ text: 'paymentAmount' })).items).toHaveLength(5);
    });

    it('scrubs key material before the row is written', async () => {
      const ref = await ctx.journal.storeNotification(notification(paid('K-1'), '2026-03-01T04:00:00.000Z', { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'tried -----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCy\\n-----END PRIVATE KEY-----' }));
      const stored = (await ctx.journal.getNotification(ref.id))!;
      expect(stored.rejectDetail).toBe('tried [key material removed]');
    });
  });

  describe('querying notifications', () => {
    /** One of each kind, so every filter has something to keep and something to drop. */
    async function seed(): Promise<void> {
      const refund = { notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-Q', refundId: 'REF-Q', paymentId: 'PAY-Q', refundAmount: { value: '100', currency: 'USD' } };
      const capture = { notifyType: 'CAPTURE_RESULT', result: OK, captureRequestId: 'CR-Q', captureId: 'CAP-Q', paymentId: 'PAY-Q', captureAmount: { value: '900', currency: 'USD' } };
      const failed = { ...paid('PAY-F'), result: { resultStatus: 'F', resultCode: 'USER_BALANCE_NOT_ENOUGH', resultMessage: 'x' } };
      const items: ReceivedNotification[] = [
        notification(paid('PAY-Q', { memo: 'blue umbrella' }), '2026-03-01T01:00:00.000Z'),
        notification(capture, '2026-03-01T02:00:00.000Z', { profile: 'live-us' }),
        notification(refund, '2026-03-01T03:00:00.000Z'),
        notification(failed, '2026-03-01T04:00:00.000Z'),
        notification({ ...paid('PAY-Q'), notifyType: 'PAYMENT_PENDING' }, '2026-03-01T05:00:00.000Z', { verification: 'rejected', rejectReason: 'wrong-path', rejectDetail: 'path' }),
        notification(JSON.stringify({ paymentRequestId: 'PR-DSP', disputeId: 'DSP-Q', paymentId: 'PAY-DSP', disputeNotificationType: 'DISPUTE_CREATED' }), '2026-03-01T06:00:00.000Z', {
          notifyType: 'NOTIFY_DISPUTE', status: 'DISPUTE_CREATED', dedupKey: 'NOTIFY_DISPUTE|DSP-Q|DISPUTE_CREATED', ids: { paymentRequestId: 'PR-DSP', paymentId: 'PAY-DSP', disputeId: 'DSP-Q' },
        }),
      ];
      const refs = await ctx.journal.storeNotifications(items);
      await ctx.journal.markAcknowledged(refs[0]!.id, ACK, refs[0]!.attemptId);
    }
    const types = async (filter: Parameters<ContractContext['journal']['listNotifications']>[0]): Promise<string[]> =>
      (await ctx.journal.listNotifications(filter)).items.map((n) => `${n.notifyType}${n.verification === 'rejected' ? '!' : ''}`);

    it('filters by every field, newest first', async () => {
      await seed();
      expect(await types({})).toEqual(['NOTIFY_DISPUTE', 'PAYMENT_PENDING!', 'PAYMENT_RESULT', 'REFUND_RESULT', 'CAPTURE_RESULT', 'PAYMENT_RESULT']);
      expect(await types({ notifyType: 'CAPTURE_RESULT' })).toEqual(['CAPTURE_RESULT']);
      expect(await types({ notifyType: ['REFUND_RESULT', 'NOTIFY_DISPUTE'] })).toEqual(['NOTIFY_DISPUTE', 'REFUND_RESULT']);
      expect(await types({ verification: 'rejected' })).toEqual(['PAYMENT_PENDING!']);
      expect(await types({ verification: 'verified' })).toHaveLength(5);
      expect(await types({ rejectReason: ['wrong-path', 'wrong-key'] })).toEqual(['PAYMENT_PENDING!']);
      expect(await types({ acknowledged: true })).toEqual(['PAYMENT_RESULT']);
      expect(await types({ acknowledged: false })).toHaveLength(5);
      expect(await types({ resultCode: 'USER_BALANCE_NOT_ENOUGH' })).toEqual(['PAYMENT_RESULT']);
      expect(await types({ status: 'FAIL' })).toEqual(['PAYMENT_RESULT']);
      expect(await types({ status: 'DISPUTE_CREATED' })).toEqual(['NOTIFY_DISPUTE']);
      expect(await types({ profile: 'live-us' })).toEqual(['CAPTURE_RESULT']);
      expect(await types({ since: '2026-03-01T02:00:00Z', until: '2026-03-01T04:00:00Z' })).toEqual(['REFUND_RESULT', 'CAPTURE_RESULT']);
      expect(await types({ text: 'umbrella' })).toEqual(['PAYMENT_RESULT']);
      expect(await types({ notifyType: 'PAYMENT_RESULT', verification: 'verified', status: 'SUCCESS' })).toEqual(['PAYMENT_RESULT']);
      await expect(ctx.journal.listNotifications({ until: 'soon' })).rejects.toThrowError(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    });

    it('finds a notification by any of its IDs, and findById groups the payment', async () => {
      await seed();
      // Each ID resolves to payment Q first, then to all of Q's notifications (a paymentRequestId
      // finds the capture and refund notifications too, which carry only paymentId and their own IDs).
      for (const id of ['PR-PAY-Q', 'PAY-Q', 'CR-Q', 'CAP-Q', 'RR-Q', 'REF-Q']) {
        expect(await types({ anyId: id }), id).toEqual(['PAYMENT_PENDING!', 'REFUND_RESULT', 'CAPTURE_RESULT', 'PAYMENT_RESULT']);
      }
      expect(await types({ anyId: 'DSP-Q' })).toEqual(['NOTIFY_DISPUTE']);
      expect(await types({ anyId: 'nothing' })).toEqual([]);
      const found = await ctx.journal.findById('PAY-Q');
      expect(found.notifications).toHaveLength(4);
      expect(found.payments).toEqual([{ paymentRequestId: 'PR-PAY-Q', paymentId: 'PAY-Q' }]);
    });

    it('follows a chain of linked IDs to its end, on either engine the same rows', async () => {
      // Seven captures, each naming the next one's request: X0 reaches X7 only through six links
      // (a walk that stopped after three reads found five of them).
      await ctx.journal.storeNotifications(Array.from({ length: 7 }, (_, k) => notification(
        { notifyType: 'CAPTURE_RESULT', result: OK, captureRequestId: `CHAIN-X${k}`, captureId: `CHAIN-X${k + 1}`, captureAmount: { value: '1', currency: 'USD' } },
        plus('2026-03-01T02:00:00.000Z', k * 1000))));
      for (const id of ['CHAIN-X0', 'CHAIN-X7']) expect((await ctx.journal.listNotifications({ anyId: id })).items, id).toHaveLength(7);
      expect((await ctx.journal.findById('CHAIN-X0')).notifications).toHaveLength(7);
    });

    it('pages notifications with a cursor and with an offset', async () => {
      await seed();
      const first = await ctx.journal.listNotifications({}, { limit: 4 });
      expect(first.items).toHaveLength(4);
      const second = await ctx.journal.listNotifications({}, { limit: 4, cursor: first.nextCursor });
      expect(second.items.map((n) => n.notifyType)).toEqual(['CAPTURE_RESULT', 'PAYMENT_RESULT']);
      expect(second.nextCursor).toBeUndefined();
      expect((await ctx.journal.listNotifications({}, { limit: 2, offset: 4 })).items.map((n) => n.id)).toEqual(second.items.map((n) => n.id));
    });
  });

  describe("Antom's retry schedule, read from the stored attempts", () => {
    it('stops once acknowledged, and says when a resend is overdue', async () => {
      const first = '2026-03-01T00:00:00.000Z';
      const ref = await ctx.journal.storeNotification(notification(paid('R-1'), first));
      await ctx.journal.storeNotification(notification(paid('R-1'), plus(first, 120_000)));
      const info = (await ctx.journal.notificationRetryInfo(ref.id, new Date(plus(first, 5 * 60_000))))!;
      expect(info).toMatchObject({ attempts: 2, firstSeenAt: first, lastSeenAt: plus(first, 120_000), acknowledged: false, nextRetryDueAt: plus(first, 12 * 60_000), overdue: false, retriesLeft: 6 });
      expect((await ctx.journal.notificationRetryInfo(ref.id, new Date(plus(first, 13 * 60_000))))!.overdue).toBe(true);
      await ctx.journal.markAcknowledged(ref.id, ACK);
      expect(await ctx.journal.notificationRetryInfo(ref.id)).toMatchObject({ acknowledged: true, nextRetryDueAt: null, overdue: false });
      expect(await ctx.journal.notificationRetryInfo(ref.id + 1000)).toBeUndefined();
    });
  });

  describe('replays of a notification', () => {
    it('are kept with their answer (capped, redacted), survive a reopen, and go when the notification is pruned', async () => {
      const ref = await ctx.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: { resultCode: 'SUCCESS', resultStatus: 'S' }, paymentId: 'PAY-R1' }, '2026-01-01T00:00:00.000Z'));
      const longAnswer = JSON.stringify({ buyerEmail: 'jane.doe@example.com', pad: 'x'.repeat(10_000) });
      const rec = await ctx.journal.recordReplay(ref.id, { sentAt: '2026-01-02T00:00:00.000Z', toUrl: 'http://127.0.0.1:9/n', mode: 'as-received', httpStatus: 500, answerBody: longAnswer, latencyMs: 12, acknowledged: false, error: null });
      expect(rec.answerBody!.length).toBeLessThanOrEqual(4096);
      expect(rec.answerBody).not.toContain('jane.doe@example.com');
      const reopened = await ctx.reopen();
      expect((await reopened.getNotification(ref.id))!.replays).toEqual([rec]);
      await reopened.prune({ olderThanDays: 1, now: new Date('2026-03-01T00:00:00Z') });
      expect(await reopened.getNotification(ref.id)).toBeUndefined();
    });
  });
}
