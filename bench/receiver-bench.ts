/**
 * Receiver throughput (issue 3, section 5): signed notifications POSTed over loopback HTTP with
 * keep-alive and bounded concurrency, each verified, written to a real SQLite journal and
 * acknowledged. The load generator (bench/support/receiver-load.ts) runs on the same machine in
 * its own process: on 2 cores, generator and receiver each get one.
 *
 * Next to it, in the same run and with the same signed notifications, the baseline: the same
 * receiver committing each notification on its own (groupCommit: false). After each run every
 * acknowledged notification is looked up in the journal (verified, exact body); a missing one
 * fails the row. Signing is Antom's cost, so it happens before any clock starts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, BenchRow } from './bench-types';
import { percentile } from './bench-types';
import { openJournal } from '../src-main/core/journal/open-journal';
import { startNotificationReceiver } from '../src-main/core/receiver/notification-receiver';
import { TEST_CLIENT_ID, antomTestPublicKey } from '../test/support/notification-sender';
import { benchBody, type LoadReply, type LoadRequest } from './support/receiver-load';

interface ReceiverBenchOptions extends BenchOptions {
  count?: number;
  /** The baseline commits one by one and can be slow on a disk with costly fsync; default = count. */
  baselineCount?: number;
  concurrency?: number;
}

interface RunResult {
  count: number;
  rate: number;
  p50: number;
  p99: number;
  /** CPU time of THIS process (the receiver: HTTP, verify, store, answer) per notification. */
  cpuMsPerNotification: number;
  acknowledged: number;
  notAcknowledged: number;
  missing: number;
}

const PATH = '/antom/notify';
const LOAD_SCRIPT = fileURLToPath(new URL('./support/receiver-load.ts', import.meta.url));

function ask(child: ChildProcess, request: LoadRequest): Promise<LoadReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`receiver load generator exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: LoadReply) => {
      child.off('exit', onExit);
      resolve(reply);
    });
    child.send(request);
  });
}

async function runOnce(load: ChildProcess, count: number, groupCommit: boolean, concurrency: number): Promise<RunResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antom-receiver-bench-'));
  const journal = await openJournal({ dataDir });
  const key = antomTestPublicKey();
  const receiver = await startNotificationReceiver({
    sink: journal,
    groupCommit,
    resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'bench', antomPublicKey: key } : undefined),
  });
  try {
    const cpuBefore = process.cpuUsage();
    const reply = await ask(load, { type: 'run', origin: new URL(receiver.url).origin, count, concurrency });
    const cpu = process.cpuUsage(cpuBefore);
    if (reply.type !== 'done') throw new Error('unexpected reply from the load generator');
    await receiver.close();
    let missing = 0;
    for (const { id, index } of reply.acked) {
      const row = await journal.getNotification(id);
      if (!row || row.verification !== 'verified' || row.rawBody.toString('utf8') !== benchBody(index)) missing++;
    }
    const latencies = reply.latenciesMs.filter((v) => Number.isFinite(v));
    return {
      count,
      rate: count / reply.seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuMsPerNotification: (cpu.user + cpu.system) / 1000 / count,
      acknowledged: reply.acked.length,
      notAcknowledged: reply.notAcknowledged + reply.errors,
      missing,
    };
  } finally {
    await receiver.close();
    await journal.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runReceiverBench(options: ReceiverBenchOptions): Promise<BenchRow[]> {
  const count = options.count ?? (options.quick ? 3000 : 20000);
  const baselineCount = Math.min(count, options.baselineCount ?? count);
  const concurrency = options.concurrency ?? 64;
  const load = fork(LOAD_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let grouped: RunResult;
  let baseline: RunResult;
  try {
    await ask(load, { type: 'prepare', count, warmup: Math.min(1000, Math.ceil(count / 5)), path: PATH });
    grouped = await runOnce(load, count, true, concurrency);
    baseline = await runOnce(load, baselineCount, false, concurrency);
    load.send({ type: 'exit' } satisfies LoadRequest);
  } finally {
    if (load.exitCode === null) load.kill();
  }

  const complete = grouped.missing === 0 && grouped.notAcknowledged === 0;
  const baselineName = `each notification committed on its own (${baselineCount})`;
  return [
    {
      name: `receiver: notifications verified, stored and acknowledged (group commit, ${count} at concurrency ${concurrency})`,
      value: Math.round(grouped.rate),
      unit: 'notifications/s',
      baseline: { name: baselineName, value: Math.round(baseline.rate) },
      ratio: grouped.rate / baseline.rate,
      goal: '>= 3000/s on 2 cores, load generator on the same machine',
      pass: grouped.rate >= 3000 && complete,
    },
    {
      name: 'receiver: p99 acknowledgement latency (group commit)',
      value: Number(grouped.p99.toFixed(2)),
      unit: 'ms',
      baseline: { name: baselineName, value: Number(baseline.p99.toFixed(2)) },
      ratio: grouped.p99 / baseline.p99,
      goal: `<= 50 ms (p50 ${grouped.p50.toFixed(2)} ms)`,
      pass: grouped.p99 <= 50,
    },
    {
      // Not a goal: the receiver's own cost, which explains the rate on a machine shared with other work.
      name: 'receiver: CPU per notification in the receiver process (group commit)',
      value: Number(grouped.cpuMsPerNotification.toFixed(3)),
      unit: 'ms',
      baseline: { name: baselineName, value: Number(baseline.cpuMsPerNotification.toFixed(3)) },
      ratio: grouped.cpuMsPerNotification / baseline.cpuMsPerNotification,
    },
    {
      name: 'receiver: acknowledged notifications missing from the journal',
      value: grouped.missing + baseline.missing,
      unit: `of ${grouped.acknowledged + baseline.acknowledged} acknowledged`,
      goal: `0 (not acknowledged: ${grouped.notAcknowledged + baseline.notAcknowledged})`,
      pass: grouped.missing + baseline.missing === 0 && complete,
    },
  ];
}
