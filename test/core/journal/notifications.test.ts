import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ANTOM_RETRY_INTERVALS_MS, retryInfo } from '../../../src-main/core/journal/retry-schedule';
import { ACK, OK, notification, tempJournal, type TempJournal } from './journal-fixtures';

const paid = (paymentId: string, extra: Record<string, unknown> = {}) => ({
  notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${paymentId}`, paymentId,
  paymentAmount: { value: '8000', currency: 'EUR' }, paymentCreateTime: '2026-03-01T10:00:00+08:00', paymentTime: '2026-03-01T10:00:05+08:00', ...extra,
});

let t: TempJournal;
beforeEach(async () => {
  t = await tempJournal();
});
afterEach(() => t.cleanup());

describe('storing notifications', () => {
  it('keeps the exact received bytes and headers when the body has no personal data', async () => {
    const n = notification(paid('P-1'), '2026-03-01T02:00:06.000Z');
    const ref = await t.journal.storeNotification(n);
    expect(ref).toMatchObject({ attempts: 1, duplicateOf: undefined });
    await t.reopen(); // committed, not just cached
    const stored = (await t.journal.getNotification(ref.id))!;
    expect(stored.rawBody.equals(n.rawBody)).toBe(true);
    expect(stored.bodyExact).toBe(true);
    expect(stored.bodySha256).toBe(createHash('sha256').update(n.rawBody).digest('hex'));
    expect(stored.contentVerified).toBe(n.contentVerified);
    expect(stored.headers['request-time']).toBe(n.headers['request-time']);
    expect(stored).toMatchObject({ notifyType: 'PAYMENT_RESULT', verification: 'verified', paymentId: 'P-1', paymentRequestId: 'PR-P-1', status: 'SUCCESS', amount: { value: '8000', currency: 'EUR' }, acknowledged: false });
  });

  it('stores a redacted body with the hash of the original when personal data is present', async () => {
    const n = notification(paid('P-2', { pspCustomerInfo: { pspName: 'ALIPAY_CN' }, buyerEmail: 'lin@example.cn', cardholderName: 'Lin Wei' }), '2026-03-01T02:00:06.000Z');
    const ref = await t.journal.storeNotification(n);
    const stored = (await t.journal.getNotification(ref.id))!;
    expect(stored.bodyExact).toBe(false);
    expect(stored.bodySha256).toBe(createHash('sha256').update(n.rawBody).digest('hex'));
    expect(stored.body).toContain('"buyerEmail":"***@example.cn"');
    expect(stored.body).toContain('"cardholderName":"L** W**"');
    expect(stored.contentVerified).toContain('***@example.cn');
    expect(stored.contentVerified).not.toContain('lin@example.cn');
    expect(stored.verification).toBe('verified');
  });

  it('folds duplicates into attempts of the first: one logical row, attempts counted, never a second row', async () => {
    const first = await t.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:00:00.000Z'));
    await t.journal.markAcknowledged(first.id, { ...ACK, sentAt: '2026-03-01T02:00:00.010Z' }, first.attemptId);
    const again = await t.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:02:00.000Z'));
    const third = await t.journal.storeNotification(notification(paid('P-3'), '2026-03-01T02:12:00.000Z'));
    expect(again).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 2 });
    expect(third).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 3 });
    const list = (await t.journal.listNotifications({ anyId: 'P-3' })).items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ attempts: 3, receivedAt: '2026-03-01T02:00:00.000Z', lastSeenAt: '2026-03-01T02:12:00.000Z', acknowledged: true, duplicateOf: null });
    const detail = (await t.journal.getNotification(first.id))!;
    expect(detail.attemptList.map((a) => a.receivedAt)).toEqual(['2026-03-01T02:00:00.000Z', '2026-03-01T02:02:00.000Z', '2026-03-01T02:12:00.000Z']);
    expect(detail.attemptList[0]).toMatchObject({ answerStatus: 200, answeredAt: '2026-03-01T02:00:00.010Z' });
  });

  it('a different status for the same payment is a new notification, not a duplicate', async () => {
    const pending = await t.journal.storeNotification(notification({ ...paid('P-4'), notifyType: 'PAYMENT_PENDING' }, '2026-03-01T02:00:00.000Z'));
    const final = await t.journal.storeNotification(notification(paid('P-4'), '2026-03-01T02:01:00.000Z'));
    expect(final.id).not.toBe(pending.id);
    expect(final.duplicateOf).toBeUndefined();
  });

  it('stores rejected POSTs as their own rows with reason and detail, never as attempts of a verified one', async () => {
    const good = await t.journal.storeNotification(notification(paid('P-5'), '2026-03-01T02:00:00.000Z'));
    const forged = await t.journal.storeNotification(notification(paid('P-5'), '2026-03-01T02:00:01.000Z', { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'The signature does not match' }));
    const junk = await t.journal.storeNotification(notification('not json <html>', '2026-03-01T02:00:02.000Z', { verification: 'rejected', rejectReason: 'not-json', rejectDetail: 'Unexpected token', dedupKey: undefined }));
    expect(forged.id).not.toBe(good.id);
    expect(junk.attempts).toBe(1);
    const rejected = (await t.journal.listNotifications({ verification: 'rejected' })).items;
    expect(rejected.map((r) => r.rejectReason).sort()).toEqual(['not-json', 'wrong-key']);
    expect((await t.journal.listNotifications({ rejectReason: 'wrong-key' })).items[0]).toMatchObject({ rejectDetail: 'The signature does not match', acknowledged: false, paymentId: 'P-5' });
    expect((await t.journal.getNotification(junk.id))!.body).toBe('not json <html>');
  });

  it('only the fixed acknowledgement marks a notification acknowledged; other answers are still recorded', async () => {
    const ref = await t.journal.storeNotification(notification(paid('P-6'), '2026-03-01T02:00:00.000Z'));
    await t.journal.markAcknowledged(ref.id, { httpStatus: 500, body: '{"result":{"resultStatus":"F"}}', sentAt: '2026-03-01T02:00:00.005Z' });
    expect(await t.journal.getNotification(ref.id)).toMatchObject({ acknowledged: false, attemptList: [{ answerStatus: 500 }] });
    expect((await t.journal.listNotifications({ acknowledged: false })).items.map((n) => n.id)).toEqual([ref.id]);
  });

  it('records the answer about to be sent in the same transaction, and withdraws one that never reached the sender', async () => {
    const sent = { ...ACK, sentAt: '2026-03-01T02:00:00.010Z' };
    const [first] = await t.journal.storeNotifications([notification(paid('P-W'), '2026-03-01T02:00:00.000Z')], [sent]);
    await t.reopen(); // committed together with the row
    expect(await t.journal.getNotification(first!.id)).toMatchObject({ acknowledged: true, acknowledgedAt: sent.sentAt, attemptList: [{ answerStatus: 200, answerBody: ACK.body, answeredAt: sent.sentAt }] });
    // a resend whose acknowledgement never went out: the first acknowledgement still stands
    const [again] = await t.journal.storeNotifications([notification(paid('P-W'), '2026-03-01T02:02:00.000Z')], [{ ...ACK, sentAt: '2026-03-01T02:02:00.010Z' }]);
    await t.journal.markAnswersUndelivered([{ id: again!.id, attemptId: again!.attemptId }]);
    expect(await t.journal.getNotification(first!.id)).toMatchObject({ attempts: 2, acknowledged: true, acknowledgedAt: sent.sentAt, attemptList: [{ answerStatus: 200 }, { answerStatus: null, answerBody: null, answeredAt: null }] });
    // the only acknowledgement withdrawn: no longer acknowledged, so the retry schedule still expects resends
    const [lone] = await t.journal.storeNotifications([notification(paid('P-L'), '2026-03-01T02:00:00.000Z')], [sent]);
    await t.journal.markAnswersUndelivered([{ id: lone!.id, attemptId: lone!.attemptId }]);
    expect(await t.journal.getNotification(lone!.id)).toMatchObject({ acknowledged: false, acknowledgedAt: null, attemptList: [{ answerStatus: null }] });
  });

  it('stores a batch in ONE transaction: all or nothing', async () => {
    const batch = Array.from({ length: 50 }, (_, i) => notification(paid(`B-${i}`), `2026-03-01T02:00:${String(i).padStart(2, '0')}.000Z`));
    const refs = await t.journal.storeNotifications(batch);
    expect(refs.map((r) => r.attempts)).toEqual(batch.map(() => 1));
    expect(new Set(refs.map((r) => r.id)).size).toBe(50);
    // Duplicates inside one batch are seen too.
    const dupRefs = await t.journal.storeNotifications([notification(paid('D-1'), '2026-03-01T03:00:00.000Z'), notification(paid('D-1'), '2026-03-01T03:00:00.001Z')]);
    expect(dupRefs[1]).toMatchObject({ id: dupRefs[0]!.id, attempts: 2 });
    // A batch whose last item cannot be written leaves no trace of the others.
    const before = await t.journal.counts();
    const poisoned = [notification(paid('X-1'), '2026-03-01T04:00:00.000Z'), notification(paid('X-2'), '2026-03-01T04:00:00.000Z', { receiverPath: null as unknown as string })];
    await expect(t.journal.storeNotifications(poisoned)).rejects.toThrowError(/NOT NULL/);
    expect(await t.journal.counts()).toEqual(before);
    expect((await t.journal.listNotifications({ text: 'X-1' })).items).toEqual([]);
  });

  it('makes every notification of a batch searchable in the same commit', async () => {
    const batch = Array.from({ length: 5 }, (_, i) => notification(paid(`S-${i}`, { memo: `word${i}` }), `2026-03-01T05:00:0${i}.000Z`));
    // A resend inside the batch adds an attempt, not a second search row.
    batch.splice(2, 0, notification(paid('S-0', { memo: 'word0' }), '2026-03-01T05:00:09.000Z'));
    const refs = await t.journal.storeNotifications(batch);
    expect(refs[2]).toMatchObject({ id: refs[0]!.id, attempts: 2 });
    await t.reopen();
    for (let i = 0; i < 5; i++) expect((await t.journal.listNotifications({ text: `word${i}` })).items.map((n) => n.paymentId)).toEqual([`S-${i}`]);
    expect((await t.journal.listNotifications({ text: 'paymentAmount' })).items).toHaveLength(5);
  });
});

describe('key material in a notification', () => {
  it('is scrubbed before the row is written', async () => {
    const ref = await t.journal.storeNotification(notification(paid('K-1'), '2026-03-01T04:00:00.000Z', { verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: 'tried -----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCy\\n-----END PRIVATE KEY-----' }));
    const stored = (await t.journal.getNotification(ref.id))!;
    expect(stored.rejectDetail).toBe('tried [key material removed]');
  });
});

describe("Antom's retry schedule", () => {
  const first = '2026-03-01T00:00:00.000Z';
  const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

  it('is 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h after the previous attempt, and nothing after the 8th', async () => {
    expect(ANTOM_RETRY_INTERVALS_MS.map((ms) => ms / 60_000)).toEqual([0, 2, 10, 10, 60, 120, 360, 900]);
    let last = first;
    const dues: string[] = [];
    for (let attempts = 1; attempts <= 8; attempts++) {
      const info = retryInfo({ attempts, firstSeenAt: first, lastSeenAt: last, acknowledged: false }, new Date(last));
      if (attempts < 8) {
        expect(info.nextRetryDueAt).toBe(plus(last, ANTOM_RETRY_INTERVALS_MS[attempts]!));
        dues.push(info.nextRetryDueAt!);
        last = info.nextRetryDueAt!;
      } else {
        expect(info.nextRetryDueAt).toBeNull();
        expect(info.retriesLeft).toBe(0);
      }
    }
    expect(dues[0]).toBe('2026-03-01T00:02:00.000Z');
    expect(dues[dues.length - 1]).toBe('2026-03-02T00:22:00.000Z'); // 2+10+10+60+120+360+900 min
  });

  it('is read from the stored attempts, stops once acknowledged, and says when a resend is overdue', async () => {
    const ref = await t.journal.storeNotification(notification(paid('R-1'), first));
    await t.journal.storeNotification(notification(paid('R-1'), plus(first, 120_000)));
    const info = (await t.journal.notificationRetryInfo(ref.id, new Date(plus(first, 5 * 60_000))))!;
    expect(info).toMatchObject({ attempts: 2, firstSeenAt: first, lastSeenAt: plus(first, 120_000), acknowledged: false, nextRetryDueAt: plus(first, 12 * 60_000), overdue: false, retriesLeft: 6 });
    expect((await t.journal.notificationRetryInfo(ref.id, new Date(plus(first, 13 * 60_000))))!.overdue).toBe(true);
    await t.journal.markAcknowledged(ref.id, ACK);
    expect(await t.journal.notificationRetryInfo(ref.id)).toMatchObject({ acknowledged: true, nextRetryDueAt: null, overdue: false });
  });
});

describe('replays of a notification', () => {
  let j: TempJournal;
  beforeEach(async () => {
    j = await tempJournal();
  });
  afterEach(() => j.cleanup());

  it('are kept with their answer (capped, redacted), survive a reopen, and go when the notification is pruned', async () => {
    const ref = await j.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: { resultCode: 'SUCCESS', resultStatus: 'S' }, paymentId: 'PAY-R1' }, '2026-01-01T00:00:00.000Z'));
    const longAnswer = JSON.stringify({ buyerEmail: 'jane.doe@example.com', pad: 'x'.repeat(10_000) });
    const rec = await j.journal.recordReplay(ref.id, { sentAt: '2026-01-02T00:00:00.000Z', toUrl: 'http://127.0.0.1:9/n', mode: 'as-received', httpStatus: 500, answerBody: longAnswer, latencyMs: 12, acknowledged: false, error: null });
    expect(rec.answerBody!.length).toBeLessThanOrEqual(4096);
    expect(rec.answerBody).not.toContain('jane.doe@example.com');
    const reopened = await j.reopen();
    expect((await reopened.getNotification(ref.id))!.replays).toEqual([rec]);
    await reopened.prune({ olderThanDays: 1, now: new Date('2026-03-01T00:00:00Z') });
    expect(await reopened.getNotification(ref.id)).toBeUndefined();
  });
});
