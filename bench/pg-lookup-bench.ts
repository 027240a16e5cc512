/**
 * Lookup by any ID and a filtered page of 100 on PostgreSQL at 10k, 100k and 1M notifications
 * (issue 7 §6: p99 <= 5 ms and <= 50 ms, flat from 10k to 1M), through the real PostgresJournal
 * and the same queries as the SQLite `journal` section (measureLookups in journal-bench.ts).
 *
 * Filling: the first 10k through storeNotifications (the real write path, batches of 1,000); the
 * rest with one INSERT ... SELECT FROM generate_series per step, writing the same notifications
 * benchNotification(i) describes (same IDs, types, profiles, times, rejects, dedup keys, body
 * shape and search vector) straight into the journal's schema, since a million through the
 * receiver path would take most of an hour on this machine. Attempt rows are not written for
 * those: no lookup or page reads them. After each step VACUUM (ANALYZE), which is what autovacuum
 * does to a table after that many inserts (PostgreSQL 13+ vacuums on inserts too): done here, not
 * left to the autovacuum launcher, whose worker otherwise starts at a random moment, sometimes
 * inside the half second of lookups, and takes one of the two cores from the server and the bench
 * (seen once at 10k: the autovacuum of notifications ending inside the window, which had four 5-7 ms
 * lookups and no GC), then CHECKPOINT (the fill's dirty pages written before, not during, the
 * window). The lookups are measured as in the SQLite section: three rounds of 2,000 lookups and
 * 600 pages of each kind, one after another, each figure the median of the rounds' p99s, after 20
 * unmeasured ones on other IDs (measureLookups: the once-per-connection costs of a console).
 * BENCH_QUICK=1 stops at 100k. BENCH_ONLY=pg-lookup runs this section alone.
 */
import postgres from 'postgres';
import type { BenchOptions, BenchRow } from './bench-types';
import { openJournal } from '../src-main/core/journal/open-journal';
import { benchNotification, measureLookups, medianOfRounds, p99OfRounds } from './journal-bench';
import { benchPostgres, withDatabase } from './support/throwaway-postgres';

const STORE_FILL = 10_000;
const STORE_BATCH = 1_000;
/** Rows per bulk INSERT (one transaction each), so one step never holds a million rows in memory. */
const BULK_STEP = 100_000;

/**
 * benchNotification(i) for i in [$1, $2) as SQL: the same columns storeNotifications writes for it
 * (the search vector from the body's letters and digits, which is what search-text.ts makes of
 * these ASCII bodies). Change one with the other.
 */
const BULK_FILL_SQL = `
INSERT INTO notifications (dedup_key, first_seen_at, last_seen_at, receiver_path, remote_address, profile, verification, reject_reason,
  reject_detail, notify_type, result_status, result_code, status, amount_value, amount_currency, headers_json, body, body_exact, body_sha256,
  body_bytes, acknowledged, payment_request_id, payment_id, capture_request_id, capture_id, refund_request_id, refund_id, search)
SELECT CASE WHEN k = 19 THEN NULL ELSE t || '|' || i END, at, at, '/antom/notify', '127.0.0.1', CASE WHEN i % 2 = 1 THEN 'sandbox-a' ELSE 'sandbox-b' END,
  CASE WHEN k = 19 THEN 'rejected' ELSE 'verified' END, CASE WHEN k = 19 THEN 'wrong-key' END, CASE WHEN k = 19 THEN 'does not verify' END,
  t, 'S', 'SUCCESS', 'SUCCESS', '1000', 'USD',
  '{"client-id":"SANDBOX_BENCH","request-time":"' || ms || '","signature":"algorithm=RSA256,keyVersion=1,signature=abc"}',
  convert_to(body, 'UTF8'), 1, encode(sha256(convert_to(body, 'UTF8')), 'hex'), octet_length(body), 0,
  CASE WHEN k < 14 THEN 'PR-' || i END, pay, CASE WHEN k BETWEEN 14 AND 16 THEN 'CR-' || i END, CASE WHEN k BETWEEN 14 AND 16 THEN 'CAP-' || i END,
  CASE WHEN k >= 17 THEN 'RR-' || i END, CASE WHEN k >= 17 THEN 'REF-' || i END,
  to_tsvector('simple', lower(regexp_replace(body, '[^[:alnum:]]+', ' ', 'g')))
FROM (
  SELECT i, k, t, pay, at, ms, CASE
    WHEN k < 14 THEN '{"notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentRequestId":"PR-' || i
      || '","paymentId":"' || pay || '","paymentAmount":{"value":"' || (1000 + i % 9000) || '","currency":"USD"},"paymentCreateTime":"' || at || '","paymentTime":"' || at || '"}'
    WHEN k < 17 THEN '{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureRequestId":"CR-' || i
      || '","captureId":"CAP-' || i || '","paymentId":"' || pay || '","captureAmount":{"value":"1000","currency":"USD"}}'
    ELSE '{"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"refundStatus":"SUCCESS","refundRequestId":"RR-' || i
      || '","refundId":"REF-' || i || '","refundAmount":{"value":"500","currency":"USD"}}'
  END AS body
  FROM (
    SELECT i, i % 20 AS k, CASE WHEN i % 20 < 14 THEN 'PAYMENT_RESULT' WHEN i % 20 < 17 THEN 'CAPTURE_RESULT' ELSE 'REFUND_RESULT' END AS t,
      '2026' || lpad(i::text, 12, '0') || 'PAY' AS pay,
      to_char(timestamp '2026-01-01' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      (extract(epoch FROM timestamp '2026-01-01' + i * interval '1 second') * 1000)::bigint AS ms
    FROM generate_series($1::bigint, $2::bigint - 1) AS i
  ) AS base
) AS rows
ORDER BY i`;

