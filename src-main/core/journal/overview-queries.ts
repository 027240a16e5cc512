/**
 * Aggregates for the Overview dashboard and the candidate list for "awaiting capture", read
 * straight from SQLite. Statuses come from the latest verified word per payment (a successful
 * inquiry or a verified notification); a rejected notification proves nothing and is not counted.
 *
 * Payments are keyed by paymentId; rows that carry only a paymentRequestId are linked to their
 * paymentId through any row in the range that carries both (a notification or an inquiry).
 */
import type Database from 'better-sqlite3';
import type { OverviewStats } from '../../../src-shared/contract';
import { normaliseTime } from './journal-filters';
import { FINAL_PAYMENT_STATUSES, parseBody } from './payment-facts';

export interface OverviewRange {
  since: string;
  until: string;
  /** Latency buckets across the range; default 24. */
  buckets?: number;
}

export interface CallStatusRow {
  api: string;
  started_at: string;
  result_status: string | null;
  payment_id: string | null;
  payment_request_id: string | null;
  body: string | null;
}

export interface NoteStatusRow {
  first_seen_at: string;
  notify_type: string;
  status: string | null;
  result_status: string | null;
  payment_id: string | null;
  payment_request_id: string | null;
  auth: number;
}

interface PaymentAcc {
  statuses: Array<{ at: string; status: string }>;
  sessionOk: boolean;
  authorisation: boolean;
  captured: boolean;
}

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(Math.ceil((p / 100) * sorted.length), 1);
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

function notificationStatus(row: NoteStatusRow): string {
  if (row.notify_type === 'PAYMENT_PENDING') return 'PENDING';
  return row.status ?? (row.result_status === 'S' ? 'SUCCESS' : row.result_status === 'F' ? 'FAIL' : 'PROCESSING');
}

/** The normalised window and bucket count of a range (both engines query with these). */
interface OverviewWindow {
  since: string;
  until: string;
  buckets: number;
}

export function overviewWindow(range: OverviewRange): OverviewWindow {
  return {
    since: normaliseTime(range.since, 'since'),
    until: normaliseTime(range.until, 'until'),
    buckets: Math.min(Math.max(Math.trunc(range.buckets ?? 24), 1), 200),
  };
}

/** What an engine reads for the Overview; overviewFromRows turns it into the dashboard's figures. */
interface OverviewRows {
  /** createPaymentSession / inquiryPayment / capture calls started in the window, oldest first. */
  calls: CallStatusRow[];
  /** Verified PAYMENT_RESULT / PAYMENT_PENDING / CAPTURE_RESULT notifications first seen in the window, oldest first. */
  notes: NoteStatusRow[];
  /** Every call attempt started in the window. */
  latencies: Iterable<{ started_at: string; latency_ms: number }>;
  topResultCodes: Array<{ resultCode: string; resultStatus: string | null; count: number }>;
  noteCounts: { verified: number; rejected: number; duplicates: number };
  callsTotal: number;
}

