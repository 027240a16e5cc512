/**
 * The Payments list at 1,000,000 payments (issue 9 §1 and §5), BENCH_ONLY=payments-list:
 * - fill: 1,000,000 rows written straight into the journal's `payments` summary table (the rows
 *   the fold would write; deriving them from a million payments' calls would measure the fold,
 *   not the list), in one transaction through a second connection to the same WAL file;
 * - page query p99: keyset pages through journal.listPayments: 300 consecutive pages of 100 on the
 *   default sort, and 100 each with a status filter, a currency filter sorted by amount, and a
 *   date range; baseline: the same first page on an empty list;
 * - frame time while scrolling the list in chromium (p95 of requestAnimationFrame deltas, the
 *   grid's scroller moved 3,000 px a frame) beside the same page idle; goal p95 <= 20 ms;
 * - JS heap after scrolling the WHOLE list (30,000 px a frame to the end, then a forced GC,
 *   Runtime.getHeapUsage); goal < 100 MB.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SessionSecretStore } from '../src-main/core/keychain/session-secret-store';
import { JOURNAL_FILE_NAME } from '../src-main/core/journal/sqlite-journal';
import { upsertPaymentSql } from '../src-main/core/journal/payments-queries';
import { amountMilli } from '../src-main/core/journal/payment-list-row';
import { startPreviewServer, type PreviewServer } from '../src-main/preview/preview-server';
import type { PaymentListFilter, PaymentSort } from '../src-shared/payments-list';
import { buildRenderer } from '../test/e2e/support/build-renderer';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE, chromiumMissingReason } from '../test/e2e/support/chromium-launch';
import type { BenchOptions, BenchRow } from './bench-types';
import { percentile } from './bench-types';

const VIEWPORT = { width: 1440, height: 900 };
const STATES = ['PAID', 'PAID', 'PAID', 'CAPTURED', 'AUTHORISED', 'FAILED', 'CANCELLED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'EXPIRED', 'PROCESSING'];
const CURRENCIES: [string, number][] = [['USD', 2], ['EUR', 2], ['JPY', 0], ['SGD', 2], ['KWD', 3]];
const METHODS = ['CARD', 'ALIPAY_CN', 'GCASH', 'KAKAOPAY', 'DANA'];

/** Fill the summary table; returns ms. */
function fill(file: string, count: number): number {
  const started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(upsertPaymentSql('sqlite'));
  const base = Date.now() - count * 1000;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const [currency, exponent] = CURRENCIES[i % CURRENCIES.length]!;
      const value = BigInt(100 + ((i * 7919) % 500_000)) * 10n ** BigInt(exponent) / 100n + 1n;
      const state = STATES[i % STATES.length]!;
      const at = new Date(base + i * 1000).toISOString();
      insert.run({
        key: `BENCH-PR-${String(i).padStart(7, '0')}`, payment_request_id: `BENCH-PR-${String(i).padStart(7, '0')}`, payment_id: `2026${String(i).padStart(16, '0')}`,
        status: state, amount_value: value.toString(), currency, amount_milli: amountMilli(value, currency), method: METHODS[i % METHODS.length]!,
        created_at: at, updated_at: new Date(base + i * 1000 + (i % 97) * 1000).toISOString(),
        captured_value: state === 'PAID' || state === 'CAPTURED' ? value.toString() : null, refunded_value: state.endsWith('REFUNDED') ? (value / 2n).toString() : null,
        disputes: i % 500 === 0 ? 1 : 0, profile: i % 3 === 0 ? 'sandbox-us' : 'Embedded sandbox', last_actor: i % 2 ? 'antom' : 'user',
        failure_code: state === 'FAILED' ? 'USER_BALANCE_NOT_ENOUGH' : null, checked_at: null, expires_at: null,
      });
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return performance.now() - started;
}

async function pageTimes(server: PreviewServer, filter: PaymentListFilter, sort: PaymentSort, pages: number): Promise<number[]> {
  const times: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const started = performance.now();
    const page = await server.core.journal.listPayments(filter, sort, { limit: 100, ...(cursor ? { cursor } : {}) });
    times.push(performance.now() - started);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return times;
}

const FRAME_LOOP = `({ frames, step, toEnd }) => new Promise((resolve) => {
  const scroller = document.querySelector('[data-testid="payments-viewport"]');
  const deltas = [];
  let last;
  function tick(t) {
    if (last !== undefined) deltas.push(t - last);
    last = t;
    if (scroller && step > 0) scroller.scrollTop = scroller.scrollTop + step;
    const atEnd = scroller && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    if (toEnd ? !atEnd && deltas.length < frames : deltas.length < frames) { requestAnimationFrame(tick); return; }
    resolve({ deltas, scrollTop: scroller ? scroller.scrollTop : 0, scrollHeight: scroller ? scroller.scrollHeight : 0 });
  }
  requestAnimationFrame(tick);
})`;

interface Frames { deltas: number[]; scrollTop: number; scrollHeight: number }

