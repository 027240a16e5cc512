/**
 * `npm run bench`: every performance goal of the project, measured in one run, each next to a
 * baseline measured in the same run. Prints a table and writes .bench/results.json.
 * BENCH_QUICK=1 runs smaller counts (CI smoke); BENCH_ONLY=signing,roundtrip,...,sync-reference,...,payments-list picks sections
 * (pg-driver, pg-journal, pg-intake, pg-lookup and pg-soak need PostgreSQL; see each file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchOptions, BenchRow } from './bench-types';
import { runSigningBench } from './signing-bench';
import { runRoundTripBench } from './roundtrip-bench';
import { runJournalBench } from './journal-bench';
import { runReceiverBench } from './receiver-bench';
import { runUiBench } from './ui-bench';
import { runCliStartupBench } from './cli-startup-bench';
import { runPgDriverBench } from './pg-driver-bench';
import { runPgJournalBench } from './pg-journal-bench';
import { runPaymentsListBench } from './payments-list-bench';
import { runPgIntakeBench } from './pg-intake-bench';
import { runPgLookupBench } from './pg-lookup-bench';
import { runPgSoakBench } from './pg-soak-bench';
import { sqliteRegressionRows } from './sqlite-regression';
import { runSyncJournalReference } from './sync-journal-reference';

type Section = { name: string; run: (o: BenchOptions) => Promise<BenchRow[]> };

const SECTIONS: Section[] = [
  { name: 'signing', run: runSigningBench },
  { name: 'roundtrip', run: runRoundTripBench },
  { name: 'journal', run: (o) => runJournalBench(o) },
  { name: 'receiver', run: runReceiverBench },
  // The synchronous journal's journal + receiver sections, for sqlite-regression (needs git).
  { name: 'sync-reference', run: runSyncJournalReference },
  { name: 'ui', run: runUiBench },
  { name: 'cli-startup', run: runCliStartupBench },
  { name: 'pg-driver', run: runPgDriverBench },
  { name: 'pg-journal', run: runPgJournalBench },
  { name: 'payments-list', run: runPaymentsListBench },
  { name: 'pg-intake', run: runPgIntakeBench },
  { name: 'pg-lookup', run: runPgLookupBench },
  { name: 'pg-soak', run: runPgSoakBench },
];

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toFixed(3)));
}

async function main(): Promise<void> {
  const options: BenchOptions = { quick: process.env.BENCH_QUICK === '1' };
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const rows: BenchRow[] = [];
  for (const section of SECTIONS) {
    if (only && !only.includes(section.name)) continue;
    process.stderr.write(`bench: ${section.name}...\n`);
    rows.push(...(await section.run(options)));
  }
  rows.push(...sqliteRegressionRows(rows));
  console.log(`\nAntom Ops Console benchmarks (${options.quick ? 'quick' : 'full'} run, node ${process.version}, ${new Date().toISOString()})\n`);
  for (const row of rows) {
    const verdict = row.pass === undefined ? '' : row.pass ? 'PASS' : 'MISS';
    console.log(`${verdict.padEnd(5)} ${row.name}: ${fmt(row.value)} ${row.unit}`);
    if (row.baseline) console.log(`      baseline (${row.baseline.name}): ${fmt(row.baseline.value)} ${row.unit}`);
    if (row.ratio !== undefined || row.goal) console.log(`      ${row.ratio !== undefined ? `ratio ${fmt(row.ratio)}  ` : ''}${row.goal ? `goal: ${row.goal}` : ''}`);
  }
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), quick: options.quick, rows }, null, 2));
}

await main();