export function overviewStats(db: Database.Database, range: OverviewRange): OverviewStats {
  const window = overviewWindow(range);
  const { since, until } = window;
  const calls = db.prepare(`SELECT api, started_at, result_status, payment_id, payment_request_id,
      CASE api WHEN 'inquiryPayment' THEN response_body WHEN 'createPaymentSession' THEN request_body END AS body
    FROM calls WHERE started_at >= ? AND started_at < ? AND api IN ('createPaymentSession', 'inquiryPayment', 'capture')
    ORDER BY started_at, id`).all(since, until) as CallStatusRow[];
  const notes = db.prepare(`SELECT first_seen_at, notify_type, status, result_status, payment_id, payment_request_id,
      (CAST(body AS TEXT) LIKE '%"authExpiryTime"%') AS auth
    FROM notifications WHERE first_seen_at >= ? AND first_seen_at < ? AND verification = 'verified'
      AND notify_type IN ('PAYMENT_RESULT', 'PAYMENT_PENDING', 'CAPTURE_RESULT')
    ORDER BY first_seen_at, id`).all(since, until) as NoteStatusRow[];
  const topResultCodes = db.prepare(`SELECT result_code AS resultCode, result_status AS resultStatus, count(*) AS count FROM calls
    WHERE started_at >= ? AND started_at < ? AND result_code IS NOT NULL GROUP BY result_code, result_status ORDER BY count DESC, result_code LIMIT 10`)
    .all(since, until) as Array<{ resultCode: string; resultStatus: string | null; count: number }>;
  const noteCounts = db.prepare(`SELECT
      coalesce(sum(verification = 'verified'), 0) AS verified,
      coalesce(sum(verification = 'rejected'), 0) AS rejected,
      coalesce(sum(attempts - 1), 0) AS duplicates
    FROM notifications WHERE first_seen_at >= ? AND first_seen_at < ?`).get(since, until) as { verified: number; rejected: number; duplicates: number };
  const callsTotal = (db.prepare('SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?').get(since, until) as { n: number }).n;
  // Last: an open iterator keeps the connection busy until it is drained (overviewFromRows does).
  const latencies = db.prepare('SELECT started_at, latency_ms FROM calls WHERE started_at >= ? AND started_at < ?').iterate(since, until) as IterableIterator<{ started_at: string; latency_ms: number }>;
  return overviewFromRows(window, { calls, notes, latencies, topResultCodes, noteCounts, callsTotal });
}

export function overviewFromRows(window: OverviewWindow, rows: OverviewRows): OverviewStats {
  const { since, until, buckets } = window;
  const { calls, notes } = rows;
  const paymentIdOf = new Map<string, string>();
  for (const r of [...calls, ...notes]) if (r.payment_id && r.payment_request_id) paymentIdOf.set(r.payment_request_id, r.payment_id);
  const keyOf = (r: { payment_id: string | null; payment_request_id: string | null }): string | undefined =>
    r.payment_id ?? (r.payment_request_id ? paymentIdOf.get(r.payment_request_id) ?? `request:${r.payment_request_id}` : undefined);

  const payments = new Map<string, PaymentAcc>();
  const acc = (key: string): PaymentAcc => {
    let p = payments.get(key);
    if (!p) payments.set(key, (p = { statuses: [], sessionOk: false, authorisation: false, captured: false }));
    return p;
  };

  for (const c of calls) {
    const key = keyOf(c);
    if (!key) continue;
    const p = acc(key);
    const body = parseBody(c.body);
    if (c.api === 'createPaymentSession') {
      if (c.result_status === 'S') p.sessionOk = true;
      const factor = body?.paymentFactor as Record<string, unknown> | undefined;
      if (factor && (factor.isAuthorization === true || factor.isAuthorization === 'true')) p.authorisation = true;
    } else if (c.api === 'inquiryPayment') {
      const status = body?.paymentStatus;
      if (c.result_status === 'S' && typeof status === 'string') p.statuses.push({ at: c.started_at, status });
      if (c.result_status === 'S' && typeof body?.authExpiryTime === 'string') p.authorisation = true;
    } else if (c.api === 'capture') {
      p.authorisation = true;
      if (c.result_status === 'S') p.captured = true;
    }
  }
  for (const n of notes) {
    const key = keyOf(n);
    if (!key) continue;
    const p = acc(key);
    if (n.notify_type === 'CAPTURE_RESULT') {
      p.authorisation = true;
      if (n.result_status === 'S') p.captured = true;
      continue;
    }
    p.statuses.push({ at: n.first_seen_at, status: notificationStatus(n) });
    if (n.auth) p.authorisation = true;
  }

  const byStatus = new Map<string, number>();
  let authorisations = 0;
  let capturedAuthorisations = 0;
  for (const p of payments.values()) {
    // Same rule as the timeline: the latest final word wins over a later non-final one.
    const sorted = [...p.statuses].sort((a, b) => a.at.localeCompare(b.at));
    const finals = sorted.filter((s) => FINAL_PAYMENT_STATUSES.has(s.status));
    const status = (finals[finals.length - 1] ?? sorted[sorted.length - 1])?.status ?? (p.sessionOk ? 'CREATED' : undefined);
    if (!status) continue;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (status === 'SUCCESS' && p.authorisation) {
      authorisations++;
      if (p.captured) capturedAuthorisations++;
    }
  }

  // Latency per time bucket over every attempt that started in the range.
  const startMs = Date.parse(since);
  const spanMs = Math.max(Date.parse(until) - startMs, 1);
  const width = spanMs / buckets;
  const latencies: number[][] = Array.from({ length: buckets }, () => []);
  for (const row of rows.latencies) {
    const index = Math.min(Math.floor((Date.parse(row.started_at) - startMs) / width), buckets - 1);
    latencies[Math.max(index, 0)]!.push(row.latency_ms);
  }
  const latency = latencies.map((values, i) => {
    values.sort((a, b) => a - b);
    return { bucketStart: new Date(startMs + Math.round(i * width)).toISOString(), p50: percentile(values, 50), p95: percentile(values, 95), calls: values.length };
  });

  const topResultCodes = rows.topResultCodes.map((r) => ({ resultCode: r.resultCode, resultStatus: r.resultStatus ?? '', count: r.count }));
  const { noteCounts, callsTotal } = rows;

  return {
    since,
    until,
    paymentsByStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    captureRate: authorisations === 0 ? null : capturedAuthorisations / authorisations,
    authorisations,
    capturedAuthorisations,
    latency,
    topResultCodes,
    notifications: { verified: noteCounts.verified, rejected: noteCounts.rejected, duplicates: noteCounts.duplicates },
    callsTotal,
  };
}

