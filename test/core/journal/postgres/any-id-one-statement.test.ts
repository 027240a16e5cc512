/**
 * Issue 7 §6 on PostgreSQL: an "any ID" page is ONE statement (the related-ID walk inlined as a
 * CTE, postgres-related-ids.ts) whose generic plan stays on the ID indexes, and a rejectReason +
 * time page reads migration 0007's index.
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

  it('keeps an any-ID page on the ID indexes in the generic plan the server settles on (10,000 rows)', async () => {
    const journal = await seedChain();
    const sql = journal.connection();
    // Enough payments that a whole-table walk costs something; ANALYZE as autovacuum would.
    await sql.unsafe(`INSERT INTO notifications (first_seen_at, last_seen_at, receiver_path, verification, notify_type, headers_json, body, body_exact,
      body_sha256, body_bytes, search, payment_request_id, payment_id)
      SELECT to_char(timestamp '2026-01-01' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '2026-01-01T00:00:00.000Z', '/antom/notify', 'verified',
        'PAYMENT_RESULT', '{}', '\\x7b7d', 1, 'x', 2, ''::tsvector, 'PR-G' || i, 'PAY-G' || i FROM generate_series(1, 10000) AS i`);
    await sql.unsafe('ANALYZE');
    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere({ anyId: 'PR-G5' }, new PgWhere(), 'inline'), { limit: 100 });
    // After five executions a prepared statement runs its generic plan (parameters unknown). With
    // the page size bound as a parameter too, that plan walked the primary key backwards through
    // the whole table, filtering each row (5 ms at 10k rows, far more on a cold cache).
    const plan = await sql.begin(async (tx) => {
      await tx.unsafe(`PREPARE any_id_page AS ${q.sql}`);
      await tx.unsafe('SET LOCAL plan_cache_mode = force_generic_plan');
      return tx.unsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN EXECUTE any_id_page(${q.params.map((_, i) => (i === 0 ? "'PR-G5'" : String(q.params[i]))).join(', ')})`);
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).not.toContain('notifications_pkey');
    expect(text).toContain('notifications_payment_request_id');
    expect(q.params).toEqual(['PR-G5']);
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
