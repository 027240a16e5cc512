import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src-main/core/journal/migrations';
import { JOURNAL_FILE_NAME, SqliteJournal } from '../../../src-main/core/journal/sqlite-journal';
import { attemptBodyOf, attemptHeadersOf, type AttemptRow, type NotificationRow } from '../../../src-main/core/journal/journal-rows';
import { call, notification } from './journal-fixtures';

/** A dispute API call as the client records it (the disputeId is one of its IDs). */
function callRecordFor(disputeId: string) {
  return call('inquiryPayment', '2026-01-04T00:00:00.000Z', { paymentId: 'PAY-OLD-D' }, { result: { resultCode: 'SUCCESS', resultStatus: 'S' } }, { ids: { paymentId: 'PAY-OLD-D', disputeId } });
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journal-migrate-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('journal migrations', () => {
  it('creates a new file at the current version in WAL mode', async () => {
    const dir = tempDir();
    const journal = SqliteJournal.open({ dataDir: dir });
    expect(journal.upgradedFrom).toBe(0);
    await journal.close();
    const db = new Database(join(dir, JOURNAL_FILE_NAME), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('upgrades a v1 file in place: rows survive and v2 search finds them', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE_NAME);
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]!);
    v1.pragma('user_version = 1');
    v1.prepare(`INSERT INTO calls (attempt_id, call_id, attempt, started_at, profile, environment, api, url, path, client_id, request_time, request_body,
      request_signature_header, latency_ms, result_status, result_code, trigger, payment_request_id)
      VALUES ('a1', 'c1', 1, '2026-01-02T03:04:05.000Z', 'p', 'embedded', 'inquiryPayment', 'u', '/x', 'cid', '1', '{"paymentRequestId":"LEGACY-ORDER-42"}',
      'sig', 12, 'S', 'SUCCESS', 'cli', 'LEGACY-ORDER-42')`).run();
    v1.prepare(`INSERT INTO notifications (dedup_key, first_seen_at, last_seen_at, receiver_path, verification, notify_type, headers_json, body, body_exact,
      body_sha256, body_bytes, payment_id) VALUES ('k', '2026-01-02T03:04:06.000Z', '2026-01-02T03:04:06.000Z', '/n', 'verified', 'PAYMENT_RESULT', '{}',
      CAST('{"notifyType":"PAYMENT_RESULT","paymentId":"PAY-OLD-7","memo":"blueberry"}' AS BLOB), 1, 'h', 10, 'PAY-OLD-7')`).run();
    v1.close();

    const journal = SqliteJournal.open({ dataDir: dir });
    expect(journal.upgradedFrom).toBe(1);
    expect((await journal.listCalls({ anyId: 'LEGACY-ORDER-42' })).items.map((c) => c.attemptId)).toEqual(['a1']);
    expect((await journal.listCalls({ text: 'LEGACY-ORDER-42' })).items).toHaveLength(1);
    expect((await journal.listNotifications({ text: 'blueberry' })).items.map((n) => n.paymentId)).toEqual(['PAY-OLD-7']);
    // The Payments list's backfill (v7): every payment the old file knew, derived on the first read.
    expect((await journal.listPayments({}, 'created-asc')).items.map((p) => p.key)).toEqual(['LEGACY-ORDER-42', 'PAY-OLD-7']);
    await journal.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a v2 file to v3: old rows read as before, new rows store the body once and stay searchable', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE_NAME);
    const v2 = new Database(file);
    v2.exec(MIGRATIONS[0]!);
    v2.exec(MIGRATIONS[1]!);
    v2.pragma('user_version = 2');
    const oldBody = '{"notifyType":"PAYMENT_RESULT","paymentId":"PAY-V2-1","memo":"cranberry"}';
    const oldVerified = `POST /antom/notify\nSANDBOX_V2.1767225600000.${oldBody}`;
    const noteId = Number(v2.prepare(`INSERT INTO notifications (dedup_key, first_seen_at, last_seen_at, receiver_path, verification, content_verified, notify_type,
      headers_json, body, body_exact, body_sha256, body_bytes, payment_id) VALUES ('PAYMENT_RESULT|PAY-V2-1|SUCCESS', '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z', '/antom/notify', 'verified', ?, 'PAYMENT_RESULT', '{"client-id":"SANDBOX_V2"}', ?, 1, 'h', ?, 'PAY-V2-1')`)
      .run(oldVerified, Buffer.from(oldBody), oldBody.length).lastInsertRowid);
    v2.prepare(`INSERT INTO notification_attempts (notification_id, received_at, receiver_path, headers_json, body, body_exact, body_sha256, verification,
      answer_status, answered_at) VALUES (?, '2026-01-01T00:00:00.000Z', '/antom/notify', '{"client-id":"SANDBOX_V2"}', ?, 1, 'h', 'verified', 200,
      '2026-01-01T00:00:00.010Z')`).run(noteId, Buffer.from(oldBody));
    v2.close();

    const journal = SqliteJournal.open({ dataDir: dir });
    expect(journal.upgradedFrom).toBe(2);
    const old = (await journal.getNotification(noteId))!;
    expect(old.body).toBe(oldBody);
    expect(old.contentVerified).toBe(oldVerified);
    expect(old.attemptList).toMatchObject([{ receivedAt: '2026-01-01T00:00:00.000Z', answerStatus: 200, answeredAt: '2026-01-01T00:00:00.010Z' }]);
    expect((await journal.listNotifications({ text: 'cranberry' })).items.map((n) => n.id)).toEqual([noteId]);

    const fresh = notification({ notifyType: 'PAYMENT_RESULT', result: { resultCode: 'SUCCESS', resultStatus: 'S' }, paymentId: 'PAY-V3-1', memo: 'elderberry' }, '2026-01-02T00:00:00.000Z');
    const [first, resend] = await journal.storeNotifications([
      fresh,
      // Antom resends with its own request-time and signature; the body bytes differ here too.
      { ...fresh, receivedAt: '2026-01-02T00:02:00.000Z', headers: { ...fresh.headers, 'request-time': '1767312120000' }, rawBody: Buffer.from(`${fresh.rawBody.toString('utf8')} `) },
    ]);
    expect(resend).toMatchObject({ id: first!.id, attempts: 2 });
    const detail = (await journal.getNotification(first!.id))!;
    expect(detail.contentVerified).toBe(fresh.contentVerified);
    expect(detail.rawBody.equals(fresh.rawBody)).toBe(true);
    expect((await journal.listNotifications({ text: 'elderberry' })).items.map((n) => n.id)).toEqual([first!.id]);
    await journal.close();

    const db = new Database(file, { readonly: true });
    const row = db.prepare('SELECT * FROM notifications WHERE id = ?').get(first!.id) as NotificationRow;
    const attempts = db.prepare('SELECT * FROM notification_attempts WHERE notification_id = ? ORDER BY id').all(first!.id) as AttemptRow[];
    const oldAttempt = db.prepare('SELECT * FROM notification_attempts WHERE notification_id = ?').get(noteId) as AttemptRow;
    db.close();
    // The verified content keeps only the part before the body; the first POST borrows body and headers.
    expect(row.content_verified).toBe(`POST /antom/notify\nSANDBOX_5YBZ1234.${Date.parse('2026-01-02T00:00:00.000Z')}.`);
    expect(attempts[0]).toMatchObject({ body: null, headers_json: null });
    expect(attemptBodyOf(attempts[0]!, row).equals(fresh.rawBody)).toBe(true);
    expect(attemptHeadersOf(attempts[0]!, row)).toEqual(fresh.headers);
    // A resend keeps what differs.
    expect(attempts[1]!.body!.toString('utf8')).toBe(`${fresh.rawBody.toString('utf8')} `);
    expect(attemptHeadersOf(attempts[1]!, row)['request-time']).toBe('1767312120000');
    // Rows written before v3 were copied unchanged.
    expect(oldAttempt.body!.toString('utf8')).toBe(oldBody);
  });

  it('upgrades a v4 file to v5: disputes become findable by disputeId, old rejected notifyDispute rows included', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE_NAME);
    const v4 = new Database(file);
    for (const step of MIGRATIONS.slice(0, 4)) v4.exec(step);
    v4.pragma('user_version = 4');
    // A v4 console bounced notifyDispute as a rejected UNKNOWN row; a garbled body must not stop the upgrade.
    const insert = v4.prepare(`INSERT INTO notifications (first_seen_at, last_seen_at, receiver_path, verification, reject_reason, notify_type, headers_json, body,
      body_exact, body_sha256, body_bytes, payment_id) VALUES ('2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '/antom/notify', 'rejected', 'not-a-notification',
      'UNKNOWN', '{}', CAST(? AS BLOB), 1, 'h', 10, ?)`);
    const oldDispute = Number(insert.run('{"disputeId":"DSP-OLD-1","paymentId":"PAY-OLD-D","disputeNotificationType":"DISPUTE_CREATED"}', 'PAY-OLD-D').lastInsertRowid);
    insert.run('{"disputeId": broken', null);
    insert.run('{"disputeId":42}', null);
    v4.close();

    const journal = SqliteJournal.open({ dataDir: dir });
    expect(journal.upgradedFrom).toBe(4);
    expect((await journal.findById('DSP-OLD-1')).notifications.map((n) => n.id)).toEqual([oldDispute]);
    expect((await journal.listNotifications({ anyId: 'DSP-OLD-1' })).items[0]).toMatchObject({ disputeId: 'DSP-OLD-1', unrecognised: null });
    // New rows use the new columns: a dispute call records its disputeId like any other ID.
    await journal.recorder().record({ ...callRecordFor('DSP-NEW-1') });
    expect((await journal.listCalls({ anyId: 'DSP-NEW-1' })).items.map((c) => c.disputeId)).toEqual(['DSP-NEW-1']);
    await journal.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.prepare('SELECT count(*) AS n FROM notifications WHERE dispute_id IS NOT NULL').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('refuses a file from a newer console without touching it', async () => {
    const dir = tempDir();
    const file = join(dir, JOURNAL_FILE_NAME);
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    let caught: unknown;
    try {
      SqliteJournal.open({ dataDir: dir });
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'JOURNAL_VERSION_TOO_NEW' });
    expect((caught as Error).message).toContain(`schema ${SCHEMA_VERSION + 1}`);
    expect((caught as { hint: string }).hint).toMatch(/Update the console.*--data-dir/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a file that is not a database with a hint', async () => {
    const dir = tempDir();
    const file = join(dir, 'garbage.sqlite3');
    writeFileSync(file, 'this is not sqlite at all, just some text that is long enough to look like a header.....');
    expect(() => SqliteJournal.open({ dataDir: dir, file: 'garbage.sqlite3' })).toThrowError(expect.objectContaining({ code: 'JOURNAL_UNREADABLE' }));
  });
});
