/**
 * Journal-only commands open the journal (the SQLite file of the data directory) directly: they
 * need no keychain and no profiles, so they work (and stay fast) even where the keychain is locked.
 */
import { resolveDataDir } from '../core/data-dir';
import type { Journal } from '../core/journal/journal';
import { openJournal } from '../core/journal/open-journal';
import { optionalString, type ParsedCommandArgs } from './cli-args';

export async function withJournal<T>(args: ParsedCommandArgs, run: (journal: Journal) => Promise<T> | T): Promise<T> {
  const journal = await openJournal({ dataDir: resolveDataDir(optionalString(args, 'data-dir')) });
  try {
    return await run(journal);
  } finally {
    await journal.close();
  }
}
