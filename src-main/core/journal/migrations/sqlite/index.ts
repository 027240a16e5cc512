/**
 * The journal's SQLite migrations in the order they run: entry i brings a file from schema i to
 * i + 1 (PRAGMA user_version). Append-only: never edit a shipped step, add a file and list it here.
 */
import { V1_BASE_TABLES } from './0001-base-tables';
import { V2_SEARCH_AND_FILTERS } from './0002-search-and-filters';
import { V3_WRITE_COST } from './0003-write-cost';
import { V4_NOTIFICATION_REPLAYS } from './0004-notification-replays';
import { V5_DISPUTES_AND_UNRECOGNISED } from './0005-disputes-and-unrecognised';
import { V6_SCHEMA_MIGRATIONS } from './0006-schema-migrations';
import { V7_PAYMENTS_SUMMARY } from './0007-payments-summary';
import { V8_FORWARD_OUTBOX } from './0008-forward-outbox';
import { V9_CALL_ACTORS } from './0009-call-actors';

export const SQLITE_MIGRATIONS: readonly string[] = [
  V1_BASE_TABLES,
  V2_SEARCH_AND_FILTERS,
  V3_WRITE_COST,
  V4_NOTIFICATION_REPLAYS,
  V5_DISPUTES_AND_UNRECOGNISED,
  V6_SCHEMA_MIGRATIONS,
  V7_PAYMENTS_SUMMARY,
  V8_FORWARD_OUTBOX,
  V9_CALL_ACTORS,
];

/** The step files' names, as schema_migrations records them (same order as SQLITE_MIGRATIONS). */
export const SQLITE_MIGRATION_NAMES: readonly string[] = [
  '0001-base-tables',
  '0002-search-and-filters',
  '0003-write-cost',
  '0004-notification-replays',
  '0005-disputes-and-unrecognised',
  '0006-schema-migrations',
  '0007-payments-summary',
  '0008-forward-outbox',
  '0009-call-actors',
];

/** The first version whose file has the schema_migrations table. */
export const SQLITE_SCHEMA_MIGRATIONS_SINCE = 6;
