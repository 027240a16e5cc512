/**
 * v6: a record of which migration steps ran, when, and by which console version (issue 7 §1), the
 * same record the PostgreSQL journal keeps. PRAGMA user_version stays the version the console
 * checks; this table is the history beside it. migrate() (migrations/index.ts) writes one row per
 * step it applies; steps that ran before this table existed get a row with applied_at and
 * console_version NULL (unknown), so the history always lists every version.
 */
export const V6_SCHEMA_MIGRATIONS = `
CREATE TABLE schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT,
  console_version TEXT
);
`;
