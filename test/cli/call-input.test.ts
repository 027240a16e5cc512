/**
 * `antom-ops call <api> --body` maps Antom's wire bodies onto the contract's operations, and
 * every mapped input is one the contract's schema accepts; fields the contract cannot carry and
 * confirmations for the wrong API are refused instead of dropped.
 */
import { describe, expect, it } from 'vitest';
import { callOperationInput, cliConfirmationHint } from '../../src-main/cli/call-input';
import { operations } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';

const none = { amount: undefined, cancel: undefined };
const usd = { currency: 'USD', value: '1234' };

describe('call --body onto the contract', () => {
  it('maps each API\'s wire body onto an input its operation schema accepts', () => {
    const cases = [
      callOperationInput('createPaymentSession', { productCode: 'CASHIER_PAYMENT', paymentAmount: usd }, none),
      callOperationInput('inquiryPayment', { paymentRequestId: 'REQ-1' }, none),
      callOperationInput('capture', { paymentId: 'P-1', captureAmount: usd, captureRequestId: 'CAP-1', isLastCapture: true }, { amount: 'USD 12.34', cancel: undefined }),
      callOperationInput('cancel', { paymentRequestId: 'REQ-1' }, { amount: undefined, cancel: 'CANCEL' }),
      callOperationInput('refund', { paymentId: 'P-1', refundAmount: usd, refundRequestId: 'REF-1', refundReason: 'damaged' }, { amount: '12.34', cancel: undefined }),
      callOperationInput('inquiryRefund', { refundId: 'R-1' }, none),
    ];
    expect(cases.map((c) => c.input)).toEqual([
      { body: { productCode: 'CASHIER_PAYMENT', paymentAmount: usd } },
      { paymentRequestId: 'REQ-1' },
      { paymentId: 'P-1', amount: usd, captureRequestId: 'CAP-1', isLastCapture: true, confirmation: 'USD 12.34' },
      { paymentRequestId: 'REQ-1', confirmation: 'CANCEL' },
      { paymentId: 'P-1', amount: usd, refundRequestId: 'REF-1', refundReason: 'damaged', confirmation: '12.34' },
      { refundId: 'R-1' },
    ]);
    for (const { operation, input } of cases) expect(operations[operation].input.safeParse(input).success).toBe(true);
  });

  it('refuses wire fields the console has no place for, naming the field', () => {
    expect(() => callOperationInput('refund', { paymentId: 'P-1', refundAmount: usd, refundNotifyUrl: 'https://x.example' }, none))
      .toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', details: expect.objectContaining({ field: 'refundNotifyUrl' }) }));
    expect(() => callOperationInput('capture', { paymentId: 'P-1', amount: usd }, none)).toThrow(/cannot carry "amount"/);
  });

  it('refuses a confirmation given to an API it does not confirm', () => {
    expect(() => callOperationInput('inquiryPayment', { paymentId: 'P-1' }, { amount: '1.00', cancel: undefined })).toThrow(/--confirm-amount does not apply to inquiryPayment/);
    expect(() => callOperationInput('capture', { paymentId: 'P-1', captureAmount: usd }, { amount: undefined, cancel: 'CANCEL' })).toThrow(/--confirm does not apply to capture/);
  });

  it('turns the console\'s "type the amount" hint into the flag to pass', () => {
    const refusal = new ConsoleError('VALIDATION_FAILED', 'Profile "Live" is a production profile: this moves real money, so the amount must be confirmed.', 'Type the amount exactly as 12.34 (or USD 12.34) to confirm.', { field: 'confirmation', expected: '12.34' });
    const hinted = cliConfirmationHint(refusal, 'capture');
    expect(hinted.message).toBe(refusal.message);
    expect(hinted.hint).toContain('--confirm-amount "12.34"');
    expect(cliConfirmationHint(refusal, 'cancel').hint).toBe('Add --confirm CANCEL to cancel this production payment.');
    const other = new ConsoleError('READ_ONLY', 'read-only', 'switch');
    expect(cliConfirmationHint(other, 'capture')).toBe(other);
  });
});
