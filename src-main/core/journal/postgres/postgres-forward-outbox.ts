/**
 * The relay's outbox on PostgreSQL, where several receivers share one database. A claim is ONE
 * statement: the due rows are picked with FOR UPDATE SKIP LOCKED (a row another receiver is
 * claiming at that instant is skipped, not waited for) and leased in the same UPDATE
 * (lease_until, a fresh lease_token), so after it commits no other receiver takes them until the
 * lease runs out. Recording a send locks the row and only moves it on for the lease holder.
 * Shared rules: ../forward-outbox.ts; tables: ../migrations/postgres/0003-forward-outbox.ts.
 */
import type { ForwardState, ForwardStatusView } from '../../../../src-shared/journal-views';
import {
  FORWARD_OUTBOX_COLUMNS, afterAttempt, answerExcerpt, assertResendable, forwardHeaders, isForwardAccepted, toForwardStatus,
  type ClaimForwardsOptions, type ForwardAttemptInput, type ForwardAttemptRow, type ForwardJob, type ForwardOutboxRow, type RecordForwardOptions,
} from '../forward-outbox';
import type { SqlValue } from './postgres-connection';

const DEFAULT_CLAIM_LIMIT = 16;
const DEFAULT_LEASE_MS = 60_000;

/** Runs one statement (on the pool, or on the transaction it was handed). */
export type RunQuery = <T>(text: string, params?: readonly SqlValue[]) => Promise<T[]>;
/** Runs work in one transaction, handing it a RunQuery bound to that transaction. */
type RunTransaction = <T>(work: (run: RunQuery) => Promise<T>) => Promise<T>;

/**
 * Queue forwards in one statement (the caller's store transaction): once per notification and
 * target, and the notifications marked pending. originalBodies[i]: the exact bytes when the stored
 * body had personal data masked, else null.
 */
export async function enqueueForwardRowsPg(run: RunQuery, notificationIds: readonly number[], originalBodies: readonly (Buffer | null)[], target: string, now: string): Promise<number> {
  if (notificationIds.length === 0) return 0;
  // '' stands for "no separate bytes" (an array element cannot be typed NULL reliably by the driver).
  const rows = await run<{ n: number }>(`WITH o AS (
      INSERT INTO forward_outbox (notification_id, target, created_at, next_attempt_at, original_body)
      SELECT t.id, $2, $3, $3, decode(nullif(t.ob, ''), 'hex') FROM unnest($1::bigint[], $4::text[]) AS t(id, ob)
      ON CONFLICT (notification_id, target) DO NOTHING RETURNING notification_id
    ), marked AS (
      UPDATE notifications SET forward_state = 'pending' WHERE id IN (SELECT notification_id FROM o) RETURNING id
    ) SELECT count(*)::int AS n FROM marked`,
  [notificationIds.map(String), target, now, originalBodies.map((b) => (b ? b.toString('hex') : ''))]);
  return rows[0]?.n ?? 0;
}

interface ClaimRow {
  id: number;
  notification_id: number;
  target: string;
  round: number;
  attempts: number;
  lease_token: string;
  headers_json: string;
  body: Buffer;
}

export async function claimDueForwardRowsPg(run: RunQuery, options: ClaimForwardsOptions): Promise<ForwardJob[]> {
  const now = (options.now ?? new Date()).toISOString();
  const leaseUntil = new Date(Date.parse(now) + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  const rows = await run<ClaimRow>(`UPDATE forward_outbox o SET lease_until = $3, lease_token = gen_random_uuid()::text
    FROM (SELECT id FROM forward_outbox
          WHERE target = $1 AND state = 'pending' AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)
          ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) due, notifications n
    WHERE o.id = due.id AND n.id = o.notification_id
    RETURNING o.id, o.notification_id, o.target, o.round, o.attempts, o.lease_token, n.headers_json, coalesce(o.original_body, n.body) AS body`,
  [options.target, now, leaseUntil, options.limit ?? DEFAULT_CLAIM_LIMIT]);
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ outboxId: r.id, notificationId: r.notification_id, target: r.target, round: r.round, attempt: r.attempts + 1, headers: forwardHeaders(r.headers_json), body: r.body, leaseToken: r.lease_token }));
}

