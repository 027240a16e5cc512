/**
 * PostgreSQL 0003-forward-outbox: the relay's durable outbox, the same tables as SQLite's
 * 0008-forward-outbox (read that file for what each column means). What differs: several
 * receivers share one database, so a worker claims due rows with FOR UPDATE SKIP LOCKED and
 * holds them by lease_until / lease_token while it sends (postgres-forward-outbox.ts).
 */
export const PG_V3_FORWARD_OUTBOX = `
CREATE TABLE forward_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  target text NOT NULL,
  created_at text NOT NULL,
  state text NOT NULL DEFAULT 'pending',
  round integer NOT NULL DEFAULT 1,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at text,
  lease_until text,
  lease_token text,
  delivered_at text,
  original_body bytea,
  UNIQUE (notification_id, target)
);
CREATE INDEX forward_outbox_due ON forward_outbox (target, next_attempt_at) WHERE state = 'pending';

CREATE TABLE forward_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  outbox_id bigint NOT NULL REFERENCES forward_outbox (id) ON DELETE CASCADE,
  round integer NOT NULL,
  attempt integer NOT NULL,
  sent_at text NOT NULL,
  http_status integer,
  answer_excerpt text,
  error text,
  latency_ms integer NOT NULL,
  accepted smallint NOT NULL
);
CREATE INDEX forward_attempts_outbox ON forward_attempts (outbox_id);

ALTER TABLE notifications ADD COLUMN forward_state text;
`;
