/**
 * Memory soak of an intake instance (issue 7 §6): a real `antom-ops notifications listen
 * --database URL` child process (the built CLI, rebuilt first with `npm run build:node` so it runs
 * these sources) takes 1,000,000 signed notifications over real HTTP into PostgreSQL, every 20th
 * POST a resend of an earlier one; its RSS is read from /proc every 50,000 answers. PASS when
 * every sample after the first 100,000 stays within 20% of the sample at 100,000.
 * BENCH_QUICK=1 runs a tenth (100,000, sampled every 5,000, reference at 10,000);
 * BENCH_SOAK_COUNT=N sets another total (sampled every N/20, reference at N/10).
 *
 * The notifications are signed here as they are sent (a million can't be signed up front) with
 * the test Antom key (RSA-2048; the receiver refuses shorter keys). Signing is the load
 * generator's cost and the slowest part of the run on 2 cores: the full million takes as long as
 * a million RSA-2048 signatures plus the receiver's work (the printed rate says how long).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { BenchOptions, BenchRow } from './bench-types';
import { ACKNOWLEDGEMENT_BODY } from '../src-main/core/receiver/notification-answers';
import { antomTestPrivateKey, antomTestPublicKey, paymentResultBody, signNotification } from '../test/support/notification-sender';
import { Connection, serialise } from './support/receiver-load';
import { benchPostgres, withDatabase } from './support/throwaway-postgres';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'antom-ops.mjs');
const PATH = '/antom/notify';
const CONCURRENCY = 32;
/** Every RESEND_EVERY-th POST re-sends one of the last RESEND_WINDOW requests (same bytes, as a retry would). */
const RESEND_EVERY = 20;
const RESEND_WINDOW = 1_000;
const TOLERANCE = 0.2;

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

interface Sample {
  at: number;
  rssMb: number;
}

export async function runPgSoakBench(options: BenchOptions): Promise<BenchRow[]> {
  const total = Number(process.env.BENCH_SOAK_COUNT ?? (options.quick ? 100_000 : 1_000_000));
  const sampleEvery = Math.max(1, Math.round(total / 20));
  const reference = Math.round(total / 10);
  const build = spawnSync('npm', ['run', '--silent', 'build:node'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('pg-soak: `npm run build:node` failed; the soak runs the built CLI.');
  const server = benchPostgres();
  if (!server) {
    process.stderr.write('bench: pg-soak skipped: PostgreSQL is not installed (apt-get install -y postgresql), and ANTOM_BENCH_DATABASE_URL is not set.\n');
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'antom-bench-soak-'));
  const database = `antom_bench_soak_${process.pid}`;
  const admin = postgres(server.url, { max: 1, onnotice: () => undefined });
  const privateKey = antomTestPrivateKey();
  const publicKey = antomTestPublicKey();
  const keyFile = join(dir, 'antom-public.pem');
  writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  const samples: Sample[] = [];
  let acknowledged = 0;
  let failed = 0;
  let seconds: number | undefined;
  let stored: { notifications: number; attempts: number } | undefined;
  try {
    await admin.unsafe(`CREATE DATABASE ${database}`);
    const url = withDatabase(server.url, database);
    const child = spawn(process.execPath, [CLI, 'notifications', 'listen', '--port', '0', '--path', PATH, '--antom-public-key', keyFile, '--database', url, '--json'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`the receiver exited (${code}) before it printed its URL`)));
      });
      const origin = new URL((JSON.parse(first) as { url: string }).url);
      const recent: Buffer[] = [];
      const connections = await Promise.all(Array.from({ length: CONCURRENCY }, () => Connection.open(Number(origin.port), origin.hostname)));
      let next = 0;
      let answered = 0;
      const started = performance.now();
      await Promise.all(connections.map(async (connection) => {
        for (let i = next++; i < total; i = next++) {
          let request: Buffer;
          if (i % RESEND_EVERY === RESEND_EVERY - 1 && recent.length > 0) request = recent[(i * 7) % recent.length]!;
          else {
            request = serialise(signNotification({ path: PATH, body: paymentResultBody(`SOAK-${i}`, { value: String(1000 + (i % 9000)) }), privateKey }), origin.host);
            if (recent.length < RESEND_WINDOW) recent.push(request);
            else recent[i % RESEND_WINDOW] = request;
          }
          const answer = await connection.send(request);
          if (answer.status === 200 && answer.body === ACKNOWLEDGEMENT_BODY) acknowledged++;
          else failed++;
          if (++answered % sampleEvery === 0) {
            samples.push({ at: answered, rssMb: rssMb(child.pid!) });
            process.stderr.write(`bench: pg-soak ${answered.toLocaleString('en-US')} answered, receiver RSS ${samples.at(-1)!.rssMb.toFixed(1)} MB\n`);
          }
        }
      }));
      seconds = (performance.now() - started) / 1000;
      for (const c of connections) c.close();
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    }
    const db = postgres(url, { max: 1, onnotice: () => undefined });
    const [row] = await db.unsafe<{ notifications: string; attempts: string }[]>('SELECT count(*) AS notifications, coalesce(sum(attempts), 0) AS attempts FROM notifications');
    await db.end();
    stored = { notifications: Number(row!.notifications), attempts: Number(row!.attempts) };
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
    server.stop();
  }
  const base = samples.find((s) => s.at >= reference) ?? samples[0]!;
  const after = samples.filter((s) => s.at > base.at);
  const worst = Math.max(0, ...after.map((s) => Math.abs(s.rssMb - base.rssMb) / base.rssMb));
  const curve = samples.map((s) => `${s.at >= 1000 ? `${s.at / 1000}k` : s.at}: ${s.rssMb.toFixed(0)}`).join(', ');
  return [
    {
      name: `pg-soak: receiver RSS through ${total.toLocaleString('en-US')} notifications (${100 / RESEND_EVERY}% resends), largest drift from the level at ${base.at.toLocaleString('en-US')}`,
      value: Number((worst * 100).toFixed(1)), unit: `% (of ${base.rssMb.toFixed(1)} MB at ${base.at.toLocaleString('en-US')})`,
      goal: `<= ${TOLERANCE * 100}%; RSS curve (answered: MB) ${curve}`,
      pass: worst <= TOLERANCE && failed === 0,
    },
    {
      name: 'pg-soak: answers / rows after the soak', value: acknowledged, unit: `acknowledged of ${total} (failed ${failed}); stored ${stored?.notifications} notifications with ${stored?.attempts} attempts`,
      goal: seconds === undefined ? undefined : `rate ${(total / seconds).toFixed(0)}/s over ${seconds.toFixed(0)} s, signing in the bench process`,
      pass: failed === 0 && stored !== undefined && stored.attempts === total,
    },
  ];
}
