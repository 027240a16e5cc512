/**
 * The Payments list's queries, for both engines: filters, sorts and keyset pages over the
 * `payments` summary table (payment-list-row.ts). Never OFFSET from the start: a page continues
 * from a cursor (the last row's sort value and key), which is an index range scan whatever the
 * depth; `skip` (a scrollbar jump) is bounded and counted from the nearest cursor the screen holds.
 *
 * The SQL is the same on SQLite and PostgreSQL (row-value comparisons, LIMIT/OFFSET); only the
 * placeholders differ, so each engine passes its own (`?` or `$n`) and runs the text it gets back.
 * Column names come from fixed lists; every value is a bound parameter.
 *
 * Indexes these queries use (sqlite migration 0007, postgres 0002; same names on both engines).
 * Keep them when pruning the table's indexes, or the pages turn into scans:
 * - payments_created, payments_updated, payments_amount: (sort column, key), the unfiltered pages
 *   in each sort; the row comparison `(column, key) < (?, ?)` is their index range;
 * - payments_{status,currency,method,profile}_{created,updated,amount}: (filter, sort column, key),
 *   a page with that equality filter in that sort (the bench's status and currency pages:
 *   payments_status_created, payments_currency_amount); a second filter is checked on those rows;
 * - the primary key (key): the tie-break of every sort and the upsert's conflict target;
 * - payments_expiring (expires_at, partial): the due-payments check every list read runs first
 *   (SqliteJournal's expiredPayments, PostgresJournal.refreshDuePayments).
 * (payments_payment_id is not read by the list: no query here filters on payment_id.)
 * Checked on PostgreSQL at 1,000,000 rows with EXPLAIN (ANALYZE, BUFFERS) of the generic plans
 * (plan_cache_mode = force_generic_plan): each page is an index range scan reading 5-106 buffers,
 * under 0.3 ms on the server.
 */
import { ConsoleError } from '../../../src-shared/errors';
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { MoneyAmount, PaymentState } from '../../../src-shared/journal-views';
import {
  DEFAULT_PAYMENT_SORT, majorToMilli, type PaymentListFilter, type PaymentListItem, type PaymentListPage, type PaymentListPageRequest, type PaymentSort,
} from '../../../src-shared/payments-list';
import { PAYMENT_LIST_COLUMNS, type PaymentListRow } from './payment-list-row';

const SORT_COLUMNS: Record<'created' | 'updated' | 'amount', string> = { created: 'created_at', updated: 'updated_at', amount: 'amount_milli' };
const DEFAULT_LIMIT = 100;

/** Every column the list reads (all but expires_at, which only the refresh uses). */
const PAYMENT_COLUMNS = PAYMENT_LIST_COLUMNS.filter((c) => c !== 'expires_at').join(', ');

type PaymentSqlValue = string | number | bigint;

/** Placeholders for one statement: `bind(v)` records v and returns its placeholder. */
export class PaymentSqlParams {
  readonly values: PaymentSqlValue[] = [];
  constructor(private readonly style: 'sqlite' | 'postgres') {}

  bind(value: PaymentSqlValue): string {
    this.values.push(value);
    return this.style === 'sqlite' ? '?' : `$${this.values.length}`;
  }
}

/** What an engine lends the shared page logic: a fresh parameter list and a way to run a SELECT. */
export interface PaymentSqlRunner {
  params(): PaymentSqlParams;
  all<T>(sql: string, params: PaymentSqlParams): Promise<T[]>;
}

function sortParts(sort: PaymentSort): { column: string; desc: boolean } {
  const [by, direction] = sort.split('-') as ['created' | 'updated' | 'amount', 'asc' | 'desc'];
  return { column: SORT_COLUMNS[by], desc: direction === 'desc' };
}

