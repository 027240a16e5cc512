/**
 * Settings › Shared journal through the handler table, with the real OS keychain (test/run-tests.sh
 * starts a private gnome-keyring) and the test run's real PostgreSQL server: attaching checks
 * first (refused login, unreachable server, unmigrated or newer database: typed errors, nothing
 * saved), keeps the password in the keychain under its own item and in no file of the data
 * directory, log line or answer; a restarted console opens the shared journal again from the
 * keychain; detaching returns to the embedded SQLite file and removes the item.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OperationInput, OperationName, OperationOutput } from '../../../src-shared/contract';
import type { ConsoleErrorShape } from '../../../src-shared/errors';
import { createCore, type Core } from '../../../src-main/core/compose';
import { dispatchOperation } from '../../../src-main/core/dispatch-operation';
import { POSTGRES_SCHEMA_VERSION } from '../../../src-main/core/journal/migrations/postgres';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import { describeWithKeyring, secretToolAccounts, secretToolLookup, uniqueService } from '../../support/keyring-env';
import { call } from '../journal/journal-fixtures';
import { paymentResultBody, sendNotification, signNotification } from '../../support/notification-sender';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../../support/postgres';

/** Every file under dir (recursively), as bytes. */
function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  const found: Array<{ path: string; bytes: Buffer }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path));
    else found.push({ path, bytes: readFileSync(path) });
  }
  return found;
}

