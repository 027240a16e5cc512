/**
 * Mismatch flags for one payment: the places where the records disagree and a person should look.
 * - notification-disagrees-with-inquiry: the latest verified notifyPayment asserts SUCCESS and the
 *   latest successful inquiry says FAIL (or the other way round), or their amounts differ. An
 *   inquiry older than the notification that still says PROCESSING is not a contradiction (it was
 *   just early), and neither is CANCELLED: Antom sends no notification for a merchant's cancel,
 *   so SUCCESS-then-CANCELLED is the payment's history, and a buyer's cancel is notified as FAIL.
 *
 * Messages carry no timestamps: the flag's `at` holds the time so the screen formats it like
 * every other time in the console.
 * - notification-missing: an inquiry says the payment is final (SUCCESS/FAIL), yet no verified
 *   notifyPayment arrived within the expected time (setting, default 5 minutes) after the payment
 *   time (or the inquiry, when Antom gave no paymentTime).
 * - capture-exceeds-authorised / refund-exceeds-paid: totals of successful captures/refunds.
 */
import type { MismatchFlag } from './journal-types';
import type { PaymentFacts } from './payment-facts';
import type { DerivedPayment } from './payment-state';
import { moneyAmount } from './payment-state';

export function findMismatches(
  facts: PaymentFacts,
  derived: DerivedPayment,
  ids: { paymentRequestId: string | null; paymentId: string | null },
  expectedMinutes: number,
  now: Date,
): MismatchFlag[] {
  const flags: MismatchFlag[] = [];
  const base = { paymentRequestId: ids.paymentRequestId, paymentId: ids.paymentId };
  const inquiry = facts.inquiries[facts.inquiries.length - 1];
  const finalNotes = facts.notifications.filter((n) => n.status === 'SUCCESS' || n.status === 'FAIL');
  const note = finalNotes[finalNotes.length - 1];

  if (inquiry && note) {
    const inquiryFinal = inquiry.status === 'SUCCESS' || inquiry.status === 'FAIL' || inquiry.status === 'CANCELLED';
    const comparable = inquiryFinal || inquiry.at >= note.at;
    const refs = [{ source: 'notification' as const, id: note.ref }, { source: 'call' as const, id: inquiry.ref }];
    const contradicts = (note.status === 'SUCCESS' && inquiry.status === 'FAIL') || (note.status === 'FAIL' && inquiry.status === 'SUCCESS');
    if (comparable && contradicts) {
      flags.push({ ...base, kind: 'notification-disagrees-with-inquiry', refs, at: inquiry.at, message: `The notification says ${note.status} but the latest inquiry says ${inquiry.status}.` });
    }
    if (note.amount && inquiry.amount && (note.amount.currency !== inquiry.amount.currency || note.amount.value !== inquiry.amount.value)) {
      flags.push({
        ...base, kind: 'notification-disagrees-with-inquiry', refs, at: inquiry.at,
        message: `The notification's amount ${moneyAmount(note.amount.value, note.amount.currency).display} differs from the inquiry's ${moneyAmount(inquiry.amount.value, inquiry.amount.currency).display}.`,
      });
    }
  }

  const firstFinalInquiry = facts.inquiries.find((i) => i.status === 'SUCCESS' || i.status === 'FAIL');
  if (firstFinalInquiry && finalNotes.length === 0) {
    const from = firstFinalInquiry.paymentTime && !Number.isNaN(Date.parse(firstFinalInquiry.paymentTime)) ? firstFinalInquiry.paymentTime : firstFinalInquiry.at;
    const waitedMs = now.getTime() - Date.parse(from);
    if (waitedMs > expectedMinutes * 60_000) {
      flags.push({
        ...base, kind: 'notification-missing', refs: [{ source: 'call', id: firstFinalInquiry.ref }], at: from,
        message: `An inquiry says ${firstFinalInquiry.status}, but no verified notifyPayment arrived in the ${Math.floor(waitedMs / 60_000)} minutes since the payment (expected within ${expectedMinutes}). Check the notification URL and the receiver.`,
      });
    }
  }

  const amount = derived.paymentAmount;
  if (amount && derived.captured > amount.value && (facts.isAuthorization || facts.captures.length > 0)) {
    flags.push({
      ...base, kind: 'capture-exceeds-authorised', refs: facts.captures.map((c) => ({ source: c.source, id: c.ref })),
      message: `Captured ${moneyAmount(derived.captured, amount.currency).display} exceeds the authorised ${moneyAmount(amount.value, amount.currency).display}.`,
    });
  }
  const paid = derived.captured > 0n ? derived.captured : amount?.value ?? 0n;
  if (derived.refunded > 0n && derived.refunded > paid) {
    const currency = amount?.currency ?? derived.money?.currency ?? '';
    flags.push({
      ...base, kind: 'refund-exceeds-paid', refs: facts.refunds.map((r) => ({ source: r.source, id: r.ref })),
      message: `Refunded ${moneyAmount(derived.refunded, currency).display} exceeds what was paid (${moneyAmount(paid, currency).display}).`,
    });
  }
  return flags;
}
