/**
 * The audit trail's store, kept by each journal engine in the same database as the calls
 * (tables call_intents and call_outcomes: migrations sqlite/0009-call-actors, postgres/0004-call-actors).
 *
 * The client writes an intent before it sends a money-moving operation and an outcome after; the
 * Audit view and `antom-ops audit` read them back. Both writes are plain INSERTs: nothing in the
 * trail is ever updated, so a database role that may not record money-moving calls is refused
 * at the intent (before anything is sent), and nobody can rewrite what was recorded.
 */
import type { CallIds } from '../../../../src-shared/antom-calls';
import { personOf, type Actor, type AuditedOperation, type AuditEntry, type AuditFilter } from '../../../../src-shared/audit-views';
import type { IntentJournal, IntentRecord, OutcomeRecord } from '../../client/intent-journal';
import type { ExportFormat, Page, PageRequest } from '../journal-types';

export type { IntentRecord, OutcomeRecord };

export interface AuditTrail extends IntentJournal {
  /** Newest first, keyset-paged on the intent's id (cursor = last id seen). */
  listAudit(filter?: AuditFilter, page?: PageRequest): Promise<Page<AuditEntry>>;
  exportAudit(filter?: AuditFilter, format?: ExportFormat): Promise<string>;
}

/** A row of the audit query: the intent, its outcome (NULLs when none) and the first send of its key. */
export interface AuditRow {
  id: number;
  intent_id: string;
  intent_key: string;
  call_id: string;
  operation: AuditedOperation;
  request_id_field: string | null;
  request_id: string | null;
  amount_value: string | null;
  amount_currency: string | null;
  payment_request_id: string | null;
  payment_id: string | null;
  capture_request_id: string | null;
  capture_id: string | null;
  refund_request_id: string | null;
  refund_id: string | null;
  reference_order_id: string | null;
  dispute_id: string | null;
  profile: string;
  environment: string;
  actor_user: string;
  actor_host: string;
  actor_door: Actor['door'];
  intended_at: string;
  completed_at: string | null;
  outcome: OutcomeRecord['outcome'] | null;
  result_status: string | null;
  result_code: string | null;
  error_code: string | null;
  http_status: number | null;
  attempts: number | null;
  first_id: number;
}

/** The values of an intent's INSERT, in INTENT_COLUMNS order. */
export const INTENT_COLUMNS = [
  'intent_id', 'intent_key', 'call_id', 'operation', 'request_id_field', 'request_id', 'amount_value', 'amount_currency',
  'payment_request_id', 'payment_id', 'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id',
  'profile', 'environment', 'actor_user', 'actor_host', 'actor_door', 'intended_at',
] as const;

export function intentValues(i: IntentRecord): Array<string | null> {
  const ids = i.ids;
  return [
    i.intentId, i.intentKey, i.callId, i.operation, i.requestIdField ?? null, i.requestId ?? null, i.amount?.value ?? null, i.amount?.currency ?? null,
    ids.paymentRequestId ?? null, ids.paymentId ?? null, ids.captureRequestId ?? null, ids.captureId ?? null, ids.refundRequestId ?? null,
    ids.refundId ?? null, ids.referenceOrderId ?? null, ids.disputeId ?? null,
    i.profile, i.environment, i.actor.user, i.actor.host, i.actor.door, i.intendedAt,
  ];
}

export const OUTCOME_COLUMNS = ['intent_id', 'completed_at', 'outcome', 'result_status', 'result_code', 'error_code', 'http_status', 'attempts'] as const;

export function outcomeValues(o: OutcomeRecord): Array<string | number | null> {
  return [o.intentId, o.completedAt, o.outcome, o.resultStatus ?? null, o.resultCode ?? null, o.errorCode ?? null, o.httpStatus ?? null, o.attempts];
}

/** The one SELECT both engines page and export; `where` and `tail` carry the engine's placeholders. */
export function auditSelect(where: string, tail: string): string {
  return `SELECT i.id, i.intent_id, i.intent_key, i.call_id, i.operation, i.request_id_field, i.request_id, i.amount_value, i.amount_currency,
    i.payment_request_id, i.payment_id, i.capture_request_id, i.capture_id, i.refund_request_id, i.refund_id, i.reference_order_id, i.dispute_id,
    i.profile, i.environment, i.actor_user, i.actor_host, i.actor_door, i.intended_at,
    o.completed_at, o.outcome, o.result_status, o.result_code, o.error_code, o.http_status, o.attempts,
    (SELECT min(f.id) FROM call_intents f WHERE f.intent_key = i.intent_key) AS first_id
  FROM call_intents i LEFT JOIN call_outcomes o ON o.intent_id = i.intent_id${where ? ` WHERE ${where}` : ''} ORDER BY i.id DESC${tail}`;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  const actor: Actor = { user: row.actor_user, host: row.actor_host, door: row.actor_door };
  const ids: CallIds = {};
  const idPairs: Array<[keyof CallIds, string | null]> = [
    ['paymentRequestId', row.payment_request_id], ['paymentId', row.payment_id], ['captureRequestId', row.capture_request_id], ['captureId', row.capture_id],
    ['refundRequestId', row.refund_request_id], ['refundId', row.refund_id], ['referenceOrderId', row.reference_order_id], ['disputeId', row.dispute_id],
  ];
  for (const [k, v] of idPairs) if (v !== null) ids[k] = v;
  const firstId = Number(row.first_id);
  return {
    id: Number(row.id),
    intentId: row.intent_id,
    intentKey: row.intent_key,
    resendOf: firstId === Number(row.id) ? null : firstId,
    callId: row.call_id,
    operation: row.operation,
    requestIdField: row.request_id_field,
    requestId: row.request_id,
    amount: row.amount_value !== null && row.amount_currency !== null ? { currency: row.amount_currency, value: row.amount_value } : null,
    profile: row.profile,
    environment: row.environment,
    actor,
    person: personOf(actor),
    intendedAt: row.intended_at,
    outcome: row.outcome ?? 'pending',
    completedAt: row.completed_at,
    resultStatus: row.result_status,
    resultCode: row.result_code,
    errorCode: row.error_code,
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    attempts: row.attempts === null ? null : Number(row.attempts),
    ...ids,
  };
}
