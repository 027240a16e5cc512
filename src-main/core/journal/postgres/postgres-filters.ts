/**
 * The journal's filters and keyset paging as PostgreSQL SQL: the same filters, the same meaning
 * and the same validation as journal-filters.ts (SQLite), with numbered parameters ($1, $2, ...),
 * lists bound as one array (= ANY($n)), and free text through the tsvector column (search-text.ts).
 * Column names come only from fixed lists; every value is a bound parameter.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import { MAX_PAGE, normaliseTime } from '../journal-filters';
import { ID_COLUMN_NAMES, PAYMENT_ID_LINKS } from '../journal-id-columns';
import type { CallFilter, NotificationFilter, PageRequest } from '../journal-types';
import type { SqlValue } from './postgres-connection';
import { RELATED_IDS_CTE, relatedIdsCte } from './postgres-related-ids';
import { searchPhrases } from './search-text';

/**
 * How an "any ID" filter finds the rows of the payments the ID names: IDs the engine already
 * read (a list, or none: the ID alone), or 'inline': the expansion runs inside the page's own
 * statement (postgres-related-ids.ts), one round trip.
 */
export type RelatedIds = readonly string[] | 'inline';

/** A WHERE under construction: `param(v)` binds v and returns its placeholder. */
export class PgWhere {
  readonly clauses: string[] = [];
  readonly params: SqlValue[] = [];
  /** CTEs the statement starts with (without WITH), e.g. the inline "any ID" expansion. */
  with: string | undefined;

