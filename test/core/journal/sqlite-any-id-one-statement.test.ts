/**
 * Issue 7 §6 on SQLite: an "any ID" page is ONE statement (the related-ID walk inlined as a
 * recursive CTE, sqlite-related-ids.ts), as on PostgreSQL. The statements run here exactly as the
 * engine builds them, straight on the journal's file, so a walk that stops a hop short, loses its
 * cap or leaves the ID indexes fails; the engine's answers are checked beside them.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { NOTIFICATION_SUMMARY_COLUMNS } from '../../../src-main/core/journal/journal-rows';
import { notificationWhere, pagedSelect } from '../../../src-main/core/journal/journal-filters';
import { RELATED_ID_CAP, RELATED_IDS_SELECT, relatedIdsParams } from '../../../src-main/core/journal/sqlite-related-ids';
import type { SqliteJournal } from '../../../src-main/core/journal/sqlite-journal';
import { call, notification, OK, tempJournal, type TempJournal } from './journal-fixtures';

describe('SQLite any-ID page in one statement', () => {
  const open: TempJournal[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.cleanup()));
  });

  async function journalWith(): Promise<{ temp: TempJournal; file: string }> {
    const temp = await tempJournal();
    open.push(temp);
    return { temp, file: (temp.journal as SqliteJournal).file };
  }

  /** Read-only, beside the journal's own connection (WAL lets both read). */
  const readOnly = (file: string): Database.Database => new Database(file, { readonly: true });

  it('finds the refund notification two hops from the paymentRequestId, and the rest of a longer chain', async () => {
    const { temp, file } = await journalWith();
    const j = temp.journal;
    await j.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-X', paymentId: 'PAY-X', paymentAmount: { value: '1000', currency: 'USD' } }, '2026-03-01T10:00:00.000Z'));
    await j.recordCall(call('refund', '2026-03-01T10:05:00.000Z', { refundRequestId: 'RR-X', paymentId: 'PAY-X', refundAmount: { currency: 'USD', value: '100' } },
      { result: OK, refundId: 'REF-X', refundRequestId: 'RR-X' }));
    // Carries neither paymentRequestId nor paymentId: only the refund call joins it to PR-X.
    await j.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-X', refundId: 'REF-X', refundAmount: { value: '100', currency: 'USD' } }, '2026-03-01T10:06:00.000Z'));
    // Two more links (REF-X -> CR-X -> CAP-X): the walk follows a chain to its end.
    await j.recordCall(call('capture', '2026-03-01T10:07:00.000Z', { captureRequestId: 'CR-X', refundId: 'REF-X' }, { result: OK, captureRequestId: 'CR-X' }));
    await j.storeNotification(notification({ notifyType: 'CAPTURE_RESULT', result: OK, captureRequestId: 'CR-X', captureId: 'CAP-X', captureAmount: { value: '1000', currency: 'USD' } }, '2026-03-01T10:08:00.000Z'));
    await j.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-OTHER', paymentId: 'PAY-OTHER', paymentAmount: { value: '5', currency: 'USD' } }, '2026-03-01T10:09:00.000Z'));

    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere({ anyId: 'PR-X' }, 'inline'), { limit: 100 });
    expect(q.sql.startsWith('WITH RECURSIVE')).toBe(true);
    expect(q.sql.endsWith('LIMIT 101')).toBe(true);
    const db = readOnly(file);
    try {
      const rows = db.prepare(q.sql).all(...q.params) as { notify_type: string }[];
      expect(rows.map((r) => r.notify_type)).toEqual(['CAPTURE_RESULT', 'REFUND_RESULT', 'PAYMENT_RESULT']);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan).not.toMatch(/SCAN (notifications|calls|linked)\b/);
      expect(plan).toContain('notifications_payment_request_id');
    } finally {
      db.close();
    }
    const types = async (anyId: string): Promise<string[]> => (await j.listNotifications({ anyId })).items.map((n) => n.notifyType);
    for (const id of ['PR-X', 'PAY-X', 'REF-X', 'RR-X', 'CAP-X']) expect(await types(id), id).toEqual(['CAPTURE_RESULT', 'REFUND_RESULT', 'PAYMENT_RESULT']);
    expect((await j.listCalls({ anyId: 'PR-X' })).items.map((c) => c.api)).toEqual(['capture', 'refund']);
    expect((await j.findById('CAP-X')).notifications).toHaveLength(3);
    expect(await types('PR-OTHER')).toEqual(['PAYMENT_RESULT']);
    expect(await types('nothing')).toEqual([]);
  });

  it(`stops the walk at ${RELATED_ID_CAP} IDs, and the page still holds every row naming the ID itself`, async () => {
    const { temp, file } = await journalWith();
    const j = temp.journal;
    // One payment refunded 600 times: 1,201 link IDs around PAY-BIG.
    await j.storeNotifications(Array.from({ length: 600 }, (_, i) => notification(
      { notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', paymentId: 'PAY-BIG', refundRequestId: `RR-${i}`, refundId: `REF-${i}`, refundAmount: { value: '1', currency: 'USD' } },
      new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString())));
    const db = readOnly(file);
    try {
      const walked = db.prepare(RELATED_IDS_SELECT).all(...relatedIdsParams('PAY-BIG')) as { v: string }[];
      expect(walked).toHaveLength(RELATED_ID_CAP);
      expect(new Set(walked.map((r) => r.v)).size).toBe(RELATED_ID_CAP);
    } finally {
      db.close();
    }
    const page = await j.listNotifications({ anyId: 'PAY-BIG' }, { limit: 500 });
    expect(page.items).toHaveLength(500);
    expect(page.nextCursor).toBeDefined();
    const rest = await j.listNotifications({ anyId: 'PAY-BIG' }, { limit: 500, cursor: page.nextCursor });
    expect(rest.items).toHaveLength(100);
  });

  it('finds a paymentSessionId, kept in no ID column, through the text search when the walk is empty', async () => {
    const { temp } = await journalWith();
    const j = temp.journal;
    await j.recordCall(call('createPaymentSession', '2026-03-01T09:59:00.000Z', { paymentRequestId: 'PR-S', order: { referenceOrderId: 'ORD-S' } },
      { result: OK, paymentSessionId: 'SESSION-S-1', paymentSessionData: 'x' }));
    await j.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-S', paymentId: 'PAY-S', paymentAmount: { value: '1000', currency: 'USD' } }, '2026-03-01T10:00:00.000Z'));
    expect((await j.listNotifications({ anyId: 'SESSION-S-1' })).items.map((n) => n.notifyType)).toEqual(['PAYMENT_RESULT']);
    expect((await j.listCalls({ anyId: 'SESSION-S-1' })).items.map((c) => c.api)).toEqual(['createPaymentSession']);
  });
});
