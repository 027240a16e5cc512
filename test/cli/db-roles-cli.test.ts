/**
 * `antom-ops db roles` through the real bin on the test run's PostgreSQL server: the roles and
 * grants after `db migrate`, a LOGIN role whose password comes on stdin (never argv) and that
 * can then log in as support, `db migrate` re-applying the grants once roles exist, and the
 * refusals that need no database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { postgresJournalAccess } from '../../src-main/core/journal/postgres/postgres-capabilities';
import { connectJournalDatabase } from '../../src-main/core/journal/postgres/postgres-connection';
import { runCli } from '../support/run-cli';
import { vectors } from '../support/signature-vectors';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres';

describeWithPostgres('antom-ops db roles', () => {
  let db: TestDatabase;
  const login = `alice_${randomBytes(3).toString('hex')}`;
  const password = `Secret-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    db = await createTestDatabase('db roles cli');
    expect((await runCli(['db', 'migrate', '--database', db.url])).code).toBe(0);
  });

  afterAll(async () => {
    await db?.drop();
    const admin = postgres(process.env.ANTOM_TEST_DATABASE_URL!, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`DROP ROLE IF EXISTS ${login}`).finally(() => admin.end());
  });

  it('creates the roles and grants, idempotently, and prints what each role holds', async () => {
    const first = await runCli(['db', 'roles', '--database', db.url, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.roles.map((r: { name: string }) => r.name)).toEqual(['antom_ops_intake', 'antom_ops_operator', 'antom_ops_support']);
    expect(report.grants).toContainEqual({ table: 'calls', intake: ['SELECT'], operator: ['SELECT', 'INSERT'], support: ['SELECT', 'INSERT'] });
    expect(first.stdout).not.toContain(new URL(db.url).password);

    const text = await runCli(['db', 'roles', '--database', db.url]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/antom_ops_support\s+exists\s+support agents: read everything, record inquiries only/);
    expect(text.stdout).toContain('support may record only inquiryPayment, inquiryRefund, downloadDisputeEvidence');
  });

  it('--login NAME --role support takes the password from stdin; the login then connects as support', async () => {
    const made = await runCli(['db', 'roles', '--database', db.url, '--login', login, '--role', 'support'], {}, `${password}\n`);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`login ${login}: created, member of support`);
    expect(made.stdout + made.stderr).not.toContain(password);

    const url = new URL(db.url);
    url.username = login;
    url.password = password;
    const sql = connectJournalDatabase(url.toString(), { max: 1 });
    try {
      const access = await postgresJournalAccess(sql);
      expect(access).toMatchObject({ user: login, roles: ['support'], capabilities: { recordMoneyCalls: false, recordInquiries: true, prune: false } });
    } finally {
      await sql.end();
    }
    const again = await runCli(['db', 'roles', '--database', db.url, '--login', login, '--role', 'support'], {}, `${password}\n`);
    expect(again.stdout).toContain(`login ${login}: password updated, member of support`);
  });

  it('a receiver on the support login refuses to start (it could not store notifications)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'antom-roles-cli-'));
    try {
      const keyFile = join(dir, 'antom.pub');
      writeFileSync(keyFile, vectors.keys.antom.publicKeyPem);
      const url = new URL(db.url);
      url.username = login;
      url.password = password;
      const listen = await runCli(['notifications', 'listen', '--port', '0', '--antom-public-key', keyFile, '--database', url.toString()]);
      expect(listen.code).toBe(2);
      expect(listen.stderr).toContain(`Connected to the shared journal as ${login} (support), which may not store notifications`);
      expect(listen.stderr).toContain('--role intake');
      expect(listen.stderr).not.toContain(password);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('db migrate re-applies the grants once the roles exist', async () => {
    const migrated = await runCli(['db', 'migrate', '--database', db.url]);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/roles:\s+grants re-applied/);
  });

  it('refuses without touching a database: the SQLite journal, --role alone, an unknown role, no password, a weak one', async () => {
    const sqlite = await runCli(['db', 'roles', '--data-dir', '/tmp/antom-roles-none']);
    expect(sqlite.code).toBe(2);
    expect(sqlite.stderr).toContain('db roles is for a shared PostgreSQL journal');
    expect((await runCli(['db', 'roles', '--database', db.url, '--role', 'support'])).stderr).toContain('--role goes with --login NAME');
    expect((await runCli(['db', 'roles', '--database', db.url, '--login', 'bob_x', '--role', 'admin'])).stderr).toContain('--role "admin" is not a journal role');
    expect((await runCli(['db', 'roles', '--database', db.url, '--login', 'bob_x', '--role', 'operator'], {}, '')).stderr).toContain('No password for bob_x was given');
    expect((await runCli(['db', 'roles', '--database', db.url, '--login', 'bob_x', '--role', 'operator'], {}, 'short\n')).stderr).toContain('at least 8 printable ASCII');
    expect((await runCli(['db', 'roles', '--database', db.url, '--login', 'Bad-Name', '--role', 'operator'], {}, `${password}\n`)).stderr).toContain('is not usable as a login name');
  });
});
