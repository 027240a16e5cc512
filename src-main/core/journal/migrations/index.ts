/**
 * The journal's schema, as an append-only list of migrations. `PRAGMA user_version` records how
 * many have run. Opening a file runs the missing ones in ONE transaction (all or nothing), and
 * refuses a file written by a newer console rather than guessing at columns it does not know.
 *
 * Each step is its own file under sqlite/ (0001-..., 0002-...), listed in order in sqlite/index.ts.
 * Never edit a shipped step: add a new file. Tests build a v1 file from MIGRATIONS[0] alone and
 * upgrade it, so every step's upgrade path runs for real.
 */
import type Database from 'better-sqlite3';
import { ConsoleError } from '../../../../src-shared/errors';
import { consoleVersion } from '../../console-version';
import { SQLITE_MIGRATION_NAMES, SQLITE_MIGRATIONS, SQLITE_SCHEMA_MIGRATIONS_SINCE } from './sqlite';

export const MIGRATIONS: readonly string[] = SQLITE_MIGRATIONS;
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Refuse a file written by a newer console. Called before anything else touches the file
 * (even switching to WAL rewrites header bytes), so a refused file is left exactly as it was.
 */
export function assertKnownVersion(db: Database.Database, file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new ConsoleError(
      'JOURNAL_VERSION_TOO_NEW',
      `The journal ${file} was written by a newer version of the console (schema ${version}; this one knows up to ${SCHEMA_VERSION}).`,
      'Update the console, or point --data-dir (ANTOM_OPS_DATA_DIR) at another directory. The file was not changed.',
      { file, fileVersion: version, knownVersion: SCHEMA_VERSION },
    );
  }
  return version;
}

/**
 * Bring `db` to SCHEMA_VERSION in one transaction. Returns the version the file had before.
 * Each step applied is recorded in schema_migrations (v6+) with the time and `version` (the
 * console's); steps from before that table existed are listed with both unknown (NULL).
 */
export function migrate(db: Database.Database, file: string, version: string = consoleVersion()): number {
  const from = assertKnownVersion(db, file);
  if (from === SCHEMA_VERSION) return from;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    if (SCHEMA_VERSION >= SQLITE_SCHEMA_MIGRATIONS_SINCE) {
      const record = db.prepare('INSERT OR IGNORE INTO schema_migrations (version, name, applied_at, console_version) VALUES (?, ?, ?, ?)');
      const now = new Date().toISOString();
      for (let v = 1; v <= SCHEMA_VERSION; v++) {
        const ranNow = v > from;
        record.run(v, SQLITE_MIGRATION_NAMES[v - 1]!, ranNow ? now : null, ranNow ? version : null);
      }
    }
    // pragma values cannot be bound; SCHEMA_VERSION is our own integer.
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  })();
  return from;
}
