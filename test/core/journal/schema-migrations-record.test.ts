/**
 * SQLite keeps the same record as the PostgreSQL journal: which step ran, when, and by which
 * console version (schema v6). A fresh file lists every step as run now; an upgraded file lists
 * the steps that ran before the record existed with their time and console unknown.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../src-main/core/journal/migrations';
import { SQLITE_MIGRATION_NAMES } from '../../../src-main/core/journal/migrations/sqlite';

interface RecordRow { version: number; name: string; applied_at: string | null; console_version: string | null }

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journal-record-'));
  dirs.push(dir);
  return join(dir, 'journal.sqlite3');
}

describe('SQLite schema_migrations record', () => {
  it('names one step per migration file', () => {
    expect(SQLITE_MIGRATION_NAMES).toHaveLength(MIGRATIONS.length);
  });

  it('a new file records every step with the time and the console version', () => {
    const file = tempFile();
    const db = new Database(file);
    const before = Date.now();
    expect(migrate(db, file, '3.1.4')).toBe(0);
    const rows = db.prepare('SELECT * FROM schema_migrations ORDER BY version').all() as RecordRow[];
    db.close();
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(rows.map((r) => r.name)).toEqual(SQLITE_MIGRATION_NAMES);
    for (const r of rows) {
      expect(r.console_version).toBe('3.1.4');
      expect(Date.parse(r.applied_at!)).toBeGreaterThanOrEqual(before - 1000);
    }
  });

  it('an upgraded v5 file records the new steps, and the old ones as run at an unknown time by an unknown console', () => {
    const file = tempFile();
    const db = new Database(file);
    for (let v = 0; v < 5; v++) db.exec(MIGRATIONS[v]!);
    db.pragma('user_version = 5');
    expect(migrate(db, file, '4.0.0')).toBe(5);
    const rows = db.prepare('SELECT * FROM schema_migrations ORDER BY version').all() as RecordRow[];
    // Opening again runs nothing and records nothing.
    expect(migrate(db, file, '5.0.0')).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: SCHEMA_VERSION });
    db.close();
    expect(rows.slice(0, 5).map((r) => [r.version, r.applied_at, r.console_version])).toEqual([1, 2, 3, 4, 5].map((v) => [v, null, null]));
    expect(rows.slice(5).every((r) => r.console_version === '4.0.0' && r.applied_at !== null)).toBe(true);
  });
});
