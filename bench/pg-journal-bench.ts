/**
 * The journal's write path on PostgreSQL (issue 7): storeNotifications in group commits of 100
 * through the real PostgresJournal (redaction, hashing, search vector, ON CONFLICT de-duplication,
 * attempt rows), 5% of the POSTs resends; next to the SQLite journal doing the same in the same run
 * (WAL, synchronous NORMAL: its default). Also a lookup by any ID and a filtered page of 100 on what
 * was stored. BENCH_ONLY=pg-journal runs this section alone; the server is the pg-driver section's
 * (bench/support/throwaway-postgres.ts, fsync on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { Journal } from '../src-main/core/journal/journal';
import { openJournal } from '../src-main/core/journal/open-journal';
import type { BenchOptions, BenchRow } from './bench-types';
import { percentile } from './bench-types';
import { benchNotification } from './journal-bench';
import { benchPostgres, withDatabase } from './support/throwaway-postgres';

const BATCH = 100;

async function measure(journal: Journal, total: number): Promise<{ perSecond: number; lookupP99: number; pageP99: number }> {
  const batches = Array.from({ length: total / BATCH }, (_, b) =>
    Array.from({ length: BATCH }, (_, j) => benchNotification(b > 0 && j % 20 === 19 ? (b * BATCH + j) % (b * BATCH) : b * BATCH + j)));
  const t0 = process.hrtime.bigint();
  for (const batch of batches) await journal.storeNotifications(batch);
  const perSecond = total / (Number(process.hrtime.bigint() - t0) / 1e9);
  const lookups: number[] = [];
  for (let k = 0; k < 300; k++) {
    const i = (k * 7_919) % total;
    const t = process.hrtime.bigint();
    await journal.listNotifications({ anyId: `2026${String(i).padStart(12, '0')}PAY` }, { limit: 100 });
    lookups.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const pages: number[] = [];
  for (let k = 0; k < 100; k++) {
    const t = process.hrtime.bigint();
    await journal.listNotifications({ notifyType: 'PAYMENT_RESULT', verification: 'verified' }, { limit: 100, cursor: String(total - ((k * 997) % (total - 200))) });
    pages.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { perSecond, lookupP99: percentile(lookups, 99), pageP99: percentile(pages, 99) };
}

export async function runPgJournalBench(options: BenchOptions): Promise<BenchRow[]> {
  const server = benchPostgres();
  if (!server) {
    process.stderr.write('bench: pg-journal skipped: PostgreSQL is not installed (apt-get install -y postgresql), and ANTOM_BENCH_DATABASE_URL is not set.\n');
    return [];
  }
  const total = options.quick ? 5_000 : 20_000;
  const admin = postgres(server.url, { max: 1, onnotice: () => undefined });
  const database = `antom_bench_journal_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'antom-bench-pg-journal-'));
  try {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const pgJournal = await openJournal({ engine: 'postgres', url: withDatabase(server.url, database) });
    const pg = await measure(pgJournal, total).finally(() => pgJournal.close());
    const sqliteJournal = await openJournal({ dataDir: dir });
    const sqlite = await measure(sqliteJournal, total).finally(() => sqliteJournal.close());
    const note = `${total} notifications, 5% resends, ${server.label}`;
    return [
      { name: 'pg-journal: storeNotifications, group commit of 100, PostgreSQL', value: pg.perSecond, unit: 'notifications/s', baseline: { name: 'SQLite journal, same run', value: sqlite.perSecond }, ratio: pg.perSecond / sqlite.perSecond, goal: `(reported) ${note}` },
      { name: `pg-journal: lookup by any ID p99 at ${total}, PostgreSQL`, value: pg.lookupP99, unit: 'ms', baseline: { name: 'SQLite', value: sqlite.lookupP99 }, goal: '(reported)' },
      { name: `pg-journal: filtered page of 100 p99 at ${total}, PostgreSQL`, value: pg.pageP99, unit: 'ms', baseline: { name: 'SQLite', value: sqlite.pageP99 }, goal: '(reported)' },
    ];
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
    server.stop();
  }
}
