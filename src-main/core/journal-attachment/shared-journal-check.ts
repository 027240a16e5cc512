/**
 * Before Settings attaches a shared journal: split the password off the URL (it goes to the
 * keychain), connect once, and check that the database is migrated to exactly what this console
 * knows. Each way this can fail is a typed error the Settings form shows as it is: the server is
 * unreachable, the login is refused, the database is not migrated (run `antom-ops db migrate`),
 * or it was migrated by a newer console.
 */
import { ConsoleError } from '../../../src-shared/errors';
import { POSTGRES_SCHEMA_VERSION } from '../journal/migrations/postgres';
import { assertPostgresUrl, connectJournalDatabase, describeDatabaseUrl, journalDatabaseError } from '../journal/postgres/postgres-connection';
import { postgresSchemaVersion } from '../journal/postgres/postgres-migrate';

/** A journal URL taken apart: what may be shown and stored, and the secret. */
export interface SharedJournalTarget {
  /** The URL without its password: stored in journal-attachment.json, shown in Settings. */
  publicUrl: string;
  /** The password (from the form's field, else from the URL), or undefined (trust / PGPASSWORD). */
  password: string | undefined;
  /** The URL the driver connects with (password included): kept in memory only. */
  connectUrl: string;
  /** Server and database, as named in the header and the keychain item. */
  host: string;
  database: string;
}

export function sharedJournalTarget(url: string, password?: string): SharedJournalTarget {
  const parsed = new URL(assertPostgresUrl(url, 'url'));
  const fromUrl = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  const secret = password !== undefined && password !== '' ? password : fromUrl;
  const publicUrl = describeDatabaseUrl(parsed.toString());
  const connect = new URL(publicUrl);
  if (secret !== undefined) connect.password = encodeURIComponent(secret);
  return { publicUrl, password: secret, connectUrl: connect.toString(), ...hostAndDatabase(publicUrl) };
}

/** What the URL names, filled from the PG* variables as the driver fills it. */
export function hostAndDatabase(url: string): { host: string; database: string } {
  const parsed = new URL(url);
  const host = parsed.host || process.env.PGHOST || 'localhost';
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || '';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || process.env.PGDATABASE || user;
  return { host, database };
}

/** The keychain item (account, under the console's service) holding one shared journal's password. */
export function journalSecretAccount(target: { host: string; database: string }): string {
  return `journal:${target.host}/${target.database}`;
}

const LOGIN_REFUSED = new Set(['28P01', '28000']);

function sqlStateOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

/** Connect once and check the schema version. Resolves with the role the server knows us as. */
export async function checkSharedJournal(target: SharedJournalTarget): Promise<{ role: string; version: number }> {
  const where = target.publicUrl;
  const sql = connectJournalDatabase(target.connectUrl, { max: 1, connectTimeoutSeconds: 5, applicationName: 'antom-ops settings check' });
  let found: { role: string; version: number };
  try {
    const [row] = await sql<{ role: string }[]>`SELECT current_user AS role`;
    found = { role: row?.role ?? '', version: await postgresSchemaVersion(sql) };
  } catch (error) {
    if (LOGIN_REFUSED.has(sqlStateOf(error))) {
      throw new ConsoleError(
        'JOURNAL_AUTH_FAILED',
        `The server at ${target.host} refused the login to ${target.database}${error instanceof Error ? `: ${error.message}` : ''}.`,
        'Check the user name in the URL and the password (the server\'s pg_hba.conf must also allow this client). Nothing was saved.',
        { database: where, sqlState: sqlStateOf(error) },
        { cause: error },
      );
    }
    throw journalDatabaseError(error, target.connectUrl, 'be reached');
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
  if (found.version > POSTGRES_SCHEMA_VERSION) {
    throw new ConsoleError(
      'JOURNAL_VERSION_TOO_NEW',
      `The shared journal ${where} was migrated by a newer version of the console (schema ${found.version}; this one knows up to ${POSTGRES_SCHEMA_VERSION}).`,
      'Update this console to the version the other consoles and receivers run. Nothing was saved.',
      { database: where, databaseVersion: found.version, knownVersion: POSTGRES_SCHEMA_VERSION },
    );
  }
  if (found.version < POSTGRES_SCHEMA_VERSION) {
    const state = found.version === 0 ? 'has no journal tables yet' : `is at schema ${found.version}; this console needs ${POSTGRES_SCHEMA_VERSION}`;
    throw new ConsoleError(
      'JOURNAL_NOT_MIGRATED',
      `The database ${where} ${state}.`,
      `Run \`antom-ops db migrate --database ${where}\` as the database's owner, then attach again. Nothing was saved.`,
      { database: where, databaseVersion: found.version, knownVersion: POSTGRES_SCHEMA_VERSION },
    );
  }
  return found;
}
