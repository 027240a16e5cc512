/**
 * Connecting to the shared journal's PostgreSQL server (driver: postgres.js; why: README, "Team
 * mode", and bench/pg-driver-bench.ts).
 *
 * A journal URL is `postgres://` or `postgresql://`. What the URL leaves out (host, port, user,
 * password, database) comes from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
 * PGDATABASE, as psql does: postgres.js reads them itself for the parts the URL lacks.
 *
 * The password is a secret: describeDatabaseUrl() is the only form of a URL that may be shown,
 * logged or sent to the renderer.
 */
import postgres from 'postgres';
import { ConsoleError } from '../../../../src-shared/errors';

/** int8 (ids, count(*)) as JS numbers: journal ids stay far below 2^53, and the row mappers expect numbers. */
const INT8_AS_NUMBER = {
  to: 20,
  from: [20],
  serialize: (value: number): string => String(value),
  parse: (raw: string): number => Number(raw),
};

export type JournalSql = postgres.Sql<{ bigint: number }>;
export type SqlScalar = string | number | boolean | null | Buffer;
/** What the journal binds as a parameter: a value, or a list bound as one array (unnest, = ANY). */
export type SqlValue = SqlScalar | readonly SqlScalar[];
export type JournalTx = postgres.TransactionSql<{ bigint: number }>;

function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/** Checks a --database value: a postgres:// or postgresql:// URL that parses. */
export function assertPostgresUrl(value: string, source = '--database'): string {
  const url = value.trim();
  let parsed: URL | undefined;
  try {
    parsed = isPostgresUrl(url) ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed) {
    throw new ConsoleError(
      'VALIDATION_FAILED',
      `${source} is not a PostgreSQL URL (expected postgres://... or postgresql://...).`,
      'Pass e.g. postgresql://user@db.example.com:5432/antom_ops; PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE fill what the URL leaves out.',
      { field: source },
    );
  }
  return url;
}

/** The URL without its password (and without password-like query parameters): safe to show. */
export function describeDatabaseUrl(value: string): string {
  try {
    const url = new URL(value);
    url.password = '';
    for (const key of [...url.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) url.searchParams.delete(key);
    }
    return url.toString();
  } catch {
    return 'postgresql://(unparsable URL)';
  }
}

interface ConnectOptions {
  /** Pool size. The receiver's group commit needs one; queries from a console run beside it. */
  max?: number;
  /** Seconds to wait for a connection before failing (answers Antom with a failure meanwhile). */
  connectTimeoutSeconds?: number;
  applicationName?: string;
  /** The PostgreSQL schema holding the journal's tables (search_path); default: the server's (public). */
  schema?: string;
}

/** Schema names are identifiers put in the startup packet: plain lower-case ones only. */
function assertSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConsoleError('VALIDATION_FAILED', `"${schema}" is not a usable schema name.`, 'Use lower-case letters, digits and _ (starting with a letter or _), at most 63 characters.', { field: 'schema' });
  }
  return schema;
}

export function connectJournalDatabase(url: string, options: ConnectOptions = {}): JournalSql {
  return postgres(url, {
    max: options.max ?? 4,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    idle_timeout: 60,
    types: { bigint: INT8_AS_NUMBER },
    // Notices (e.g. "relation already exists, skipping") are not the user's business.
    onnotice: () => undefined,
    connection: {
      application_name: options.applicationName ?? 'antom-ops',
      ...(options.schema ? { search_path: assertSchemaName(options.schema) } : {}),
    },
  });
}

/** SQLSTATEs that mean "this server is not usable as configured", with what to do about each. */
const CONNECT_FAILURES: Record<string, string> = {
  '28P01': 'The server refused the password. Check the URL or PGPASSWORD.',
  '28000': 'The server refused this user (pg_hba.conf or role). Check the user name and the server\'s access rules.',
  '3D000': 'The database does not exist. Create it (createdb NAME) or fix the name in the URL.',
  '42501': 'This role may not do that. Connect as the journal\'s owner for migrations.',
  '57P03': 'The server is starting up or shutting down. Try again in a moment.',
};

