/**
 * Turns verified notification bytes into the fields the journal indexes (API-FACTS c.7-c.9).
 *
 * Pure: no I/O, no clock. Unknown extra fields are ignored (Antom adds fields over time), but a
 * body must carry a known notifyType, a `result` object and the ID that names what it is about;
 * otherwise it is "not-a-notification" and is not acknowledged (see notification-receiver.ts).
 */
import type { CallIds } from '../client/call-record';
import type { NotifyType, RejectReason } from '../journal/journal-types';

export interface ParsedNotification {
  notifyType: Exclude<NotifyType, 'UNKNOWN'>;
  ids: CallIds;
  resultStatus: string | undefined;
  resultCode: string | undefined;
  status: string;
  amountValue: string | undefined;
  amountCurrency: string | undefined;
  /** notifyType|mainId|status: Antom's resends of one event share it (API-FACTS f.1). */
  dedupKey: string;
}

export type ParseOutcome =
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

const ID_FIELDS = ['paymentRequestId', 'paymentId', 'captureRequestId', 'captureId', 'refundRequestId', 'refundId'] as const;

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

const SHAPES: Record<ParsedNotification['notifyType'], Shape> = {
  PAYMENT_RESULT: { amountField: 'paymentAmount', mainIdFields: ['paymentId', 'paymentRequestId'], status: (_b, rs) => statusFromResult(rs) },
  // "The user paid; the final result is pending": the status is PENDING whatever result says.
  PAYMENT_PENDING: { amountField: 'paymentAmount', mainIdFields: ['paymentId', 'paymentRequestId'], status: () => 'PENDING' },
  CAPTURE_RESULT: { amountField: 'captureAmount', mainIdFields: ['captureId', 'captureRequestId'], status: (_b, rs) => statusFromResult(rs) },
  // notifyRefund carries its own refundStatus; result only says whether the call succeeded.
  REFUND_RESULT: { amountField: 'refundAmount', mainIdFields: ['refundId', 'refundRequestId'], status: (b, rs) => str(b, 'refundStatus') ?? statusFromResult(rs) },
};

function isKnownType(value: string | undefined): value is ParsedNotification['notifyType'] {
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
  const notifyType = str(body, 'notifyType');
  const result = isObject(body.result) ? body.result : undefined;
  const resultStatus = result ? str(result, 'resultStatus') : undefined;
  const resultCode = result ? str(result, 'resultCode') : undefined;
  const partial: Partial<ParsedNotification> = { ids, resultStatus, resultCode };
  if (!isKnownType(notifyType)) {
    const got = notifyType === undefined ? 'no notifyType' : `notifyType "${notifyType}"`;
    return { ok: false, reason: 'not-a-notification', detail: `The body has ${got}; the console understands PAYMENT_RESULT, PAYMENT_PENDING, CAPTURE_RESULT and REFUND_RESULT.`, partial };
  }
  const shape = SHAPES[notifyType];
  if (!result || resultStatus === undefined) {
    return { ok: false, reason: 'not-a-notification', detail: `A ${notifyType} notification needs a result object with resultStatus.`, partial };
  }
  const mainIdField = shape.mainIdFields.find((field) => ids[field] !== undefined);
  if (mainIdField === undefined) {
    return { ok: false, reason: 'not-a-notification', detail: `A ${notifyType} notification needs ${shape.mainIdFields.join(' or ')}.`, partial };
  }
  const status = shape.status(body, resultStatus);
  if (status === undefined) {
    return { ok: false, reason: 'not-a-notification', detail: `The ${notifyType} notification has an unknown status (resultStatus "${resultStatus}").`, partial };
  }
  const amount = isObject(body[shape.amountField]) ? (body[shape.amountField] as JsonObject) : undefined;
  return {
    ok: true,
    notification: {
      notifyType,
      ids,
      resultStatus,
      resultCode,
      status,
      amountValue: amount ? str(amount, 'value') : undefined,
      amountCurrency: amount ? str(amount, 'currency') : undefined,
      dedupKey: `${notifyType}|${ids[mainIdField]}|${status}`,
    },
  };
}
