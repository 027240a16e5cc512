/**
 * A PostgreSQL cluster of the test's own (scripts/throwaway-postgres.sh start), for tests that
 * stop and restart the server under load. The shared server of test/run-tests.sh must never be
 * stopped: other test files use it at the same time.
 *
 * stopServer() is `pg_ctl stop -m fast` (connections are terminated, as when an operator stops
 * the service); startServer() is `pg_ctl restart`, which on a stopped cluster starts it with the
 * options of its last start (postmaster.opts): same port, same socket dir.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/throwaway-postgres.sh', import.meta.url));

function pgBin(): string {
  if (process.env.ANTOM_TEST_PG_BIN) return process.env.ANTOM_TEST_PG_BIN;
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  return `/usr/lib/postgresql/${versions[versions.length - 1]}/bin`;
}

/** The cluster belongs to `postgres` when we are root (the server refuses root), as in the script. */
function pgCtl(args: string[]): Promise<unknown> {
  const ctl = `${pgBin()}/pg_ctl`;
  return process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', ctl, ...args]) : run(ctl, args);
}

export interface ThrowawayCluster {
  /** postgresql://postgres:PASSWORD@127.0.0.1:PORT/postgres */
  url: string;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  /** Stop the server and delete its files. */
  destroy(): Promise<void>;
}

export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const { stdout } = await run('bash', [SCRIPT, 'start'], { env: process.env });
  const vars = Object.fromEntries(stdout.trim().split('\n').map((line) => {
    const eq = line.indexOf('=');
    return [line.slice(0, eq), line.slice(eq + 1)];
  }));
  const dir = vars.ANTOM_TEST_PG_DIR;
  const url = vars.ANTOM_TEST_DATABASE_URL;
  if (!dir || !url) throw new Error(`throwaway-postgres.sh start printed no cluster: ${stdout}`);
  return {
    url,
    stopServer: async () => {
      await pgCtl(['-D', `${dir}/data`, '-m', 'fast', '-w', 'stop']);
    },
    startServer: async () => {
      await pgCtl(['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-t', '30', 'restart']);
    },
    destroy: async () => {
      await run('bash', [SCRIPT, 'stop', dir]);
    },
  };
}
