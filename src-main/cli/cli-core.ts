/**
 * CLI commands that need profiles, the keychain or the journal build the same core the console
 * builds (same data directory, same keychain items), use it for one command, then close it.
 */
import { createCore, type Core, type CoreConfig } from '../core/compose';
import { optionalString, type ParsedCommandArgs } from './cli-args';
import { databaseUrlFromArgs } from './database-option';

export async function withCore<T>(args: ParsedCommandArgs, run: (core: Core) => Promise<T>, extra: CoreConfig = {}): Promise<T> {
  const dataDir = optionalString(args, 'data-dir');
  const databaseUrl = databaseUrlFromArgs(args);
  const core = await createCore({ ...(dataDir ? { dataDir } : {}), ...(databaseUrl ? { databaseUrl } : {}), ...extra });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}
