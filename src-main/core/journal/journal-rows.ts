/**
 * Row shapes as SQLite returns them, and their mapping to the Journal's public records.
 * Columns are snake_case in SQL and camelCase outside; the mapping lives only here.
 */
import type { AntomApiName, CallIds, CallTrigger, ResponseSignatureLabel } from '../client/call-record';
import type { ResultStatus } from '../../../src-shared/vocabulary';
import type { Actor } from '../../../src-shared/audit-views';
import type {
  CallDetail, CallSummary, ForwardState, NotificationAttemptRecord, NotificationSummary, NotificationVerification, NotifyType, RejectReason,
} from './journal-types';

export interface IdRow {
  payment_request_id: string | null;
  payment_id: string | null;
  capture_request_id: string | null;
  capture_id: string | null;
  refund_request_id: string | null;
  refund_id: string | null;
  reference_order_id: string | null;
  /** Schema v5. */
  dispute_id: string | null;
}

export interface NotificationRow extends IdRow {
  id: number;
  dedup_key: string | null;
  first_seen_at: string;
  last_seen_at: string;
  attempts: number;
  acknowledged: number;
  acknowledged_at: string | null;
  receiver_path: string;
  remote_address: string | null;
  profile: string | null;
  verification: NotificationVerification;
  reject_reason: RejectReason | null;
  reject_detail: string | null;
  /** With content_verified_is_prefix = 1, only the part before the body (see verifiedContentOf). */
  content_verified: string | null;
  content_verified_is_prefix: number;
  notify_type: NotifyType;
  result_status: string | null;
  result_code: string | null;
  status: string | null;
  amount_value: string | null;
  amount_currency: string | null;
  headers_json: string;
  body: Buffer;
  body_exact: number;
  body_sha256: string;
  body_bytes: number;
  /** Schema v5: why a verified notification could not be read (notifyType UNKNOWN). */
  unrecognised: string | null;
  /** 0008-forward-outbox: the relay outbox's state for this notification (NULL = never forwarded). */
  forward_state?: ForwardState | null;
}

/** Everything but the body and headers: what lists need. */
export const NOTIFICATION_SUMMARY_COLUMNS = [
  'id', 'dedup_key', 'first_seen_at', 'last_seen_at', 'attempts', 'acknowledged', 'acknowledged_at', 'receiver_path', 'remote_address',
  'profile', 'verification', 'reject_reason', 'reject_detail', 'notify_type', 'result_status', 'result_code', 'status', 'amount_value',
  'amount_currency', 'body_exact', 'body_sha256', 'body_bytes', 'payment_request_id', 'payment_id', 'capture_request_id', 'capture_id',
  'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id', 'unrecognised', 'forward_state',
].join(', ');

export interface AttemptRow {
  id: number;
  notification_id: number;
  received_at: string;
  remote_address: string | null;
  receiver_path: string;
  /** NULL (schema v3+): the same headers as the notification's row. */
  headers_json: string | null;
  /** NULL (schema v3+): the same stored bytes as the notification's body. */
  body: Buffer | null;
  verification: NotificationVerification;
  reject_reason: RejectReason | null;
  body_sha256: string;
  answer_status: number | null;
  answer_body: string | null;
  answered_at: string | null;
}

export interface CallRow extends IdRow {
  id: number;
  attempt_id: string;
  call_id: string;
  attempt: number;
  started_at: string;
  profile: string;
  environment: string;
  api: AntomApiName;
  url: string;
  path: string;
  client_id: string;
  request_time: string;
  request_body: string;
  request_signature_header: string;
  http_status: number | null;
  response_headers: string | null;
  response_body: string | null;
  response_signature: ResponseSignatureLabel | null;
  latency_ms: number;
  result_status: ResultStatus | null;
  result_code: string | null;
  result_message: string | null;
  error_code: string | null;
  error_message: string | null;
  trigger: CallTrigger;
  /** Schema 0009-call-actors: who sent it (NULL before). */
  actor_user?: string | null;
  actor_host?: string | null;
  actor_door?: string | null;
}

export const CALL_SUMMARY_COLUMNS = [
  'id', 'attempt_id', 'call_id', 'attempt', 'started_at', 'profile', 'environment', 'api', 'path', 'http_status', 'response_signature',
  'latency_ms', 'result_status', 'result_code', 'result_message', 'error_code', 'trigger', 'payment_request_id', 'payment_id',
  'capture_request_id', 'capture_id', 'refund_request_id', 'refund_id', 'reference_order_id', 'dispute_id',
  'actor_user', 'actor_host', 'actor_door',
].join(', ');

