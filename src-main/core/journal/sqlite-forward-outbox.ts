/**
 * The relay's outbox in the SQLite journal (one process owns the file, so a claim is a plain
 * transaction; the lease still guards against a worker that outlives its send). Shared rules:
 * forward-outbox.ts; tables: migrations/sqlite/0008-forward-outbox.ts.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ForwardState, ForwardStatusView } from '../../../src-shared/journal-views';
import {
  FORWARD_OUTBOX_COLUMNS, afterAttempt, assertResendable, answerExcerpt, forwardHeaders, isForwardAccepted, toForwardStatus,
  type ClaimForwardsOptions, type ForwardAttemptInput, type ForwardAttemptRow, type ForwardJob, type ForwardOutboxRow, type RecordForwardOptions,
} from './forward-outbox';

const DEFAULT_CLAIM_LIMIT = 16;
const DEFAULT_LEASE_MS = 60_000;

/** A notification to queue, with its exact bytes when the stored body is not them (masked personal data). */
export interface ForwardEnqueueItem {
  notificationId: number;
  originalBody: Buffer | null;
}

/** Queue forwards (once per notification and target). Runs inside the caller's transaction when there is one. */
export function enqueueForwardRows(db: Database.Database, items: readonly ForwardEnqueueItem[], target: string, now: string): number {
  const insert = db.prepare(`INSERT INTO forward_outbox (notification_id, target, created_at, next_attempt_at, original_body) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (notification_id, target) DO NOTHING`);
  const mark = db.prepare("UPDATE notifications SET forward_state = 'pending' WHERE id = ?");
  let queued = 0;
  for (const item of items) {
    if (insert.run(item.notificationId, target, now, now, item.originalBody).changes > 0) {
      mark.run(item.notificationId);
      queued++;
    }
  }
  return queued;
}

interface ClaimRow {
  id: number;
  notification_id: number;
  target: string;
  round: number;
  attempts: number;
  headers_json: string;
  body: Buffer;
}

export function claimDueForwardRows(db: Database.Database, options: ClaimForwardsOptions): ForwardJob[] {
  const now = (options.now ?? new Date()).toISOString();
  const leaseUntil = new Date(Date.parse(now) + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  return db.transaction(() => {
    const rows = db.prepare(`SELECT o.id, o.notification_id, o.target, o.round, o.attempts, n.headers_json, coalesce(o.original_body, n.body) AS body
      FROM forward_outbox o JOIN notifications n ON n.id = o.notification_id
      WHERE o.target = ? AND o.state = 'pending' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
      ORDER BY o.next_attempt_at, o.id LIMIT ?`).all(options.target, now, now, options.limit ?? DEFAULT_CLAIM_LIMIT) as ClaimRow[];
    const lease = db.prepare('UPDATE forward_outbox SET lease_until = ?, lease_token = ? WHERE id = ?');
    return rows.map((r): ForwardJob => {
      const leaseToken = randomUUID();
      lease.run(leaseUntil, leaseToken, r.id);
      return { outboxId: r.id, notificationId: r.notification_id, target: r.target, round: r.round, attempt: r.attempts + 1, headers: forwardHeaders(r.headers_json), body: r.body, leaseToken };
    });
  })();
}

/**
 * Keep one send and move the row on (delivered, next send due, or given up). A worker whose lease
 * was lost (a Re-send reset the row meanwhile) still has its send recorded, but no longer decides
 * the row's state. Returns the row's state afterwards.
 */
export function recordForwardAttemptRow(
  db: Database.Database, job: Pick<ForwardJob, 'outboxId' | 'leaseToken' | 'round' | 'attempt'>, input: ForwardAttemptInput, options: RecordForwardOptions = {},
): ForwardState | undefined {
  const accepted = isForwardAccepted(input.httpStatus, input.answerBody);
  return db.transaction(() => {
    const row = db.prepare('SELECT notification_id, state, lease_token FROM forward_outbox WHERE id = ?').get(job.outboxId) as
      { notification_id: number; state: ForwardState; lease_token: string | null } | undefined;
    if (!row) return undefined;
    db.prepare(`INSERT INTO forward_attempts (outbox_id, round, attempt, sent_at, http_status, answer_excerpt, error, latency_ms, accepted)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(job.outboxId, job.round, job.attempt, input.sentAt, input.httpStatus, answerExcerpt(input.answerBody),
      input.error, Math.round(input.latencyMs), accepted ? 1 : 0);
    if (row.state !== 'pending' || row.lease_token !== job.leaseToken) return row.state;
    const next = afterAttempt(job.attempt, accepted, input.sentAt, options.timeScale);
    db.prepare(`UPDATE forward_outbox SET state = ?, attempts = ?, next_attempt_at = ?, delivered_at = ?, lease_until = NULL, lease_token = NULL,
      original_body = CASE WHEN ? = 'delivered' THEN NULL ELSE original_body END WHERE id = ?`)
      .run(next.state, job.attempt, next.nextAttemptAt, next.deliveredAt, next.state, job.outboxId);
    db.prepare('UPDATE notifications SET forward_state = ? WHERE id = ?').run(next.state, row.notification_id);
    return next.state;
  })();
}

export function forwardStatusRows(db: Database.Database, notificationId: number): ForwardStatusView[] {
  const rows = db.prepare(`SELECT ${FORWARD_OUTBOX_COLUMNS} FROM forward_outbox WHERE notification_id = ? ORDER BY id`).all(notificationId) as ForwardOutboxRow[];
  if (rows.length === 0) return [];
  const attempts = db.prepare(`SELECT * FROM forward_attempts WHERE outbox_id IN (SELECT id FROM forward_outbox WHERE notification_id = ?) ORDER BY id`)
    .all(notificationId) as ForwardAttemptRow[];
  return rows.map((r) => toForwardStatus(r, attempts));
}

export function outboxDepthRows(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM forward_outbox WHERE state = 'pending'").get() as { n: number }).n;
}

/** Re-queue every forward of the notification the backend has not accepted, due now, as a new round. */
export function resendForwardRows(db: Database.Database, notificationId: number, now: Date = new Date()): ForwardStatusView[] {
  db.transaction(() => {
    const states = db.prepare('SELECT state FROM forward_outbox WHERE notification_id = ?').all(notificationId) as { state: ForwardState }[];
    assertResendable(notificationId, states.map((s) => s.state));
    const at = now.toISOString();
    db.prepare(`UPDATE forward_outbox SET state = 'pending', round = round + 1, attempts = 0, next_attempt_at = ?, lease_until = NULL, lease_token = NULL
      WHERE notification_id = ? AND state <> 'delivered'`).run(at, notificationId);
    db.prepare("UPDATE notifications SET forward_state = 'pending' WHERE id = ?").run(notificationId);
  })();
  return forwardStatusRows(db, notificationId);
}
