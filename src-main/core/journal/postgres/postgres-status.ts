/**
 * `db status` on PostgreSQL, read-only: it connects without migrating, so it also describes a
 * database that is behind (not migrated yet) or ahead (from a newer console) of this console.
 */
import type { JournalStatus } from '../journal-status';
import { POSTGRES_SCHEMA_VERSION } from '../migrations/postgres';
import { connectJournalDatabase, describeDatabaseUrl, journalDatabaseError } from './postgres-connection';
import { appliedMigrations, postgresSchemaVersion } from './postgres-migrate';

export async function postgresJournalStatus(url: string): Promise<JournalStatus> {
  const sql = connectJournalDatabase(url, { max: 1 });
  try {
    const version = await postgresSchemaVersion(sql);
    const [size] = await sql<{ n: number }[]>`SELECT pg_database_size(current_database()) AS n`;
    const status: JournalStatus = {
      engine: 'postgres',
      where: describeDatabaseUrl(url),
      schemaVersion: version,
      knownSchemaVersion: POSTGRES_SCHEMA_VERSION,
      migrations: await appliedMigrations(sql),
      sizeBytes: size!.n,
      counts: { calls: 0, notifications: 0, attempts: 0 },
      notifications: { oldest: null, newest: null },
      calls: { oldest: null, newest: null },
    };
    // The tables exist from schema 1 on; an empty database has nothing more to tell.
    if (version === 0) return status;
    const [row] = await sql<{ calls: number; notifications: number; attempts: number; n_oldest: string | null; n_newest: string | null; c_oldest: string | null; c_newest: string | null }[]>`
      SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM notifications) AS notifications,
        (SELECT count(*) FROM notification_attempts) AS attempts,
        (SELECT min(first_seen_at) FROM notifications) AS n_oldest, (SELECT max(first_seen_at) FROM notifications) AS n_newest,
        (SELECT min(started_at) FROM calls) AS c_oldest, (SELECT max(started_at) FROM calls) AS c_newest`;
    return {
      ...status,
      counts: { calls: row!.calls, notifications: row!.notifications, attempts: row!.attempts },
      notifications: { oldest: row!.n_oldest, newest: row!.n_newest },
      calls: { oldest: row!.c_oldest, newest: row!.c_newest },
    };
  } catch (error) {
    throw journalDatabaseError(error, url, 'report its status');
  } finally {
    await sql.end({ timeout: 2 });
  }
}
