/**
 * Output and exit codes shared by every command. Exit codes are part of the CLI's contract:
 *   0 success · 1 a negative answer (invalid signature, an Antom F result) · 2 bad input
 *   3 the operation could not be carried out (network, keychain, storage): retrying later may help.
 */
import { ConsoleError, toErrorShape, type ErrorCode } from '../../src-shared/errors';

export const EXIT_OK = 0;
export const EXIT_NEGATIVE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_UNAVAILABLE = 3;

const UNAVAILABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_LOCKED', 'KEYCHAIN_FAILED', 'NETWORK_ERROR', 'TIMEOUT', 'HTTP_ERROR',
  'RESPONSE_NOT_JSON', 'DATA_DIR_UNUSABLE', 'INTERNAL',
  // A damaged or newer journal file is not the command's input being wrong: the command could not be done.
  'JOURNAL_UNREADABLE', 'JOURNAL_VERSION_TOO_NEW',
  // The shared journal's server is down or refuses us: retrying later may help.
  'JOURNAL_UNREACHABLE',
  // A money-moving call whose intent the journal could not record was not sent: fix the journal, retry.
  'AUDIT_NOT_RECORDED',
]);
const NEGATIVE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['SIGNATURE_INVALID', 'RESPONSE_SIGNATURE_INVALID', 'ANTOM_FAILED', 'ANTOM_UNKNOWN']);

function exitCodeForError(error: unknown): number {
  if (!(error instanceof ConsoleError)) return EXIT_UNAVAILABLE;
  if (NEGATIVE_CODES.has(error.code)) return EXIT_NEGATIVE;
  if (UNAVAILABLE_CODES.has(error.code)) return EXIT_UNAVAILABLE;
  return EXIT_BAD_INPUT;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** One JSON document on one line: scripts read stdout line by line. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value));
}

export function printError(io: CliIo, error: unknown, json: boolean): number {
  const shape = toErrorShape(error);
  if (json) printJson(io, { error: shape });
  else io.err(`error: ${shape.message}\n  what to do: ${shape.hint}`);
  return exitCodeForError(error);
}

/** Aligned "label: value" lines for human output. */
export function printFields(io: CliIo, fields: Array<[string, string | number | boolean | undefined]>): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) {
    if (value === undefined) continue;
    io.out(`${`${label}:`.padEnd(width + 2)}${String(value)}`);
  }
}