async function frames(page: Page, count: number, step: number, toEnd = false): Promise<Frames> {
  return (await page.evaluate(`(${FRAME_LOOP})(${JSON.stringify({ frames: count, step, toEnd })})`)) as Frames;
}

function listUrl(server: PreviewServer): string {
  const url = new URL(server.url);
  const token = new URLSearchParams(url.hash.replace(/^#/, '')).get('token') ?? server.token;
  url.hash = `/payments?token=${encodeURIComponent(token)}`;
  return url.toString();
}

export async function runPaymentsListBench(opts: BenchOptions): Promise<BenchRow[]> {
  const count = opts.quick ? 100_000 : 1_000_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'antom-ops-payments-bench-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startPreviewServer({ dataDir, core: { secrets: new SessionSecretStore() } });
    const emptyFirst = await pageTimes(server, {}, 'created-desc', 1);
    const fillMs = fill(join(dataDir, JOURNAL_FILE_NAME), count);
    await server.core.journal.listPayments({}, undefined, { limit: 1 }); // warm the statement cache and the fold
    const countStarted = performance.now();
    const total = (await server.core.journal.listPayments({}, undefined, { limit: 1, withTotal: true })).total ?? 0;
    const countMs = performance.now() - countStarted;
    const times = [
      ...(await pageTimes(server, {}, 'created-desc', 300)),
      ...(await pageTimes(server, { status: 'FAILED' }, 'created-desc', 100)),
      ...(await pageTimes(server, { currency: 'USD' }, 'amount-desc', 100)),
      ...(await pageTimes(server, { since: new Date(Date.now() - count * 500).toISOString() }, 'updated-desc', 100)),
    ];
    const p99 = percentile(times, 99);
    process.stderr.write(`bench: payments-list: filled ${total.toLocaleString('en-US')} payments in ${Math.round(fillMs)} ms; count(*) ${Math.round(countMs)} ms; ${times.length} pages, p50 ${percentile(times, 50).toFixed(2)} ms\n`);
    const rows: BenchRow[] = [{
      name: `Payments list: page query p99 at ${count.toLocaleString('en-US')} payments (${times.length} keyset pages of 100, four filters/sorts)`,
      value: p99, unit: 'ms', baseline: { name: 'first page of an empty list', value: emptyFirst[0]! }, ratio: p99 / emptyFirst[0]!,
      goal: 'reported; the total (count, once per filter) is ' + `${Math.round(countMs)} ms`,
    }];

    const missing = chromiumMissingReason();
    if (missing) {
      process.stderr.write(`bench: payments-list browser part skipped: ${missing}\n`);
      return rows;
    }
    buildRenderer();
    browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: [...CHROMIUM_ARGS], headless: true });
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(listUrl(server));
    await page.locator('[data-testid="payments-viewport"] [role="row"] a').first().waitFor({ timeout: 60_000 });
    const idle = await frames(page, 240, 0);
    const scrolling = await frames(page, opts.quick ? 300 : 1200, 3000);
    const whole = await frames(page, 100_000, 30_000, true);
    // Let the last pages land (the oldest payment is the last row), then measure what stays after a full GC.
    await page.locator('[data-testid="payments-viewport"] [role="row"] a', { hasText: 'BENCH-PR-0000000' }).waitFor({ timeout: 30_000 }).catch(() => undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const lastRowVisible = await page.locator('[data-testid="payments-viewport"] [role="row"] a', { hasText: 'BENCH-PR-0000000' }).count();
    const shownAtEnd = (await page.locator('[data-testid="payments-viewport"] [role="row"]').allInnerTexts()).slice(-2).map((t) => t.split('\n')[0]).join(', ');
    await context.close();
    const mb = heap.usedSize / 1024 / 1024;
    process.stderr.write(`bench: payments-list: scrolled to ${Math.round(whole.scrollTop).toLocaleString('en-US')} of ${Math.round(whole.scrollHeight).toLocaleString('en-US')} px in ${whole.deltas.length} frames; oldest payment on screen: ${lastRowVisible > 0 ? 'yes' : 'no'} (last rows: ${shownAtEnd})\n`);
    const scrollP95 = percentile(scrolling.deltas, 95);
    rows.push(
      {
        name: `Payments list: p95 frame while scrolling ${count.toLocaleString('en-US')} payments (chromium, 3,000 px a frame)`,
        value: scrollP95, unit: 'ms', baseline: { name: 'same page idle, p95 frame', value: percentile(idle.deltas, 95) }, ratio: scrollP95 / percentile(idle.deltas, 95),
        goal: '<= 20 ms', pass: scrollP95 <= 20,
      },
      {
        name: `Payments list: JS heap after scrolling the whole list (${count.toLocaleString('en-US')} payments, after GC)`,
        value: mb, unit: 'MB', goal: '< 100 MB', pass: mb < 100 && whole.scrollTop + 1000 >= whole.scrollHeight - VIEWPORT.height,
      },
    );
    return rows;
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