export interface AwaitingCaptureCandidate {
  /** paymentId, or paymentRequestId when no paymentId is known. */
  key: string;
  profile: string | null;
  /** Latest authExpiryTime any verified record gave, if any. */
  authExpiryTime: string | null;
}

/**
 * Payments that may hold an uncaptured authorisation: a session asked for isAuthorization, or a
 * successful inquiry / verified notification carried authExpiryTime. The caller derives the
 * money from each one's timeline, which is what makes partial captures right.
 */
export function awaitingCaptureCandidates(db: Database.Database, limit = 1000): AwaitingCaptureCandidate[] {
  const rows = db.prepare(`SELECT k, profile, at, body FROM (
      SELECT coalesce(payment_id, payment_request_id) AS k, profile, started_at AS at, response_body AS body FROM calls
        WHERE api = 'inquiryPayment' AND result_status = 'S' AND response_body LIKE '%"authExpiryTime"%'
      UNION ALL
      SELECT coalesce(payment_id, payment_request_id) AS k, profile, started_at AS at, NULL AS body FROM calls
        WHERE api = 'createPaymentSession' AND request_body LIKE '%"isAuthorization"%'
      UNION ALL
      SELECT coalesce(payment_id, payment_request_id) AS k, profile, first_seen_at AS at, CAST(body AS TEXT) AS body FROM notifications
        WHERE verification = 'verified' AND notify_type = 'PAYMENT_RESULT' AND CAST(body AS TEXT) LIKE '%"authExpiryTime"%'
    ) WHERE k IS NOT NULL ORDER BY at DESC LIMIT ?`).all(limit * 4) as CandidateRow[];
  return candidatesFromRows(rows, limit);
}

/** One record that may show an authorisation (newest first); the engines fetch up to limit * 4 of them. */
export interface CandidateRow {
  k: string;
  profile: string | null;
  at: string;
  body: string | null;
}

export function candidatesFromRows(rows: readonly CandidateRow[], limit = 1000): AwaitingCaptureCandidate[] {
  const byKey = new Map<string, AwaitingCaptureCandidate>();
  for (const row of rows) {
    let candidate = byKey.get(row.k);
    if (!candidate) {
      if (byKey.size >= limit) continue;
      byKey.set(row.k, (candidate = { key: row.k, profile: row.profile, authExpiryTime: null }));
    }
    if (candidate.authExpiryTime === null && row.body) {
      const expiry = parseBody(row.body)?.authExpiryTime;
      if (typeof expiry === 'string') candidate.authExpiryTime = expiry;
    }
  }
  return [...byKey.values()];
}