function idsOf(row: IdRow): Required<{ [K in keyof CallIds]: string | null }> {
  return {
    paymentRequestId: row.payment_request_id,
    paymentId: row.payment_id,
    captureRequestId: row.capture_request_id,
    captureId: row.capture_id,
    refundRequestId: row.refund_request_id,
    refundId: row.refund_id,
    referenceOrderId: row.reference_order_id,
    disputeId: row.dispute_id,
  };
}

/** Public records use `undefined`-free JSON: absent IDs are omitted rather than null. */
function idFields(row: IdRow): CallIds {
  const ids: CallIds = {};
  for (const [k, v] of Object.entries(idsOf(row))) if (v !== null) ids[k as keyof CallIds] = v;
  return ids;
}

export function toNotificationSummary(row: Omit<NotificationRow, 'headers_json' | 'body' | 'content_verified' | 'content_verified_is_prefix'>): NotificationSummary {
  return {
    id: row.id,
    notifyType: row.notify_type,
    verification: row.verification,
    rejectReason: row.reject_reason,
    rejectDetail: row.reject_detail,
    acknowledged: row.acknowledged === 1,
    acknowledgedAt: row.acknowledged_at,
    duplicateOf: null,
    attempts: row.attempts,
    receivedAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    profile: row.profile,
    receiverPath: row.receiver_path,
    resultStatus: row.result_status,
    resultCode: row.result_code,
    status: row.status,
    amount: row.amount_value !== null && row.amount_currency !== null ? { value: row.amount_value, currency: row.amount_currency } : null,
    dedupKey: row.dedup_key,
    bodyExact: row.body_exact === 1,
    bodySha256: row.body_sha256,
    bodyBytes: row.body_bytes,
    unrecognised: row.unrecognised,
    forwardState: row.forward_state ?? null,
    ...idFields(row),
  };
}

/** The verified content as it was checked: v3 rows may keep only its prefix, the rest is the stored body. */
export function verifiedContentOf(row: Pick<NotificationRow, 'content_verified' | 'content_verified_is_prefix' | 'body'>): string | null {
  if (row.content_verified === null) return null;
  return row.content_verified_is_prefix === 1 ? row.content_verified + row.body.toString('utf8') : row.content_verified;
}

/** What was stored for one POST: attempts whose bytes equal the notification's keep NULL and borrow them. */
export function attemptBodyOf(attempt: Pick<AttemptRow, 'body'>, notification: Pick<NotificationRow, 'body'>): Buffer {
  return attempt.body ?? notification.body;
}

export function attemptHeadersOf(attempt: Pick<AttemptRow, 'headers_json'>, notification: Pick<NotificationRow, 'headers_json'>): Record<string, string> {
  return JSON.parse(attempt.headers_json ?? notification.headers_json) as Record<string, string>;
}

export function toAttempt(row: AttemptRow): NotificationAttemptRecord {
  return {
    id: row.id,
    receivedAt: row.received_at,
    remoteAddress: row.remote_address,
    receiverPath: row.receiver_path,
    verification: row.verification,
    rejectReason: row.reject_reason,
    bodySha256: row.body_sha256,
    answerStatus: row.answer_status,
    answerBody: row.answer_body,
    answeredAt: row.answered_at,
  };
}

export function toCallSummary(row: Omit<CallRow, 'url' | 'client_id' | 'request_time' | 'request_body' | 'request_signature_header' | 'response_headers' | 'response_body' | 'error_message'>): CallSummary {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    callId: row.call_id,
    attempt: row.attempt,
    startedAt: row.started_at,
    profile: row.profile,
    environment: row.environment,
    api: row.api,
    path: row.path,
    httpStatus: row.http_status,
    responseSignature: row.response_signature,
    latencyMs: row.latency_ms,
    resultStatus: row.result_status,
    resultCode: row.result_code,
    resultMessage: row.result_message,
    errorCode: row.error_code,
    trigger: row.trigger,
    ...idFields(row),
    ...actorField(row),
  };
}

/** Who sent the call, when it was recorded with an actor (omitted for calls from before 0009-call-actors). */
function actorField(row: Pick<CallRow, 'actor_user' | 'actor_host' | 'actor_door'>): { actor?: Actor } {
  if (!row.actor_user || !row.actor_host || !row.actor_door) return {};
  return { actor: { user: row.actor_user, host: row.actor_host, door: row.actor_door as Actor['door'] } };
}

export function toCallDetail(row: CallRow): CallDetail {
  return {
    ...toCallSummary(row),
    url: row.url,
    clientId: row.client_id,
    requestTime: row.request_time,
    requestSignatureHeader: row.request_signature_header,
    requestBody: row.request_body,
    responseHeaders: row.response_headers ? (JSON.parse(row.response_headers) as Record<string, string>) : null,
    responseBody: row.response_body,
    errorMessage: row.error_message,
  };
}
