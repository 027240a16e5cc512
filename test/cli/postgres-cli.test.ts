/**
 * The CLI on the shared journal, through the real bin, against the real PostgreSQL server of the
 * test run: `db migrate` / `db status`, two `notifications listen --database URL` receivers on one
 * database (a resend reaching the other receiver is an attempt of the first), and
 * `notifications list --database URL --json` giving the same entries and fields as the SQLite
 * journal gives for the same notification.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { vectors } from '../support/signature-vectors';
import { runCli, startCli } from '../support/run-cli';
import { paymentResultBody, sendNotification, signNotification } from '../support/notification-sender';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION as V } from '../../src-main/core/journal/migrations/postgres';

type Listener = Awaited<ReturnType<typeof startCli>>;
type Entry = Record<string, unknown>;

/** `notifications list --json` prints an array, or {entries, nextCursor} once the CLI pages: accept both. */
function entriesOf(stdout: string): Entry[] {
  const parsed = JSON.parse(stdout) as Entry[] | { entries: Entry[] };
  return Array.isArray(parsed) ? parsed : parsed.entries;
}

describeWithPostgres('antom-ops on a shared PostgreSQL journal', () => {
  let db: TestDatabase;
  let dir: string;
  let keyFile: string;
  const listeners: Listener[] = [];

  const listen = async (target: string[]): Promise<{ origin: string; path: string; first: Record<string, unknown> }> => {
    const listener = await startCli(['notifications', 'listen', '--port', '0', '--antom-public-key', keyFile, ...target, '--json']);
    listeners.push(listener);
    const first = JSON.parse(listener.firstLine) as Record<string, unknown>;
    const url = new URL(String(first.url));
    return { origin: url.origin, path: url.pathname, first };
  };

  beforeAll(async () => {
    db = await createTestDatabase('cli');
    dir = mkdtempSync(join(tmpdir(), 'antom-cli-pg-'));
    keyFile = join(dir, 'antom.pub');
    writeFileSync(keyFile, vectors.keys.antom.publicKeyPem);
  });

  afterAll(async () => {
    for (const l of listeners.splice(0)) expect(await l.stop()).toBe(0);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('db migrate applies the migrations and prints the version; db status reports it', async () => {
    const migrated = await runCli(['db', 'migrate', '--database', db.url]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(new RegExp(`schema version:\\s+${V}`));
    expect(migrated.stdout).toContain('0001-base-tables');
    expect(migrated.stdout + migrated.stderr).not.toContain(new URL(db.url).password);

    const again = await runCli(['db', 'migrate', '--database', db.url, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ engine: 'postgres', from: V, to: V, applied: [] });

    const status = await runCli(['db', 'status', '--database', db.url, '--json']);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report).toMatchObject({ engine: 'postgres', schemaVersion: V, knownSchemaVersion: V, counts: { notifications: 0, calls: 0, attempts: 0 } });
    expect(report.migrations).toEqual(POSTGRES_MIGRATIONS.map((m, i) => expect.objectContaining({ version: i + 1, name: m.name, consoleVersion: expect.any(String) })));
    expect(report.sizeBytes).toBeGreaterThan(0);
    expect(report.where).not.toContain(new URL(db.url).password);
  });

  it('two receivers on one database: one notification, the resend at the other receiver is its attempt; list matches the SQLite journal', async () => {
    const a = await listen(['--database', db.url]);
    const b = await listen(['--database', db.url]);
    const sqliteDir = join(dir, 'sqlite');
    const s = await listen(['--data-dir', sqliteDir]);
    // The contract: the first stdout line is {"url": ...}, and it never shows the password.
    expect(Object.keys(a.first)[0]).toBe('url');
    expect(JSON.stringify(a.first)).not.toContain(new URL(db.url).password);

    const body = paymentResultBody('PAY-PG-CLI-1', { value: '1250', currency: 'USD', paymentRequestId: 'REQ-PG-CLI-1' });
    for (const [target, resend] of [[a, false], [b, true], [s, false], [s, true]] as const) {
      const sent = await sendNotification(target.origin, signNotification({ path: target.path, body }));
      expect(sent.status, resend ? 'resend' : 'first').toBe(200);
    }

    const pg = await runCli(['notifications', 'list', '--database', db.url, '--json']);
    expect(pg.code, pg.stderr).toBe(0);
    const sqlite = await runCli(['notifications', 'list', '--data-dir', sqliteDir, '--json']);
    const pgEntries = entriesOf(pg.stdout);
    const sqliteEntries = entriesOf(sqlite.stdout);
    expect(pgEntries).toHaveLength(1);
    expect(pgEntries[0]).toMatchObject({ verification: 'verified', acknowledged: true, attempts: 2, duplicateOf: null, paymentId: 'PAY-PG-CLI-1', paymentRequestId: 'REQ-PG-CLI-1' });
    // Same entries, same fields: only the row id and the arrival times may differ.
    expect(Object.keys(pgEntries[0]!)).toEqual(Object.keys(sqliteEntries[0]!));
    const comparable = (e: Entry): Entry => {
      const { id: _id, receivedAt: _r, lastSeenAt: _l, ...rest } = e;
      return rest;
    };
    expect(comparable(pgEntries[0]!)).toEqual(comparable(sqliteEntries[0]!));
    expect(typeof pgEntries[0]!.receivedAt).toBe('string');
  });

  it('ANTOM_OPS_DATABASE_URL sets the default; the PG* variables fill what the URL leaves out', async () => {
    const byEnv = await runCli(['notifications', 'list', '--json'], { ANTOM_OPS_DATABASE_URL: db.url });
    expect(byEnv.code, byEnv.stderr).toBe(0);
    expect(entriesOf(byEnv.stdout).map((e) => e.paymentId)).toEqual(['PAY-PG-CLI-1']);
    // Host, port, user and password from PG* (set by the test run for its server).
    const bare = await runCli(['db', 'status', '--database', `postgresql:///${db.name}`, '--json']);
    expect(bare.code, bare.stderr).toBe(0);
    expect(JSON.parse(bare.stdout).counts).toEqual({ notifications: 1, attempts: 2, calls: 0 });
  });

  it('an unreachable server is a clear failure (exit 3) that names the server but not its password', async () => {
    const url = new URL(db.url);
    url.port = '1';
    url.password = 'never-print-me';
    const result = await runCli(['notifications', 'list', '--database', url.toString(), '--json']);
    expect(result.code).toBe(3);
    expect(result.stdout + result.stderr).not.toContain('never-print-me');
    expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'JOURNAL_UNREACHABLE' });
    const notAUrl = await runCli(['notifications', 'list', '--database', 'mysql://nope']);
    expect(notAUrl.code).toBe(2);
    expect(notAUrl.stderr).toContain('not a PostgreSQL URL');
  });
});
