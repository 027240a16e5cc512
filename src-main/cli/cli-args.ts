/**
 * Argument parsing on node:util parseArgs (strict), with errors turned into ConsoleErrors that
 * say which flag to fix, plus helpers for the file/inline inputs the commands take.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { ConsoleError } from '../../src-shared/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommandArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'data-dir': { type: 'string' },
  // The shared PostgreSQL journal (cli/database-option.ts); commands without a journal ignore it.
  database: { type: 'string' },
} as const satisfies Options;

export function parseCommandArgs(argv: string[], options: Options, usage: string): ParsedCommandArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: values as ParsedCommandArgs['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConsoleError('VALIDATION_FAILED', message.replace(/^TypeError \[[A-Z_]+\]: /, ''), `Usage: ${usage}`);
  }
}

export function requireString(args: ParsedCommandArgs, name: string, usage: string): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value === '') {
    throw new ConsoleError('VALIDATION_FAILED', `--${name} is required.`, `Usage: ${usage}`, { flag: name });
  }
  return value;
}

export function optionalString(args: ParsedCommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function flag(args: ParsedCommandArgs, name: string): boolean {
  return args.values[name] === true;
}

/** Read a file the user named; the error says which flag pointed at it. */
export function readFileArg(path: string, flagName: string): Buffer {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new ConsoleError('VALIDATION_FAILED', `The file given to --${flagName} (${path}) ${reason}.`, `Check the path passed to --${flagName}.`, { flag: flagName });
  }
}

/** `JSON_OR_@FILE`: inline JSON text, or @path to read it from a file. Returns the exact text. */
export function readJsonArg(value: string, flagName: string): { text: string; json: unknown } {
  const text = value.startsWith('@') ? readFileArg(value.slice(1), flagName).toString('utf8') : value;
  try {
    return { text, json: JSON.parse(text) };
  } catch (error) {
    throw new ConsoleError('VALIDATION_FAILED', `--${flagName} is not valid JSON: ${(error as Error).message}.`, `Pass a JSON object, e.g. --${flagName} '{"paymentRequestId":"..."}' or --${flagName} @body.json.`, { flag: flagName });
  }
}

export function parsePositiveNumber(value: string | undefined, flagName: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new ConsoleError('VALIDATION_FAILED', `--${flagName} must be a positive number, got "${value}".`, `Pass a number such as --${flagName} ${fallback}.`, { flag: flagName });
  }
  return n;
}

/** A TCP port; 0 (the default) lets the OS pick a free one. */
export function parsePort(value: string | undefined, flagName = 'port'): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConsoleError('VALIDATION_FAILED', `--${flagName} must be a port number between 0 and 65535, got "${value}".`, `Pass e.g. --${flagName} 8787, or 0 for any free port.`, { flag: flagName });
  }
  return n;
}

/** The error every command group gives for a missing or unknown sub-command. */
export function unknownSubcommand(group: string, sub: string | undefined, usage: string): ConsoleError {
  return new ConsoleError('VALIDATION_FAILED', sub ? `Unknown ${group} command "${sub}".` : `${group} needs a sub-command.`, `Usage: ${usage}`);
}

/** Foreground commands (sandbox start, notifications listen) run until Ctrl+C or SIGTERM. */
export function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
