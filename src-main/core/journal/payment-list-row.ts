/**
 * One payment's row in the Payments list (the `payments` summary table of both engines): a cache
 * of summarisePayment's result (payment-summary.ts), the one derivation Payments, Captures,
 * Overview and the CLI use, so the list can never show a state or an amount the detail does not.
 * The engines refresh a payment's row in the same transaction as each write that touches it.
 *
 * Besides the summary, the row keeps what only the list needs: who acted last, when an inquiry
 * last answered (the detail's staleness rule), and `expires_at`, the moment the derivation will
 * change by itself with no new row (a session or an authorisation expiring), after which a read
 * derives the payment again.
 */
import { currencyExponent, isKnownCurrency } from '../../../src-shared/money';
import type { DisputeView } from '../../../src-shared/dispute-views';
import { PAYMENT_NOTIFY_TYPES, DISPUTE_APIS } from '../../../src-shared/vocabulary';
import { foldDisputes } from './dispute-queries';
import type { CallIds } from '../../../src-shared/antom-calls';
import type { CallRow, IdRow, NotificationRow } from './journal-rows';
import { groupPaymentRows, PAYMENT_LINK_COLUMNS, type PaymentRows } from './payment-groups';
import { summarisePayment } from './payment-summary';

/** The columns of the payments table (sqlite 0007-payments-summary, postgres 0002-payments-summary). */
export interface PaymentListRow {
  key: string;
  payment_request_id: string | null;
  payment_id: string | null;
  status: string;
  amount_value: string | null;
  currency: string | null;
  amount_milli: bigint;
  method: string | null;
  created_at: string;
  updated_at: string;
  captured_value: string | null;
  refunded_value: string | null;
  disputes: number;
  profile: string | null;
  last_actor: string;
  failure_code: string | null;
  checked_at: string | null;
  expires_at: string | null;
}

/** The columns in table order (both engines' INSERTs and SELECTs use this list). */
export const PAYMENT_LIST_COLUMNS = [
  'key', 'payment_request_id', 'payment_id', 'status', 'amount_value', 'currency', 'amount_milli', 'method', 'created_at', 'updated_at',
  'captured_value', 'refunded_value', 'disputes', 'profile', 'last_actor', 'failure_code', 'checked_at', 'expires_at',
] as const satisfies readonly (keyof PaymentListRow)[];

/** Minor units to thousandths of a display unit; -1 when unknown (sorts below every amount). */
export function amountMilli(value: bigint | undefined, currency: string | null | undefined): bigint {
  if (value === undefined || !currency || !isKnownCurrency(currency)) return -1n;
  return value * 10n ** BigInt(3 - currencyExponent(currency));
}

const PAYMENT_TYPES: ReadonlySet<string> = new Set(PAYMENT_NOTIFY_TYPES);
const DISPUTE_CALLS: ReadonlySet<string> = new Set(DISPUTE_APIS);

/**
 * The disputes among one payment's own rows (its notifyDispute notifications and dispute calls
 * reach it through payment and dispute IDs), folded as the Disputes dashboard folds them.
 */
function disputesOf(rows: PaymentRows, requestIds: readonly string[], paymentIds: readonly string[], now: Date): DisputeView[] {
  const notes = rows.notes.filter((n) => !PAYMENT_TYPES.has(n.notify_type));
  const calls = rows.calls.filter((c) => DISPUTE_CALLS.has(c.api));
  if (notes.length === 0 && calls.length === 0) return [];
  return foldDisputes({ notes, calls }, now).filter(
    (d) => (d.paymentId !== null && paymentIds.includes(d.paymentId)) || (d.paymentRequestId !== null && requestIds.includes(d.paymentRequestId)),
  );
}

function idsOf(rows: readonly (CallRow | NotificationRow)[], column: 'payment_request_id' | 'payment_id'): string[] {
  return [...new Set(rows.map((r) => r[column]).filter((v): v is string => Boolean(v)))].sort();
}

/**
 * The list row of one payment (all its rows, as the engine's closure over link IDs gathers them),
 * or undefined when no call or verified notification names it (e.g. only a rejected notification).
 */