/** The filter as WHERE clauses (validated: an empty range is refused with a typed error). */
function paymentWhere(filter: PaymentListFilter, p: PaymentSqlParams): string[] {
  if (filter.min !== undefined && filter.max !== undefined && majorToMilli(filter.min) > majorToMilli(filter.max)) {
    throw new ConsoleError('VALIDATION_FAILED', `The amount range ${filter.min} to ${filter.max} is empty: the minimum is above the maximum.`, 'Swap the two amounts, or clear one of them.', { field: 'min' });
  }
  if (filter.since && filter.until && Date.parse(filter.since) >= Date.parse(filter.until)) {
    throw new ConsoleError('VALIDATION_FAILED', 'The date range is empty: "from" is not before "to".', 'Pick a "from" time earlier than the "to" time, or clear one of them.', { field: 'since' });
  }
  const clauses: string[] = [];
  const status = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
  if (status.length === 1) clauses.push(`status = ${p.bind(status[0]!)}`);
  else if (status.length > 1) clauses.push(`status IN (${status.map((s) => p.bind(s)).join(', ')})`);
  if (filter.since) clauses.push(`created_at >= ${p.bind(new Date(filter.since).toISOString())}`);
  if (filter.until) clauses.push(`created_at < ${p.bind(new Date(filter.until).toISOString())}`);
  if (filter.min !== undefined) clauses.push(`amount_milli >= ${p.bind(majorToMilli(filter.min))}`);
  // Unknown amounts (-1) are never "at most X".
  if (filter.max !== undefined) clauses.push(`amount_milli BETWEEN 0 AND ${p.bind(majorToMilli(filter.max))}`);
  for (const [column, value] of [['currency', filter.currency], ['method', filter.method], ['profile', filter.profile]] as const) {
    if (value !== undefined) clauses.push(`${column} = ${p.bind(value)}`);
  }
  return clauses;
}

interface Cursor {
  v: string | number;
  k: string;
}

function encodeCursor(value: string | number, key: string): string {
  return Buffer.from(JSON.stringify({ v: value, k: key })).toString('base64url');
}

function decodeCursor(text: string, column: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    const valueOk = column === 'amount_milli' ? typeof parsed.v === 'number' : typeof parsed.v === 'string';
    if (valueOk && typeof parsed.k === 'string') return { v: parsed.v!, k: parsed.k };
  } catch {
    // fall through to the typed error
  }
  throw new ConsoleError('VALIDATION_FAILED', 'The page cursor is not one this list gave out (or belongs to another sort).', 'Reload the list from its first page.', { field: 'cursor' });
}

/** A row as the list reads it back (amount_milli: a JS number on both engines). */
export type PaymentRowSql = Omit<PaymentListRow, 'amount_milli' | 'expires_at'> & { amount_milli: number };

function money(value: string | null, currency: string | null): MoneyAmount | null {
  if (value === null || !currency) return null;
  return { currency, value, display: isKnownCurrency(currency) ? formatMinorUnits(value, currency) : `${currency} ${value}` };
}

export function toPaymentListItem(row: PaymentRowSql): PaymentListItem {
  return {
    key: row.key,
    paymentRequestId: row.payment_request_id,
    paymentId: row.payment_id,
    status: row.status as PaymentState,
    amount: money(row.amount_value, row.currency),
    currency: row.currency,
    method: row.method,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    captured: money(row.captured_value, row.currency),
    refunded: money(row.refunded_value, row.currency),
    disputes: Number(row.disputes),
    profile: row.profile,
    lastActor: row.last_actor,
    failureCode: row.failure_code,
    checkedAt: row.checked_at,
  };
}

function whereText(clauses: readonly string[]): string {
  return clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
}

