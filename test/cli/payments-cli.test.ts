/**
 * `antom-ops payments list|export` on the real bin: the same handler as the console, no keychain
 * needed, filters spelled like the shareable link, JSON that pages with the cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { uniqueService } from '../support/keyring-env';
import { call, OK, tempJournal, type TempJournal } from '../core/journal/journal-fixtures';
import type { PaymentListItem } from '../../src-shared/payments-list';

const noKeychain = { DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/antom-ops-no-bus-${process.pid}`, ANTOM_OPS_KEYCHAIN_SERVICE: uniqueService('payments-cli') };
let temp: TempJournal;

beforeAll(async () => {
  temp = await tempJournal();
  const start = Date.parse('2026-11-20T00:00:00Z');
  for (let i = 0; i < 30; i++) {
    const currency = i % 2 === 0 ? 'USD' : 'EUR';
    await temp.journal.recordCall(call('inquiryPayment', new Date(start + i * 60_000).toISOString(), { paymentRequestId: `REQ-${i}` },
      { result: OK, paymentRequestId: `REQ-${i}`, paymentId: `PAY-${i}`, paymentStatus: i % 3 === 0 ? 'FAIL' : 'SUCCESS', paymentAmount: { currency, value: String(100 * (i + 1)) } }));
  }
});
afterAll(() => temp.cleanup());

describe('antom-ops payments', () => {
  it('lists with link-style filters as JSON and pages with the cursor', async () => {
    const first = await runCli(['payments', 'list', '--status', 'PAID', '--currency', 'USD', '--sort', 'amount-desc', '--limit', '5', '--data-dir', temp.dir, '--json'], noKeychain);
    expect(first.code, first.stderr).toBe(0);
    const page = JSON.parse(first.stdout) as { entries: PaymentListItem[]; nextCursor: string | null; total: number; link: string };
    expect(page.link).toBe('#/payments?status=PAID&currency=USD&sort=amount-desc');
    // USD: even i; PAID: i % 3 !== 0 → i in {2,4,8,10,14,16,20,22,26,28}
    expect(page.total).toBe(10);
    expect(page.entries.map((p) => p.key)).toEqual(['REQ-28', 'REQ-26', 'REQ-22', 'REQ-20', 'REQ-16']);
    const second = await runCli(['payments', 'list', '--status', 'PAID', '--currency', 'USD', '--sort', 'amount-desc', '--limit', '5', '--cursor', page.nextCursor!, '--data-dir', temp.dir, '--json'], noKeychain);
    expect((JSON.parse(second.stdout) as { entries: PaymentListItem[] }).entries.map((p) => p.key)).toEqual(['REQ-14', 'REQ-10', 'REQ-8', 'REQ-4', 'REQ-2']);
  });

  it('prints a readable list with the view link, and exports CSV', async () => {
    const text = await runCli(['payments', 'list', '--status', 'FAILED', '--min', '20', '--data-dir', temp.dir], noKeychain);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('3 payments  (#/payments?status=FAILED&min=20)');
    expect(text.stdout).toContain('FAILED');
    const csv = await runCli(['payments', 'export', '--currency', 'EUR', '--data-dir', temp.dir], noKeychain);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(16);
  });

  it('refuses a bad filter with exit 2 and says what to pass', async () => {
    const bad = await runCli(['payments', 'list', '--min', '10,50', '--data-dir', temp.dir], noKeychain);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min "10,50" is not a valid min');
    expect(bad.stderr).toContain('dot for decimals');
  });
});
