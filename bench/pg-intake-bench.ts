/**
 * Intake on PostgreSQL end to end (issue 7 §6): the real notification receiver over real HTTP,
 * each notification verified, stored in PostgreSQL by the receiver's group commit and only then
 * acknowledged, the load generator (support/receiver-load.ts) and the PostgreSQL server on the
 * same 2-core machine. Next to it, in the same run, with the same generator and the same signed
 * notifications: the SQLite receiver (group commit), i.e. the `receiver` section's figure.
 *
 * After each run every acknowledged id is looked up in the database it was stored in (verified,
 * exact body); one missing fails the section. The server is a throwaway cluster with fsync on and
 * synchronous_commit left ON (bench/support/throwaway-postgres.ts): an acknowledgement means the
 * COMMIT was flushed to disk, which is the whole point of acknowledging after storing.
 * BENCH_ONLY=pg-intake runs this section alone.
 */
import postgres from 'postgres';
import type { BenchOptions, BenchRow } from './bench-types';
import { openJournal } from '../src-main/core/journal/open-journal';
import { startPaymentsDrainThread } from '../src-main/core/receiver/payments-drain-thread';
import { sqliteRunJournal } from './receiver-bench';
import { benchBody } from './support/receiver-load';
import { medianRun, runReceiver, startLoadGenerator, stopLoadGenerator, type ReceiverRunResult, type RunJournal } from './support/receiver-run';
import { benchPostgres, withDatabase } from './support/throwaway-postgres';
import { postgresCpuSeconds, postmasterPid } from './support/postgres-cpu';

const GOAL_RATE = 1_500;
/** Runs per engine in a full bench, each on a fresh database; the rows give the median (medianRun). */
const INTAKE_RUNS = 3;
const GOAL_P99_MS = 100;
/** Acknowledged ids are checked this many per query. */
const CHECK_CHUNK = 5_000;

/** A fresh database on the bench server; acknowledged notifications checked in bulk by id. */
async function postgresRunJournal(serverUrl: string, database: string, postmaster: number | undefined): Promise<RunJournal> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${database}`);
  const url = withDatabase(serverUrl, database);
  const journal = await openJournal({ engine: 'postgres', url });
  return {
    journal,
    // As `antom-ops notifications listen --database` runs it: the list rows derived on a thread of their own.
    startPaymentsDrainer: () => startPaymentsDrainThread({ journal: { engine: 'postgres', url }, onError: (error) => process.stderr.write(`bench: pg-intake drain: ${String(error)}\n`) }),
    ...(postmaster === undefined ? {} : { serverCpuSeconds: () => postgresCpuSeconds(postmaster) }),
    countMissing: async (acked) => {
      const check = postgres(url, { max: 1, onnotice: () => undefined, types: { bigint: postgres.BigInt } });
      try {
        const stored = new Map<number, string>();
        for (let i = 0; i < acked.length; i += CHECK_CHUNK) {
          const ids = acked.slice(i, i + CHECK_CHUNK).map((a) => String(a.id));
          const rows = await check.unsafe<{ id: bigint; body: Buffer }[]>(
            "SELECT id, body FROM notifications WHERE id = ANY($1::bigint[]) AND verification = 'verified'", [ids]);
          for (const row of rows) stored.set(Number(row.id), row.body.toString('utf8'));
        }
        return acked.filter(({ id, index }) => stored.get(id) !== benchBody(index)).length;
      } finally {
        await check.end();
      }
    },
    dispose: async () => {
      await journal.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}

export async function runPgIntakeBench(options: BenchOptions & { count?: number; concurrency?: number }): Promise<BenchRow[]> {
  const server = benchPostgres();
  if (!server) {
    process.stderr.write('bench: pg-intake skipped: PostgreSQL is not installed (apt-get install -y postgresql), and ANTOM_BENCH_DATABASE_URL is not set.\n');
    return [];
  }
  const count = options.count ?? (options.quick ? 3_000 : 20_000);
  const concurrency = options.concurrency ?? 64;
  const runs = options.quick ? 1 : INTAKE_RUNS;
  const postmaster = postmasterPid(Number(new URL(server.url).port));
  let pg: ReceiverRunResult;
  let sqlite: ReceiverRunResult;
  try {
    const load = await startLoadGenerator(count);
    try {
      // Alternated, so a machine that slows down part-way weighs on both engines alike; the rows give the medians.
      const pgRuns: ReceiverRunResult[] = [];
      const sqliteRuns: ReceiverRunResult[] = [];
      for (let i = 0; i < runs; i++) {
        pgRuns.push(await runReceiver(load, await postgresRunJournal(server.url, `antom_bench_intake_${process.pid}_${i}`, postmaster), count, true, concurrency));
        sqliteRuns.push(await runReceiver(load, await sqliteRunJournal(), count, true, concurrency));
      }
      pg = medianRun(pgRuns);
      sqlite = medianRun(sqliteRuns);
    } finally {
      stopLoadGenerator(load);
    }
  } finally {
    server.stop();
  }
  const complete = pg.missing === 0 && pg.notAcknowledged === 0;
  const baselineName = `SQLite receiver, group commit, same run and generator (${count})`;
  const setting = `${count} at concurrency ${concurrency}, ${server.label}, synchronous_commit on${runs > 1 ? `, median of ${runs} runs` : ''}`;
  const rows: BenchRow[] = [
    {
      name: `pg-intake: notifications verified, stored in PostgreSQL and acknowledged (group commit, ${setting})`,
      value: Math.round(pg.rate), unit: 'notifications/s',
      baseline: { name: baselineName, value: Math.round(sqlite.rate) }, ratio: pg.rate / sqlite.rate,
      goal: `>= ${GOAL_RATE}/s on 2 cores, load generator and PostgreSQL on the same machine`,
      pass: pg.rate >= GOAL_RATE && complete,
    },
    {
      name: `pg-intake: p99 acknowledgement latency, PostgreSQL${runs > 1 ? `, median of ${runs} runs` : ''}`,
      value: Number(pg.p99.toFixed(2)), unit: 'ms',
      baseline: { name: baselineName, value: Number(sqlite.p99.toFixed(2)) }, ratio: pg.p99 / sqlite.p99,
      goal: `<= ${GOAL_P99_MS} ms (p50 ${pg.p50.toFixed(2)} ms; SQLite p50 ${sqlite.p50.toFixed(2)} ms)`,
      pass: pg.p99 <= GOAL_P99_MS,
    },
    {
      name: 'pg-intake: acknowledged notifications missing from PostgreSQL',
      value: pg.missing, unit: `of ${pg.acknowledged} acknowledged`,
      baseline: { name: `SQLite, of ${sqlite.acknowledged}`, value: sqlite.missing },
      goal: `0 (not acknowledged: PostgreSQL ${pg.notAcknowledged}, SQLite ${sqlite.notAcknowledged})`,
      pass: complete && sqlite.missing === 0,
    },
    {
      // Not a goal: what each notification costs, steadier than the rate on a shared machine.
      name: 'pg-intake: CPU per notification in the receiver process, PostgreSQL',
      value: Number(pg.cpuMsPerNotification.toFixed(3)), unit: 'ms',
      baseline: { name: 'SQLite receiver', value: Number(sqlite.cpuMsPerNotification.toFixed(3)) },
    },
  ];
  if (pg.serverCpuMsPerNotification !== undefined) {
    rows.push({ name: 'pg-intake: CPU per notification in the PostgreSQL server (all its processes)', value: Number(pg.serverCpuMsPerNotification.toFixed(3)), unit: 'ms' });
  }
  return rows;
}
