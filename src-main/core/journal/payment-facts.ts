/**
 * What the journal's rows say about one payment, read from the (redacted) bodies: amounts and
 * statuses are never personal data, so redaction leaves them intact. One pass turns calls and
 * notifications into "facts" that the timeline, the derived state and the mismatch flags share.
 */
import type { CallRow, NotificationRow } from './journal-rows';

export interface AmountFact {
  currency: string;
  value: bigint;
}

export interface PaymentStatusFact {
  status: string; // SUCCESS | FAIL | PROCESSING | PENDING | CANCELLED
  amount: AmountFact | undefined;
  at: string;
  paymentTime: string | undefined;
  /** paymentResultCode (inquiry) or result.resultCode (notification): says why a FAIL failed. */
  resultCode: string | undefined;
  source: 'call' | 'notification';
  ref: number;
}

interface MovementFact {
  key: string;
  /** Antom's captureId / refundId, when this record carries it. */
  antomId?: string | undefined;
  /** The merchant's captureRequestId / refundRequestId, when this record carries it. */
  requestId?: string | undefined;
  amount: AmountFact | undefined;
  ok: boolean | undefined; // undefined: still in process / unknown
  at: string;
  source: 'call' | 'notification';
  ref: number;
}

export interface PaymentFacts {
  sessionAmount: AmountFact | undefined;
  sessionOk: boolean | undefined;
  sessionExpiresAt: string | undefined;
  isAuthorization: boolean;
  inquiries: PaymentStatusFact[];
  notifications: PaymentStatusFact[];
  cancelledAt: string | undefined;
  captures: MovementFact[];
  refunds: MovementFact[];
  /** Latest authExpiryTime any verified record gave (card authorisations). */
  authExpiryTime: string | undefined;
  paymentMethodType: string | undefined;
  profile: string | undefined;
  firstSeenAt: string | undefined;
  lastSeenAt: string | undefined;
}

type Json = Record<string, unknown>;

export function parseBody(text: string | null | Buffer): Json | undefined {
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(typeof text === 'string' ? text : text.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

export function amountOf(value: unknown): AmountFact | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { currency, value: v } = value as Json;
  if (typeof currency !== 'string' || (typeof v !== 'string' && typeof v !== 'number')) return undefined;
  const text = String(v);
  if (!/^\d+$/.test(text)) return undefined;
  return { currency, value: BigInt(text) };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Refund and capture IDs come in pairs (request ID minted by us, ID minted by Antom); a later
 * inquiry or notification may carry only one of them. Every pair seen maps onto the request ID
 * so the same refund is never counted twice.
 */
function aliasMap(calls: CallRow[], notes: NotificationRow[], requestCol: 'capture_request_id' | 'refund_request_id', idCol: 'capture_id' | 'refund_id'): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of [...calls, ...notes]) {
    const req = row[requestCol];
    const id = row[idCol];
    if (req && id) map.set(id, req);
  }
  return map;
}

function keyOf(aliases: Map<string, string>, requestId: string | null | undefined, id: string | null | undefined): string | undefined {
  if (requestId) return requestId;
  if (id) return aliases.get(id) ?? id;
  return undefined;
}

