/**
 * Typed errors shared by every door (IPC, browser preview, CLI).
 *
 * Each error carries a stable `code` a program can branch on, a `message` saying what
 * happened, and a `hint` saying what the user should do next. Errors cross process
 * boundaries as plain `ConsoleErrorShape` objects, never as thrown stacks.
 */
export const ERROR_CODES = [
  // bad input
  'VALIDATION_FAILED',
  'AMOUNT_INVALID',
  'CURRENCY_UNKNOWN',
  // keys
  'KEY_NOT_A_KEY',
  'KEY_WRONG_KIND',
  'KEY_NOT_RSA',
  'KEY_TOO_SHORT',
  'KEY_PAIR_MISMATCH',
  'KEY_MISSING',
  // keychain
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_FAILED',
  // profiles
  'PROFILE_NOT_FOUND',
  'PROFILE_EXISTS',
  'PROFILE_INVALID',
  'PROFILES_FILE_CORRUPT',
  'READ_ONLY',
  // signatures
  'SIGNATURE_HEADER_MALFORMED',
  'SIGNATURE_INVALID',
  // transport and Antom answers
  'NETWORK_ERROR',
  'TIMEOUT',
  'HTTP_ERROR',
  'RESPONSE_NOT_JSON',
  'RESPONSE_SIGNATURE_INVALID',
  'ANTOM_FAILED',
  'ANTOM_UNKNOWN',
  // storage
  'DATA_DIR_UNUSABLE',
  'NOT_FOUND',
  'INTERNAL',
  // doors (IPC, browser preview)
  'SENDER_NOT_ALLOWED',
  'PREVIEW_SANDBOX_ONLY',
  // notification receiver and replay
  'BIND_REFUSED',
  'PORT_IN_USE',
  'REPLAY_REFUSED',
  // the relay (--forward-to): nothing to re-send (never forwarded, or already accepted)
  'FORWARD_REFUSED',
  // journal (SQLite)
  'JOURNAL_VERSION_TOO_NEW',
  'JOURNAL_UNREADABLE',
  'JOURNAL_KEY_MATERIAL',
  // shared journal (PostgreSQL): the server cannot be reached, refuses the login, or lacks the database
  'JOURNAL_UNREACHABLE',
  // Settings: attaching a shared journal (the server refused the login; the database has not been migrated)
  'JOURNAL_AUTH_FAILED',
  'JOURNAL_NOT_MIGRATED',
  // shared journal: the login's database role does not allow this (antom-ops db roles)
  'JOURNAL_ROLE_FORBIDS',
  // audit trail: a money-moving call whose intent could not be recorded was not sent
  'AUDIT_NOT_RECORDED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ConsoleErrorShape {
  code: ErrorCode;
  message: string;
  hint: string;
  /** Optional structured detail (e.g. the field that failed validation). Never key material. */
  details?: Record<string, unknown>;
}

export class ConsoleError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, hint: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConsoleError';
    this.code = code;
    this.hint = hint;
    this.details = details;
  }

  toShape(): ConsoleErrorShape {
    const shape: ConsoleErrorShape = { code: this.code, message: this.message, hint: this.hint };
    if (this.details) shape.details = this.details;
    return shape;
  }
}

export function isConsoleError(value: unknown): value is ConsoleError {
  return value instanceof ConsoleError;
}

/** Turn anything thrown into a shape safe to send across a boundary (no stack, no secrets). */
export function toErrorShape(error: unknown): ConsoleErrorShape {
  if (error instanceof ConsoleError) return error.toShape();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}`, hint: 'This is a bug in the console; please report it with the steps that led here.' };
}
