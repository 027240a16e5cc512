/**
 * The synchronous journal, measured in this run (issue 7 §6: "the SQLite figures of today do not
 * regress by more than 10% through the async interface"). The figures of 2026-11-22 in README were
 * taken on a machine that signed RSA-2048 1.7x faster than the one of 2026-11-30 (bare
 * crypto.sign 1,986/s against 1,150/s), so comparing with them measured the machine as much as
 * the code. Instead this section checks out the last commit with the synchronous journal
 * (SYNC_JOURNAL_COMMIT, before the async interface was merged) into a temporary git worktree
 * with this checkout's node_modules (the same dependency versions), loads its SqliteJournal and
 * notification receiver into THIS process, and measures them beside this checkout's with this
 * checkout's harness, alternating: every lookup and page on both journals before the next, write
 * rates and receiver runs turn by turn (the receivers after one unmeasured run each, median of 5). This machine's noise comes in bursts of
 * seconds to minutes: measured minutes apart, the same code had read 17% worse and then 14% better
 * on a page, 40% worse and 2% worse on the receiver. It returns both halves of each pair:
 * `sync-reference: ...` (the synchronous journal) and `sync-reference, this checkout beside it: ...`;
 * sqlite-regression.ts compares them. Needs git and the commit (a full clone); without them the
 * section says why and the comparison falls back to the README figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchOptions, BenchRow } from './bench-types';
import { journalRowsBesideThisCheckout, type BenchJournal } from './journal-bench';
import { intakeOnlyRows, sqliteRunJournal } from './receiver-bench';
import { medianRun, runReceiver, startLoadGenerator, stopLoadGenerator, type ReceiverRunResult } from './support/receiver-run';
import type { Journal } from '../src-main/core/journal/journal';
import type { startNotificationReceiver as startThisReceiver } from '../src-main/core/receiver/notification-receiver';

/** "Merge lint-build ..." on 2026-11-30: the parent of the merge that made the journal asynchronous. */
const SYNC_JOURNAL_COMMIT = 'feafb49df04471fe56de471edf44672f3df10869';
export const SYNC_REFERENCE_PREFIX = 'sync-reference: ';
/** This checkout's rows measured beside the synchronous journal's (journalSideBySide, receiverSideBySide). */
export const SIDE_BY_SIDE_PREFIX = 'sync-reference, this checkout beside it: ';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

function treeModule(tree: string, path: string): string {
  return pathToFileURL(join(tree, 'src-main', 'core', path)).href;
}

interface TheirJournalClass {
  open(options: { dataDir: string; file?: string; synchronous?: 'NORMAL' | 'FULL' }): BenchJournal;
}

/** The synchronous SqliteJournal class, from the worktree (its modules resolve its own imports, node_modules through the link). */
async function loadTheirJournal(tree: string): Promise<TheirJournalClass> {
  return ((await import(treeModule(tree, 'journal/sqlite-journal.ts'))) as { SqliteJournal: TheirJournalClass }).SqliteJournal;
}

/** Its own goal verdicts are not this run's: only the figures are kept, under `prefix`. */
function renamed(rows: readonly BenchRow[], prefix: string): BenchRow[] {
  return rows.map((row) => ({ name: `${prefix}${row.name}`, value: row.value, unit: row.unit }));
}

/**
 * The journal rows, side by side: the synchronous SqliteJournal is loaded from the worktree into
 * THIS process and measured with this checkout's journal sample by sample
 * (journalRowsBesideThisCheckout), because this machine's noise comes in bursts of seconds to
 * minutes: the two sides measured minutes apart gave a filtered page 17% worse at one run and
 * 14% better at the next. sqlite-regression compares the pair.
 */
async function journalSideBySide(tree: string, options: BenchOptions): Promise<BenchRow[]> {
  const theirJournal = await loadTheirJournal(tree);
  const { ours, theirs } = await journalRowsBesideThisCheckout(async (o) => theirJournal.open(o), options);
  return [...renamed(theirs, SYNC_REFERENCE_PREFIX), ...renamed(ours, SIDE_BY_SIDE_PREFIX)];
}