export function collectFacts(calls: CallRow[], notes: NotificationRow[]): PaymentFacts {
  const facts: PaymentFacts = {
    sessionAmount: undefined, sessionOk: undefined, sessionExpiresAt: undefined, isAuthorization: false,
    inquiries: [], notifications: [], cancelledAt: undefined, captures: [], refunds: [],
    authExpiryTime: undefined, paymentMethodType: undefined, profile: undefined, firstSeenAt: undefined, lastSeenAt: undefined,
  };
  const seen = (at: string, profile: string | null): void => {
    if (facts.firstSeenAt === undefined || at < facts.firstSeenAt) facts.firstSeenAt = at;
    if (facts.lastSeenAt === undefined || at > facts.lastSeenAt) facts.lastSeenAt = at;
    if (profile) facts.profile ??= profile;
  };
  const captureAliases = aliasMap(calls, notes, 'capture_request_id', 'capture_id');
  const refundAliases = aliasMap(calls, notes, 'refund_request_id', 'refund_id');

  for (const call of calls) {
    const req = parseBody(call.request_body) ?? {};
    const res = parseBody(call.response_body) ?? {};
    seen(call.started_at, call.profile);
    switch (call.api) {
      case 'createPaymentSession': {
        facts.sessionAmount ??= amountOf(req.paymentAmount);
        facts.paymentMethodType ??= str((req.paymentMethod as Json | undefined)?.paymentMethodType);
        const factor = req.paymentFactor as Json | undefined;
        if (factor && (factor.isAuthorization === true || factor.isAuthorization === 'true')) facts.isAuthorization = true;
        if (call.result_status === 'S') {
          facts.sessionOk = true;
          facts.sessionExpiresAt = str(res.paymentSessionExpiryTime) ?? new Date(Date.parse(call.started_at) + 3_600_000).toISOString();
        } else if (call.result_status === 'F' && facts.sessionOk !== true) {
          facts.sessionOk = false;
        }
        break;
      }
      case 'inquiryPayment': {
        const status = str(res.paymentStatus);
        if (call.result_status === 'S' && status) {
          facts.inquiries.push({ status, amount: amountOf(res.paymentAmount), at: call.started_at, paymentTime: str(res.paymentTime), resultCode: str(res.paymentResultCode), source: 'call', ref: call.id });
          facts.authExpiryTime = str(res.authExpiryTime) ?? facts.authExpiryTime;
          facts.paymentMethodType ??= str(res.paymentMethodType);
          inquiryTransactions(res, call, captureAliases, refundAliases, facts);
        }
        break;
      }
      case 'capture': {
        const key = keyOf(captureAliases, call.capture_request_id ?? str(req.captureRequestId), call.capture_id);
        if (key) {
          facts.captures.push({
            key, antomId: call.capture_id ?? str(res.captureId), requestId: call.capture_request_id ?? str(req.captureRequestId),
            amount: amountOf(req.captureAmount) ?? amountOf(res.captureAmount), ok: outcome(call.result_status), at: call.started_at, source: 'call', ref: call.id,
          });
        }
        break;
      }
      case 'cancel':
        if (call.result_status === 'S') facts.cancelledAt ??= call.started_at;
        break;
      case 'refund': {
        const key = keyOf(refundAliases, call.refund_request_id ?? str(req.refundRequestId), call.refund_id);
        if (key) {
          facts.refunds.push({
            key, antomId: call.refund_id ?? str(res.refundId), requestId: call.refund_request_id ?? str(req.refundRequestId),
            amount: amountOf(req.refundAmount) ?? amountOf(res.refundAmount), ok: outcome(call.result_status), at: call.started_at, source: 'call', ref: call.id,
          });
        }
        break;
      }
      case 'inquiryRefund': {
        const key = keyOf(refundAliases, call.refund_request_id, call.refund_id);
        const status = str(res.refundStatus);
        if (key && call.result_status === 'S' && status) {
          facts.refunds.push({
            key, antomId: call.refund_id ?? str(res.refundId), requestId: call.refund_request_id ?? str(res.refundRequestId),
            amount: amountOf(res.refundAmount), ok: status === 'SUCCESS' ? true : status === 'FAIL' ? false : undefined, at: call.started_at, source: 'call', ref: call.id,
          });
        }
        break;
      }
    }
  }

  for (const note of notes) {
    if (note.verification !== 'verified') continue; // a rejected notification proves nothing
    seen(note.first_seen_at, note.profile);
    const amount = note.amount_value && note.amount_currency && /^\d+$/.test(note.amount_value)
      ? { currency: note.amount_currency, value: BigInt(note.amount_value) }
      : undefined;
    if (note.notify_type === 'PAYMENT_RESULT' || note.notify_type === 'PAYMENT_PENDING') {
      const status = note.notify_type === 'PAYMENT_PENDING' ? 'PENDING' : note.status ?? (note.result_status === 'S' ? 'SUCCESS' : note.result_status === 'F' ? 'FAIL' : 'PROCESSING');
      const body = parseBody(note.body);
      facts.notifications.push({ status, amount, at: note.first_seen_at, paymentTime: str(body?.paymentTime), resultCode: note.result_code ?? undefined, source: 'notification', ref: note.id });
      facts.authExpiryTime = str(body?.authExpiryTime) ?? facts.authExpiryTime;
      facts.paymentMethodType ??= str(body?.paymentMethodType);
    } else if (note.notify_type === 'CAPTURE_RESULT') {
      const key = keyOf(captureAliases, note.capture_request_id, note.capture_id);
      if (key) facts.captures.push({ key, antomId: note.capture_id ?? undefined, requestId: note.capture_request_id ?? undefined, amount, ok: outcome(note.result_status), at: note.first_seen_at, source: 'notification', ref: note.id });
    } else if (note.notify_type === 'REFUND_RESULT') {
      const key = keyOf(refundAliases, note.refund_request_id, note.refund_id);
      const ok = note.status === 'SUCCESS' ? true : note.status === 'FAIL' ? false : outcome(note.result_status);
      if (key) facts.refunds.push({ key, antomId: note.refund_id ?? undefined, requestId: note.refund_request_id ?? undefined, amount, ok, at: note.first_seen_at, source: 'notification', ref: note.id });
    }
  }
  const byTime = (a: { at: string; ref: number }, b: { at: string; ref: number }): number => a.at.localeCompare(b.at) || a.ref - b.ref;
  facts.inquiries.sort(byTime);
  facts.notifications.sort(byTime);
  facts.captures.sort(byTime);
  facts.refunds.sort(byTime);
  return facts;
}

