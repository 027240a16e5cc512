/**
 * The Audit view's filters and keyset paging as SQL for either engine: the caller passes how a
 * value becomes a placeholder (`?` for SQLite, `$n` for PostgreSQL). Column names come only from
 * this file; every value is bound.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import { AUDIT_OUTCOME_WORDS, type AuditFilter } from '../../../../src-shared/audit-views';
import { formatMinorUnits, isKnownCurrency } from '../../../../src-shared/money';
import { type ExportCell } from '../export-format';
import { MAX_PAGE, normaliseTime } from '../journal-filters';
import type { PageRequest } from '../journal-types';
import { auditSelect, toAuditEntry, type AuditRow } from './audit-trail';

/** Binds a value and returns its placeholder. */
type Bind = (value: string | number) => string;

const ANY_ID_COLUMNS = ['request_id', 'payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id'];

/** "amy@laptop-3" names one user on one host; "amy" alone names that user on any host. */
function personClause(person: string, bind: Bind): string {
  const at = person.lastIndexOf('@');
  if (at <= 0 || at === person.length - 1) return `i.actor_user = ${bind(person.replace(/@$/, ''))}`;
  return `(i.actor_user = ${bind(person.slice(0, at))} AND i.actor_host = ${bind(person.slice(at + 1))})`;
}

export function auditWhere(filter: AuditFilter, bind: Bind): string {
  const clauses: string[] = [];
  if (filter.person?.trim()) clauses.push(personClause(filter.person.trim(), bind));
  if (filter.operation !== undefined) {
    const list = typeof filter.operation === 'string' ? [filter.operation] : filter.operation;
    if (list.length) clauses.push(`i.operation IN (${list.map((op) => bind(op)).join(', ')})`);
  }
  if (filter.profile) clauses.push(`i.profile = ${bind(filter.profile)}`);
  if (filter.door) clauses.push(`i.actor_door = ${bind(filter.door)}`);
  if (filter.outcome === 'pending') clauses.push('o.intent_id IS NULL');
  else if (filter.outcome) clauses.push(`o.outcome = ${bind(filter.outcome)}`);
  if (filter.since) clauses.push(`i.intended_at >= ${bind(normaliseTime(filter.since, 'since'))}`);
  if (filter.until) clauses.push(`i.intended_at < ${bind(normaliseTime(filter.until, 'until'))}`);
  if (filter.anyId?.trim()) {
    const id = filter.anyId.trim();
    clauses.push(`(${ANY_ID_COLUMNS.map((c) => `i.${c} = ${bind(id)}`).join(' OR ')})`);
  }
  return clauses.join(' AND ');
}

/** One page: the SELECT and its limit (one row more than asked tells whether another page exists). */
export function auditPageSql(filter: AuditFilter, page: PageRequest, bind: Bind): { sql: string; limit: number } {
  const limit = page.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ConsoleError('VALIDATION_FAILED', `Page size ${limit} is out of range.`, `Ask for 1 to ${MAX_PAGE} rows per page.`, { field: 'limit' });
  }
  let where = auditWhere(filter, bind);
  if (page.cursor !== undefined) {
    const before = Number(page.cursor);
    if (!Number.isInteger(before) || before < 0) {
      throw new ConsoleError('VALIDATION_FAILED', `"${page.cursor}" is not a page cursor.`, 'Pass the nextCursor value of the previous page unchanged.', { field: 'cursor' });
    }
    where = where ? `${where} AND i.id < ${bind(before)}` : `i.id < ${bind(before)}`;
  }
  return { sql: auditSelect(where, ` LIMIT ${bind(limit + 1)}`), limit };
}

export function auditPage(rows: readonly AuditRow[], limit: number) {
  const items = rows.slice(0, limit).map(toAuditEntry);
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : undefined };
}

export const AUDIT_EXPORT_COLUMNS = [
  'id', 'intendedAt', 'person', 'user', 'host', 'door', 'profile', 'environment', 'operation', 'requestIdField', 'requestId',
  'amountValue', 'amountCurrency', 'amountDisplay', 'paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId',
  'referenceOrderId', 'disputeId', 'outcome', 'outcomeMeaning', 'resultStatus', 'resultCode', 'errorCode', 'httpStatus', 'attempts', 'completedAt',
  'resendOf', 'intentKey', 'intentId', 'callId',
] as const;

export function auditExportRow(row: AuditRow): Record<string, ExportCell> {
  const e = toAuditEntry(row);
  const display = e.amount && /^\d+$/.test(e.amount.value) && isKnownCurrency(e.amount.currency) ? formatMinorUnits(e.amount.value, e.amount.currency) : null;
  return {
    id: e.id, intendedAt: e.intendedAt, person: e.person, user: e.actor.user, host: e.actor.host, door: e.actor.door, profile: e.profile,
    environment: e.environment, operation: e.operation, requestIdField: e.requestIdField, requestId: e.requestId, amountValue: e.amount?.value ?? null,
    amountCurrency: e.amount?.currency ?? null, amountDisplay: display, paymentRequestId: e.paymentRequestId, paymentId: e.paymentId,
    captureRequestId: e.captureRequestId, captureId: e.captureId, refundRequestId: e.refundRequestId, refundId: e.refundId,
    referenceOrderId: e.referenceOrderId, disputeId: e.disputeId, outcome: e.outcome, outcomeMeaning: AUDIT_OUTCOME_WORDS[e.outcome],
    resultStatus: e.resultStatus, resultCode: e.resultCode, errorCode: e.errorCode, httpStatus: e.httpStatus, attempts: e.attempts,
    completedAt: e.completedAt, resendOf: e.resendOf, intentKey: e.intentKey, intentId: e.intentId, callId: e.callId,
  };
}