/**
 * Receiver runs per side: each on a fresh journal, the two sides taking turns (ABBA: O T, T O,
 * O T, ...). Five, because at three a single slow turn of this machine moved the median: twenty
 * turns of each side measured on 2026-12-01 put the receivers 1-3% apart, where the three-turn
 * median of the evening before had read 10-17%.
 */
const RECEIVER_RUNS = 5;

/**
 * The receiver rows, side by side: the synchronous journal's own receiver (its verification and
 * group commit, as they were) on its journal, and this checkout's receiver in its "intake only"
 * runs (the same work: verify, store, acknowledge; this checkout's Payments list derived after
 * the load, outside the window), the same load generator and signed notifications for both.
 */
async function receiverSideBySide(tree: string, options: BenchOptions): Promise<BenchRow[]> {
  const theirJournal = await loadTheirJournal(tree);
  const { startNotificationReceiver } = (await import(treeModule(tree, 'receiver/notification-receiver.ts'))) as { startNotificationReceiver: typeof startThisReceiver };
  // Theirs answers synchronously; the harness awaits every call, so it reads it as a Journal.
  const openTheirs = async (dataDir: string): Promise<Journal> => theirJournal.open({ dataDir }) as unknown as Journal;
  const count = options.quick ? 3000 : 20000;
  const concurrency = 64;
  const runs = options.quick ? 1 : RECEIVER_RUNS;
  const ours: ReceiverRunResult[] = [];
  const theirs: ReceiverRunResult[] = [];
  const runOurs = async (): Promise<ReceiverRunResult> => runReceiver(load, await sqliteRunJournal(), count, true, concurrency, { listAfterLoad: true });
  const runTheirs = async (): Promise<ReceiverRunResult> => runReceiver(load, await sqliteRunJournal(openTheirs), count, true, concurrency, { listAfterLoad: true, startReceiver: startNotificationReceiver });
  const load = await startLoadGenerator(count);
  try {
    // Each side's code is its own copy of the modules, compiled by V8 on first use: in one
    // process, each side's first run took 10-25% longer than its later ones (and the second
    // still a few percent). A receiver is a long-running service, so its steady state is what
    // is compared: one unmeasured run of each first.
    await runOurs();
    await runTheirs();
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) { ours.push(await runOurs()); theirs.push(await runTheirs()); } else { theirs.push(await runTheirs()); ours.push(await runOurs()); }
    }
  } finally {
    stopLoadGenerator(load);
  }
  return [
    ...renamed(intakeOnlyRows(medianRun(theirs), count, concurrency, runs), SYNC_REFERENCE_PREFIX),
    ...renamed(intakeOnlyRows(medianRun(ours), count, concurrency, runs), SIDE_BY_SIDE_PREFIX),
  ];
}

/** The sections this run compares: both, or only those BENCH_ONLY also names (journal alone takes a third of the time). */
function referenceSections(): string[] {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const picked = ['journal', 'receiver'].filter((s) => only?.includes(s));
  return picked.length > 0 ? picked : ['journal', 'receiver'];
}

export async function runSyncJournalReference(options: BenchOptions): Promise<BenchRow[]> {
  if (!git(['cat-file', '-e', `${SYNC_JOURNAL_COMMIT}^{commit}`]).ok) {
    process.stderr.write(`bench: sync-reference skipped: commit ${SYNC_JOURNAL_COMMIT.slice(0, 7)} is not in this clone (a shallow clone?); sqlite-regression compares with the README figures instead.\n`);
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'antom-bench-sync-'));
  const tree = join(dir, 'tree');
  const added = git(['worktree', 'add', '--detach', tree, SYNC_JOURNAL_COMMIT]);
  if (!added.ok) throw new Error(`sync-reference: git worktree add failed: ${added.out}`);
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    const sections = referenceSections();
    const rows: BenchRow[] = [];
    if (sections.includes('journal')) rows.push(...(await journalSideBySide(tree, options)));
    if (sections.includes('receiver')) rows.push(...(await receiverSideBySide(tree, options)));
    return rows;
  } finally {
    git(['worktree', 'remove', '--force', tree]);
    rmSync(dir, { recursive: true, force: true });
  }
}
