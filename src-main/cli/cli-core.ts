/**
 * The CLI is a door, not a second client: commands the console can also do build the same core
 * the console builds (same data directory, same keychain items) for one command and call its
 * handler table through dispatchOperation, exactly as IPC and the preview do. So the contract's
 * zod schemas, the read-only and production guards and the journal records are the console's.
 */
import { createCore, type Core, type CoreConfig } from '../core/compose';
import { dispatchOperation } from '../core/dispatch-operation';
import type { HandlerTable, OperationName, OperationOutput } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';
import { optionalString, type ParsedCommandArgs } from './cli-args';
import { databaseUrlFromArgs } from './database-option';

interface CliDoor {
  core: Core;
  /** Run one contract operation; a refusal is thrown as the ConsoleError the console would show. */
  call<N extends OperationName>(name: N, input: unknown): Promise<OperationOutput<N>>;
}

interface CliDoorOptions {
  /** Act for this profile for this one command (`--profile NAME`); the persisted active profile stays. */
  profile?: string;
  core?: CoreConfig;
}

/** Handlers answer with a result, never a throw across the door; the CLI turns a refusal back into its error. */
async function dispatchOrThrow<N extends OperationName>(handlers: HandlerTable, name: N, input: unknown): Promise<OperationOutput<N>> {
  const result = await dispatchOperation(handlers, name, input);
  if (!result.ok) throw new ConsoleError(result.error.code, result.error.message, result.error.hint, result.error.details);
  // dispatchOperation ran the handler registered under `name`, whose output type is OperationOutput<N>.
  return result.value as OperationOutput<N>;
}

function cliCoreConfig(args: ParsedCommandArgs, extra: CoreConfig): CoreConfig {
  const dataDir = optionalString(args, 'data-dir');
  const databaseUrl = databaseUrlFromArgs(args);
  return { ...(dataDir ? { dataDir } : {}), ...(databaseUrl ? { databaseUrl } : {}), door: 'cli', ...extra };
}

export async function withDoor<T>(args: ParsedCommandArgs, run: (door: CliDoor) => Promise<T>, options: CliDoorOptions = {}): Promise<T> {
  const core = await createCore(cliCoreConfig(args, options.core ?? {}));
  const handlers = core.handlersFor({ trigger: 'cli', ...(options.profile !== undefined ? { profile: options.profile } : {}) });
  try {
    return await run({ core, call: (name, input) => dispatchOrThrow(handlers, name, input) });
  } finally {
    await core.close();
  }
}

/**
 * Commands that only read or maintain the journal: the same door, but a core that creates no
 * default profile, so nothing touches the keychain and they work where it is locked or absent.
 */
export function withJournalDoor<T>(args: ParsedCommandArgs, run: (door: CliDoor) => Promise<T>): Promise<T> {
  return withDoor(args, run, { core: { ensureDefaultProfile: false } });
}
