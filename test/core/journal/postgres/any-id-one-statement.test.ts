/**
 * Issue 7 §6 on PostgreSQL: an "any ID" page is ONE statement (the related-ID walk inlined as a
 * CTE, postgres-related-ids.ts), and a rejectReason + time page reads migration 0007's index.
 * The statements run here exactly as the engine builds them, straight on a real server, so a
 * walk that stopped a hop short, or an index the planner cannot use, fails.
 */
import { afterEach, expect, it } from 'vitest';
import { NOTIFICATION_SUMMARY_COLUMNS } from '../../../../src-main/core/journal/journal-rows';
import { notificationWhere, pagedSelect, PgWhere } from '../../../../src-main/core/journal/postgres/postgres-filters';
import { PostgresJournal } from '../../../../src-main/core/journal/postgres/postgres-journal';
import type { SqlValue } from '../../../../src-main/core/journal/postgres/postgres-connection';
import { describeWithPostgres, useTestDatabase } from '../../../support/postgres';
import { call, notification, OK } from '../journal-fixtures';

describeWithPostgres('PostgreSQL any-ID page in one statement', () => {
  const db = useTestDatabase('pg any id');
  const open: PostgresJournal[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((j) => j.close()));
  });

  /** A payment whose refund notification is two hops from its paymentRequestId (through the refund call). */
  async function seedChain(): Promise<PostgresJournal> {
    const journal = await PostgresJournal.open({ url: db.url });
    open.push(journal);
    await journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-X', paymentId: 'PAY-X', paymentAmount: { value: '1000', currency: 'USD' } }, '2026-03-01T10:00:00.000Z'));
    await journal.recordCall(call('refund', '2026-03-01T10:05:00.000Z', { refundRequestId: 'RR-X', paymentId: 'PAY-X', refundAmount: { currency: 'USD', value: '100' } },
      { result: OK, refundId: 'REF-X', refundRequestId: 'RR-X' }));
    // Carries neither paymentRequestId nor paymentId: only the refund call joins it to PR-X.
    await journal.storeNotification(notification({ notifyType: 'REFUND_RESULT', result: OK, refundStatus: 'SUCCESS', refundRequestId: 'RR-X', refundId: 'REF-X', refundAmount: { value: '100', currency: 'USD' } }, '2026-03-01T10:06:00.000Z'));
    await journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-OTHER', paymentId: 'PAY-OTHER', paymentAmount: { value: '5', currency: 'USD' } }, '2026-03-01T10:07:00.000Z'));
    return journal;
  }

  it('finds every notification of the payment, two hops away, with one statement', async () => {
    const journal = await seedChain();
    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere({ anyId: 'PR-X' }, new PgWhere(), 'inline'), { limit: 100 });
    expect(q.sql.startsWith('WITH RECURSIVE')).toBe(true);
    const rows = await journal.connection().unsafe<{ notify_type: string; payment_request_id: string | null }[]>(q.sql, q.params as SqlValue[]);
    expect(rows.map((r) => r.notify_type)).toEqual(['REFUND_RESULT', 'PAYMENT_RESULT']);
    // The engine's answer is the same page.
    expect((await journal.listNotifications({ anyId: 'PR-X' })).items.map((n) => n.notifyType)).toEqual(['REFUND_RESULT', 'PAYMENT_RESULT']);
    expect((await journal.listNotifications({ anyId: 'REF-X' })).items.map((n) => n.notifyType)).toEqual(['REFUND_RESULT', 'PAYMENT_RESULT']);
  });

  it('reads a rejectReason + late until page newest first through the (reject_reason, id, first_seen_at) index', async () => {
    const journal = await seedChain();
    const sql = journal.connection();
    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere({ rejectReason: 'wrong-key', until: '2026-03-02T00:00:00Z' }), { limit: 100 });
    // A table this small is cheapest to scan; the question is whether the index serves the page at all.
    const plan = await sql.begin(async (tx) => {
      await tx.unsafe('SET LOCAL enable_seqscan = off');
      return tx.unsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q.sql}`, q.params as SqlValue[]);
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('Index Scan Backward using notifications_reject_reason_id');
    expect(text).not.toContain('Sort');
  });
});
