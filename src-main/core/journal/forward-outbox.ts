/**
 * The relay's outbox (issue 7 §3, `notifications listen --forward-to URL`), the part both engines
 * share: what a claimed job carries, what an attempt records, when a send counts as accepted, and
 * how an outbox row moves after a send. The SQL lives with each engine
 * (sqlite-forward-outbox.ts, postgres/postgres-forward-outbox.ts); the worker that sends is
 * src-main/core/forwarding/forward-worker.ts.
 */
import { isAcknowledgement } from '../../../src-shared/acknowledgement';
import { ConsoleError } from '../../../src-shared/errors';
import type { ForwardAttemptView, ForwardState, ForwardStatusView } from '../../../src-shared/journal-views';
import { redactJsonText } from '../redaction/redact-json';
import { FORWARD_MAX_ATTEMPTS, nextForwardAttemptAt } from './retry-schedule';

/** Antom's headers the backend needs to verify the notification itself; nothing else is passed on. */
const FORWARDED_HEADER_NAMES = ['signature', 'client-id', 'request-time', 'content-type'] as const;

/** How much of the backend's answer is kept with each attempt. */
const ANSWER_EXCERPT_CHARS = 512;

/** A due forward, claimed by one worker until `leaseUntil`. */
export interface ForwardJob {
  outboxId: number;
  notificationId: number;
  target: string;
  round: number;
  /** The number this send will have in its round (1..8). */
  attempt: number;
  /** Antom's headers as received (only FORWARDED_HEADER_NAMES). */
  headers: Record<string, string>;
  /** The exact bytes Antom signed. */
  body: Buffer;
  leaseToken: string;
}

/** What one send produced. */
export interface ForwardAttemptInput {
  sentAt: string;
  httpStatus: number | null;
  /** The answer body as received (it is cut and redacted before it is stored). */
  answerBody: string | null;
  error: string | null;
  latencyMs: number;
}

export interface ClaimForwardsOptions {
  /** Only this target's rows: a receiver sends only where it was told to. */
  target: string;
  now?: Date;
  limit?: number;
  /** How long the claim holds before another worker may take the row (default 60 s). */
  leaseMs?: number;
}

export interface RecordForwardOptions {
  /** Shrinks Antom's gaps for tests (see nextForwardAttemptAt); default 1. */
  timeScale?: number;
}

/**
 * Did the backend accept the forward? Decision (the issue leaves it open): any HTTP 2xx, unless
 * the body is Antom-style result JSON (`{"result":{"resultStatus":...}}`) whose resultStatus is
 * not "S": a backend that speaks Antom's protocol and answers F or U is saying "not yet", as it
 * would to Antom, so the relay resends. Antom's own acknowledgement is of course accepted.
 */
export function isForwardAccepted(httpStatus: number | null, body: string | null): boolean {
  if (httpStatus === null || httpStatus < 200 || httpStatus > 299) return false;
  if (body !== null && isAcknowledgement(httpStatus, body)) return true;
  const resultStatus = antomResultStatus(body);
  return resultStatus === undefined || resultStatus === 'S';
}

function antomResultStatus(body: string | null): string | undefined {
  if (!body || !body.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    const result = (parsed as { result?: { resultStatus?: unknown } } | null)?.result;
    return typeof result?.resultStatus === 'string' ? result.resultStatus : undefined;
  } catch {
    return undefined;
  }
}

/** The start of the backend's answer, redacted like every body the journal keeps. */
export function answerExcerpt(body: string | null): string | null {
  if (body === null) return null;
  return redactJsonText(body.slice(0, ANSWER_EXCERPT_CHARS)).text;
}

/** Antom's headers for the backend, from the notification's stored headers. */
export function forwardHeaders(headersJson: string): Record<string, string> {
  const all = JSON.parse(headersJson) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const name of FORWARDED_HEADER_NAMES) if (typeof all[name] === 'string') out[name] = all[name];
  return out;
}

/** Where an outbox row goes after its `attempt`-th send of the round. */
export function afterAttempt(attempt: number, accepted: boolean, sentAt: string, timeScale = 1): { state: ForwardState; nextAttemptAt: string | null; deliveredAt: string | null } {
  if (accepted) return { state: 'delivered', nextAttemptAt: null, deliveredAt: sentAt };
  const next = nextForwardAttemptAt(attempt, sentAt, timeScale);
  return next === null ? { state: 'given-up', nextAttemptAt: null, deliveredAt: null } : { state: 'pending', nextAttemptAt: next, deliveredAt: null };
}

// ---- rows as both engines read them -----------------------------------------------------

export interface ForwardOutboxRow {
  id: number;
  notification_id: number;
  target: string;
  created_at: string;
  state: ForwardState;
  round: number;
  attempts: number;
  next_attempt_at: string | null;
  delivered_at: string | null;
}

export interface ForwardAttemptRow {
  id: number;
  outbox_id: number;
  round: number;
  attempt: number;
  sent_at: string;
  http_status: number | null;
  answer_excerpt: string | null;
  error: string | null;
  latency_ms: number;
  accepted: number;
}

export const FORWARD_OUTBOX_COLUMNS = 'id, notification_id, target, created_at, state, round, attempts, next_attempt_at, delivered_at';

function toAttemptView(row: ForwardAttemptRow): ForwardAttemptView {
  return {
    id: Number(row.id), round: row.round, attempt: row.attempt, sentAt: row.sent_at, httpStatus: row.http_status, answerExcerpt: row.answer_excerpt,
    error: row.error, latencyMs: row.latency_ms, accepted: row.accepted === 1,
  };
}

export function toForwardStatus(row: ForwardOutboxRow, attempts: readonly ForwardAttemptRow[]): ForwardStatusView {
  return {
    target: row.target, state: row.state, round: row.round, attemptsMade: row.attempts, maxAttempts: FORWARD_MAX_ATTEMPTS,
    nextAttemptAt: row.next_attempt_at, createdAt: row.created_at, deliveredAt: row.delivered_at,
    attempts: attempts.filter((a) => Number(a.outbox_id) === Number(row.id)).map(toAttemptView),
  };
}

/** Both engines refuse the same way: nothing was forwarded, or the backend already accepted it. */
export function assertResendable(notificationId: number, states: readonly ForwardState[]): void {
  if (states.length === 0) {
    throw new ConsoleError('FORWARD_REFUSED', `Notification ${notificationId} was never forwarded to a backend.`,
      'Only notifications stored by a receiver started with --forward-to URL are forwarded; replay it to a URL instead.', { id: notificationId });
  }
  if (states.every((s) => s === 'delivered')) {
    throw new ConsoleError('FORWARD_REFUSED', `The backend already accepted notification ${notificationId}; it is not sent again.`,
      'To test your backend with it once more, replay it to a URL instead.', { id: notificationId });
  }
}

/** A rejected notification was never proven to come from Antom: the relay never passes it on. */
export function assertForwardable(notificationId: number, verification: string | undefined): void {
  if (verification === undefined) {
    throw new ConsoleError('NOT_FOUND', `There is no stored notification with id ${notificationId}.`, 'List notifications (antom-ops notifications list) and use an id from there.', { id: notificationId });
  }
  if (verification !== 'verified') {
    throw new ConsoleError('FORWARD_REFUSED', `Notification ${notificationId} was rejected by the receiver, so it is not forwarded.`,
      'Only verified notifications are forwarded to the backend; replay it to a URL to test with it.', { id: notificationId });
  }
}