/**
 * inquiryPayment lists the payment's captures and refunds (transactions[]): Antom's own account
 * of them, so a capture made elsewhere, or one whose notification never came, still counts.
 */
function inquiryTransactions(res: Json, call: CallRow, captureAliases: Map<string, string>, refundAliases: Map<string, string>, facts: PaymentFacts): void {
  if (!Array.isArray(res.transactions)) return;
  for (const item of res.transactions as unknown[]) {
    if (item === null || typeof item !== 'object') continue;
    const t = item as Json;
    const type = str(t.transactionType);
    const status = str(t.transactionStatus);
    const ok = status === 'SUCCESS' ? true : status === 'FAIL' ? false : undefined;
    const fact = (key: string): MovementFact => ({
      key, antomId: str(t.transactionId), requestId: str(t.transactionRequestId), amount: amountOf(t.transactionAmount), ok, at: call.started_at, source: 'call', ref: call.id,
    });
    if (type === 'CAPTURE') {
      const key = keyOf(captureAliases, str(t.transactionRequestId), str(t.transactionId));
      if (key) facts.captures.push(fact(key));
    } else if (type === 'REFUND') {
      const key = keyOf(refundAliases, str(t.transactionRequestId), str(t.transactionId));
      if (key) facts.refunds.push(fact(key));
    } else if (type === 'CANCEL' && status === 'SUCCESS') {
      facts.cancelledAt ??= str(t.transactionTime) ?? call.started_at;
    }
  }
}

function outcome(resultStatus: string | null): boolean | undefined {
  return resultStatus === 'S' ? true : resultStatus === 'F' ? false : undefined;
}

/**
 * Sum of the movements that ended in success. For each capture/refund the LATEST definite
 * evidence wins (a refund call that said U, then a notifyRefund SUCCESS, counts once; a SUCCESS
 * later contradicted by FAIL does not count). The amount is the first one any record gave.
 */
export function settledTotal(movements: MovementFact[]): bigint {
  const byKey = new Map<string, { ok: boolean | undefined; amount: AmountFact | undefined }>();
  for (const m of movements) {
    const seen = byKey.get(m.key) ?? { ok: undefined, amount: undefined };
    if (m.ok !== undefined) seen.ok = m.ok;
    seen.amount ??= m.amount;
    byKey.set(m.key, seen);
  }
  let total = 0n;
  for (const { ok, amount } of byKey.values()) if (ok === true && amount) total += amount.value;
  return total;
}

const FINAL_PAYMENT_STATUSES = new Set(['SUCCESS', 'FAIL', 'CANCELLED']);

/** The payment's status: the latest final word from an inquiry or a verified notification, else the latest word. */
export function currentPaymentStatus(facts: PaymentFacts): PaymentStatusFact | undefined {
  const all = [...facts.inquiries, ...facts.notifications].sort((a, b) => a.at.localeCompare(b.at));
  const finals = all.filter((f) => FINAL_PAYMENT_STATUSES.has(f.status));
  return finals[finals.length - 1] ?? all[all.length - 1];
}
