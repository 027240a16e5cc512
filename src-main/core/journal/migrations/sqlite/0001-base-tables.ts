import { idColumns, idIndexes } from './id-columns';

/** v1: base tables. One row per call attempt; one per logical notification plus one per POST. */
export const V1_BASE_TABLES = `
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
