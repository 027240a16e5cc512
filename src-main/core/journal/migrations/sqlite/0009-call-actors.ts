/**
 * 0009: the audit trail (issue 7 §4).
 * - calls.actor_user / actor_host / actor_door: who sent each attempt (the OS user and host of
 *   the console or CLI, and which door). NULL for calls recorded before this step.
 * - call_intents: one row per send of a money-moving operation, written with a plain INSERT
 *   BEFORE the first byte goes to Antom; if that INSERT fails, nothing is sent. Resends of the
 *   same request (same operation and request ID) share intent_key, which links them.
 * - call_outcomes: how each intent ended, written after (one row per intent, INSERT only). The
 *   trail is append-only: nothing in it is ever updated, so a role that may only INSERT and
 *   SELECT can keep it, and nobody can rewrite what was recorded.
 */
export const V9_CALL_ACTORS = `
ALTER TABLE calls ADD COLUMN actor_user TEXT;
ALTER TABLE calls ADD COLUMN actor_host TEXT;
ALTER TABLE calls ADD COLUMN actor_door TEXT;

CREATE TABLE call_intents (
  id INTEGER PRIMARY KEY,
  intent_id TEXT NOT NULL UNIQUE,
  intent_key TEXT NOT NULL,
  call_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  request_id_field TEXT,
  request_id TEXT,
  amount_value TEXT,
  amount_currency TEXT,
  payment_request_id TEXT,
  payment_id TEXT,
  capture_request_id TEXT,
  capture_id TEXT,
  refund_request_id TEXT,
  refund_id TEXT,
  reference_order_id TEXT,
  dispute_id TEXT,
  profile TEXT NOT NULL,
  environment TEXT NOT NULL,
  actor_user TEXT NOT NULL,
  actor_host TEXT NOT NULL,
  actor_door TEXT NOT NULL,
  intended_at TEXT NOT NULL
);
CREATE INDEX call_intents_intent_key ON call_intents(intent_key, id);
CREATE INDEX call_intents_intended_at ON call_intents(intended_at);
CREATE INDEX call_intents_actor ON call_intents(actor_user, actor_host);
CREATE INDEX call_intents_call_id ON call_intents(call_id);

CREATE TABLE call_outcomes (
  intent_id TEXT PRIMARY KEY REFERENCES call_intents(intent_id) ON DELETE CASCADE,
  completed_at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  result_status TEXT,
  result_code TEXT,
  error_code TEXT,
  http_status INTEGER,
  attempts INTEGER NOT NULL
);
`;
