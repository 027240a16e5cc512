/**
 * `antom-ops db status`: what a journal holds and at which schema, for either engine. Read-only:
 * the SQLite side opens the file read-only beside the journal's own connection (WAL allows it).
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { SCHEMA_VERSION } from './migrations';

export interface MigrationRecord {
  version: number;
  name: string;
  /** null: the step ran before the record existed (SQLite files older than v6). */
  appliedAt: string | null;
  consoleVersion: string | null;
}

export interface JournalStatus {
  engine: 'sqlite' | 'postgres';
  /** File path, or the database URL without its password. */
  where: string;
  schemaVersion: number;
  /** The newest schema this console knows. */
  knownSchemaVersion: number;
  migrations: MigrationRecord[];
  sizeBytes: number;
  counts: { calls: number; notifications: number; attempts: number };
  /** First-seen times of the oldest and newest notification (null when there is none). */
  notifications: { oldest: string | null; newest: string | null };
  /** Start times of the oldest and newest call attempt. */
  calls: { oldest: string | null; newest: string | null };
}

export function sqliteJournalStatus(file: string): JournalStatus {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasRecord = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    const migrations = hasRecord
      ? (db.prepare('SELECT version, name, applied_at, console_version FROM schema_migrations ORDER BY version').all() as Array<{ version: number; name: string; applied_at: string | null; console_version: string | null }>)
        .map((r) => ({ version: r.version, name: r.name, appliedAt: r.applied_at, consoleVersion: r.console_version }))
      : [];
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    const span = (sql: string): { oldest: string | null; newest: string | null } => db.prepare(sql).get() as { oldest: string | null; newest: string | null };
    const size = (p: string): number => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    return {
      engine: 'sqlite',
      where: file,
      schemaVersion: version,
      knownSchemaVersion: SCHEMA_VERSION,
      migrations,
      sizeBytes: size(file) + size(`${file}-wal`),
      counts: { calls: n('SELECT count(*) AS n FROM calls'), notifications: n('SELECT count(*) AS n FROM notifications'), attempts: n('SELECT count(*) AS n FROM notification_attempts') },
      notifications: span('SELECT min(first_seen_at) AS oldest, max(first_seen_at) AS newest FROM notifications'),
      calls: span('SELECT min(started_at) AS oldest, max(started_at) AS newest FROM calls'),
    };
  } finally {
    db.close();
  }
}
