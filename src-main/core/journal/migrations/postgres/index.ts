/**
 * The journal's PostgreSQL migrations in the order they run: entry i brings a database from
 * schema i to i + 1; schema_migrations records each (postgres/postgres-migrate.ts). Append-only:
 * never edit a shipped step, add a file and list it here.
 */
import { PG_V1_BASE_TABLES } from './0001-base-tables';
import { PG_V2_PAYMENTS_SUMMARY } from './0002-payments-summary';
import { PG_V3_FORWARD_OUTBOX } from './0003-forward-outbox';
import { PG_V4_CALL_ACTORS } from './0004-call-actors';
import { PG_LIVE_NOTIFY } from './0005-live-notify';
import { PG_PAYMENTS_PENDING_SEEDS } from './0006-payments-pending-seeds';
import { PG_REJECT_REASON_INDEX } from './0007-reject-reason-index';

interface PostgresMigration {
  /** The file's name without extension: what schema_migrations records. */
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  { name: '0001-base-tables', sql: PG_V1_BASE_TABLES },
  { name: '0002-payments-summary', sql: PG_V2_PAYMENTS_SUMMARY },
  { name: '0003-forward-outbox', sql: PG_V3_FORWARD_OUTBOX },
  { name: '0004-call-actors', sql: PG_V4_CALL_ACTORS },
  { name: '0005-live-notify', sql: PG_LIVE_NOTIFY },
  { name: '0006-payments-pending-seeds', sql: PG_PAYMENTS_PENDING_SEEDS },
  { name: '0007-reject-reason-index', sql: PG_REJECT_REASON_INDEX },
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;
