/**
 * PostgreSQL v1: the journal as SQLite has it at its v5 (calls, notifications and their attempts,
 * replays, settings, the request-ID ledger), in one step, since no PostgreSQL journal predates it.
 *
 * Column types are chosen so a row reads back exactly as the SQLite engine's row does, and the
 * shared row mappers (journal-rows.ts), timelines and mismatch rules work unchanged:
 * - times stay ISO-8601 UTC text as the writer gave them (toISOString), which orders and compares
 *   correctly as text; a timestamptz would re-format them (precision, offset) and the two engines
 *   would show different strings for the same notification;
 * - flags stay 0/1 smallint (the mappers test `=== 1`);
 * - ids are bigint identities (read back as JS numbers: postgres-connection.ts).
 * Differences that belong to PostgreSQL:
 * - de-duplication is the UNIQUE dedup_key itself: PgJournal writes with INSERT ... ON CONFLICT,
 *   so two receivers on one database can never store one notification twice;
 * - free-text search is a tsvector column with a GIN index (`search`), filled at write time from
 *   the body tokenised the way SQLite's FTS5 unicode61 tokeniser does (postgres/search-text.ts),
 *   so both engines find the same rows for the same words.
 */
const ID_COLUMNS = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id'];

const idColumns = ID_COLUMNS.map((c) => `  ${c} text`).join(',\n');
const idIndexes = (table: string): string =>
  ID_COLUMNS.map((c) => `CREATE INDEX ${table}_${c} ON ${table} (${c}) WHERE ${c} IS NOT NULL;`).join('\n');

export const PG_V1_BASE_TABLES = `
CREATE TABLE calls (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attempt_id text NOT NULL UNIQUE,
  call_id text NOT NULL,
  attempt integer NOT NULL,
  started_at text NOT NULL,
  profile text NOT NULL,
  environment text NOT NULL,
  api text NOT NULL,
  url text NOT NULL,
  path text NOT NULL,
  client_id text NOT NULL,
  request_time text NOT NULL,
  request_body text NOT NULL,
  request_signature_header text NOT NULL,
  http_status integer,
  response_headers text,
  response_body text,
  response_signature text,
  latency_ms integer NOT NULL,
  result_status text,
  result_code text,
  result_message text,
  error_code text,
  error_message text,
  trigger text NOT NULL,
${idColumns},
  search tsvector NOT NULL
);
${idIndexes('calls')}
CREATE INDEX calls_started_at ON calls (started_at);
CREATE INDEX calls_api_result_code ON calls (api, result_code);
CREATE INDEX calls_call_id ON calls (call_id);
CREATE INDEX calls_result_code ON calls (result_code) WHERE result_code IS NOT NULL;
CREATE INDEX calls_search ON calls USING gin (search);

CREATE TABLE notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  dedup_key text UNIQUE,
  first_seen_at text NOT NULL,
  last_seen_at text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  acknowledged smallint NOT NULL DEFAULT 0,
  acknowledged_at text,
  receiver_path text NOT NULL,
  remote_address text,
  profile text,
  verification text NOT NULL,
  reject_reason text,
  reject_detail text,
  content_verified text,
  content_verified_is_prefix smallint NOT NULL DEFAULT 0,
  notify_type text NOT NULL,
  result_status text,
  result_code text,
  status text,
  amount_value text,
  amount_currency text,
  headers_json text NOT NULL,
  body bytea NOT NULL,
  body_exact smallint NOT NULL,
  body_sha256 text NOT NULL,
  body_bytes integer NOT NULL,
  unrecognised text,
${idColumns},
  search tsvector NOT NULL
);
${idIndexes('notifications')}
CREATE INDEX notifications_first_seen_at ON notifications (first_seen_at, id);
CREATE INDEX notifications_last_seen_at ON notifications (last_seen_at);
CREATE INDEX notifications_notify_type ON notifications (notify_type, id);
CREATE INDEX notifications_verification ON notifications (verification, id);
CREATE INDEX notifications_reject_reason ON notifications (reject_reason) WHERE reject_reason IS NOT NULL;
CREATE INDEX notifications_result_code ON notifications (result_code) WHERE result_code IS NOT NULL;
CREATE INDEX notifications_unacknowledged ON notifications (acknowledged) WHERE acknowledged = 0;
CREATE INDEX notifications_search ON notifications USING gin (search);

-- body / headers_json NULL: the same as the notification's (the usual first POST).
CREATE TABLE notification_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  received_at text NOT NULL,
  remote_address text,
  receiver_path text NOT NULL,
  headers_json text,
  body bytea,
  body_exact smallint NOT NULL,
  body_sha256 text NOT NULL,
  verification text NOT NULL,
  reject_reason text,
  answer_status integer,
  answer_body text,
  answered_at text
);
CREATE INDEX notification_attempts_notification ON notification_attempts (notification_id);

CREATE TABLE notification_replays (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  sent_at text NOT NULL,
  to_url text NOT NULL,
  mode text NOT NULL,
  http_status integer,
  answer_body text,
  latency_ms double precision NOT NULL,
  acknowledged smallint NOT NULL,
  error text
);
CREATE INDEX notification_replays_notification ON notification_replays (notification_id);

CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE request_ids (
  id bigint GENERATED ALWAYS AS IDENTITY,
  scope text NOT NULL,
  operation_key text NOT NULL,
  request_id text NOT NULL,
  state text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  PRIMARY KEY (scope, request_id)
);
CREATE INDEX request_ids_operation ON request_ids (scope, operation_key);
`;