/** Turn a driver/network error into a ConsoleError that names the server (never its password). */
export function journalDatabaseError(error: unknown, url: string, doing: string): ConsoleError {
  if (error instanceof ConsoleError) return error;
  const where = describeDatabaseUrl(url);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  // Privileges and row-level security (antom-ops db roles): the login's role, not the server, said no.
  if (code === '42501' && doing !== 'be opened') {
    return new ConsoleError('JOURNAL_ROLE_FORBIDS', `The shared journal at ${where} refused this login: ${message}.`,
      'This login\'s role does not allow it (intake stores notifications, operator records every call, support records inquiries): use a login in the right role, or ask the journal\'s owner (antom-ops db roles).',
      { database: where, sqlState: code }, { cause: error });
  }
  const hint = CONNECT_FAILURES[code]
    ?? (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|CONNECT_TIMEOUT|CONNECTION_/.test(`${code} ${message}`)
      ? 'Check that PostgreSQL is running and reachable at that host and port (pg_isready -d URL), then retry.'
      : 'Check the server\'s log for this error; the journal was not changed by this failed step.');
  return new ConsoleError('JOURNAL_UNREACHABLE', `The shared journal at ${where} could not ${doing}: ${message}.`, hint, { database: where, sqlState: code || undefined }, { cause: error });
}

/**
 * A socket's read or write error that no module's code is on: a connection error code, a
 * read/write syscall, and only Node's own frames in the stack. Node raises one when the socket had
 * no 'error' listener left (or a promise rejects with it that nobody awaits). CI caught one in the intake service while its database was stopped
 * (`uncaught: Error: read ECONNRESET at TCP.onStreamRead`, three group commits and the drain
 * thread's connections open). In the intake service and its drain thread the driver is the only
 * owner of bare TCP sockets (node:http keeps a listener on every socket it serves), and
 * postgres.js 3.4.9 takes every listener off a socket when it handles its close
 * (connection.js closed(): removeAllListeners), so by elimination the socket was the driver's.
 */
function isUnownedSocketError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (typeof code !== 'string' || !SOCKET_ERROR_CODES.has(code) || (syscall !== 'read' && syscall !== 'write')) return false;
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return frames.every((line) => /\(node:|^\s+at node:/.test(line));
}

/**
 * postgres.js 3.4.9 defers small writes to a setImmediate; when the server drops the connection
 * before it runs, it writes to a socket that is gone and throws from the timer
 * (porsager/postgres#1154, #1208; unfixed in 3.4.9). Nothing awaits that timer, so the TypeError
 * is an uncaught exception: only the process owner can catch it. The same race reaches the
 * driver's other timers that touch the socket (a connect timeout's destroy), so the test is the
 * fault's shape, not one method name: a TypeError on a null/undefined socket whose first frame is
 * in the driver's connection module. Every other error stays a bug; the intake service survives
 * this one by replacing the pool (journal.reconnect()).
 */
export function isPostgresDriverSocketFault(error: unknown): boolean {
  if (isUnownedSocketError(error)) return true;
  if (!(error instanceof TypeError)) return false;
  if (!/^Cannot read properties of (null|undefined) \(reading '\w+'\)$/.test(error.message)) return false;
  const firstFrame = (error.stack ?? '').split('\n').find((line) => /^\s+at /.test(line)) ?? '';
  return /[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js:\d+/.test(firstFrame);
}

/** The driver's own names for a failed connection (postgres.js Errors.connection). */
const DRIVER_CONNECTION_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
/** Socket errors: any module's, so they count only with a frame in the driver's connection module. */
const SOCKET_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);
const DRIVER_MODULE_FRAME = /[\\/]postgres[\\/](cjs[\\/])?src[\\/]connection\.js:\d+/;

/**
 * A promise inside postgres.js 3.4.9 that nobody can await failed because its connection did:
 * after connecting, the driver fetches the server's array types from a handler, as a promise it
 * never handles (connection.js fetchArrayTypes). When the server goes away during that query (a
 * restart right after a reconnect), the rejection is unhandled, and Node turns it into an
 * uncaught exception. Told apart by the error: one of the driver's connection codes, a server's
 * "going away" (PostgresError with SQLSTATE class 08 or 57), or a socket error with a frame in
 * the driver's connection module (the driver appends the query's creation stack to it).
 */
function isPostgresDriverConnectionRejection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return false;
  if (DRIVER_CONNECTION_CODES.has(code)) return true;
  if (error.name === 'PostgresError' && /^(08|57)[0-9A-Z]{3}$/.test(code)) return true;
  return SOCKET_ERROR_CODES.has(code) && (DRIVER_MODULE_FRAME.test(error.stack ?? '') || isUnownedSocketError(error));
}

/**
 * The driver faults a long-running process survives by replacing its pool: a timer's throw on a
 * dropped socket ('uncaughtException'), or a connection failure of a promise only the driver held
 * ('unhandledRejection'). `origin` is what Node passes to an 'uncaughtException' listener.
 */
export function isPostgresDriverFault(error: unknown, origin: string): boolean {
  return origin === 'unhandledRejection' ? isPostgresDriverConnectionRejection(error) : isPostgresDriverSocketFault(error);
}
