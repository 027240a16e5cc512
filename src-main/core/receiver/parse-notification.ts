/**
 * Turns notification bytes into the fields the journal indexes (API-FACTS c.7-c.9).
 *
 * Pure: no I/O, no clock. Every JSON object is a notification (issue 8 §3: a verified one is
 * stored and acknowledged whatever its type, so Antom never resends it for 24 hours):
 *  - notifyPayment / notifyCapture / notifyRefund: a known notifyType, a `result` object and the
 *    ID that names what it is about;
 *  - notifyDispute and notifyDefenseDocument (dispute-notification.ts), which carry no notifyType
 *    and are recognised by their fields;
 *  - anything else is notifyType UNKNOWN with the IDs found and, in `unrecognised`, why the
 *    console could not read it. Unknown extra fields are ignored (Antom adds fields over time).
 * Only bytes that are not JSON, or JSON that is not an object, are not notifications at all.
 */
import { createHash } from 'node:crypto';
import type { CallIds } from '../client/call-record';
import type { NotifyType, RejectReason } from '../journal/journal-types';
import type { PAYMENT_NOTIFY_TYPES } from '../../../src-shared/vocabulary';
import { parseDefenseDocumentNotification, parseDisputeNotification } from './dispute-notification';

interface ParsedNotification {
  notifyType: NotifyType;
  ids: CallIds;
  resultStatus: string | undefined;
  resultCode: string | undefined;
  /** What the notification asserts: paymentStatus-like for payments, disputeNotificationType for disputes. */
  status: string | undefined;
  amountValue: string | undefined;
  amountCurrency: string | undefined;
  /**
   * notifyType|mainId|status: Antom's resends of one event share it (API-FACTS f.1). Disputes use
   * the disputeId and their event fields; a body the console cannot read uses its SHA-256.
   */
  dedupKey: string;
  /** Only for notifyType UNKNOWN: why the console could not read it (shown with the raw body). */
  unrecognised: string | undefined;
}

type ParseOutcome =
  | { ok: true; notification: ParsedNotification }
  | { ok: false; reason: Extract<RejectReason, 'not-json' | 'not-a-notification'>; detail: string; partial: Partial<ParsedNotification> };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const ID_FIELDS = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId', 'disputeId'] as const;

function readIds(body: JsonObject): CallIds {
  const ids: CallIds = {};
  for (const field of ID_FIELDS) {
    const value = str(body, field);
    if (value !== undefined) ids[field] = value;
  }
  return ids;
}

/** S/F/U of the call result to the business status the notification asserts. */
function statusFromResult(resultStatus: string | undefined): string | undefined {
  switch (resultStatus) {
    case 'S':
      return 'SUCCESS';
    case 'F':
      return 'FAIL';
    case 'U':
      return 'PROCESSING';
    default:
      return undefined;
  }
}

interface Shape {
  amountField: string;
  /** Antom's own ID first (stable across request retries), the merchant's request ID as fallback. */
  mainIdFields: readonly (keyof CallIds)[];
  status(body: JsonObject, resultStatus: string | undefined): string | undefined;
}

type PaymentNotifyType = (typeof PAYMENT_NOTIFY_TYPES)[number];

const SHAPES: Record<PaymentNotifyType, Shape> = {
  PAYMENT_RESULT: { amountField: 'paymentAmount', mainIdFields: ['paymentId', 'paymentRequestId'], status: (_b, rs) => statusFromResult(rs) },
  // "The user paid; the final result is pending": the status is PENDING whatever result says.
  PAYMENT_PENDING: { amountField: 'paymentAmount', mainIdFields: ['paymentId', 'paymentRequestId'], status: () => 'PENDING' },
  CAPTURE_RESULT: { amountField: 'captureAmount', mainIdFields: ['captureId', 'captureRequestId'], status: (_b, rs) => statusFromResult(rs) },
  // notifyRefund carries its own refundStatus; result only says whether the call succeeded.
  REFUND_RESULT: { amountField: 'refundAmount', mainIdFields: ['refundId', 'refundRequestId'], status: (b, rs) => str(b, 'refundStatus') ?? statusFromResult(rs) },
};

