/**
 * `--database URL`: the shared PostgreSQL journal instead of the data directory's SQLite file.
 * Every command accepts it (cli-args.ts COMMON_OPTIONS, like --data-dir); the journal-reading and
 * journal-writing ones use it where they open the journal. ANTOM_OPS_DATABASE_URL sets the
 * default; the libpq PG* variables fill what the URL leaves out (postgres-connection.ts).
 */
import { assertPostgresUrl } from '../core/journal/postgres/postgres-connection';
import type { JournalConfig } from '../core/journal/open-journal';
import { optionalString, type ParsedCommandArgs } from './cli-args';

const DATABASE_URL_ENV = 'ANTOM_OPS_DATABASE_URL';
export const DATABASE_USAGE = '[--database postgres://... (default: $ANTOM_OPS_DATABASE_URL; else the SQLite journal of --data-dir)]';

/** The PostgreSQL URL this command should use, or undefined for the embedded SQLite journal. */
export function databaseUrlFromArgs(args: ParsedCommandArgs, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const flagValue = optionalString(args, 'database');
  if (flagValue !== undefined) return assertPostgresUrl(flagValue, '--database');
  const envValue = env[DATABASE_URL_ENV];
  return envValue ? assertPostgresUrl(envValue, DATABASE_URL_ENV) : undefined;
}

/** The journal a command works on: the shared database when one is named, else the data directory's file. */
export function journalConfigFromArgs(args: ParsedCommandArgs, env: NodeJS.ProcessEnv = process.env): JournalConfig {
  const url = databaseUrlFromArgs(args, env);
  if (url) return { engine: 'postgres', url };
  const dataDir = optionalString(args, 'data-dir');
  return dataDir ? { engine: 'sqlite', dataDir } : { engine: 'sqlite' };
}
