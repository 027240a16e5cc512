/**
 * The columns of an export, per kind. Flat records so CSV and JSON carry the same fields; bodies
 * are redacted again on the way out (export-format.ts).
 */
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { ExportCell } from './export-format';
import { exportBody } from './export-format';
import type { CallRow, IdRow, NotificationRow } from './journal-rows';

const ID_FIELDS = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId', 'referenceOrderId', 'disputeId'] as const;

const NOTIFICATION_COLUMNS = [
  'id', 'receivedAt', 'lastSeenAt', 'notifyType', 'verification', 'rejectReason', 'rejectDetail', 'acknowledged', 'acknowledgedAt', 'attempts',
  'profile', 'receiverPath', 'status', 'resultStatus', 'resultCode', 'amountValue', 'amountCurrency', 'amountDisplay', ...ID_FIELDS,
  'bodyExact', 'bodySha256', 'body',
] as const;

const CALL_COLUMNS = [
  'id', 'startedAt', 'profile', 'environment', 'api', 'path', 'clientId', 'requestTime', 'attempt', 'callId', 'trigger', 'httpStatus',
  'responseSignature', 'latencyMs', 'resultStatus', 'resultCode', 'resultMessage', 'errorCode', 'errorMessage', ...ID_FIELDS,
  'requestBody', 'responseBody', 'actorUser', 'actorHost', 'actorDoor',
] as const;

export function csvColumnsFor(kind: 'notifications' | 'calls'): readonly string[] {
  return kind === 'notifications' ? NOTIFICATION_COLUMNS : CALL_COLUMNS;
}

function idCells(row: IdRow): Record<string, ExportCell> {
  return {
    paymentRequestId: row.payment_request_id, paymentId: row.payment_id, captureRequestId: row.capture_request_id, captureId: row.capture_id,
    refundRequestId: row.refund_request_id, refundId: row.refund_id, referenceOrderId: row.reference_order_id, disputeId: row.dispute_id,
  };
}

export function notificationExportRow(row: NotificationRow): Record<string, ExportCell> {
  const display = row.amount_value && row.amount_currency && /^\d+$/.test(row.amount_value) && isKnownCurrency(row.amount_currency)
    ? formatMinorUnits(row.amount_value, row.amount_currency)
    : null;
  return {
    id: row.id, receivedAt: row.first_seen_at, lastSeenAt: row.last_seen_at, notifyType: row.notify_type, verification: row.verification,
    rejectReason: row.reject_reason, rejectDetail: row.reject_detail, acknowledged: row.acknowledged === 1, acknowledgedAt: row.acknowledged_at,
    attempts: row.attempts, profile: row.profile, receiverPath: row.receiver_path, status: row.status, resultStatus: row.result_status,
    resultCode: row.result_code, amountValue: row.amount_value, amountCurrency: row.amount_currency, amountDisplay: display, ...idCells(row),
    bodyExact: row.body_exact === 1, bodySha256: row.body_sha256, body: exportBody(row.body.toString('utf8')),
  };
}

export function callExportRow(row: CallRow): Record<string, ExportCell> {
  return {
    id: row.id, startedAt: row.started_at, profile: row.profile, environment: row.environment, api: row.api, path: row.path, clientId: row.client_id,
    requestTime: row.request_time, attempt: row.attempt, callId: row.call_id, trigger: row.trigger, httpStatus: row.http_status,
    responseSignature: row.response_signature, latencyMs: row.latency_ms, resultStatus: row.result_status, resultCode: row.result_code,
    resultMessage: row.result_message, errorCode: row.error_code, errorMessage: row.error_message, ...idCells(row),
    requestBody: exportBody(row.request_body), responseBody: exportBody(row.response_body),
    actorUser: row.actor_user ?? null, actorHost: row.actor_host ?? null, actorDoor: row.actor_door ?? null,
  };
}