function isKnownType(value: string | undefined): value is PaymentNotifyType {
  return value !== undefined && Object.prototype.hasOwnProperty.call(SHAPES, value);
}

export function parseNotificationBody(raw: Buffer): ParseOutcome {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: `The body is not valid JSON (${(error as Error).message}).`, partial: {} };
  }
  if (!isObject(body)) {
    return { ok: false, reason: 'not-a-notification', detail: 'The body is JSON but not an object.', partial: {} };
  }
  const ids = readIds(body);
  const result = isObject(body.result) ? body.result : undefined;
  const resultStatus = result ? str(result, 'resultStatus') : undefined;
  const resultCode = result ? str(result, 'resultCode') : undefined;
  const common = { ids, resultStatus, resultCode, unrecognised: undefined };

  const dispute = parseDisputeNotification(body);
  if (dispute) {
    // DISPUTE_JUDGED carries the amount actually charged back; every other type the disputed amount.
    const money = dispute.disputeJudgedAmount ?? dispute.disputeAmount;
    const event = [dispute.disputeNotificationType, dispute.disputeJudgedResult].filter(Boolean).join('|');
    return {
      ok: true,
      notification: { ...common, notifyType: 'NOTIFY_DISPUTE', status: dispute.disputeNotificationType, amountValue: money?.value, amountCurrency: money?.currency, dedupKey: `NOTIFY_DISPUTE|${dispute.disputeId}|${event}` },
    };
  }
  const defense = parseDefenseDocumentNotification(body);
  if (defense) {
    // disputeId + notifyTime name one logical event (Antom's resends reuse the notifyTime).
    const event = defense.notifyTime ?? sha256(raw);
    return { ok: true, notification: { ...common, notifyType: 'NOTIFY_DEFENSE_DOCUMENT', status: undefined, amountValue: undefined, amountCurrency: undefined, dedupKey: `NOTIFY_DEFENSE_DOCUMENT|${defense.disputeId}|${event}` } };
  }

  const notifyType = str(body, 'notifyType');
  const unrecognised = (detail: string): ParseOutcome => ({
    ok: true,
    notification: { ...common, notifyType: 'UNKNOWN', status: undefined, amountValue: undefined, amountCurrency: undefined, dedupKey: `UNKNOWN|${sha256(raw)}`, unrecognised: detail },
  });
  if (!isKnownType(notifyType)) {
    const got = notifyType === undefined ? 'no notifyType' : `notifyType "${notifyType}"`;
    return unrecognised(`The body has ${got}; the console understands PAYMENT_RESULT, PAYMENT_PENDING, CAPTURE_RESULT, REFUND_RESULT, notifyDispute and notifyDefenseDocument.`);
  }
  const shape = SHAPES[notifyType];
  if (!result || resultStatus === undefined) {
    return unrecognised(`A ${notifyType} notification needs a result object with resultStatus.`);
  }
  const mainIdField = shape.mainIdFields.find((field) => ids[field] !== undefined);
  if (mainIdField === undefined) {
    return unrecognised(`A ${notifyType} notification needs ${shape.mainIdFields.join(' or ')}.`);
  }
  const status = shape.status(body, resultStatus);
  if (status === undefined) {
    return unrecognised(`The ${notifyType} notification has an unknown status (resultStatus "${resultStatus}").`);
  }
  const amount = isObject(body[shape.amountField]) ? (body[shape.amountField] as JsonObject) : undefined;
  return {
    ok: true,
    notification: {
      ...common,
      notifyType,
      status,
      amountValue: amount ? str(amount, 'value') : undefined,
      amountCurrency: amount ? str(amount, 'currency') : undefined,
      dedupKey: `${notifyType}|${ids[mainIdField]}|${status}`,
    },
  };
}

function sha256(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
}