function paymentListRow(rows: PaymentRows, now: Date): PaymentListRow | undefined {
  const verified = rows.notes.filter((n) => n.verification === 'verified');
  const trusted = [...rows.calls, ...verified];
  const requestIds = idsOf(trusted, 'payment_request_id');
  const paymentIds = idsOf(trusted, 'payment_id');
  const { summary, facts, derived } = summarisePayment({ calls: rows.calls, notes: rows.notes, disputes: disputesOf(rows, requestIds, paymentIds, now) }, now);
  const key = summary.paymentRequestId ?? summary.paymentId;
  if (!key) return undefined;

  const moments = [
    ...rows.calls.map((c) => ({ at: c.started_at, actor: callActor(c), id: Number(c.id) })),
    ...verified.map((n) => ({ at: n.first_seen_at, actor: 'antom', id: Number(n.id) })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const first = moments[0]!;
  const last = moments[moments.length - 1]!;

  // Money columns once Antom has authorised something: a failed or pending payment shows none.
  const showMoney = derived.authorised > 0n || derived.captured > 0n || derived.refunded > 0n;
  const failingCall = summary.state === 'FAILED' ? [...rows.calls].reverse().find((c) => c.result_status === 'F' && c.result_code) : undefined;
  const inquiries = rows.calls.filter((c) => c.api === 'inquiryPayment' && c.result_status === 'S').map((c) => c.started_at).sort();

  // When the derivation changes with no new row: an open session expires, an authorisation lapses.
  const pending = summary.state === 'CREATED' || summary.state === 'PROCESSING' ? facts.sessionExpiresAt
    : summary.state === 'AUTHORISED' || summary.state === 'PARTIALLY_CAPTURED' ? facts.authExpiryTime ?? undefined
    : undefined;
  const expiresAt = pending !== undefined && Date.parse(pending) > now.getTime() ? new Date(Date.parse(pending)).toISOString() : null;

  return {
    key,
    payment_request_id: summary.paymentRequestId,
    payment_id: summary.paymentId,
    status: summary.state,
    amount_value: summary.amount?.value ?? null,
    currency: summary.currency,
    amount_milli: amountMilli(summary.amount ? BigInt(summary.amount.value) : undefined, summary.amount?.currency),
    method: summary.paymentMethodType,
    created_at: summary.createdAt ?? first.at,
    updated_at: summary.updatedAt ?? last.at,
    captured_value: showMoney ? summary.captured?.value ?? null : null,
    refunded_value: showMoney ? summary.refunded?.value ?? null : null,
    disputes: summary.disputes,
    profile: summary.profile,
    last_actor: last.actor,
    failure_code: summary.state === 'FAILED' || summary.state === 'EXPIRED' ? summary.resultCode ?? failingCall?.result_code ?? null : null,
    checked_at: inquiries[inquiries.length - 1] ?? null,
    expires_at: expiresAt,
  };
}

/** A written record's IDs as a row's ID columns: the seed from which an engine finds the payment it touched. */
export function idRowOf(ids: CallIds): IdRow {
  return {
    payment_request_id: ids.paymentRequestId ?? null, payment_id: ids.paymentId ?? null, capture_request_id: ids.captureRequestId ?? null,
    capture_id: ids.captureId ?? null, refund_request_id: ids.refundRequestId ?? null, refund_id: ids.refundId ?? null,
    reference_order_id: ids.referenceOrderId ?? null, dispute_id: ids.disputeId ?? null,
  };
}

/** A key-only seed: the payment a list row names (payment_request_id or payment_id), for a re-derivation. */
export function idRowOfKey(key: string): IdRow {
  return { ...idRowOf({}), payment_request_id: key, payment_id: key };
}

/** Every ID column of a seed, in IdRow order. */
const SEED_COLUMNS = Object.keys(idRowOf({})) as (keyof IdRow)[];

/**
 * A seed as a payments_pending ref (the queue of payments a notification named but whose list row
 * is derived later, off the acknowledgement path): the canonical JSON of its non-null ID columns,
 * in IdRow column order, so equal seeds queue once. All of them, not just the payment's name: a
 * refund notification may carry only refund IDs, and a seed with every ID the notification had
 * lets the closure find the payment's rows in one round (from a bare name it takes two). The
 * migrations' backfill rows are plain payment names; seedOfPendingRef reads both.
 * undefined: the seed names no payment at all.
 */
export function pendingRefOf(seed: IdRow): string | undefined {
  if (!seedsAPayment(seed)) return undefined;
  const ids: Partial<Record<keyof IdRow, string>> = {};
  for (const column of SEED_COLUMNS) if (seed[column] !== null) ids[column] = seed[column];
  return JSON.stringify(ids);
}

/** A payments_pending ref back as the seed refreshPayments takes (pendingRefOf's inverse; a plain ref is a payment name). */
export function seedOfPendingRef(ref: string): IdRow {
  if (ref.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(ref);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const entries = Object.entries(parsed);
        // Only a seed this module wrote: known ID columns with string values (anything else is a payment name that happens to start with "{").
        if (entries.length > 0 && entries.every(([k, v]) => (SEED_COLUMNS as string[]).includes(k) && typeof v === 'string')) {
          return { ...idRowOf({}), ...(Object.fromEntries(entries) as Partial<IdRow>) };
        }
      }
    } catch {
      // not JSON: a payment name
    }
  }
  return idRowOfKey(ref);
}

