/**
 * `antom-ops audit list|export` through the real bin: entries from the embedded journal (and,
 * with a PostgreSQL server, from --database), filters, paging as JSON, export to a file, and
 * refusals of bad filter values with exit code 2. No keychain is needed (a journal-only door).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntentRecord } from '../../src-main/core/client/intent-journal';
import type { Journal } from '../../src-main/core/journal/journal';
import { openJournal } from '../../src-main/core/journal/open-journal';
import type { AuditEntry } from '../../src-shared/audit-views';
import { uniqueService } from '../support/keyring-env';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres';
import { runCli } from '../support/run-cli';

const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/antom-ops-no-bus-${process.pid}`, ANTOM_OPS_KEYCHAIN_SERVICE: uniqueService('audit') };

function intent(operation: IntentRecord['operation'], at: string, user: string, over: Partial<IntentRecord> = {}): IntentRecord {
  return {
    intentId: randomUUID(), intentKey: `${operation}|${randomUUID()}`, callId: randomUUID(), operation, requestIdField: undefined, requestId: undefined,
    amount: undefined, ids: {}, profile: 'sandbox-jp', environment: 'embedded', actor: { user, host: 'desk-1', door: 'cli' }, intendedAt: at, ...over,
  };
}

/** Three intents: amy's capture (S), bob's refund with no outcome, amy's cancel not sent. */
async function seed(journal: Journal): Promise<void> {
  const trail = journal.auditTrail();
  const capture = intent('capture', '2026-05-01T10:00:00.000Z', 'amy', { ids: { paymentId: 'PAY-CLI-1' }, amount: { currency: 'USD', value: '1234' } });
  const refund = intent('refund', '2026-05-01T11:00:00.000Z', 'bob', { ids: { paymentId: 'PAY-CLI-1' }, amount: { currency: 'USD', value: '200' } });
  const cancel = intent('cancel', '2026-05-02T09:00:00.000Z', 'amy', { ids: { paymentRequestId: 'PR-CLI-2' } });
  for (const i of [capture, refund, cancel]) await trail.recordIntent(i);
  await trail.recordOutcome({ intentId: capture.intentId, completedAt: '2026-05-01T10:00:01.000Z', outcome: 'S', resultStatus: 'S', resultCode: 'SUCCESS', errorCode: undefined, httpStatus: 200, attempts: 1 });
  await trail.recordOutcome({ intentId: cancel.intentId, completedAt: '2026-05-02T09:00:00.000Z', outcome: 'not-sent', resultStatus: undefined, resultCode: undefined, errorCode: 'AUDIT_NOT_RECORDED', httpStatus: undefined, attempts: 0 });
}

function cliCases(target: () => string[]): void {
  it('lists newest first with who, what and how it ended; --json pages with a cursor', async () => {
    const human = await runCli(['audit', 'list', ...target()], noKeychain);
    expect(human.code, human.stderr).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/amy@desk-1 \(cli\) cancel .*not sent/);
    expect(lines[1]).toMatch(/bob@desk-1 \(cli\) refund USD 2\.00 PAY-CLI-1 \[sandbox-jp\] sent, outcome unknown \(no outcome recorded\)/);
    expect(lines[2]).toMatch(/amy@desk-1 \(cli\) capture USD 12\.34 PAY-CLI-1 .*succeeded SUCCESS/);

    const first = await runCli(['audit', 'list', '--limit', '2', '--json', ...target()], noKeychain);
    const page1 = JSON.parse(first.stdout) as { entries: AuditEntry[]; nextCursor: string | null };
    expect(page1.entries.map((e) => e.operation)).toEqual(['cancel', 'refund']);
    const second = await runCli(['audit', 'list', '--limit', '2', '--cursor', page1.nextCursor!, '--json', ...target()], noKeychain);
    const page2 = JSON.parse(second.stdout) as { entries: AuditEntry[]; nextCursor: string | null };
    expect(page2.entries.map((e) => e.operation)).toEqual(['capture']);
    expect(page2.nextCursor).toBeNull();
  });

  it('filters by person, operation, outcome, ID and time', async () => {
    const ops = async (...flags: string[]) => {
      const r = await runCli(['audit', 'list', '--json', ...flags, ...target()], noKeychain);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { entries: AuditEntry[] }).entries.map((e) => e.operation);
    };
    expect(await ops('--person', 'amy@desk-1')).toEqual(['cancel', 'capture']);
    expect(await ops('--person', 'bob')).toEqual(['refund']);
    expect(await ops('--operation', 'capture,refund')).toEqual(['refund', 'capture']);
    expect(await ops('--outcome', 'pending')).toEqual(['refund']);
    expect(await ops('--id', 'PAY-CLI-1', '--since', '2026-05-01T10:30:00Z')).toEqual(['refund']);
  });

  it('exports CSV to a file and JSON to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-export-'));
    try {
      const file = join(dir, 'audit.csv');
      const written = await runCli(['audit', 'export', '--out', file, '--person', 'amy', ...target()], noKeychain);
      expect(written.code, written.stderr).toBe(0);
      expect(written.stderr).toContain('(2 entries)');
      const csv = readFileSync(file, 'utf8').trimEnd().split('\r\n');
      expect(csv).toHaveLength(3);
      expect(csv[0]).toMatch(/^id,intendedAt,person,/);
      const json = await runCli(['audit', 'export', '--format', 'json', '--outcome', 'S', ...target()], noKeychain);
      expect((JSON.parse(json.stdout) as Array<Record<string, unknown>>).map((r) => [r.operation, r.person, r.amountDisplay])).toEqual([['capture', 'amy@desk-1', 'USD 12.34']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses unknown filter values (exit 2) and says which', async () => {
    const bad = await runCli(['audit', 'list', '--outcome', 'perhaps', ...target()], noKeychain);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--outcome "perhaps" is not one of');
    const sub = await runCli(['audit', 'delete', ...target()], noKeychain);
    expect(sub.code).toBe(2);
  });
}

describe('antom-ops audit on the embedded journal', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-cli-'));
    const journal = await openJournal({ dataDir: dir });
    await seed(journal);
    await journal.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cliCases(() => ['--data-dir', dir]);
});

describeWithPostgres('antom-ops audit on a shared PostgreSQL journal (--database)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('audit_cli');
    const journal = await openJournal({ engine: 'postgres', url: db.url });
    await seed(journal);
    await journal.close();
  });
  afterAll(async () => db?.drop());
  cliCases(() => ['--database', db.url]);
});
