/**
 * The Payments list's export: the columns the list shows, flat, with amounts both as minor
 * units (exact, for a program) and as display text (for a person). Same CSV/JSON rendering as
 * the other exports (export-format.ts: quoting, formula guard).
 */
import type { PaymentListItem } from '../../../src-shared/payments-list';
import type { ExportCell } from './export-format';

export const PAYMENT_CSV_COLUMNS = [
  'paymentRequestId', 'paymentId', 'status', 'currency', 'amountValue', 'amountDisplay', 'method', 'createdAt', 'updatedAt',
  'capturedValue', 'refundedValue', 'disputes', 'profile', 'lastActor', 'failureCode',
] as const;

export function paymentExportRow(p: PaymentListItem): Record<string, ExportCell> {
  return {
    paymentRequestId: p.paymentRequestId, paymentId: p.paymentId, status: p.status, currency: p.currency, amountValue: p.amount?.value ?? null,
    amountDisplay: p.amount?.display ?? null, method: p.method, createdAt: p.createdAt, updatedAt: p.updatedAt, capturedValue: p.captured?.value ?? null,
    refundedValue: p.refunded?.value ?? null, disputes: p.disputes, profile: p.profile, lastActor: p.lastActor, failureCode: p.failureCode,
  };
}
