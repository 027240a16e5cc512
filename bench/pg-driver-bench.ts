/**
 * Which PostgreSQL driver the shared journal uses, on evidence (issue 7 §1): node-postgres (`pg`)
 * against postgres.js (`postgres`), same run, same server, same SQL text, on what the journal does:
 * - group commit: notifications stored in batches of 100 per transaction with
 *   INSERT ... ON CONFLICT (dedup_key) DO UPDATE (a resend becomes an attempt; 5% are resends of
 *   earlier notifications), once as one statement per notification (the journal's shape: each
 *   row's id feeds its attempt row) and once as one INSERT ... SELECT FROM unnest(arrays) per batch;
 * - lookup by an indexed id (payment_id), one at a time;
 * - a filtered page of 100 (notify type + verification + before a time, newest first).
 * Each workload runs twice per driver, in the order A B B A, so warm-up and server cache state do
 * not favour whichever goes first; throughput is the mean of the two, latencies are pooled.
 * BENCH_ONLY=pg-driver runs this section alone. The server: bench/support/throwaway-postgres.ts.
 * `pg` is only the comparison's baseline (the journal uses postgres.js): it is imported when the
 * section runs, and without it the section says so instead of failing.
 */
import postgres from 'postgres';
import type { BenchOptions, BenchRow } from './bench-types';
import { median, percentile } from './bench-types';
import { benchPostgres, withDatabase } from './support/throwaway-postgres';
import type * as PgModule from 'pg';

const BATCH = 100;
const TYPES = ['PAYMENT_RESULT', 'CAPTURE_RESULT', 'REFUND_RESULT'] as const;

const SCHEMA = `
  CREATE TABLE bench_notifications (
    id bigserial PRIMARY KEY,
    dedup_key text NOT NULL UNIQUE,
    notify_type text NOT NULL,
    payment_id text,
    received_at timestamptz NOT NULL,
    verification text NOT NULL,
    attempts integer NOT NULL DEFAULT 1,
    body text NOT NULL
  );
  CREATE INDEX bench_notifications_payment_id ON bench_notifications (payment_id);
  CREATE INDEX bench_notifications_page ON bench_notifications (notify_type, verification, received_at DESC, id DESC);`;

// The journal's write: every column as one array parameter, so a batch is ONE statement.
const STORE_SQL = `
  INSERT INTO bench_notifications (dedup_key, notify_type, payment_id, received_at, verification, body)
  SELECT k, t, p, r::timestamptz, v, b FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(k, t, p, r, v, b)
  ON CONFLICT (dedup_key) DO UPDATE SET attempts = bench_notifications.attempts + 1
  RETURNING id, (xmax = 0) AS inserted`;
// The same write one notification at a time (what a journal does when each row's id feeds the next
// statement): the driver's pipelining decides how many round trips a batch costs.
const STORE_ONE_SQL = `
  INSERT INTO bench_notifications (dedup_key, notify_type, payment_id, received_at, verification, body)
  VALUES ($1, $2, $3, $4::timestamptz, $5, $6)
  ON CONFLICT (dedup_key) DO UPDATE SET attempts = bench_notifications.attempts + 1
  RETURNING id, (xmax = 0) AS inserted`;
const LOOKUP_SQL = 'SELECT id, notify_type, payment_id, received_at, attempts FROM bench_notifications WHERE payment_id = $1';
const PAGE_SQL = `SELECT id, notify_type, payment_id, received_at, verification, attempts FROM bench_notifications
  WHERE notify_type = $1 AND verification = $2 AND received_at < $3 ORDER BY received_at DESC, id DESC LIMIT 100`;

/** The six column arrays of one batch. */
type BatchColumns = [string[], string[], string[], string[], string[], string[]];

interface Driver {
  name: string;
  exec(sqlText: string): Promise<void>;
  store(columns: BatchColumns): Promise<number>;
  storeEach(columns: BatchColumns): Promise<number>;
  lookup(paymentId: string): Promise<number>;
  page(notifyType: string, before: string): Promise<number>;
  end(): Promise<void>;
}

type NodePostgres = typeof PgModule;

