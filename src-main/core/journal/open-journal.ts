/**
 * The engine factory: the one place outside an engine's own module that knows which class holds
 * the rows. The composition root (compose.ts), the CLI and the benchmarks open a journal here and
 * get the engine-agnostic Journal back.
 *
 * Today only the embedded SQLite file exists; a shared engine is added as another member of
 * JournalConfig (told apart by `engine`) and another branch below.
 */
import type { CallRecord } from '../client/call-record';
import type { Journal } from './journal';
import { SqliteJournal } from './sqlite-journal';

/** What every engine accepts. */
interface JournalCommonConfig {
  /** Called when the client's recorder could not write a call (the recorder itself never rejects). */
  onRecordError?: (error: unknown, call: CallRecord) => void;
}

/** The embedded SQLite file (the default when `engine` is left out). */
export interface SqliteJournalConfig extends JournalCommonConfig {
  engine?: 'sqlite';
  /** The app's data directory (created if missing). Default: resolveDataDir(). */
  dataDir?: string;
  /** File name inside dataDir, or an absolute path. Default journal.sqlite3. */
  file?: string;
  /** NORMAL (default) survives a process crash; FULL also survives power loss (one fsync per commit). */
  synchronous?: 'NORMAL' | 'FULL';
}

type JournalConfig = SqliteJournalConfig;

/** Open (and migrate) the journal the config names. Rejects with a ConsoleError the user can act on. */
export async function openJournal(config: JournalConfig = {}): Promise<Journal> {
  return SqliteJournal.open(config);
}