export async function recordForwardAttemptRowPg(
  transaction: RunTransaction, job: Pick<ForwardJob, 'outboxId' | 'leaseToken' | 'round' | 'attempt'>, input: ForwardAttemptInput, options: RecordForwardOptions = {},
): Promise<ForwardState | undefined> {
  const accepted = isForwardAccepted(input.httpStatus, input.answerBody);
  return transaction(async (run) => {
    const [row] = await run<{ notification_id: number; state: ForwardState; lease_token: string | null }>(
      'SELECT notification_id, state, lease_token FROM forward_outbox WHERE id = $1 FOR UPDATE', [job.outboxId]);
    if (!row) return undefined;
    await run(`INSERT INTO forward_attempts (outbox_id, round, attempt, sent_at, http_status, answer_excerpt, error, latency_ms, accepted)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [job.outboxId, job.round, job.attempt, input.sentAt, input.httpStatus, answerExcerpt(input.answerBody),
      input.error, Math.round(input.latencyMs), accepted ? 1 : 0]);
    if (row.state !== 'pending' || row.lease_token !== job.leaseToken) return row.state;
    const next = afterAttempt(job.attempt, accepted, input.sentAt, options.timeScale);
    await run(`UPDATE forward_outbox SET state = $1, attempts = $2, next_attempt_at = $3, delivered_at = $4, lease_until = NULL, lease_token = NULL,
      original_body = CASE WHEN $1 = 'delivered' THEN NULL ELSE original_body END WHERE id = $5`,
    [next.state, job.attempt, next.nextAttemptAt, next.deliveredAt, job.outboxId]);
    await run('UPDATE notifications SET forward_state = $1 WHERE id = $2', [next.state, row.notification_id]);
    return next.state;
  });
}

export async function forwardStatusRowsPg(run: RunQuery, notificationId: number): Promise<ForwardStatusView[]> {
  const rows = await run<ForwardOutboxRow>(`SELECT ${FORWARD_OUTBOX_COLUMNS} FROM forward_outbox WHERE notification_id = $1 ORDER BY id`, [notificationId]);
  if (rows.length === 0) return [];
  const attempts = await run<ForwardAttemptRow>(`SELECT * FROM forward_attempts WHERE outbox_id IN (SELECT id FROM forward_outbox WHERE notification_id = $1) ORDER BY id`, [notificationId]);
  return rows.map((r) => toForwardStatus(r, attempts));
}

export async function outboxDepthRowsPg(run: RunQuery): Promise<number> {
  const [row] = await run<{ n: number }>("SELECT count(*)::int AS n FROM forward_outbox WHERE state = 'pending'");
  return row?.n ?? 0;
}

export async function resendForwardRowsPg(transaction: RunTransaction, run: RunQuery, notificationId: number, now: Date = new Date()): Promise<ForwardStatusView[]> {
  await transaction(async (tx) => {
    const states = await tx<{ state: ForwardState }>('SELECT state FROM forward_outbox WHERE notification_id = $1 FOR UPDATE', [notificationId]);
    assertResendable(notificationId, states.map((s) => s.state));
    await tx(`UPDATE forward_outbox SET state = 'pending', round = round + 1, attempts = 0, next_attempt_at = $1, lease_until = NULL, lease_token = NULL
      WHERE notification_id = $2 AND state <> 'delivered'`, [now.toISOString(), notificationId]);
    await tx("UPDATE notifications SET forward_state = 'pending' WHERE id = $1", [notificationId]);
  });
  return forwardStatusRowsPg(run, notificationId);
}
