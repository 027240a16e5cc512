/**
 * The Payments list on SQLite: folding queued payments into the summary table, and keyset pages
 * over it. Never OFFSET from the start: a page continues from a cursor (the last row's sort value
 * and key), which is an index range scan whatever the depth; `skip` (a scrollbar jump) is bounded
 * and counted from the nearest cursor the screen already holds.
 */
import type Database from 'better-sqlite3';
import { ConsoleError } from '../../../src-shared/errors';
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { MoneyAmount, PaymentState } from '../../../src-shared/journal-views';
import {
  DEFAULT_PAYMENT_SORT, majorToMilli, type PaymentListFilter, type PaymentListItem, type PaymentListPage, type PaymentListPageRequest, type PaymentSort,
} from '../../../src-shared/payments-list';
import type { PaymentSummaryRow } from './payment-summary';

const SORT_COLUMNS: Record<'created' | 'updated' | 'amount', string> = { created: 'created_at', updated: 'updated_at', amount: 'amount_milli' };
const DEFAULT_LIMIT = 100;

export const PAYMENT_COLUMNS = 'key, payment_request_id, payment_id, status, amount_value, currency, amount_milli, method, created_at, updated_at, captured_value, refunded_value, disputes, profile, last_actor, failure_code, checked_at, expires_at';

function sortParts(sort: PaymentSort): { column: string; desc: boolean } {
  const [by, direction] = sort.split('-') as ['created' | 'updated' | 'amount', 'asc' | 'desc'];
  return { column: SORT_COLUMNS[by], desc: direction === 'desc' };
}

export function paymentWhere(filter: PaymentListFilter): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const status = filter.status === undefined ? [] : Array.isArray(filter.status) ? filter.status : [filter.status];
  if (status.length === 1) {
    clauses.push('status = ?');
    params.push(status[0]);
  } else if (status.length > 1) {
    clauses.push(`status IN (${status.map(() => '?').join(', ')})`);
    params.push(...status);
  }
  if (filter.since) {
    clauses.push('created_at >= ?');
    params.push(new Date(filter.since).toISOString());
  }
  if (filter.until) {
    clauses.push('created_at < ?');
    params.push(new Date(filter.until).toISOString());
  }
  if (filter.min !== undefined) {
    clauses.push('amount_milli >= ?');
    params.push(majorToMilli(filter.min));
  }
  if (filter.max !== undefined) {
    // Unknown amounts (-1) are never "at most X".
    clauses.push('amount_milli BETWEEN 0 AND ?');
    params.push(majorToMilli(filter.max));
  }
  for (const [column, value] of [['currency', filter.currency], ['method', filter.method], ['profile', filter.profile]] as const) {
    if (value !== undefined) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.min !== undefined && filter.max !== undefined && majorToMilli(filter.min) > majorToMilli(filter.max)) {
    throw new ConsoleError('VALIDATION_FAILED', `The amount range ${filter.min} to ${filter.max} is empty: the minimum is above the maximum.`, 'Swap the two amounts, or clear one of them.', { field: 'min' });
  }
  if (filter.since && filter.until && Date.parse(filter.since) >= Date.parse(filter.until)) {
    throw new ConsoleError('VALIDATION_FAILED', 'The date range is empty: "from" is not before "to".', 'Pick a "from" time earlier than the "to" time, or clear one of them.', { field: 'since' });
  }
  return { clauses, params };
}

interface Cursor {
  v: string | number;
  k: string;
}

export function encodeCursor(value: string | number | bigint, key: string): string {
  return Buffer.from(JSON.stringify({ v: typeof value === 'bigint' ? Number(value) : value, k: key })).toString('base64url');
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

export interface PaymentRowSql {
  key: string;
  payment_request_id: string | null;
  payment_id: string | null;
  status: string;
  amount_value: string | null;
  currency: string | null;
  amount_milli: number;
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
}

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
    disputes: row.disputes,
    profile: row.profile,
    lastActor: row.last_actor,
    failureCode: row.failure_code,
    checkedAt: row.checked_at,
  };
}

