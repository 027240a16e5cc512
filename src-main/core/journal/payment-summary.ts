/**
 * One payment's row in the Payments list, from the same facts and derived state the detail
 * shows (payment-facts.ts, payment-state.ts): status and money are never computed a second way.
 * This is the one small module to swap when the shared derived-state function changes shape.
 */
import { currencyExponent, isKnownCurrency } from '../../../src-shared/money';
import type { CallRow, NotificationRow } from './journal-rows';
import { collectFacts, currentPaymentStatus, parseBody } from './payment-facts';
import { derivePayment } from './payment-state';

/** The columns of the payments table (migrations/sqlite/0006-payments-summary.ts). */
export interface PaymentSummaryRow {
  key: string;
  payment_request_id: string | null;
  payment_id: string | null;
  status: string;
  amount_value: string | null;
  currency: string | null;
  amount_milli: bigint;
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
  expires_at: string | null;
}

/** Minor units to thousandths of a display unit; -1 when unknown (sorts below every amount). */
export function amountMilli(value: bigint | undefined, currency: string | undefined): bigint {
  if (value === undefined || !currency || !isKnownCurrency(currency)) return -1n;
  return value * 10n ** BigInt(3 - currencyExponent(currency));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The method a record names: the session request's, an inquiry's or a notification's paymentMethodType. */
function methodOf(calls: readonly CallRow[], notes: readonly NotificationRow[]): string | null {
  const said: { at: string; method: string }[] = [];
  for (const call of calls) {
    const req = parseBody(call.request_body);
    const res = parseBody(call.response_body);
    const method = text(res?.paymentMethodType) ?? text((req?.paymentMethod as Record<string, unknown> | undefined)?.paymentMethodType);
    if (method) said.push({ at: call.started_at, method });
  }
  for (const note of notes) {
    if (note.verification !== 'verified' || note.notify_type !== 'PAYMENT_RESULT') continue;
    const method = text(parseBody(note.body)?.paymentMethodType);
    if (method) said.push({ at: note.first_seen_at, method });
  }
  said.sort((a, b) => a.at.localeCompare(b.at));
  return said[said.length - 1]?.method ?? null;
}

/**
 * The summary of one payment (calls and notifications already gathered through its IDs), or
 * undefined when none of them names the payment (e.g. only a rejected notification).
 */
export function summarisePayment(calls: readonly CallRow[], notes: readonly NotificationRow[], now: Date): PaymentSummaryRow | undefined {
  const verified = notes.filter((n) => n.verification === 'verified');
  const requestIds = [...new Set([...calls, ...verified].map((r) => r.payment_request_id).filter((v): v is string => !!v))].sort();
  const paymentIds = [...new Set([...calls, ...verified].map((r) => r.payment_id).filter((v): v is string => !!v))].sort();
  const key = requestIds[0] ?? paymentIds[0];
  if (!key) return undefined;

  const facts = collectFacts([...calls], verified);
  const derived = derivePayment(facts, now);
  const current = currentPaymentStatus(facts);
  const currency = derived.money?.currency ?? derived.paymentAmount?.currency ?? null;

  const moments = [
    ...calls.map((c) => ({ at: c.started_at, actor: c.trigger as string, id: c.id })),
    ...verified.map((n) => ({ at: n.first_seen_at, actor: 'antom', id: n.id })),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const first = moments[0]!;
  const last = moments[moments.length - 1]!;

  const failed = derived.state === 'FAILED';
  const failingCall = failed ? [...calls].reverse().find((c) => c.result_status === 'F' && c.result_code) : undefined;
  // An inquiry that succeeded reports the payment's own failure in paymentResultCode.
  const inquiryFailure = failed
    ? [...calls].reverse().map((c) => (c.api === 'inquiryPayment' ? parseBody(c.response_body) : undefined)).find((r) => r?.paymentStatus === 'FAIL')
    : undefined;
  const failingNote = failed ? [...verified].reverse().find((n) => n.result_status === 'F' && n.result_code) : undefined;
  const inquiries = calls.filter((c) => c.api === 'inquiryPayment' && c.result_status === 'S').map((c) => c.started_at).sort();
  const disputeIds = new Set([...calls, ...verified].map((r) => r.dispute_id).filter((v): v is string => !!v));
  const profile = calls.find((c) => c.profile)?.profile ?? verified.find((n) => n.profile)?.profile ?? null;
  const showMoney = derived.money !== null && current?.status === 'SUCCESS';

  return {
    key,
    payment_request_id: requestIds[0] ?? null,
    payment_id: paymentIds[0] ?? null,
    status: derived.state,
    amount_value: derived.paymentAmount ? derived.paymentAmount.value.toString() : null,
    currency,
    amount_milli: amountMilli(derived.paymentAmount?.value, derived.paymentAmount?.currency),
    method: methodOf(calls, verified),
    created_at: first.at,
    updated_at: last.at,
    captured_value: showMoney ? derived.captured.toString() : null,
    refunded_value: showMoney ? derived.refunded.toString() : null,
    disputes: disputeIds.size,
    profile,
    last_actor: last.actor,
    failure_code: text(inquiryFailure?.paymentResultCode) ?? (failingNote && (!failingCall || failingNote.first_seen_at > failingCall.started_at) ? failingNote.result_code : failingCall?.result_code) ?? null,
    checked_at: inquiries[inquiries.length - 1] ?? null,
    expires_at: derived.state === 'CREATED' ? facts.sessionExpiresAt ?? null : null,
  };
}
