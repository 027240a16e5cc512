/**
 * The journal commands of the real bin: they page as JSON ({entries, nextCursor}) so scripts can
 * read more than one page, they run with no usable keychain at all (a D-Bus address that leads
 * nowhere), and a damaged journal file is "could not be done" (exit 3), not bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { uniqueService } from '../support/keyring-env';
import { call, notification, OK, tempJournal, type TempJournal } from '../core/journal/journal-fixtures';
import type { CallSummary } from '../../src-shared/journal-views';

const CALLS = 520;
const NOTIFICATIONS = 510;

/** No keychain can be reached from here: the bus address names a socket that does not exist. */
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/antom-ops-no-bus-${process.pid}`, ANTOM_OPS_KEYCHAIN_SERVICE: uniqueService('nobus') };

let temp: TempJournal;
let expectedFirstPage: CallSummary[];

beforeAll(async () => {
  temp = await tempJournal();
  const recorder = await temp.journal.recorder();
  const start = Date.parse('2026-11-20T00:00:00Z');
  for (let i = 0; i < CALLS; i++) {
    await recorder.record(call('inquiryPayment', new Date(start + i * 1000).toISOString(), { paymentRequestId: `REQ-PAGE-${i}` }, { result: OK, paymentStatus: 'SUCCESS', paymentId: `PAY-PAGE-${i}` }));
  }
  await temp.journal.storeNotifications(Array.from({ length: NOTIFICATIONS }, (_, i) => notification(
    { notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `REQ-PAGE-${i}`, paymentId: `PAY-PAGE-${i}`, paymentAmount: { currency: 'USD', value: '100' } },
    new Date(start + i * 1000).toISOString(),
  )));
  expectedFirstPage = (await temp.journal.listCalls({}, { limit: 500 })).items;
});

afterAll(() => temp.cleanup());

/** Follows nextCursor until it is null, as a script would; returns every entry and the pages read. */
async function readAll(kind: 'calls' | 'notifications'): Promise<{ entries: Array<{ id: number }>; pages: number }> {
  const entries: Array<{ id: number }> = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const result = await runCli([kind, 'list', '--limit', '500', ...(cursor ? ['--cursor', cursor] : []), '--data-dir', temp.dir, '--json'], noKeychain);
    expect(result.code, result.stderr).toBe(0);
    const page = JSON.parse(result.stdout) as { entries: Array<{ id: number }>; nextCursor: string | null };
    expect(Object.keys(page).sort()).toEqual(['entries', 'nextCursor']);
    if (pages === 0 && kind === 'calls') {
      // Each entry keeps exactly the fields `calls list --json` printed before it paged.
      expect(page.entries).toEqual(JSON.parse(JSON.stringify(expectedFirstPage)));
    }
    entries.push(...page.entries);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 5);
  return { entries, pages };
}

describe('antom-ops journal commands', () => {
  it('page as JSON: more than 500 calls and notifications read entirely by following the cursor', async () => {
    const [calls, notifications] = await Promise.all([readAll('calls'), readAll('notifications')]);
    expect(calls.pages).toBe(2);
    expect(new Set(calls.entries.map((e) => e.id)).size).toBe(CALLS);
    expect(notifications.pages).toBe(2);
    expect(new Set(notifications.entries.map((e) => e.id)).size).toBe(NOTIFICATIONS);
  }, 120_000);

  it('run without touching the keychain (no D-Bus session can be reached)', async () => {
    const [status, show, timeline, exported, shown, pruned] = await Promise.all([
      runCli(['keys', 'status', '--data-dir', temp.dir, '--json'], noKeychain),
      runCli(['calls', 'show', String(expectedFirstPage[0]!.id), '--data-dir', temp.dir, '--json'], noKeychain),
      runCli(['timeline', 'REQ-PAGE-3', '--data-dir', temp.dir, '--json'], noKeychain),
      runCli(['export', 'calls', '--format', 'json', '--id', 'REQ-PAGE-7', '--data-dir', temp.dir], noKeychain),
      runCli(['notifications', 'show', '1', '--data-dir', temp.dir, '--json'], noKeychain),
      runCli(['prune', '--older-than-days', '3650', '--data-dir', temp.dir, '--json'], noKeychain),
    ]);
    // The keychain really is out of reach in this environment...
    expect(JSON.parse(status.stdout)).toMatchObject({ available: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    // ...and every journal command works all the same.
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ id: expectedFirstPage[0]!.id, api: 'inquiryPayment' });
    expect(timeline.code, timeline.stderr).toBe(0);
    expect(JSON.parse(timeline.stdout).paymentRequestIds).toContain('REQ-PAGE-3');
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toHaveLength(1);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).notifyType).toBe('PAYMENT_RESULT');
    expect(pruned.code, pruned.stderr).toBe(0);
    expect(JSON.parse(pruned.stdout)).toMatchObject({ calls: 0, notifications: 0 });
  }, 120_000);

  it('exit 3 (could not be done) on a damaged journal file, with the journal\'s own message', async () => {
    const damaged = mkdtempSync(join(tmpdir(), 'antom-cli-damaged-'));
    try {
      writeFileSync(join(damaged, 'journal.sqlite3'), 'this is not an SQLite database, just damaged bytes '.repeat(200));
      const [text, json] = await Promise.all([
        runCli(['calls', 'list', '--data-dir', damaged], noKeychain),
        runCli(['notifications', 'list', '--data-dir', damaged, '--json'], noKeychain),
      ]);
      expect(text.code).toBe(3);
      expect(text.stderr).toMatch(/journal .* could not be opened/);
      expect(text.stderr).toMatch(/what to do: If the file is damaged, move it aside/);
      expect(json.code).toBe(3);
      expect(JSON.parse(json.stdout).error.code).toBe('JOURNAL_UNREADABLE');
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  }, 60_000);
});