/** One keyset page (plus the total when asked). */
export function paymentPage(db: Database.Database, filter: PaymentListFilter, sort: PaymentSort = DEFAULT_PAYMENT_SORT, page: PaymentListPageRequest = {}): PaymentListPage {
  const { column, desc } = sortParts(sort);
  const where = paymentWhere(filter);
  const clauses = [...where.clauses];
  const params = [...where.params];
  if (page.cursor) {
    const c = decodeCursor(page.cursor, column);
    clauses.push(`(${column}, key) ${desc ? '<' : '>'} (?, ?)`);
    params.push(c.v, c.k);
  }
  const limit = page.limit ?? DEFAULT_LIMIT;
  const dir = desc ? 'DESC' : 'ASC';
  if (page.skip) {
    // A jump: find the last row passed over reading only the sort column and key (the covering
    // index, no table lookups), then page from it as from any cursor.
    const seekWhere = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
    const passed = db.prepare(`SELECT ${column} AS v, key FROM payments${seekWhere} ORDER BY ${column} ${dir}, key ${dir} LIMIT 1 OFFSET ?`).get(...params, page.skip - 1) as { v: string | number; key: string } | undefined;
    if (!passed) return { items: [], nextCursor: undefined, ...(page.withTotal ? { total: countOf(db, where) } : {}) };
    const base = clauses.length > where.clauses.length ? clauses.slice(0, -1) : clauses;
    const baseParams = clauses.length > where.clauses.length ? params.slice(0, -2) : params;
    clauses.splice(0, clauses.length, ...base, `(${column}, key) ${desc ? '<' : '>'} (?, ?)`);
    params.splice(0, params.length, ...baseParams, passed.v, passed.key);
  }
  const whereText = clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '';
  const sql = `SELECT ${PAYMENT_COLUMNS} FROM payments${whereText} ORDER BY ${column} ${dir}, key ${dir} LIMIT ?`;
  const rows = db.prepare(sql).all(...params, limit + 1) as PaymentRowSql[];
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  const result: PaymentListPage = {
    items: kept.map(toPaymentListItem),
    nextCursor: more && last ? encodeCursor(last[column as keyof PaymentRowSql] as string | number, last.key) : undefined,
  };
  if (page.withTotal) result.total = countOf(db, where);
  return result;
}

function countOf(db: Database.Database, where: { clauses: string[]; params: unknown[] }): number {
  const countWhere = where.clauses.length ? ` WHERE ${where.clauses.join(' AND ')}` : '';
  return (db.prepare(`SELECT count(*) AS n FROM payments${countWhere}`).get(...where.params) as { n: number }).n;
}

/** Every matching row in list order, for the CSV export (streamed from the database). */
export function paymentRowsInOrder(db: Database.Database, filter: PaymentListFilter, sort: PaymentSort): IterableIterator<PaymentRowSql> {
  const { column, desc } = sortParts(sort);
  const where = paymentWhere(filter);
  const dir = desc ? 'DESC' : 'ASC';
  const whereText = where.clauses.length ? ` WHERE ${where.clauses.join(' AND ')}` : '';
  return db.prepare(`SELECT ${PAYMENT_COLUMNS} FROM payments${whereText} ORDER BY ${column} ${dir}, key ${dir}`).iterate(...where.params) as IterableIterator<PaymentRowSql>;
}

/** Write one summary (bigint amount bound as an integer). */
export function upsertPaymentSql(): string {
  return `INSERT INTO payments (${PAYMENT_COLUMNS}) VALUES (${PAYMENT_COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})
    ON CONFLICT(key) DO UPDATE SET ${PAYMENT_COLUMNS.split(', ').filter((c) => c !== 'key').map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

export type { PaymentSummaryRow };