interface SizeResult {
  size: number;
  lookup: number;
  page: number;
  selective: number;
  fillPerSec: number;
}

export async function runPgLookupBench(options: BenchOptions & { sizes?: number[] }): Promise<BenchRow[]> {
  const server = benchPostgres();
  if (!server) {
    process.stderr.write('bench: pg-lookup skipped: PostgreSQL is not installed (apt-get install -y postgresql), and ANTOM_BENCH_DATABASE_URL is not set.\n');
    return [];
  }
  const sizes = options.sizes ?? (options.quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
  const admin = postgres(server.url, { max: 1, onnotice: () => undefined });
  const database = `antom_bench_lookup_${process.pid}`;
  const results: SizeResult[] = [];
  try {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const url = withDatabase(server.url, database);
    const journal = await openJournal({ engine: 'postgres', url });
    const bulk = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      let stored = 0;
      for (const size of sizes) {
        const started = process.hrtime.bigint();
        for (; stored < Math.min(size, STORE_FILL); stored += STORE_BATCH) {
          await journal.storeNotifications(Array.from({ length: STORE_BATCH }, (_, j) => benchNotification(stored + j)));
        }
        if (stored < size) {
          // The journal's own secondary indexes, dropped for the bulk step and built again from
          // their definitions (a sorted build is many times faster than a million inserts into
          // each); the unique dedup key and the primary key stay.
          const indexes = await bulk.unsafe<{ name: string; definition: string }[]>(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename = 'notifications' AND indexdef NOT LIKE 'CREATE UNIQUE%'`);
          for (const { name } of indexes) await bulk.unsafe(`DROP INDEX "${name}"`);
          for (; stored < size; stored = Math.min(size, stored + BULK_STEP)) {
            await bulk.unsafe(BULK_FILL_SQL, [stored, Math.min(size, stored + BULK_STEP)]);
          }
          await bulk.unsafe("SET maintenance_work_mem = '256MB'");
          for (const { definition } of indexes) await bulk.unsafe(definition);
        }
        // The fill rate is the writing (and index build) alone, before the maintenance below.
        const fillSeconds = Number(process.hrtime.bigint() - started) / 1e9;
        // The whole database: storeNotifications also wrote attempts and pending-payment rows, and the
        // index rebuild changed the catalogs; autovacuum would visit each of them after this step.
        await bulk.unsafe('VACUUM (ANALYZE)');
        // And the checkpoint the server takes within minutes anyway: the fill and the vacuum dirtied
        // every page of the table, and writing them back (fsync on) inside the window is the fill's
        // cost, not a page's. A given server may refuse it (superuser or pg_checkpoint): then as is.
        await bulk.unsafe('CHECKPOINT').catch(() => undefined);
        const m = await measureLookups(journal, size);
        const previous = results.at(-1)?.size ?? 0;
        results.push({ size, lookup: p99OfRounds(m, 'lookup'), page: p99OfRounds(m, 'page'), selective: p99OfRounds(m, 'selective'), fillPerSec: (size - previous) / fillSeconds });
        process.stderr.write(`bench: pg-lookup at ${size.toLocaleString('en-US')} rows: lookup median ${medianOfRounds(m, 'lookup').toFixed(3)} ms, page median ${medianOfRounds(m, 'page').toFixed(3)} ms, selective median ${medianOfRounds(m, 'selective').toFixed(3)} ms\n`);
      }
    } finally {
      await bulk.end();
      await journal.close();
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    server.stop();
  }
  const first = results[0]!;
  const rows: BenchRow[] = [];
  const vsFirst = (value: number, base: number) => (first.size === results.at(-1)!.size ? {} : { baseline: { name: `same at ${first.size.toLocaleString('en-US')}`, value: base }, ratio: value / base });
  for (const r of results) {
    const label = r.size.toLocaleString('en-US');
    const isFirst = r === first;
    rows.push({
      name: `pg-lookup: lookup by any ID (p99) at ${label} notifications, PostgreSQL`, value: r.lookup, unit: 'ms',
      ...(isFirst ? {} : vsFirst(r.lookup, first.lookup)), goal: '<= 5 ms, flat from 10k to 1M', pass: r.lookup <= 5,
    });
    rows.push({
      name: `pg-lookup: filtered page of 100 (p99) at ${label} notifications, PostgreSQL`, value: r.page, unit: 'ms',
      ...(isFirst ? {} : vsFirst(r.page, first.page)), goal: '<= 50 ms, flat from 10k to 1M', pass: r.page <= 50,
    });
    rows.push({ name: `pg-lookup: selective filtered page (rejectReason + time, p99) at ${label}, PostgreSQL`, value: r.selective, unit: 'ms', goal: '<= 50 ms', pass: r.selective <= 50 });
    rows.push({ name: `pg-lookup: fill rate up to ${label} (${r.size <= STORE_FILL ? 'storeNotifications, 1,000 per batch' : 'bulk INSERT ... generate_series'})`, value: r.fillPerSec, unit: 'notifications/s' });
  }
  return rows;
}