function nodePostgres(pg: NodePostgres, url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    name: 'pg',
    exec: async (text) => void (await pool.query(text)),
    store: async (columns) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await client.query({ name: 'store', text: STORE_SQL, values: columns });
        await client.query('COMMIT');
        return result.rowCount ?? 0;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    // node-postgres sends a client's next query only after the previous one completed.
    storeEach: async (columns) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        let n = 0;
        for (let j = 0; j < columns[0].length; j++) {
          const r = await client.query({ name: 'store-one', text: STORE_ONE_SQL, values: columns.map((c) => c[j]) });
          n += r.rowCount ?? 0;
        }
        await client.query('COMMIT');
        return n;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    lookup: async (id) => (await pool.query({ name: 'lookup', text: LOOKUP_SQL, values: [id] })).rowCount ?? 0,
    page: async (type, before) => (await pool.query({ name: 'page', text: PAGE_SQL, values: [type, 'verified', before] })).rowCount ?? 0,
    end: () => pool.end(),
  };
}

function postgresJs(url: string): Driver {
  const sql = postgres(url, { max: 4, onnotice: () => undefined });
  return {
    name: 'postgres',
    exec: async (text) => void (await sql.unsafe(text)),
    store: async (columns) => {
      const rows = await sql.begin((tx) => tx.unsafe(STORE_SQL, columns, { prepare: true }));
      return rows.length;
    },
    // postgres.js pipelines the queries a transaction issues without awaiting each one.
    storeEach: async (columns) => {
      const results = await sql.begin((tx) => columns[0].map((_, j) => tx.unsafe(STORE_ONE_SQL, columns.map((c) => c[j]!), { prepare: true })));
      return results.reduce((n, rows) => n + rows.length, 0);
    },
    lookup: async (id) => (await sql.unsafe(LOOKUP_SQL, [id], { prepare: true })).length,
    page: async (type, before) => (await sql.unsafe(PAGE_SQL, [type, 'verified', before], { prepare: true })).length,
    end: () => sql.end({ timeout: 5 }),
  };
}

function paymentIdOf(i: number): string {
  return `2026${String(i).padStart(12, '0')}PAY`;
}

function timeOf(i: number): string {
  return new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
}

/** Index slots j % 20 === 19 carry resends, so those notifications are never stored: use the one before. */
function storedIndex(i: number): number {
  return i % 20 === 19 ? i - 1 : i;
}

/** Batch `b`: fresh notifications, 5 in 100 of them resends of earlier ones. */
function batchColumns(b: number): BatchColumns {
  const columns: BatchColumns = [[], [], [], [], [], []];
  for (let j = 0; j < BATCH; j++) {
    const fresh = b * BATCH + j;
    const i = b > 0 && j % 20 === 19 ? storedIndex((fresh * 7919) % (b * BATCH)) : fresh;
    const type = TYPES[i % TYPES.length]!;
    const body = JSON.stringify({ notifyType: type, paymentId: paymentIdOf(i), result: { resultStatus: 'S', resultCode: 'SUCCESS' }, paymentAmount: { value: String(1000 + (i % 9000)), currency: 'USD' } });
    columns[0].push(`${type}|${i}`);
    columns[1].push(type);
    columns[2].push(paymentIdOf(i));
    columns[3].push(timeOf(i));
    columns[4].push(i % 20 === 7 ? 'rejected' : 'verified');
    columns[5].push(body);
  }
  return columns;
}

interface Figures {
  perSecond: number[];
  eachPerSecond: number[];
  lookupMs: number[];
  pageMs: number[];
}

async function timed(run: () => Promise<unknown>, into: number[]): Promise<void> {
  const t0 = process.hrtime.bigint();
  await run();
  into.push(Number(process.hrtime.bigint() - t0) / 1e6);
}

async function runOnce(driver: Driver, batches: number, lookups: number, pages: number, figures: Figures): Promise<void> {
  await driver.exec('DROP TABLE IF EXISTS bench_notifications');
  await driver.exec(SCHEMA);
  const prepared = Array.from({ length: batches }, (_, b) => batchColumns(b));
  const t0 = process.hrtime.bigint();
  for (const columns of prepared) await driver.store(columns);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  figures.perSecond.push((batches * BATCH) / seconds);
  await driver.exec('TRUNCATE bench_notifications');
  const t1 = process.hrtime.bigint();
  for (const columns of prepared) await driver.storeEach(columns);
  figures.eachPerSecond.push((batches * BATCH) / (Number(process.hrtime.bigint() - t1) / 1e9));
  await driver.exec('ANALYZE bench_notifications');
  const stored = batches * BATCH;
  for (let k = 0; k < lookups; k++) {
    const i = storedIndex((k * 104_729) % stored);
    await timed(async () => {
      if ((await driver.lookup(paymentIdOf(i))) === 0) throw new Error(`pg-driver bench: ${driver.name} did not find payment ${i}`);
    }, figures.lookupMs);
  }
  for (let k = 0; k < pages; k++) {
    const before = timeOf(stored - ((k * 7_919) % Math.max(1, stored - 1_000)));
    await timed(() => driver.page(TYPES[k % TYPES.length]!, before), figures.pageMs);
  }
}