  param(value: SqlValue): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  sql(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

function oneOrMany(column: string, value: string | readonly string[] | undefined, where: PgWhere): void {
  if (value === undefined) return;
  const list = typeof value === 'string' ? [value] : [...value];
  if (list.length === 0) return;
  where.clauses.push(list.length === 1 ? `${column} = ${where.param(list[0]!)}` : `${column} = ANY(${where.param(list)}::text[])`);
}

/**
 * "Any ID": the ID itself in any ID column, or, when the engine resolved it to payments first,
 * any ID of those payments (as journal-filters.ts: a paymentRequestId also finds that payment's
 * capture and refund notifications, which carry only paymentId / captureId / refundId).
 */
function anyIdClause(table: 'calls' | 'notifications', anyId: string | undefined, where: PgWhere, relatedIds: RelatedIds = []): void {
  if (!anyId) return;
  const p = where.param(anyId);
  if (relatedIds === 'inline') {
    where.with = relatedIdsCte(p);
    // One scan, one OR arm per ID column (the server combines their indexes): the ID itself joins
    // the related set, so a link column is one `= ANY` whichever it holds; referenceOrderId, which
    // links nothing, keeps its own equality. The same rows as one sub-select per ID column, and a
    // statement that is much cheaper to plan (planning was most of a lookup's server time).
    const set = `(SELECT array_prepend(${p}::text, ids) FROM ${RELATED_IDS_CTE})::text[]`; // one array value, not a row set
    const arms = [
      ...ID_COLUMN_NAMES.filter((c) => !(PAYMENT_ID_LINKS as readonly string[]).includes(c)).map((c) => `${c} = ${p}`),
      ...PAYMENT_ID_LINKS.map((c) => `${c} = ANY(${set})`),
    ];
    where.clauses.push(`(${arms.join(' OR ')})`);
    return;
  }
  const related = relatedIds.filter((id) => id !== anyId);
  if (related.length === 0) {
    where.clauses.push(`(${ID_COLUMN_NAMES.map((c) => `${c} = ${p}`).join(' OR ')})`);
    return;
  }
  // One indexed sub-select per column, as for SQLite: the ID indexes stay usable under ORDER BY id LIMIT.
  const list = where.param([...related]);
  const parts = [
    ...ID_COLUMN_NAMES.map((c) => `SELECT id FROM ${table} WHERE ${c} = ${p}`),
    ...PAYMENT_ID_LINKS.map((c) => `SELECT id FROM ${table} WHERE ${c} = ANY(${list}::text[])`),
  ];
  where.clauses.push(`id IN (${parts.join(' UNION ')})`);
}

function timeClause(column: string, since: string | undefined, until: string | undefined, where: PgWhere): void {
  if (since) where.clauses.push(`${column} >= ${where.param(normaliseTime(since, 'since'))}`);
  if (until) where.clauses.push(`${column} < ${where.param(normaliseTime(until, 'until'))}`);
}

function searchClause(text: string | undefined, where: PgWhere): void {
  const phrases = searchPhrases(text);
  if (phrases.length === 0) return;
  where.clauses.push(`search @@ (${phrases.map((p) => `phraseto_tsquery('simple', ${where.param(p)})`).join(' && ')})`);
}

export function notificationWhere(filter: NotificationFilter, where: PgWhere = new PgWhere(), relatedIds?: RelatedIds): PgWhere {
  oneOrMany('notify_type', filter.notifyType, where);
  oneOrMany('verification', filter.verification, where);
  oneOrMany('reject_reason', filter.rejectReason, where);
  if (filter.acknowledged !== undefined) where.clauses.push(`acknowledged = ${filter.acknowledged ? 1 : 0}`);
  oneOrMany('result_code', filter.resultCode, where);
  oneOrMany('status', filter.status, where);
  oneOrMany('profile', filter.profile, where);
  timeClause('first_seen_at', filter.since, filter.until, where);
  anyIdClause('notifications', filter.anyId, where, relatedIds);
  searchClause(filter.text, where);
  return where;
}

export function callWhere(filter: CallFilter, where: PgWhere = new PgWhere(), relatedIds?: RelatedIds): PgWhere {
  oneOrMany('api', filter.api, where);
  if (filter.resultStatus === 'none') where.clauses.push('result_status IS NULL');
  else oneOrMany('result_status', filter.resultStatus, where);
  oneOrMany('result_code', filter.resultCode, where);
  oneOrMany('response_signature', filter.responseSignature, where);
  oneOrMany('profile', filter.profile, where);
  oneOrMany('trigger', filter.trigger, where);
  oneOrMany('call_id', filter.callId, where);
  timeClause('started_at', filter.since, filter.until, where);
  anyIdClause('calls', filter.anyId, where, relatedIds);
  searchClause(filter.text, where);
  return where;
}

interface PgPageSql {
  sql: string;
  params: SqlValue[];
  limit: number;
}

/** SELECT ... ORDER BY id DESC LIMIT n+1 (the extra row says whether a next page exists); same checks as pagedSelect. */
export function pagedSelect(table: string, columns: string, where: PgWhere, page: PageRequest = {}): PgPageSql {
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ConsoleError('VALIDATION_FAILED', `Page size ${limit} is out of range.`, `Ask for 1 to ${MAX_PAGE} rows per page.`, { field: 'limit' });
  }
  if (page.cursor !== undefined) {
    const before = Number(page.cursor);
    if (!Number.isInteger(before) || before < 0) {
      throw new ConsoleError('VALIDATION_FAILED', `"${page.cursor}" is not a page cursor.`, 'Pass the nextCursor value of the previous page unchanged.', { field: 'cursor' });
    }
    where.clauses.push(`id < ${where.param(before)}`);
  }
  // RECURSIVE lets the any-ID walk read itself (postgres-related-ids.ts); plain CTEs ignore it.
  const prefix = where.with ? `WITH RECURSIVE ${where.with}\n` : '';
  // For the any-ID statement the limit is written in (a checked integer, 2..MAX_PAGE + 1), not
  // bound: after five executions the server keeps one generic plan per prepared statement, and a
  // generic plan costed for an unknown LIMIT assumed an early stop, so on a small journal it walked
  // the whole primary key backwards (2,000 buffers, 5 ms at 10k rows instead of 0.4 ms). The other
  // pages keep a bound limit: their plans were measured that way (bench pg-lookup).
  const limitSql = where.with ? String(limit + 1) : where.param(limit + 1);
  let sql = `${prefix}SELECT ${columns} FROM ${table}${where.sql()} ORDER BY id DESC LIMIT ${limitSql}`;
  if (page.offset !== undefined && page.cursor === undefined) {
    if (!Number.isInteger(page.offset) || page.offset < 0) {
      throw new ConsoleError('VALIDATION_FAILED', `Offset ${page.offset} is not valid.`, 'Use a whole number of rows, 0 or more.', { field: 'offset' });
    }
    sql += ` OFFSET ${where.param(page.offset)}`;
  }
  return { sql, params: where.params, limit };
}
