/**
 * How fast `antom-ops --help` starts (goal: at most 300 ms), next to `node -e 0` measured in the
 * same run: the floor any Node CLI pays on this machine. Runs alternate between the two so other
 * load on the machine hits both alike; the median of each is reported, wall time from spawn to
 * exit. Builds out/cli first (unless it is newer than every source), so it measures this checkout.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { BenchOptions, BenchRow } from './bench-types';
import { median } from './bench-types';
import { ensureNodeBuild } from '../test/support/build-node';
import { BIN } from '../test/support/run-cli';

const GOAL_MS = 300;

function timeRun(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${String(run.status)}: ${run.stderr}`);
  return ms;
}

export function runCliStartupBench(options: BenchOptions): Promise<BenchRow[]> {
  ensureNodeBuild();
  const runs = options.quick ? 7 : 21;
  // Warm the file-system cache for both, so the first measured run is not the odd one out.
  timeRun(['-e', '0']);
  timeRun([BIN, '--help']);
  const help: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(['-e', '0']));
    help.push(timeRun([BIN, '--help']));
  }
  const helpMs = median(help);
  const bareMs = median(bare);
  return Promise.resolve([{
    name: `cli-startup: antom-ops --help, median of ${runs} runs`,
    value: Number(helpMs.toFixed(1)),
    unit: 'ms',
    baseline: { name: 'node -e 0', value: Number(bareMs.toFixed(1)) },
    ratio: Number((helpMs / bareMs).toFixed(2)),
    goal: `<= ${GOAL_MS} ms (ratio: --help over node -e 0)`,
    pass: helpMs <= GOAL_MS,
  }, {
    // On a loaded machine Node's own start can exceed the goal; this row is the CLI's own share.
    name: 'cli-startup: antom-ops --help above node -e 0 (the CLI\'s own share)',
    value: Number((helpMs - bareMs).toFixed(1)),
    unit: 'ms',
  }]);
}
