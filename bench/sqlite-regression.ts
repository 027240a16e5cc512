/**
 * Issue 7 §6: the SQLite figures of before the journal became asynchronous must not regress by
 * more than 10% through the async interface. The reference is the synchronous journal itself,
 * measured in the same run by the `sync-reference` section (sync-journal-reference.ts: the last
 * commit before the async interface, in a temporary worktree); where that section did not run,
 * the full run in README's bench table (2026-11-22), taken on a faster machine. Each figure of
 * this run's `journal` and `receiver` sections is printed against it; the journal figures are
 * those measured beside the synchronous journal in one process, sample by sample, when the
 * `sync-reference` section ran (the `journal` section's own rows otherwise). Rates and latencies move
 * with other load on the machine, so the receiver's CPU per notification is compared as well.
 */
import type { BenchRow } from './bench-types';
import { INTAKE_ONLY } from './receiver-bench';
import { SIDE_BY_SIDE_PREFIX, SYNC_REFERENCE_PREFIX } from './sync-journal-reference';

const SYNC_REFERENCE_COMMIT_LABEL = 'commit feafb49, the last before the async interface';

interface Reference {
  /** The start of the row's name in this run's output. */
  row: string;
  label: string;
  value: number;
  /** 'higher' = a rate (regressed when lower), 'lower' = a time (regressed when higher). */
  better: 'higher' | 'lower';
}

const README_FULL_RUN = 'README bench table, full run 2026-11-22 (synchronous journal)';

const REFERENCES: readonly Reference[] = [
  { row: 'journal: lookup by any ID (p99) at 10,000 ', label: 'lookup by any ID p99 at 10k', value: 0.53, better: 'lower' },
  { row: 'journal: lookup by any ID (p99) at 100,000 ', label: 'lookup by any ID p99 at 100k', value: 0.38, better: 'lower' },
  { row: 'journal: lookup by any ID (p99) at 1,000,000 ', label: 'lookup by any ID p99 at 1M', value: 1.55, better: 'lower' },
  { row: 'journal: filtered page of 100 (p99) at 10,000 ', label: 'filtered page p99 at 10k', value: 16.1, better: 'lower' },
  { row: 'journal: filtered page of 100 (p99) at 100,000 ', label: 'filtered page p99 at 100k', value: 5.0, better: 'lower' },
  { row: 'journal: filtered page of 100 (p99) at 1,000,000 ', label: 'filtered page p99 at 1M', value: 20.1, better: 'lower' },
  { row: 'journal: durable writes, WAL synchronous=NORMAL, group commit of 100', label: 'durable writes, group commit of 100', value: 13_179, better: 'higher' },
  // The receiver doing the synchronous journal's work: verify, store, acknowledge. The Payments
  // list it also derives now (issue 9, after that commit) is measured on rows of its own.
  { row: `${INTAKE_ONLY}: notifications verified, stored and acknowledged (group commit`, label: 'receiver rate', value: 3_716, better: 'higher' },
  { row: `${INTAKE_ONLY}: p99 acknowledgement latency (group commit)`, label: 'receiver p99 acknowledgement', value: 40.8, better: 'lower' },
  { row: `${INTAKE_ONLY}: CPU per notification in the receiver process (group commit)`, label: 'receiver CPU per notification', value: 0.30, better: 'lower' },
];

/**
 * One row per reference figure this run measured, PASS within 10%: against the synchronous
 * journal measured in this run (sync-journal-reference.ts) when that section ran, else against
 * README's figures of 2026-11-22 (another day's machine: read those verdicts with care).
 */
export function sqliteRegressionRows(rows: readonly BenchRow[]): BenchRow[] {
  const out: BenchRow[] = [];
  const sameRun = rows.some((r) => r.name.startsWith(SYNC_REFERENCE_PREFIX));
  for (const ref of REFERENCES) {
    // The journal rows measured beside the synchronous journal, sample by sample, when that ran.
    const row = rows.find((r) => r.name.startsWith(`${SIDE_BY_SIDE_PREFIX}${ref.row}`)) ?? rows.find((r) => r.name.startsWith(ref.row));
    if (!row) continue;
    const measured = rows.find((r) => r.name.startsWith(`${SYNC_REFERENCE_PREFIX}${ref.row}`));
    if (sameRun && !measured) continue;
    const beside = row.name.startsWith(SIDE_BY_SIDE_PREFIX);
    const reference = measured
      ? { name: `synchronous journal (${SYNC_REFERENCE_COMMIT_LABEL}) measured in this run${beside ? ', beside this checkout in one process, alternated' : ''}`, value: measured.value }
      : { name: README_FULL_RUN, value: ref.value };
    // > 1 means worse than the reference, for rates and times alike.
    const worse = ref.better === 'higher' ? reference.value / row.value : row.value / reference.value;
    out.push({
      name: `sqlite-regression: ${ref.label} through the async interface`, value: row.value, unit: row.unit,
      baseline: reference, ratio: row.value / reference.value,
      goal: `no more than 10% worse (this run is ${Math.abs((worse - 1) * 100).toFixed(0)}% ${worse > 1 ? 'worse' : 'better'})`,
      pass: worse <= 1.1,
    });
  }
  return out;
}
