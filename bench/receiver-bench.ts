/**
 * Receiver throughput (issue 3, section 5): signed notifications POSTed over loopback HTTP with
 * keep-alive and bounded concurrency, each verified, written to a real SQLite journal and
 * acknowledged. The load generator (bench/support/receiver-load.ts) runs on the same machine in
 * its own process: on 2 cores, generator and receiver each get one.
 *
 * Next to it, in the same run and with the same signed notifications, the baseline: the same
 * receiver committing each notification on its own (groupCommit: false). And the same receiver
 * with the Payments list derived only after the load ("intake only"): the work the synchronous
 * journal's receiver did, which sqlite-regression compares it with. After each run every
 * acknowledged notification is looked up in the journal (verified, exact body); a missing one
 * fails the row. Signing is Antom's cost, so it happens before any clock starts. One unmeasured
 * run precedes the measured ones (warm code, as a running service has).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, BenchRow } from './bench-types';
import { openJournal } from '../src-main/core/journal/open-journal';
import type { Journal } from '../src-main/core/journal/journal';
import { benchBody } from './support/receiver-load';
import { medianRun, runReceiver, startLoadGenerator, stopLoadGenerator, type ReceiverRunResult, type RunJournal } from './support/receiver-run';

interface ReceiverBenchOptions extends BenchOptions {
  count?: number;
  /** The baseline commits one by one and can be slow on a disk with costly fsync; default = count. */
  baselineCount?: number;
  concurrency?: number;
}

/**
 * A fresh SQLite journal in a temp dir; each acknowledged notification looked up (verified, exact
 * body). `open` is this checkout's engine unless another tree's is given (sync-journal-reference.ts).
 */
