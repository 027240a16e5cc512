/**
 * Journal-only commands open the journal (the SQLite file of the data directory, or the shared
 * database of --database / ANTOM_OPS_DATABASE_URL) directly: they need no keychain and no
 * profiles, so they work (and stay fast) even where the keychain is locked.
 */
import type { Journal } from '../core/journal/journal';
import { openJournal } from '../core/journal/open-journal';
import type { ParsedCommandArgs } from './cli-args';
import { journalConfigFromArgs } from './database-option';

export async function withJournal<T>(args: ParsedCommandArgs, run: (journal: Journal) => Promise<T> | T): Promise<T> {
  const journal = await openJournal(journalConfigFromArgs(args));
  try {
    return await run(journal);
  } finally {
    await journal.close();
  }
}
