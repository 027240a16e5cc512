/**
 * The journal's schema, as an append-only list of migrations. `PRAGMA user_version` records how
 * many have run. Opening a file runs the missing ones in ONE transaction (all or nothing), and
 * refuses a file written by a newer console rather than guessing at columns it does not know.
 *
 * Never edit a shipped step: add a new one. Tests build a v1 file from MIGRATIONS[0] alone and
 * upgrade it, so every step's upgrade path runs for real.
 */
import type Database from 'better-sqlite3';
import { ConsoleError } from '../../../src-shared/errors';
import { NOTIFICATION_REPLAYS_SQL } from './notification-replays';

const ID_COLUMNS = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id'];

const idColumns = ID_COLUMNS.map((c) => `  ${c} TEXT`).join(',\n');
const idIndexes = (table: string): string =>
  ID_COLUMNS.map((c) => `CREATE INDEX ${table}_${c} ON ${table}(${c}) WHERE ${c} IS NOT NULL;`).join('\n');

/** v1: base tables. One row per call attempt; one per logical notification plus one per POST. */
const V1 = `
CREATE TABLE calls (
  id INTEGER PRIMARY KEY,
  attempt_id TEXT NOT NULL UNIQUE,
  call_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  profile TEXT NOT NULL,
  environment TEXT NOT NULL,
  api TEXT NOT NULL,
  url TEXT NOT NULL,
  path TEXT NOT NULL,
  client_id TEXT NOT NULL,
  request_time TEXT NOT NULL,
  request_body TEXT NOT NULL,
  request_signature_header TEXT NOT NULL,
  http_status INTEGER,
  response_headers TEXT,
  response_body TEXT,
  response_signature TEXT,
  latency_ms INTEGER NOT NULL,
  result_status TEXT,
  result_code TEXT,
  result_message TEXT,
  error_code TEXT,
  error_message TEXT,
  trigger TEXT NOT NULL,
${idColumns}
);
${idIndexes('calls')}
CREATE INDEX calls_started_at ON calls(started_at);
CREATE INDEX calls_api_result_code ON calls(api, result_code);
CREATE INDEX calls_call_id ON calls(call_id);

CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  dedup_key TEXT UNIQUE,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  acknowledged INTEGER NOT NULL DEFAULT 0,
  acknowledged_at TEXT,
  receiver_path TEXT NOT NULL,
  remote_address TEXT,
  profile TEXT,
  verification TEXT NOT NULL,
  reject_reason TEXT,
  reject_detail TEXT,
  content_verified TEXT,
  notify_type TEXT NOT NULL,
  result_status TEXT,
  result_code TEXT,
  status TEXT,
  amount_value TEXT,
  amount_currency TEXT,
  headers_json TEXT NOT NULL,
  body BLOB NOT NULL,
  body_exact INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  body_bytes INTEGER NOT NULL,
${idColumns}
);
${idIndexes('notifications')}
CREATE INDEX notifications_first_seen_at ON notifications(first_seen_at);
CREATE INDEX notifications_last_seen_at ON notifications(last_seen_at);
CREATE INDEX notifications_notify_type ON notifications(notify_type);
CREATE INDEX notifications_reject_reason ON notifications(reject_reason) WHERE reject_reason IS NOT NULL;

CREATE TABLE notification_attempts (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  received_at TEXT NOT NULL,
  remote_address TEXT,
  receiver_path TEXT NOT NULL,
  headers_json TEXT NOT NULL,
  body BLOB NOT NULL,
  body_exact INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  verification TEXT NOT NULL,
  reject_reason TEXT,
  answer_status INTEGER,
  answer_body TEXT,
  answered_at TEXT
);
CREATE INDEX notification_attempts_notification ON notification_attempts(notification_id);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE request_ids (
  scope TEXT NOT NULL,
  operation_key TEXT NOT NULL,
  request_id TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (scope, request_id)
);
CREATE INDEX request_ids_operation ON request_ids(scope, operation_key);
`;

/**
 * v2: free-text search and the filters the UI uses most. The FTS tables are contentless (the
 * text already lives in calls/notifications; storing it twice would double the file) with
 * contentless_delete so prune can remove rows. Triggers keep them in step inside the same
 * transaction as the write; the INSERT ... SELECT backfills rows written by a v1 console.
 */