export async function sqliteRunJournal(open: (dataDir: string) => Promise<Journal> = (dataDir) => openJournal({ dataDir })): Promise<RunJournal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antom-receiver-bench-'));
  const journal = await open(dataDir);
  return {
    journal,
    countMissing: async (acked) => {
      let missing = 0;
      for (const { id, index } of acked) {
        const row = await journal.getNotification(id);
        if (!row || row.verification !== 'verified' || row.rawBody.toString('utf8') !== benchBody(index)) missing++;
      }
      return missing;
    },
    dispose: async () => {
      await journal.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The rows of the runs that derive the Payments list only after the load (runReceiver's listAfterLoad). */
export const INTAKE_ONLY = 'receiver (intake only, the Payments list derived after the load)';

/** Group-commit runs per full bench, each on a fresh journal; the rows give the median (medianRun). */
const RECEIVER_RUNS = 3;

const medianOf = (runs: number): string => (runs > 1 ? `, median of ${runs} runs` : '');

export async function runReceiverBench(options: ReceiverBenchOptions): Promise<BenchRow[]> {
  const count = options.count ?? (options.quick ? 3000 : 20000);
  const baselineCount = Math.min(count, options.baselineCount ?? count);
  const concurrency = options.concurrency ?? 64;
  const runs = options.quick ? 1 : RECEIVER_RUNS;
  const load = await startLoadGenerator(count);
  let grouped: ReceiverRunResult;
  let intake: ReceiverRunResult;
  let baseline: ReceiverRunResult;
  try {
    // One unmeasured run first: the receiver's code is compiled by V8 on first use, and a
    // process's first run took 10-25% longer than its later ones (a service runs for hours).
    await runReceiver(load, await sqliteRunJournal(), count, true, concurrency);
    // Alternated, so a machine that slows down part-way weighs on both kinds alike.
    const groupedRuns: ReceiverRunResult[] = [];
    const intakeRuns: ReceiverRunResult[] = [];
    for (let i = 0; i < runs; i++) {
      groupedRuns.push(await runReceiver(load, await sqliteRunJournal(), count, true, concurrency));
      intakeRuns.push(await runReceiver(load, await sqliteRunJournal(), count, true, concurrency, { listAfterLoad: true }));
    }
    grouped = medianRun(groupedRuns);
    intake = medianRun(intakeRuns);
    baseline = await runReceiver(load, await sqliteRunJournal(), baselineCount, false, concurrency);
  } finally {
    stopLoadGenerator(load);
  }

  const complete = grouped.missing === 0 && grouped.notAcknowledged === 0;
  const baselineName = `each notification committed on its own (${baselineCount})`;
  return [
    {
      name: `receiver: notifications verified, stored and acknowledged (group commit, ${count} at concurrency ${concurrency}${medianOf(runs)})`,
      value: Math.round(grouped.rate),
      unit: 'notifications/s',
      baseline: { name: baselineName, value: Math.round(baseline.rate) },
      ratio: grouped.rate / baseline.rate,
      goal: '>= 3000/s on 2 cores, load generator on the same machine',
      pass: grouped.rate >= 3000 && complete,
    },
    {
      name: `receiver: p99 acknowledgement latency (group commit)${medianOf(runs)}`,
      value: Number(grouped.p99.toFixed(2)),
      unit: 'ms',
      baseline: { name: baselineName, value: Number(baseline.p99.toFixed(2)) },
      ratio: grouped.p99 / baseline.p99,
      goal: `<= 50 ms (p50 ${grouped.p50.toFixed(2)} ms)`,
      pass: grouped.p99 <= 50,
    },
    {
      // Not a goal: the receiver's own cost, which explains the rate on a machine shared with other work.
      name: `receiver: CPU per notification in the receiver process (group commit)${medianOf(runs)}, the Payments list's drain included to the last payment (at most ${grouped.queuedAtClose} still queued at close)`,
      value: Number(grouped.cpuMsPerNotification.toFixed(3)),
      unit: 'ms',
      baseline: { name: baselineName, value: Number(baseline.cpuMsPerNotification.toFixed(3)) },
      ratio: grouped.cpuMsPerNotification / baseline.cpuMsPerNotification,
    },
    {
      name: 'receiver: acknowledged notifications missing from the journal',
      value: grouped.missing + intake.missing + baseline.missing,
      unit: `of ${grouped.acknowledged + intake.acknowledged + baseline.acknowledged} acknowledged`,
      goal: `0 (not acknowledged: ${grouped.notAcknowledged + intake.notAcknowledged + baseline.notAcknowledged})`,
      pass: grouped.missing + intake.missing + baseline.missing === 0 && complete && intake.notAcknowledged === 0,
    },
    ...intakeOnlyRows(intake, count, concurrency, runs, grouped),
  ];
}

/**
 * The rows of the "intake only" runs: the receiver doing the work the synchronous journal's
 * receiver did (sqlite-regression compares these): every notification verified, stored (its
 * payment queued for the list) and acknowledged, the Payments list (issue 9, which came after)
 * derived once the load is over. `grouped`, when given, is the receiver deriving as it goes.
 */
export function intakeOnlyRows(intake: ReceiverRunResult, count: number, concurrency: number, runs: number, grouped?: ReceiverRunResult): BenchRow[] {
  const beside = (value: number, of: (r: ReceiverRunResult) => number, digits: number): Pick<BenchRow, 'baseline' | 'ratio'> => (grouped
    ? { baseline: { name: 'the receiver deriving the list as it goes (above)', value: Number(of(grouped).toFixed(digits)) }, ratio: value / of(grouped) }
    : {});
  return [
    {
      name: `${INTAKE_ONLY}: notifications verified, stored and acknowledged (group commit, ${count} at concurrency ${concurrency}${medianOf(runs)})`,
      value: Math.round(intake.rate), unit: 'notifications/s', ...beside(intake.rate, (r) => r.rate, 0),
    },
    {
      name: `${INTAKE_ONLY}: p99 acknowledgement latency (group commit)${medianOf(runs)}`,
      value: Number(intake.p99.toFixed(2)), unit: 'ms', ...beside(intake.p99, (r) => r.p99, 2),
    },
    {
      name: `${INTAKE_ONLY}: CPU per notification in the receiver process (group commit)${medianOf(runs)}`,
      value: Number(intake.cpuMsPerNotification.toFixed(3)), unit: 'ms', ...beside(intake.cpuMsPerNotification, (r) => r.cpuMsPerNotification, 3),
    },
    ...(intake.listCpuMsPerPayment === undefined ? [] : [{
      name: `${INTAKE_ONLY}: then deriving the Payments list, CPU per payment${medianOf(runs)}`,
      value: Number(intake.listCpuMsPerPayment.toFixed(3)), unit: 'ms',
    }]),
  ];
}
