/**
 * A PostgreSQL server for a bench section: the one named by ANTOM_BENCH_DATABASE_URL (or the test
 * run's ANTOM_TEST_DATABASE_URL), else a throwaway cluster from scripts/throwaway-postgres.sh,
 * started with fsync on (benchmarks measure real commits) and stopped by `stop()`.
 * Undefined when PostgreSQL is not installed: the section then reports that instead of figures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface BenchPostgres {
  url: string;
  /** Where the server runs, for the printed rows. */
  label: string;
  stop(): void;
}

const SCRIPT = fileURLToPath(new URL('../../scripts/throwaway-postgres.sh', import.meta.url));

export function benchPostgres(): BenchPostgres | undefined {
  const given = process.env.ANTOM_BENCH_DATABASE_URL ?? process.env.ANTOM_TEST_DATABASE_URL;
  if (given) return { url: given, label: 'given server', stop: () => undefined };
  const started = spawnSync('bash', [SCRIPT, 'start'], {
    encoding: 'utf8',
    env: { ...process.env, ANTOM_TEST_PG_FSYNC: 'on' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (started.status !== 0) return undefined;
  const vars = new Map(
    started.stdout.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  const url = vars.get('ANTOM_TEST_DATABASE_URL');
  const dir = vars.get('ANTOM_TEST_PG_DIR');
  if (!url || !dir) return undefined;
  return {
    url,
    label: 'throwaway cluster, fsync on, same machine',
    stop: () => void spawnSync('bash', [SCRIPT, 'stop', dir], { stdio: 'inherit' }),
  };
}

/** The same URL with another database name (each bench gets its own database). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