describeWithKeyring('attaching the console to a shared journal (OS keychain)', () => {
  describeWithPostgres('on a real PostgreSQL server', () => {
    const service = uniqueService('journal-attach');
    const role = `journal_operator_${randomBytes(3).toString('hex')}`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const logLines: string[] = [];
    let shared: TestDatabase;
    let fresh: TestDatabase;
    let dataDir: string;
    let core: Core | undefined;
    let where: { host: string; database: string } = { host: '', database: '' };

    const start = async (): Promise<Core> => {
      core = await createCore({ dataDir, secretServiceName: service, ensureDefaultProfile: false, startReceiver: true, door: 'preview', log: (line) => logLines.push(line) });
      return core;
    };
    const ok = async <N extends OperationName>(name: N, input: OperationInput<N>): Promise<OperationOutput<N>> => {
      const result = await dispatchOperation(core!.handlers, name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as OperationOutput<N>;
    };
    const fails = async (name: OperationName, input: unknown): Promise<ConsoleErrorShape> => {
      const result = await dispatchOperation(core!.handlers, name, input);
      if (result.ok) throw new Error(`${name} was expected to fail`);
      return result.error;
    };
    /** The shared database's URL for our role, without a password. */
    const roleUrl = (db: TestDatabase, secret?: string): string => {
      const url = new URL(db.url);
      url.username = role;
      url.password = secret ?? '';
      return url.toString();
    };
    const account = (): string => `journal:${where.host}/${where.database}`;

    beforeAll(async () => {
      shared = await createTestDatabase('attach');
      fresh = await createTestDatabase('attach_fresh');
      // The shared journal is migrated by its owner (as `antom-ops db migrate` does); the console connects as an operator role.
      await (await openJournal({ engine: 'postgres', url: shared.url })).close();
      const admin = postgres(shared.url, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
        await admin.unsafe(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
        await admin.unsafe(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      } finally {
        await admin.end();
      }
      const url = new URL(shared.url);
      where = { host: url.host, database: shared.name };
      dataDir = mkdtempSync(join(tmpdir(), 'antom-attach-'));
      await start();
    }, 60_000);

    afterAll(async () => {
      await core?.close();
      await shared?.drop();
      await fresh?.drop();
      const admin = postgres(process.env.ANTOM_TEST_DATABASE_URL!, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await admin.end();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts on the embedded journal and says so', async () => {
      const connection = await ok('getJournalConnection', {});
      expect(connection).toMatchObject({ engine: 'sqlite', source: 'embedded', label: 'embedded (SQLite)' });
    });

    it('refuses, with a typed error and nothing saved: a wrong password, an unreachable server, an unmigrated or newer database, not a URL', async () => {
      const refusedLogin = await fails('attachJournal', { url: roleUrl(shared), password: 'not-the-password' });
      expect(refusedLogin.code).toBe('JOURNAL_AUTH_FAILED');
      expect(refusedLogin.hint).toMatch(/password/);

      const down = new URL(roleUrl(shared));
      down.port = '1';
      expect((await fails('attachJournal', { url: down.toString(), password })).code).toBe('JOURNAL_UNREACHABLE');

      const notMigrated = await fails('attachJournal', { url: fresh.url });
      expect(notMigrated.code).toBe('JOURNAL_NOT_MIGRATED');
      expect(notMigrated.hint).toContain('antom-ops db migrate --database');

      const newer = await openJournal({ engine: 'postgres', url: fresh.url });
      await newer.close();
      const admin = postgres(fresh.url, { max: 1, onnotice: () => undefined });
      await admin`INSERT INTO schema_migrations (version, name, console_version) VALUES (${POSTGRES_SCHEMA_VERSION + 1}, '9999-from-the-future', '99.0.0')`;
      await admin.end();
      expect((await fails('attachJournal', { url: fresh.url })).code).toBe('JOURNAL_VERSION_TOO_NEW');

      expect((await fails('attachJournal', { url: 'mysql://db.example.com/antom' })).code).toBe('VALIDATION_FAILED');

      expect(secretToolAccounts(service)).toEqual([]);
      expect(readdirSync(dataDir)).not.toContain('journal-attachment.json');
      expect((await ok('getJournalConnection', {})).engine).toBe('sqlite');
    });

    it('attaches: the password is in the keychain, in no file of the data directory, no answer and no log line; the header label names host/db and role', async () => {
      const connection = await ok('attachJournal', { url: roleUrl(shared), password });
      expect(connection).toMatchObject({ engine: 'postgres', source: 'settings', role, host: where.host, database: where.database });
      expect(connection.label).toBe(`shared — ${where.host}/${where.database} as ${role}`);
      expect(secretToolLookup(service, account())).toBe(password);

      // The console now writes to the shared journal (the row is there for every other console).
      await core!.journal.recordCall(call('inquiryPayment', new Date().toISOString(), { paymentRequestId: 'REQ-ATTACH-1' }, undefined));
      // The receiver that was running before the attach stores into the shared journal now (a
      // notification from an unknown client-id: kept, as rejected).
      const receiverUrl = new URL(core!.receiver!.url);
      const sent = await sendNotification(receiverUrl.origin, signNotification({ path: receiverUrl.pathname, body: paymentResultBody('PAY-ATTACH-1') }));
      expect(sent.status).not.toBe(200);
      let info = await ok('getJournalInfo', {});
      for (let i = 0; i < 100 && info.counts.notifications === 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        info = await ok('getJournalInfo', {});
      }
      expect(info.counts.calls).toBe(1);
      expect(info.counts.notifications).toBe(1);
      const reader = postgres(shared.url, { max: 1, onnotice: () => undefined });
      expect((await reader`SELECT count(*)::int AS n FROM calls WHERE payment_request_id = 'REQ-ATTACH-1'`)[0]!.n).toBe(1);
      await reader.end();

      const answers = JSON.stringify([connection, info, await ok('getAppStatus', {}), await ok('getJournalConnection', {})]);
      expect(answers).not.toContain(password);
      for (const file of filesUnder(dataDir)) expect(file.bytes.includes(password), file.path).toBe(false);
      expect(logLines.join('\n')).not.toContain(password);
      expect(readdirSync(dataDir)).toContain('journal-attachment.json');
    });

    it('a restarted console opens the shared journal again with the password from the keychain', async () => {
      await core!.close();
      await start();
      const connection = await ok('getJournalConnection', {});
      expect(connection).toMatchObject({ engine: 'postgres', source: 'settings', role });
      expect(connection.attachError).toBeUndefined();
      expect((await ok('getJournalInfo', {})).counts.calls).toBe(1);
    });

    it('a password given inside the URL is moved to the keychain too', async () => {
      const connection = await ok('attachJournal', { url: roleUrl(shared, password) });
      expect(connection.where).not.toContain(password);
      expect(secretToolLookup(service, account())).toBe(password);
      for (const file of filesUnder(dataDir)) expect(file.bytes.includes(password), file.path).toBe(false);
    });

    it('detaches: back to the embedded SQLite file, the keychain item and the saved URL removed', async () => {
      const connection = await ok('detachJournal', {});
      expect(connection).toMatchObject({ engine: 'sqlite', source: 'embedded', label: 'embedded (SQLite)' });
      expect(secretToolAccounts(service)).not.toContain(account());
      expect(readdirSync(dataDir)).not.toContain('journal-attachment.json');
      expect((await ok('getJournalInfo', {})).counts.calls).toBe(0);
      await core!.close();
      await start();
      expect((await ok('getJournalConnection', {})).engine).toBe('sqlite');
    });
  });
});
