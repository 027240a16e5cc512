/**
 * What only the shared journal has to prove, on a real PostgreSQL server: migrations recorded in
 * schema_migrations and a newer database refused untouched; several receivers on one database
 * never storing one notification twice (the database decides, not process memory); search with
 * FTS5's word rules; errors that name the server but never its password.
 * The engine-agnostic behaviour is the contract suite's (postgres.contract.test.ts).
 */
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { ConsoleError } from '../../../../src-shared/errors';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from '../../../../src-main/core/journal/migrations/postgres';
import { PostgresJournal } from '../../../../src-main/core/journal/postgres/postgres-journal';
import { describeWithPostgres, useTestDatabase } from '../../../support/postgres';
import { ACK, OK, call, notification } from '../journal-fixtures';

const T0 = '2026-03-01T10:00:00.000Z';

function payment(i: number, at = T0) {
  return notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${i}`, paymentId: `2026030100${String(i).padStart(6, '0')}PAY`, paymentAmount: { value: '1000', currency: 'USD' } }, at);
}

describeWithPostgres('PostgresJournal on a real server', () => {
  const db = useTestDatabase('pg journal');
  const open: PostgresJournal[] = [];
  const openJournal = async (consoleVersion = '9.9.9-test'): Promise<PostgresJournal> => {
    const journal = await PostgresJournal.open({ url: db.url, consoleVersion });
    open.push(journal);
    return journal;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((j) => j.close()));
  });

  it('migrates at open, records what ran, when and by which console, and runs nothing twice', async () => {
    // Three consoles starting at once on an empty database: one migration, recorded once.
    const [a] = await Promise.all([openJournal('1.2.3'), openJournal('1.2.3'), openJournal('1.2.3')]);
    const rows = await a!.connection()<{ version: number; name: string; console_version: string; applied_at: Date }[]>`
      SELECT version, name, console_version, applied_at FROM schema_migrations ORDER BY version`;
    expect(rows.map((r) => [r.version, r.name, r.console_version])).toEqual(POSTGRES_MIGRATIONS.map((m, i) => [i + 1, m.name, '1.2.3']));
    expect(Date.now() - rows[0]!.applied_at.getTime()).toBeLessThan(60_000);
    const again = await openJournal('2.0.0');
    expect(again.migration).toMatchObject({ from: POSTGRES_SCHEMA_VERSION, to: POSTGRES_SCHEMA_VERSION, applied: [] });
  });

  it('refuses a database migrated by a newer console, without changing it', async () => {
    const journal = await openJournal();
    const sql = journal.connection();
    await sql`INSERT INTO schema_migrations (version, name, console_version) VALUES (${POSTGRES_SCHEMA_VERSION + 1}, '9999-from-the-future', '99.0.0')`;
    const before = await sql`SELECT count(*)::int AS n FROM schema_migrations`;
    const refused = await PostgresJournal.open({ url: db.url }).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsoleError);
    expect((refused as ConsoleError).code).toBe('JOURNAL_VERSION_TOO_NEW');
    expect((refused as ConsoleError).message).toContain(`schema ${POSTGRES_SCHEMA_VERSION + 1}`);
    expect((refused as ConsoleError).message).not.toContain(new URL(db.url).password);
    expect(await sql`SELECT count(*)::int AS n FROM schema_migrations`).toEqual(before);
    await sql`DELETE FROM schema_migrations WHERE version = ${POSTGRES_SCHEMA_VERSION + 1}`;
  });

  it('two receivers storing the same notifications at once keep one row each; every other POST is an attempt of it', async () => {
    const [r1, r2] = await Promise.all([openJournal(), openJournal()]);
    const base = 5_000;
    // Overlapping batches in opposite orders (the deadlock-prone case), several rounds in parallel.
    const batch = Array.from({ length: 40 }, (_, i) => payment(base + i));
    const rounds = await Promise.all([
      r1!.storeNotifications(batch, batch.map(() => ACK)),
      r2!.storeNotifications([...batch].reverse(), batch.map(() => ACK)),
      r1!.storeNotifications([...batch].reverse()),
      r2!.storeNotifications(batch),
    ]);
    const sql = r1!.connection();
    const stored = await sql<{ n: number; attempts: number; rows: number }[]>`
      SELECT count(*)::int AS n, sum(attempts)::int AS attempts, (SELECT count(*)::int FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id
        WHERE n.payment_request_id LIKE 'PR-5%') AS rows
      FROM notifications WHERE payment_request_id LIKE 'PR-5%'`;
    expect(stored[0]).toEqual({ n: 40, attempts: 160, rows: 160 });
    // Per notification: the same id from every receiver, exactly one "first" among the four POSTs.
    for (let i = 0; i < 40; i++) {
      const refs = [rounds[0]![i]!, rounds[1]![39 - i]!, rounds[2]![39 - i]!, rounds[3]![i]!];
      expect(new Set(refs.map((r) => r.id)).size).toBe(1);
      expect(refs.filter((r) => r.duplicateOf === undefined)).toHaveLength(1);
    }
    const listed = await r2!.listNotifications({ anyId: `PR-${base}` });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ attempts: 4, acknowledged: true });
  });

  it('a resend arriving at another receiver later becomes an attempt of the first', async () => {
    const [r1, r2] = await Promise.all([openJournal(), openJournal()]);
    const first = await r1!.storeNotification(payment(7_001), ACK);
    const resend = await r2!.storeNotification(payment(7_001, '2026-03-01T10:02:00.000Z'), ACK);
    expect(first.duplicateOf).toBeUndefined();
    expect(resend).toMatchObject({ id: first.id, duplicateOf: first.id, attempts: 2 });
    const detail = await r1!.getNotification(first.id);
    expect(detail?.attemptList.map((a) => a.receivedAt)).toEqual([T0, '2026-03-01T10:02:00.000Z']);
    expect(detail?.lastSeenAt).toBe('2026-03-01T10:02:00.000Z');
  });

  it('searches whole words like the SQLite engine (FTS5 unicode61): case-folded, phrases for IDs with dashes, no substrings', async () => {
    const journal = await openJournal();
    await journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'ORDER-Ünïcode-42', paymentId: 'P-SEARCH-1', note: 'Blue Whale' }, T0));
    await journal.recordCall(call('inquiryPayment', T0, { paymentRequestId: 'CALL-SEARCH-9' }, { result: OK, paymentStatus: 'SUCCESS' }));
    const found = async (text: string): Promise<number> => (await journal.listNotifications({ text })).items.length;
    expect(await found('blue')).toBe(1);
    expect(await found('WHALE blue')).toBe(1);
    expect(await found('order-unicode-42')).toBe(1);
    expect(await found('unicode-42')).toBe(1);
    expect(await found('whal')).toBe(0);
    expect(await found('blue shark')).toBe(0);
    expect(await found('42-unicode')).toBe(0);
    expect((await journal.listCalls({ text: 'call-search-9' })).items).toHaveLength(1);
  });

  it('says which server could not be reached, never its password', async () => {
    const url = new URL(db.url);
    url.port = '1';
    url.password = 'sup3r-secret-pw';
    const error = await PostgresJournal.open({ url: url.toString() }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).code).toBe('JOURNAL_UNREACHABLE');
    expect((error as ConsoleError).message).toContain('127.0.0.1:1');
    expect(JSON.stringify((error as ConsoleError).toShape())).not.toContain('sup3r-secret-pw');
    expect((error as ConsoleError).hint).toMatch(/running and reachable/);
  });

  it('describes itself without the password, and the libpq variables fill what the URL leaves out', async () => {
    const journal = await openJournal();
    expect(journal.describe()).not.toContain(new URL(db.url).password);
    expect(journal.describe()).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:/);
    const bare = `postgresql:///${db.name}`;
    const fromEnv = await PostgresJournal.open({ url: bare });
    open.push(fromEnv);
    expect((await fromEnv.counts()).notifications).toBeGreaterThanOrEqual(0);
    // Sanity: the bare URL really has no host, user or password of its own.
    expect(postgres(bare).options.host).toEqual([process.env.PGHOST ?? 'localhost']);
  });
});
