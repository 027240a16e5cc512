/**
 * Schema migrations of the shared journal (migrations/postgres/), applied at open.
 *
 * - schema_migrations has one row per step that ran: version, name, when, and which console
 *   version ran it. The schema version is its highest version.
 * - A database whose version is higher than this console knows is refused before anything is
 *   written (an older console would not know the newer columns' rules).
 * - All missing steps run in ONE transaction holding an advisory lock, so several receivers and
 *   consoles starting at once against an empty database migrate it exactly once; the others wait
 *   for the lock, then see the steps done.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from '../migrations/postgres';
import { describeDatabaseUrl, type JournalSql, type JournalTx } from './postgres-connection';

/** pg_advisory_xact_lock key: any fixed bigint; this one spells "antomops" in hex-ish. */
const MIGRATION_LOCK_KEY = 0x616e746f6d6f7073n;

const SCHEMA_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  console_version text NOT NULL
)`;

interface AppliedMigration {
  version: number;
  name: string;
  appliedAt: string;
  consoleVersion: string;
}

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: AppliedMigration[];
}

async function hasMigrationsTable(sql: JournalSql | JournalTx): Promise<boolean> {
  const [row] = await sql<{ present: boolean }[]>`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`;
  return row?.present === true;
}

/** The schema version of the database (0 when nothing ran yet). */
export async function postgresSchemaVersion(sql: JournalSql | JournalTx): Promise<number> {
  if (!(await hasMigrationsTable(sql))) return 0;
  const [row] = await sql<{ version: number | null }[]>`SELECT max(version) AS version FROM schema_migrations`;
  return row?.version ?? 0;
}

function assertKnownPostgresVersion(version: number, url: string): void {
  if (version > POSTGRES_SCHEMA_VERSION) {
    throw new ConsoleError(
      'JOURNAL_VERSION_TOO_NEW',
      `The shared journal ${describeDatabaseUrl(url)} was migrated by a newer version of the console (schema ${version}; this one knows up to ${POSTGRES_SCHEMA_VERSION}).`,
      'Update this console (every console and receiver on one database should run the same version). The database was not changed.',
      { database: describeDatabaseUrl(url), databaseVersion: version, knownVersion: POSTGRES_SCHEMA_VERSION },
    );
  }
}

/** What ran, oldest first. */
export async function appliedMigrations(sql: JournalSql | JournalTx): Promise<AppliedMigration[]> {
  if (!(await hasMigrationsTable(sql))) return [];
  const rows = await sql<{ version: number; name: string; applied_at: Date; console_version: string }[]>`
    SELECT version, name, applied_at, console_version FROM schema_migrations ORDER BY version`;
  return rows.map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at.toISOString(), consoleVersion: r.console_version }));
}

/** Bring the database to POSTGRES_SCHEMA_VERSION. Refuses a newer database without writing to it. */
export async function migratePostgres(sql: JournalSql, url: string, consoleVersion: string): Promise<MigrationOutcome> {
  // Cheap check first, outside any transaction: a newer database is refused without a single write.
  assertKnownPostgresVersion(await postgresSchemaVersion(sql), url);
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    if (!(await hasMigrationsTable(tx))) await tx.unsafe(SCHEMA_MIGRATIONS_TABLE);
    const from = await postgresSchemaVersion(tx);
    assertKnownPostgresVersion(from, url);
    for (let v = from; v < POSTGRES_SCHEMA_VERSION; v++) {
      const step = POSTGRES_MIGRATIONS[v]!;
      await tx.unsafe(step.sql);
      await tx`INSERT INTO schema_migrations (version, name, console_version) VALUES (${v + 1}, ${step.name}, ${consoleVersion})`;
    }
    const applied = (await appliedMigrations(tx)).filter((m) => m.version > from);
    return { from, to: POSTGRES_SCHEMA_VERSION, applied };
  });
}
