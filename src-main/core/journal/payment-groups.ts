/**
 * Rows -> payments, for the screens that summarise many payments at once (Overview, the payments
 * list): rows that share any payment, capture or refund ID belong to the same payment (union-find
 * over those IDs). referenceOrderId is NOT a link: merchants reuse it across payments.
 */
import type { DisputeView } from '../../../src-shared/dispute-views';
import type { PaymentSummary } from '../../../src-shared/payment-summary';
import type { CallRow, NotificationRow } from './journal-rows';
import { summarisePayment } from './payment-summary';

/** The ID columns that tie a row to one payment. */
export const PAYMENT_LINK_COLUMNS = ['payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id'] as const;

type LinkRow = Pick<CallRow, (typeof PAYMENT_LINK_COLUMNS)[number]>;

export interface PaymentRows {
  calls: CallRow[];
  notes: NotificationRow[];
}

/** Group rows into payments. Rows with no link ID at all (e.g. a bare dispute call) are dropped. */
export function groupPaymentRows(calls: readonly CallRow[], notes: readonly NotificationRow[]): PaymentRows[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps the next lookups short.
    let at = x;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const keysOf = (row: LinkRow): string[] => PAYMENT_LINK_COLUMNS.flatMap((c) => (row[c] ? [`${c}:${row[c]}`] : []));
  const join = (row: LinkRow, trusted: boolean): string | undefined => {
    const keys = keysOf(row);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    const [first, ...rest] = keys;
    if (first === undefined) return undefined;
    // A rejected notification proves nothing: it sits with its first ID but joins no payments.
    if (!trusted) return first;
    for (const k of rest) {
      const a = find(first);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
    return first;
  };
  const callKeys = calls.map((c) => join(c, true));
  const noteKeys = notes.map((n) => join(n, n.verification === 'verified'));
  const groups = new Map<string, PaymentRows>();
  const group = (key: string): PaymentRows => {
    const root = find(key);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { calls: [], notes: [] }));
    return g;
  };
  calls.forEach((c, i) => { const k = callKeys[i]; if (k) group(k).calls.push(c); });
  notes.forEach((n, i) => { const k = noteKeys[i]; if (k) group(k).notes.push(n); });
  return [...groups.values()];
}

/** The disputes that belong to one group of rows. */
export function disputesOfRows(rows: PaymentRows, byPaymentId: ReadonlyMap<string, DisputeView[]>): DisputeView[] {
  const ids = new Set<string>();
  for (const r of [...rows.calls, ...rows.notes]) if (r.payment_id) ids.add(r.payment_id);
  return [...ids].flatMap((id) => byPaymentId.get(id) ?? []);
}

/** One summary per payment found in the rows (the same summarisePayment the timeline uses). */
export function summariseRows(calls: readonly CallRow[], notes: readonly NotificationRow[], disputes: readonly DisputeView[], now: Date): PaymentSummary[] {
  const byPaymentId = new Map<string, DisputeView[]>();
  for (const d of disputes) if (d.paymentId) byPaymentId.set(d.paymentId, [...(byPaymentId.get(d.paymentId) ?? []), d]);
  return groupPaymentRows(calls, notes).map((g) => summarisePayment({ calls: g.calls, notes: g.notes, disputes: disputesOfRows(g, byPaymentId) }, now).summary);
}