const V2 = `
CREATE VIRTUAL TABLE calls_fts USING fts5(request_body, response_body, content='', contentless_delete=1);
CREATE VIRTUAL TABLE notifications_fts USING fts5(body, content='', contentless_delete=1);
INSERT INTO calls_fts(rowid, request_body, response_body) SELECT id, request_body, coalesce(response_body, '') FROM calls;
INSERT INTO notifications_fts(rowid, body) SELECT id, CAST(body AS TEXT) FROM notifications;
CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
  INSERT INTO calls_fts(rowid, request_body, response_body) VALUES (new.id, new.request_body, coalesce(new.response_body, ''));
END;
CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN
  DELETE FROM calls_fts WHERE rowid = old.id;
END;
CREATE TRIGGER notifications_fts_insert AFTER INSERT ON notifications BEGIN
  INSERT INTO notifications_fts(rowid, body) VALUES (new.id, CAST(new.body AS TEXT));
END;
CREATE TRIGGER notifications_fts_delete AFTER DELETE ON notifications BEGIN
  DELETE FROM notifications_fts WHERE rowid = old.id;
END;
CREATE INDEX notifications_verification ON notifications(verification);
CREATE INDEX notifications_result_code ON notifications(result_code) WHERE result_code IS NOT NULL;
CREATE INDEX notifications_unacknowledged ON notifications(acknowledged) WHERE acknowledged = 0;
CREATE INDEX calls_result_code ON calls(result_code) WHERE result_code IS NOT NULL;
`;

/**
 * v3: write cost per notification (the receiver's throughput goal, issue 3 section 5).
 * - The search row of a notification is no longer written by a trigger. FTS5 flushes its pending
 *   terms to a new index segment at every statement savepoint, and every INSERT into
 *   notifications opens one (it may abort: UNIQUE dedup_key, the trigger itself), so the trigger
 *   wrote one segment PER NOTIFICATION and merged them again: about half of the journal's insert
 *   cost. SqliteJournal.storeNotifications now indexes the whole batch with one INSERT ... SELECT
 *   as the last statement of the same transaction (one segment per commit), so search still sees
 *   exactly what is committed. The delete trigger stays (prune).
 * - notification_attempts.body and headers_json become nullable: NULL means "the same as the
 *   notification's" (the usual first POST), instead of storing those bytes a second time.
 *   body_sha256 is still stored per attempt. The table is rebuilt to drop the NOT NULLs (SQLite
 *   cannot alter a column); existing rows are copied unchanged and stay readable.
 * - notifications.content_verified_is_prefix: 1 when content_verified holds only the part before
 *   the body ("POST <path>\n<client-id>.<request-time>.") and the verified content is that prefix
 *   followed by the stored body; readers rebuild it. Old rows have 0 and keep the full text.
 */
const V3 = `
DROP TRIGGER notifications_fts_insert;
CREATE TABLE notification_attempts_v3 (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  received_at TEXT NOT NULL,
  remote_address TEXT,
  receiver_path TEXT NOT NULL,
  headers_json TEXT,
  body BLOB,
  body_exact INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  verification TEXT NOT NULL,
  reject_reason TEXT,
  answer_status INTEGER,
  answer_body TEXT,
  answered_at TEXT
);
INSERT INTO notification_attempts_v3 SELECT id, notification_id, received_at, remote_address, receiver_path, headers_json, body, body_exact, body_sha256,
  verification, reject_reason, answer_status, answer_body, answered_at FROM notification_attempts;
DROP TABLE notification_attempts;
ALTER TABLE notification_attempts_v3 RENAME TO notification_attempts;
CREATE INDEX notification_attempts_notification ON notification_attempts(notification_id);
ALTER TABLE notifications ADD COLUMN content_verified_is_prefix INTEGER NOT NULL DEFAULT 0;
`;

/** v4: replays of stored notifications and what their targets answered. */
const V4 = NOTIFICATION_REPLAYS_SQL;

export const MIGRATIONS: readonly string[] = [V1, V2, V3, V4];
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

/** Bring `db` to SCHEMA_VERSION in one transaction. Returns the version the file had before. */
export function migrate(db: Database.Database, file: string): number {
  const from = assertKnownVersion(db, file);
  if (from === SCHEMA_VERSION) return from;
  db.transaction(() => {
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    // pragma values cannot be bound; SCHEMA_VERSION is our own integer.
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
  })();
  return from;
}
