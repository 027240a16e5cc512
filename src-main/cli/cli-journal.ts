/**
 * Journal-only commands open the SQLite file of the data directory directly: they need no
 * keychain and no profiles, so they work (and stay fast) even where the keychain is locked.
 */
import { resolveDataDir } from '../core/data-dir';
import { SqliteJournal } from '../core/journal/sqlite-journal';
import { optionalString, type ParsedCommandArgs } from './cli-args';

export async function withJournal<T>(args: ParsedCommandArgs, run: (journal: SqliteJournal) => Promise<T> | T): Promise<T> {
  const journal = SqliteJournal.open({ dataDir: resolveDataDir(optionalString(args, 'data-dir')) });
  try {
    return await run(journal);
  } finally {
    journal.close();
  }
}