export async function runPgDriverBench(options: BenchOptions): Promise<BenchRow[]> {
  let pg: NodePostgres;
  try {
    pg = (await import('pg')).default as unknown as NodePostgres;
  } catch {
    process.stderr.write('bench: pg-driver skipped: node-postgres (`pg`) is not installed; it is only needed to compare the drivers.\n');
    return [];
  }
  const server = benchPostgres();
  if (!server) {
    process.stderr.write('bench: pg-driver skipped: PostgreSQL is not installed (apt-get install -y postgresql), and ANTOM_BENCH_DATABASE_URL is not set.\n');
    return [];
  }
  const batches = options.quick ? 100 : 400;
  const lookups = options.quick ? 500 : 2_000;
  const pages = options.quick ? 150 : 600;
  const admin = postgres(server.url, { max: 1, onnotice: () => undefined });
  const database = `antom_bench_driver_${process.pid}`;
  try {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const url = withDatabase(server.url, database);
    const drivers = [nodePostgres(pg, url), postgresJs(url)];
    const figures = new Map(drivers.map((d) => [d.name, { perSecond: [], eachPerSecond: [], lookupMs: [], pageMs: [] } as Figures]));
    try {
      for (const driver of [drivers[0]!, drivers[1]!, drivers[1]!, drivers[0]!]) {
        process.stderr.write(`bench: pg-driver: ${driver.name}...\n`);
        await runOnce(driver, batches, lookups, pages, figures.get(driver.name)!);
      }
    } finally {
      for (const d of drivers) await d.end();
    }
    const a = figures.get('pg')!;
    const b = figures.get('postgres')!;
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const note = `${batches * BATCH} notifications x2 per driver, ${server.label}`;
    return [
      { name: 'pg-driver: postgres.js group commit (100/tx, one statement per notification)', value: mean(b.eachPerSecond), unit: 'notifications/s', baseline: { name: 'pg', value: mean(a.eachPerSecond) }, ratio: mean(b.eachPerSecond) / mean(a.eachPerSecond), goal: `higher is better; ${note}` },
      { name: 'pg-driver: postgres.js group commit (100/tx, one unnest statement per batch)', value: mean(b.perSecond), unit: 'notifications/s', baseline: { name: 'pg', value: mean(a.perSecond) }, ratio: mean(b.perSecond) / mean(a.perSecond), goal: 'higher is better' },
      { name: 'pg-driver: postgres.js lookup by payment id p99', value: percentile(b.lookupMs, 99), unit: 'ms', baseline: { name: 'pg', value: percentile(a.lookupMs, 99) }, ratio: percentile(b.lookupMs, 99) / percentile(a.lookupMs, 99), goal: 'lower is better' },
      { name: 'pg-driver: postgres.js lookup by payment id p50', value: median(b.lookupMs), unit: 'ms', baseline: { name: 'pg', value: median(a.lookupMs) }, ratio: median(b.lookupMs) / median(a.lookupMs), goal: 'lower is better' },
      { name: 'pg-driver: postgres.js filtered page of 100 p99', value: percentile(b.pageMs, 99), unit: 'ms', baseline: { name: 'pg', value: percentile(a.pageMs, 99) }, ratio: percentile(b.pageMs, 99) / percentile(a.pageMs, 99), goal: 'lower is better' },
      { name: 'pg-driver: postgres.js filtered page of 100 p50', value: median(b.pageMs), unit: 'ms', baseline: { name: 'pg', value: median(a.pageMs) }, ratio: median(b.pageMs) / median(a.pageMs), goal: 'lower is better' },
    ];
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    server.stop();
  }
}
