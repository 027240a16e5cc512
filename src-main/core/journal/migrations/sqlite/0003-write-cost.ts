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
export const V3_WRITE_COST = `
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
