/**
 * One payment's calls and notifications as timeline events in time order, each with a one-line
 * summary a support agent can read aloud.
 */
import type { AntomApiName } from '../client/call-record';
import type { CallRow, AttemptRow, NotificationRow } from './journal-rows';
import type { MoneyAmount, TimelineEvent, TimelineEventKind } from './journal-types';
import { amountOf, parseBody } from './payment-facts';
import { moneyAmount } from './payment-state';
import { describeDisputeNotification, readDisputeNotification } from '../receiver/dispute-notification';
import { DISPUTE_NOTIFY_TYPES } from '../../../src-shared/vocabulary';

const KIND: Record<AntomApiName, TimelineEventKind> = {
  createPaymentSession: 'session',
  inquiryPayment: 'inquiry',
  capture: 'capture',
  cancel: 'cancel',
  refund: 'refund',
  inquiryRefund: 'refund-inquiry',
  acceptDispute: 'dispute',
  supplyDefenseDocument: 'dispute',
  downloadDisputeEvidence: 'dispute',
};

const DISPUTE_NOTIFY: ReadonlySet<string> = new Set(DISPUTE_NOTIFY_TYPES);

const REQUEST_AMOUNT: Partial<Record<AntomApiName, string>> = { createPaymentSession: 'paymentAmount', capture: 'captureAmount', refund: 'refundAmount' };
const RESPONSE_AMOUNT: Partial<Record<AntomApiName, string>> = { inquiryPayment: 'paymentAmount', inquiryRefund: 'refundAmount', capture: 'captureAmount', refund: 'refundAmount' };

function toMoney(value: unknown): MoneyAmount | null {
  const a = amountOf(value);
  return a ? moneyAmount(a.value, a.currency) : null;
}

export function callEvent(call: CallRow): TimelineEvent {
  const req = parseBody(call.request_body) ?? {};
  const res = parseBody(call.response_body) ?? {};
  const reqField = REQUEST_AMOUNT[call.api];
  const resField = RESPONSE_AMOUNT[call.api];
  const amount = (reqField ? toMoney(req[reqField]) : null) ?? (resField ? toMoney(res[resField]) : null);
  const status = typeof res.paymentStatus === 'string' ? res.paymentStatus : typeof res.refundStatus === 'string' ? res.refundStatus : null;
  const outcome = call.result_status
    ? `${call.result_status} ${call.result_code ?? ''}`.trim()
    : `no answer (${call.error_code ?? 'unknown'})`;
  const parts = [call.api, amount?.display, '->', outcome, status ? `status ${status}` : undefined, call.attempt > 1 ? `(attempt ${call.attempt})` : undefined];
  return {
    kind: KIND[call.api],
    at: call.started_at,
    source: 'call',
    ref: call.id,
    summary: parts.filter(Boolean).join(' '),
    resultStatus: call.result_status,
    resultCode: call.result_code,
    status,
    amount,
  };
}

export function notificationEvent(note: NotificationRow, attempts: AttemptRow[]): TimelineEvent {
  const amount = note.amount_value && note.amount_currency && /^\d+$/.test(note.amount_value) ? moneyAmount(BigInt(note.amount_value), note.amount_currency) : null;
  const verdict = note.verification === 'verified' ? 'verified' : `REJECTED (${note.reject_reason ?? 'unknown'})`;
  // A dispute's own words (type, judged result, reason, defense deadline) say more than its status.
  const dispute = DISPUTE_NOTIFY.has(note.notify_type) ? readDisputeNotification(note.body) : undefined;
  const what = dispute ? describeDisputeNotification(dispute) : note.status ?? note.result_code ?? undefined;
  const parts = [
    `notification ${note.notify_type}`, amount?.display, what, verdict,
    note.acknowledged ? 'acknowledged' : 'not acknowledged', note.attempts > 1 ? `${note.attempts} attempts` : undefined,
  ];
  return {
    kind: 'notification',
    at: note.first_seen_at,
    source: 'notification',
    ref: note.id,
    summary: parts.filter(Boolean).join(', '),
    resultStatus: note.result_status,
    resultCode: note.result_code,
    status: note.status,
    amount,
    notifyType: note.notify_type,
    verification: note.verification,
    acknowledged: note.acknowledged === 1,
    attempts: attempts.map((a) => ({ at: a.received_at, answerStatus: a.answer_status })),
  };
}

export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events.sort((a, b) => a.at.localeCompare(b.at) || (a.source === b.source ? a.ref - b.ref : a.source === 'call' ? -1 : 1));
}

/** Two inquiries further apart than this belong to different polling runs (the poller asks every 2 s). */
const POLL_RUN_GAP_MS = 15_000;

/**
 * Fold each polling run into one event: consecutive inquiryPayment calls with nothing else in
 * between and no gap above POLL_RUN_GAP_MS. The folded event keeps the LAST inquiry's ref and
 * summary (the answer that ended the run) and says how many polls it stands for.
 */
export function collapsePolls(events: TimelineEvent[]): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (e.kind === 'inquiry' && prev?.kind === 'inquiry' && Date.parse(e.at) - Date.parse(prev.at) <= POLL_RUN_GAP_MS) {
      const polls = prev.polls ?? { count: 1, firstAt: prev.at, statuses: prev.status ? [prev.status] : [] };
      const statuses = e.status && polls.statuses[polls.statuses.length - 1] !== e.status ? [...polls.statuses, e.status] : polls.statuses;
      const count = polls.count + 1;
      out[out.length - 1] = { ...e, polls: { count, firstAt: polls.firstAt, statuses }, summary: `polling run: ${count} inquiries (${statuses.join(' -> ') || 'no status'}); last: ${e.summary}` };
    } else out.push(e);
  }
  return out;
}
