/**
 * v8 (0008-forward-outbox): the relay's durable outbox (issue 7 §3, `listen --forward-to URL`).
 *
 * - forward_outbox: one row per stored notification and target, written in the same transaction
 *   as the notification, so a notification is either stored AND queued for the merchant's backend
 *   or neither. UNIQUE (notification_id, target): Antom's resend of a notification becomes an
 *   attempt of the first and is never forwarded twice.
 *   `attempts` counts the sends of the current round (a Re-send starts round + 1 from zero);
 *   `next_attempt_at` is NULL once delivered or given up; `lease_until` / `lease_token` mark a
 *   claim by one worker. `original_body` holds the exact received bytes ONLY when the
 *   notification's own stored body had personal data masked (the backend must get the signed
 *   bytes to verify them); it is cleared as soon as the backend accepts.
 * - forward_attempts: every send, with its answer (status, redacted excerpt or network error) and
 *   latency.
 * - notifications.forward_state: the outbox state copied onto the notification (pending /
 *   delivered / given-up, NULL = not forwarded), so the Notifications list can mark "never
 *   accepted" without a join.
 */
export const V8_FORWARD_OUTBOX = `
CREATE TABLE forward_outbox (
  id INTEGER PRIMARY KEY,
  notification_id INTEGER NOT NULL REFERENCES notifications(id) ON DELETE CASCADE,
  target TEXT NOT NULL,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  round INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  lease_until TEXT,
  lease_token TEXT,
  delivered_at TEXT,
  original_body BLOB,
  UNIQUE (notification_id, target)
);
CREATE INDEX forward_outbox_due ON forward_outbox(target, next_attempt_at) WHERE state = 'pending';

CREATE TABLE forward_attempts (
  id INTEGER PRIMARY KEY,
  outbox_id INTEGER NOT NULL REFERENCES forward_outbox(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  sent_at TEXT NOT NULL,
  http_status INTEGER,
  answer_excerpt TEXT,
  error TEXT,
  latency_ms INTEGER NOT NULL,
  accepted INTEGER NOT NULL
);
CREATE INDEX forward_attempts_outbox ON forward_attempts(outbox_id);

ALTER TABLE notifications ADD COLUMN forward_state TEXT;
`;
