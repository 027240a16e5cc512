/**
 * The synchronous journal, measured in this run (issue 7 §6: "the SQLite figures of today do not
 * regress by more than 10% through the async interface"). The figures of 2026-11-22 in README were
 * taken on a machine that signed RSA-2048 1.7x faster than the one of 2026-11-30 (bare
 * crypto.sign 1,986/s against 1,150/s), so comparing with them measured the machine as much as
 * the code. Instead this section checks out the last commit with the synchronous journal
 * (SYNC_JOURNAL_COMMIT, before the async interface was merged) into a temporary git worktree
 * with this checkout's node_modules (the same dependency versions), measures its journal beside
 * this checkout's in this process (journalSideBySide) and runs its `receiver` section there
 * (measured by this checkout's harness, measureWithThisHarness), and returns the rows, renamed
 * `sync-reference: ...`; sqlite-regression.ts compares this run's rows with them. Needs git and the commit (a full clone); without them the
 * section says why and the comparison falls back to the README figures.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchOptions, BenchRow } from './bench-types';
import { journalRowsBesideThisCheckout, type BenchJournal } from './journal-bench';

/** "Merge lint-build ..." on 2026-11-30: the parent of the merge that made the journal asynchronous. */
const SYNC_JOURNAL_COMMIT = 'feafb49df04471fe56de471edf44672f3df10869';
export const SYNC_REFERENCE_PREFIX = 'sync-reference: ';
/** This checkout's journal rows measured beside the synchronous journal (journalSideBySide). */
export const SIDE_BY_SIDE_PREFIX = 'sync-reference, this checkout beside it: ';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function git(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/**
 * The journal and receiver sections are measured by THIS checkout's harness on both sides
 * (warm-ups, counts, percentiles, the CPU window and what it is divided by, the median of several
 * receiver runs), so a change in how we measure can never pass for a change in the code: the tree
 * gets these files, and an open-journal.ts that opens its synchronous SqliteJournal (the harness
 * awaits every call; awaiting a plain value is what the async interface adds). Its own receiver
 * harness divided the CPU of the warm-up notifications by the measured ones only (5% more per
 * notification than it spent) and ran once.
 */
const HARNESS_FILES = ['journal-bench.ts', 'receiver-bench.ts', 'support/receiver-run.ts', 'support/receiver-load.ts'];

function measureWithThisHarness(tree: string): void {
  for (const file of HARNESS_FILES) copyFileSync(join(ROOT, 'bench', file), join(tree, 'bench', file));
  const opener = join(tree, 'src-main', 'core', 'journal', 'open-journal.ts');
  if (!existsSync(opener)) {
    writeFileSync(opener, [
      "import { SqliteJournal, type JournalOpenOptions } from './sqlite-journal';",
      'export async function openJournal(options: JournalOpenOptions): Promise<SqliteJournal> {',
      '  return SqliteJournal.open(options);',
      '}',
      '',
    ].join('\n'));
  }
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
  const source = pathToFileURL(join(tree, 'src-main', 'core', 'journal', 'sqlite-journal.ts')).href;
  const { SqliteJournal } = (await import(source)) as { SqliteJournal: { open(options: { dataDir: string; file?: string; synchronous?: 'NORMAL' | 'FULL' }): BenchJournal } };
  const { ours, theirs } = await journalRowsBesideThisCheckout(async (o) => SqliteJournal.open(o), options);
  return [...renamed(theirs, SYNC_REFERENCE_PREFIX), ...renamed(ours, SIDE_BY_SIDE_PREFIX)];
}

/** The receiver rows: its bench in the worktree (a receiver is a process of its own either way). */
function receiverInTree(tree: string, options: BenchOptions): BenchRow[] {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run-benchmarks.ts'], {
    cwd: tree,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BENCH_ONLY: 'receiver', BENCH_QUICK: options.quick ? '1' : '0' },
  });
  const results = join(tree, '.bench', 'results.json');
  if (run.status !== 0 || !existsSync(results)) throw new Error(`sync-reference: the synchronous journal's bench failed (exit ${run.status})`);
  const rows = (JSON.parse(readFileSync(results, 'utf8')) as { rows: BenchRow[] }).rows;
  return renamed(rows.filter((row) => row.name.startsWith('receiver')), SYNC_REFERENCE_PREFIX);
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
    measureWithThisHarness(tree);
    const sections = referenceSections();
    const rows: BenchRow[] = [];
    if (sections.includes('journal')) rows.push(...(await journalSideBySide(tree, options)));
    if (sections.includes('receiver')) rows.push(...receiverInTree(tree, options));
    return rows;
  } finally {
    git(['worktree', 'remove', '--force', tree]);
    rmSync(dir, { recursive: true, force: true });
  }
}
