/**
 * The Payments list (issue 9 §1): its filter, sort and page schemas, its row type, and the
 * mapping between a filter and the shareable link `#/payments?status=...&currency=...`.
 * Shared by the contract (validation), the journal (query), the CLI (flags) and the page (URL),
 * so a link built anywhere (Overview tiles, the CLI's --link) opens the same view.
 *
 * Amount range: `min`/`max` are in the currency's display units ("10.50"), never floats on the
 * wire. Without a currency they compare nominal values across currencies (10 = USD 10.00 =
 * JPY 10), which is what a "payments over 1,000" question usually means.
 */
import { z } from 'zod';
import type { MoneyAmount, PaymentState } from './journal-views';

export const PAYMENT_LIST_STATES = [
  'CREATED', 'PROCESSING', 'AUTHORISED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'CANCELLED', 'FAILED', 'EXPIRED', 'UNKNOWN',
] as const satisfies readonly PaymentState[];

export const PAYMENT_SORTS = ['created-desc', 'created-asc', 'updated-desc', 'updated-asc', 'amount-desc', 'amount-asc'] as const;
export type PaymentSort = (typeof PAYMENT_SORTS)[number];
export const DEFAULT_PAYMENT_SORT: PaymentSort = 'created-desc';

const stateSchema = z.enum(PAYMENT_LIST_STATES);
/** Display units with at most 3 decimals (the largest exponent Antom's currencies use). */
const majorAmount = z.string().regex(/^\d{1,13}(\.\d{1,3})?$/, 'must be an amount like 10 or 10.50 (a dot for decimals, no thousands separators)');

export const paymentListFilterSchema = z.object({
  status: z.union([stateSchema, z.array(stateSchema).max(PAYMENT_LIST_STATES.length)]).optional(),
  /** Created at or after / before (ISO times). */
  since: z.string().datetime({ offset: true }).optional(),
  until: z.string().datetime({ offset: true }).optional(),
  min: majorAmount.optional(),
  max: majorAmount.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code').optional(),
  method: z.string().min(1).max(64).optional(),
  profile: z.string().min(1).max(64).optional(),
}).strict();
export type PaymentListFilter = z.infer<typeof paymentListFilterSchema>;

export const paymentListPageSchema = z.object({
  limit: z.number().int().min(1).max(500).optional(),
  /** Opaque keyset cursor from a previous page (the last row's sort value and key). */
  cursor: z.string().max(600).optional(),
  /**
   * Rows to pass over after the cursor before the page starts: only for a scrollbar jump past the
   * pages the screen has seen. Bounded so no query walks the whole table.
   */
  skip: z.number().int().min(0).max(200_000).optional(),
  /** Also count the rows matching the filter (the list needs it once per filter for its height). */
  withTotal: z.boolean().optional(),
}).strict();
export type PaymentListPageRequest = z.infer<typeof paymentListPageSchema>;

export interface PaymentListItem {
  /** The payment's identity in the list: its paymentRequestId, else its paymentId. */
  key: string;
  paymentRequestId: string | null;
  paymentId: string | null;
  status: PaymentState;
  /** The payment amount (minor units on the wire, plus display text), when any record gave one. */
  amount: MoneyAmount | null;
  currency: string | null;
  method: string | null;
  createdAt: string;
  updatedAt: string;
  captured: MoneyAmount | null;
  refunded: MoneyAmount | null;
  disputes: number;
  profile: string | null;
  /** Who acted last: a call's trigger (user, poller, retry, cli, test) or "antom" for a notification. */
  lastActor: string;
  /** The result code of a failed payment, when known. */
  failureCode: string | null;
  /** When an inquiry last answered (the detail's staleness rule reads it). */
  checkedAt: string | null;
}

export interface PaymentListPage {
  items: PaymentListItem[];
  nextCursor: string | undefined;
  /** Present when withTotal was asked. */
  total?: number;
}

/** The link params, in the order the brief names them. */
export const PAYMENT_LINK_PARAMS = ['status', 'currency', 'since', 'until', 'min', 'max', 'method', 'profile', 'sort'] as const;

/** A view: what the list shows. Shared by saved views, the URL and the CLI. */
export interface PaymentListView {
  filter: PaymentListFilter;
  sort: PaymentSort;
}

/** The query params of a view (empty values left out; statuses comma-separated). */
export function viewToParams(view: PaymentListView): Record<string, string> {
  const f = view.filter;
  const out: Record<string, string> = {};
  const status = Array.isArray(f.status) ? f.status.join(',') : f.status;
  const put = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') out[name] = value;
  };
  put('status', status);
  put('currency', f.currency);
  put('since', f.since);
  put('until', f.until);
  put('min', f.min);
  put('max', f.max);
  put('method', f.method);
  put('profile', f.profile);
  if (view.sort !== DEFAULT_PAYMENT_SORT) out.sort = view.sort;
  return out;
}

/**
 * A view from query params (a shared link, another dashboard's drill-down). Params that do not
 * validate are dropped and named in `ignored`, so a stale link still opens the rest of its view.
 */
export function viewFromParams(params: URLSearchParams): { view: PaymentListView; ignored: string[] } {
  const ignored: string[] = [];
  const filter: PaymentListFilter = {};
  const take = <K extends keyof PaymentListFilter>(name: K, schema: z.ZodType<PaymentListFilter[K]>, raw: unknown): void => {
    if (raw === undefined || raw === null || raw === '') return;
    const parsed = schema.safeParse(raw);
    if (parsed.success) filter[name] = parsed.data;
    else ignored.push(String(name));
  };
  const statusText = params.get('status');
  if (statusText) {
    const list = statusText.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    take('status', paymentListFilterSchema.shape.status, list.length === 1 ? list[0] : list);
  }
  take('currency', paymentListFilterSchema.shape.currency, params.get('currency')?.toUpperCase());
  take('since', paymentListFilterSchema.shape.since, params.get('since'));
  take('until', paymentListFilterSchema.shape.until, params.get('until'));
  take('min', paymentListFilterSchema.shape.min, params.get('min'));
  take('max', paymentListFilterSchema.shape.max, params.get('max'));
  take('method', paymentListFilterSchema.shape.method, params.get('method'));
  take('profile', paymentListFilterSchema.shape.profile, params.get('profile'));
  const sortText = params.get('sort');
  const sort = (PAYMENT_SORTS as readonly string[]).includes(sortText ?? '') ? (sortText as PaymentSort) : DEFAULT_PAYMENT_SORT;
  if (sortText && sort !== sortText) ignored.push('sort');
  return { view: { filter, sort }, ignored };
}

/** Display units ("10.50") to thousandths of a unit, the list's cross-currency amount scale. */
export function majorToMilli(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole ?? '0') * 1000n + BigInt((fraction + '000').slice(0, 3));
}
