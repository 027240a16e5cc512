/**
 * Aggregates for the Overview dashboard and the candidate list for "awaiting capture", read
 * straight from SQLite. Each payment with activity in the range is summarised by the same
 * summarisePayment the timeline uses (payment-summary.ts), so Overview's status mix and money
 * can never disagree with a payment's own page; paymentTotals adds them up.
 */
import type Database from 'better-sqlite3';
import type { OverviewStats } from '../../../src-shared/contract';
import { normaliseTime } from './journal-filters';
import type { PaymentSummary } from '../../../src-shared/payment-summary';
import { listDisputes } from './dispute-queries';
import type { DisputeView } from '../../../src-shared/dispute-views';
import type { CallRow, NotificationRow } from './journal-rows';
import { summariseRows } from './payment-groups';
import { parseBody } from './payment-facts';
import { moneyAmount } from './payment-state';

export interface OverviewRange {
  since: string;
  until: string;
  /** Latency buckets across the range; default 24. */
  buckets?: number;
}

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(Math.ceil((p / 100) * sorted.length), 1);
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Largest number of IDs per IN (...) list: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 400;

/**
 * The rows of every payment with activity in [since, until): the rows in the range, plus the
 * same payments' rows outside it (a capture today of yesterday's authorisation needs the
 * authorisation to be summarised right).
 */
function paymentRowsTouching(db: Database.Database, since: string, until: string): { calls: CallRow[]; notes: NotificationRow[] } {
  const calls = new Map<number, CallRow>();
  const notes = new Map<number, NotificationRow>();
  for (const r of db.prepare('SELECT * FROM calls WHERE started_at >= ? AND started_at < ?').iterate(since, until) as IterableIterator<CallRow>) calls.set(r.id, r);
  for (const r of db.prepare('SELECT * FROM notifications WHERE first_seen_at >= ? AND first_seen_at < ?').iterate(since, until) as IterableIterator<NotificationRow>) notes.set(r.id, r);
  for (const column of ['payment_id', 'payment_request_id'] as const) {
    const ids = [...new Set([...calls.values(), ...notes.values()].map((r) => r[column]).filter((v): v is string => Boolean(v)))];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const list = chunk.map(() => '?').join(', ');
      for (const r of db.prepare(`SELECT * FROM calls WHERE ${column} IN (${list})`).iterate(...chunk) as IterableIterator<CallRow>) calls.set(r.id, r);
      for (const r of db.prepare(`SELECT * FROM notifications WHERE ${column} IN (${list})`).iterate(...chunk) as IterableIterator<NotificationRow>) notes.set(r.id, r);
    }
  }
  // Captures and refunds by their own IDs (notifyRefund may carry no paymentId).
  for (const [reqCol, idCol] of [['capture_request_id', 'capture_id'], ['refund_request_id', 'refund_id']] as const) {
    const ids = [...new Set([...calls.values()].flatMap((r) => [r[reqCol], r[idCol]]).filter((v): v is string => Boolean(v)))];
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      const chunk = ids.slice(i, i + IN_CHUNK);
      const list = chunk.map(() => '?').join(', ');
      for (const r of db.prepare(`SELECT * FROM notifications WHERE ${reqCol} IN (${list}) OR ${idCol} IN (${list})`).iterate(...chunk, ...chunk) as IterableIterator<NotificationRow>) notes.set(r.id, r);
    }
  }
  return { calls: [...calls.values()], notes: [...notes.values()] };
}

/** Status mix and money per currency from the derived summaries (the only place they are added up). */
function paymentTotals(summaries: readonly PaymentSummary[]): Pick<OverviewStats, 'paymentsByStatus' | 'moneyByCurrency' | 'captureRate' | 'authorisations' | 'capturedAuthorisations'> {
  const byStatus = new Map<string, number>();
  const byCurrency = new Map<string, { payments: number; authorised: bigint; captured: bigint; refunded: bigint; released: bigint; chargedBack: bigint }>();
  let authorisations = 0;
  let capturedAuthorisations = 0;
  const v = (m: { value: string } | null): bigint => (m ? BigInt(m.value) : 0n);
  for (const s of summaries) {
    if (s.state === 'UNKNOWN' && !s.currency) continue; // rows that name no payment status or amount
    byStatus.set(s.state, (byStatus.get(s.state) ?? 0) + 1);
    if (s.authorisationFlow && v(s.authorised) > 0n) {
      authorisations++;
      if (v(s.captured) > 0n) capturedAuthorisations++;
    }
    if (!s.currency) continue;
    const c = byCurrency.get(s.currency) ?? { payments: 0, authorised: 0n, captured: 0n, refunded: 0n, released: 0n, chargedBack: 0n };
    c.payments++;
    c.authorised += v(s.authorised);
    c.captured += v(s.captured);
    c.refunded += v(s.refunded);
    c.released += v(s.released);
    c.chargedBack += v(s.chargedBack);
    byCurrency.set(s.currency, c);
  }
  return {
    paymentsByStatus: [...byStatus].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || a.status.localeCompare(b.status)),
    moneyByCurrency: [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).map(([currency, c]) => ({
      currency,
      payments: c.payments,
      authorised: moneyAmount(c.authorised, currency),
      captured: moneyAmount(c.captured, currency),
      refunded: moneyAmount(c.refunded, currency),
      released: moneyAmount(c.released, currency),
      chargedBack: moneyAmount(c.chargedBack, currency),
      net: moneyAmount(c.captured - c.refunded - c.chargedBack, currency),
    })),
    captureRate: authorisations === 0 ? null : capturedAuthorisations / authorisations,
    authorisations,
    capturedAuthorisations,
  };
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
  /** Every row of every payment with activity in the window (paymentRowsTouching). */
  calls: CallRow[];
  notes: NotificationRow[];
  /** Every dispute, with its money (listDisputes). */
  disputes: DisputeView[];
  /** Every call attempt started in the window. */
  latencies: Iterable<{ started_at: string; latency_ms: number }>;
  topResultCodes: Array<{ resultCode: string; resultStatus: string | null; count: number }>;
  noteCounts: { verified: number; rejected: number; duplicates: number };
  callsTotal: number;
}

export function overviewStats(db: Database.Database, range: OverviewRange, now: Date = new Date()): OverviewStats {
  const window = overviewWindow(range);
  const { since, until } = window;
  const { calls, notes } = paymentRowsTouching(db, since, until);
  const disputes = listDisputes(db, now);
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
  return overviewFromRows(window, { calls, notes, disputes, latencies, topResultCodes, noteCounts, callsTotal }, now);
}

export function overviewFromRows(window: OverviewWindow, rows: OverviewRows, now: Date = new Date()): OverviewStats {
  const { since, until, buckets } = window;
  // Payments are counted by when they were created (their first record), as the Payments list
  // filters them, so a tile's drill-down link lists exactly the payments the tile counts. The rows
  // are those of every payment active in the range; one created earlier is summarised (its
  // capture today needs yesterday's authorisation) but not counted here.
  const created = summariseRows(rows.calls, rows.notes, rows.disputes, now).filter((s) => s.createdAt !== null && s.createdAt >= since && s.createdAt < until);
  const totals = paymentTotals(created);

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
    ...totals,
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
