/**
 * The engine factory: the one place outside an engine's own module that knows which class holds
 * the rows. The composition root (compose.ts), the CLI and the benchmarks open a journal here and
 * get the engine-agnostic Journal back.
 *
 * Two engines: the embedded SQLite file (the default) and a shared PostgreSQL database
 * (postgres/postgres-journal.ts), told apart by `engine`.
 */
import type { CallRecord } from '../client/call-record';
import { consoleVersion } from '../console-version';
import type { Journal } from './journal';
import { PostgresJournal } from './postgres/postgres-journal';
import { SqliteJournal, type JournalOpenOptions } from './sqlite-journal';

/** What every engine accepts. */
export interface JournalCommonConfig {
  /** Called when the client's recorder could not write a call (the recorder itself never rejects). */
  onRecordError?: (error: unknown, call: CallRecord) => void;
}

/** The embedded SQLite file (the default when `engine` is left out): dataDir, file, synchronous. */
export interface SqliteJournalConfig extends JournalCommonConfig, JournalOpenOptions {
  engine?: 'sqlite';
}

/** A shared PostgreSQL database (team mode): several receivers and consoles on one journal. */
interface PostgresJournalConfig extends JournalCommonConfig {
  engine: 'postgres';
  /** postgres:// or postgresql:// URL; PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE fill what it leaves out. */
  url: string;
  /** Recorded in schema_migrations for the steps this console applies. Default: consoleVersion(). */
  consoleVersion?: string;
  /** Connection pool size (default 4). */
  maxConnections?: number;
  /** The PostgreSQL schema holding the journal's tables; default: the server's search_path (public). */
  schema?: string;
}

export type JournalConfig = SqliteJournalConfig | PostgresJournalConfig;

/** Open (and migrate) the journal the config names. Rejects with a ConsoleError the user can act on. */
export async function openJournal(config: JournalConfig = {}): Promise<Journal> {
  if (config.engine === 'postgres') {
    return PostgresJournal.open({
      url: config.url,
      consoleVersion: config.consoleVersion ?? consoleVersion(),
      ...(config.maxConnections !== undefined ? { maxConnections: config.maxConnections } : {}),
      ...(config.schema !== undefined ? { schema: config.schema } : {}),
      ...(config.onRecordError ? { onRecordError: config.onRecordError } : {}),
    });
  }
  return SqliteJournal.open(config);
}