/** Does this seed name a payment at all (a row with no link ID, e.g. a bare dispute call, touches none)? */
export function seedsAPayment(seed: IdRow): boolean {
  return PAYMENT_LINK_COLUMNS.some((c) => seed[c] !== null);
}

/**
 * The moment a write's refresh derives its payments at: the latest time the written records carry
 * (a call's start, a notification's arrival), which is the wall clock in production. Deriving "as
 * of the write" keeps the row true for any reader at or after it; a row whose derivation changes
 * later on its own is re-derived by the first read past its expires_at.
 */
export function derivedAt(times: readonly string[]): Date {
  const latest = Math.max(...times.map((t) => Date.parse(t)).filter((ms) => Number.isFinite(ms)));
  return Number.isFinite(latest) ? new Date(latest) : new Date();
}

/** Refs per INSERT into payments_pending (a batch's queue is one statement up to this many). */
export const QUEUE_ROWS = 1000;

/** Seeds per closure: bounds the IN lists and the rows one closure reads. */
export const REFRESH_CHUNK = 100;

/** The payment names (paymentRequestIds and paymentIds) some rows and seeds carry: what a list row can be keyed by. */
export function paymentNames(rows: PaymentRows, seeds: readonly IdRow[]): string[] {
  const trusted: IdRow[] = [...rows.calls, ...rows.notes.filter((n) => n.verification === 'verified'), ...seeds];
  const names = new Set<string>();
  for (const r of trusted) for (const c of ['payment_request_id', 'payment_id'] as const) if (r[c]) names.add(r[c]!);
  return [...names].sort();
}

/**
 * The payments in some rows (an engine's closure over the link IDs of what was written): the same
 * grouping Overview uses (payment-groups.ts), plus the rows that carry only a dispute ID (a
 * dispute call), which join the payment whose notifyDispute names that dispute.
 */
function paymentsInRows(rows: PaymentRows): PaymentRows[] {
  const groups = groupPaymentRows(rows.calls, rows.notes);
  const byDispute = new Map<string, PaymentRows>();
  for (const g of groups) for (const r of [...g.calls, ...g.notes]) if (r.dispute_id) byDispute.set(r.dispute_id, g);
  const linked = (r: IdRow): boolean => PAYMENT_LINK_COLUMNS.some((c) => r[c] !== null);
  for (const c of rows.calls) if (!linked(c) && c.dispute_id) byDispute.get(c.dispute_id)?.calls.push(c);
  return groups;
}

/**
 * What refreshing the payments some seeds name amounts to, for both engines: `rows` holds every
 * row reachable from the seeds; each payment among them gets its row upserted, and every other
 * name of those payments (first known by its paymentId, then by its paymentRequestId; two rows
 * that turned out to be one payment) or of a seed whose rows are gone (pruned) is deleted.
 */
export function refreshPlan(rows: PaymentRows, seeds: readonly IdRow[], now: Date): { upserts: PaymentListRow[]; deleteKeys: string[] } {
  const upserts: PaymentListRow[] = [];
  const keep = new Set<string>();
  for (const group of paymentsInRows(rows)) {
    const row = paymentListRow(group, now);
    if (row) {
      upserts.push(row);
      keep.add(row.key);
    }
  }
  return { upserts, deleteKeys: paymentNames(rows, seeds).filter((name) => !keep.has(name)) };
}

/**
 * Who made a call, for the list's "Last actor": the person (user@host from the audit trail) when
 * a person or the CLI sent it, so a shared journal says which colleague; the console's own
 * automatic callers (the 2 s poller, a retry) by their name; older rows without an actor by trigger.
 */
function callActor(call: CallRow): string {
  const automatic = call.trigger === 'poller' || call.trigger === 'retry';
  if (!automatic && call.actor_user && call.actor_host) return `${call.actor_user}@${call.actor_host}`;
  return call.trigger;
}