/** One keyset page (plus the total when asked). */
export async function paymentPage(db: PaymentSqlRunner, filter: PaymentListFilter, sort: PaymentSort = DEFAULT_PAYMENT_SORT, page: PaymentListPageRequest = {}): Promise<PaymentListPage> {
  const { column, desc } = sortParts(sort);
  const dir = desc ? 'DESC' : 'ASC';
  const cmp = desc ? '<' : '>';
  const limit = page.limit ?? DEFAULT_LIMIT;
  let after: Cursor | undefined = page.cursor ? decodeCursor(page.cursor, column) : undefined;
  // Built afresh per statement: each has its own parameter list.
  const where = (p: PaymentSqlParams, from: Cursor | undefined): string[] => {
    const clauses = paymentWhere(filter, p);
    if (from) clauses.push(`(${column}, key) ${cmp} (${p.bind(from.v)}, ${p.bind(from.k)})`);
    return clauses;
  };
  const total = async (): Promise<number> => {
    const p = db.params();
    const [row] = await db.all<{ n: number | string }>(`SELECT count(*) AS n FROM payments${whereText(where(p, undefined))}`, p);
    return Number(row?.n ?? 0);
  };
  if (page.skip) {
    // A jump: find the last row passed over reading only the sort column and key (the covering
    // index, no table lookups), then page from it as from any cursor.
    const p = db.params();
    const clauses = where(p, after);
    const [passed] = await db.all<{ v: string | number; key: string }>(
      `SELECT ${column} AS v, key FROM payments${whereText(clauses)} ORDER BY ${column} ${dir}, key ${dir} LIMIT 1 OFFSET ${p.bind(page.skip - 1)}`, p);
    if (!passed) return { items: [], nextCursor: undefined, ...(page.withTotal ? { total: await total() } : {}) };
    after = { v: column === 'amount_milli' ? Number(passed.v) : passed.v, k: passed.key };
  }
  const p = db.params();
  const clauses = where(p, after);
  const rows = await db.all<PaymentRowSql>(`SELECT ${PAYMENT_COLUMNS} FROM payments${whereText(clauses)} ORDER BY ${column} ${dir}, key ${dir} LIMIT ${p.bind(limit + 1)}`, p);
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const result: PaymentListPage = {
    items: kept.map(toPaymentListItem),
    nextCursor: more && last ? encodeCursor(column === 'amount_milli' ? Number(last.amount_milli) : (last[column as keyof PaymentRowSql] as string), last.key) : undefined,
  };
  if (page.withTotal) result.total = await total();
  return result;
}

/** Every matching row in list order, for the CSV export: the statement to run (streamed by SQLite). */
export function paymentExportQuery(filter: PaymentListFilter, sort: PaymentSort, p: PaymentSqlParams): string {
  const { column, desc } = sortParts(sort);
  const dir = desc ? 'DESC' : 'ASC';
  return `SELECT ${PAYMENT_COLUMNS} FROM payments${whereText(paymentWhere(filter, p))} ORDER BY ${column} ${dir}, key ${dir}`;
}

/**
 * Insert or replace one payment's row: `@column` names for SQLite, `$1..$n` (PAYMENT_LIST_COLUMNS
 * order) for PostgreSQL. A row derived again unchanged (a resend, a call that moved nothing, a read
 * past expires_at that found the same state) is left as it is: no row or index entry rewritten.
 */
export function upsertPaymentSql(style: 'sqlite' | 'postgres'): string {
  const values = PAYMENT_LIST_COLUMNS.map((c, i) => (style === 'sqlite' ? `@${c}` : `$${i + 1}`));
  return upsertPaymentsFrom(`VALUES (${values.join(', ')})`, style);
}

/** Each payments column's PostgreSQL type (migrations/postgres/0002-payments-summary.ts). */
const PG_PAYMENT_COLUMN_TYPES: Record<(typeof PAYMENT_LIST_COLUMNS)[number], string> = {
  key: 'text', payment_request_id: 'text', payment_id: 'text', status: 'text', amount_value: 'text', currency: 'text', amount_milli: 'bigint',
  method: 'text', created_at: 'text', updated_at: 'text', captured_value: 'text', refunded_value: 'text', disputes: 'integer', profile: 'text',
  last_actor: 'text', failure_code: 'text', checked_at: 'text', expires_at: 'text',
};

/**
 * PostgreSQL: many payments' rows in one statement, $1..$n one array per column (PAYMENT_LIST_COLUMNS
 * order), the same upsert as upsertPaymentSql's per row. The keys must be distinct: ON CONFLICT
 * may not touch one row twice in a statement.
 */
export function upsertPaymentArraysSql(): string {
  return upsertPaymentsFrom(`SELECT * FROM unnest(${PAYMENT_LIST_COLUMNS.map((c, i) => `$${i + 1}::${PG_PAYMENT_COLUMN_TYPES[c]}[]`).join(', ')})`, 'postgres');
}

function upsertPaymentsFrom(source: string, style: 'sqlite' | 'postgres'): string {
  const columns = PAYMENT_LIST_COLUMNS.filter((c) => c !== 'key');
  const updates = columns.map((c) => `${c} = excluded.${c}`).join(', ');
  const differs = style === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM';
  const changed = columns.map((c) => `payments.${c} ${differs} excluded.${c}`).join(' OR ');
  return `INSERT INTO payments (${PAYMENT_LIST_COLUMNS.join(', ')}) ${source} ON CONFLICT (key) DO UPDATE SET ${updates} WHERE ${changed}`;
}
