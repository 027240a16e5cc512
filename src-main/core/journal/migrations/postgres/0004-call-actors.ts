/**
 * PostgreSQL 0004: the audit trail, as SQLite's 0009-call-actors (same columns, same rules).
 * - calls.actor_user / actor_host / actor_door: who sent each attempt.
 * - call_intents: one row per send of a money-moving operation, a plain INSERT before sending, so
 *   a refused INSERT (a role without the grant, a row-level security policy, the server down)
 *   surfaces as an error and the call is not sent.
 * - call_outcomes: how each intent ended, INSERT only. A role that keeps the trail needs INSERT
 *   and SELECT on both tables and never UPDATE or DELETE (retention, run by the owner, deletes).
 */
export const PG_V4_CALL_ACTORS = `
ALTER TABLE calls ADD COLUMN actor_user text;
ALTER TABLE calls ADD COLUMN actor_host text;
ALTER TABLE calls ADD COLUMN actor_door text;

CREATE TABLE call_intents (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  intent_id text NOT NULL UNIQUE,
  intent_key text NOT NULL,
  call_id text NOT NULL,
  operation text NOT NULL,
  request_id_field text,
  request_id text,
  amount_value text,
  amount_currency text,
  payment_request_id text,
  payment_id text,
  capture_request_id text,
  capture_id text,
  refund_request_id text,
  refund_id text,
  reference_order_id text,
  dispute_id text,
  profile text NOT NULL,
  environment text NOT NULL,
  actor_user text NOT NULL,
  actor_host text NOT NULL,
  actor_door text NOT NULL,
  intended_at text NOT NULL
);
CREATE INDEX call_intents_intent_key ON call_intents (intent_key, id);
CREATE INDEX call_intents_intended_at ON call_intents (intended_at);
CREATE INDEX call_intents_actor ON call_intents (actor_user, actor_host);
CREATE INDEX call_intents_call_id ON call_intents (call_id);

CREATE TABLE call_outcomes (
  intent_id text PRIMARY KEY REFERENCES call_intents (intent_id) ON DELETE CASCADE,
  completed_at text NOT NULL,
  outcome text NOT NULL,
  result_status text,
  result_code text,
  error_code text,
  http_status integer,
  attempts integer NOT NULL
);
`;
