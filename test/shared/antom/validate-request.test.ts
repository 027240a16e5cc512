import { describe, expect, it } from 'vitest';
import { assertValidRequest, validateRequest } from '../../../src-shared/antom';
import { ConsoleError } from '../../../src-shared/errors';

const capture = (captureAmount: unknown, extra: Record<string, unknown> = {}) => ({ captureRequestId: 'CAP-1', paymentId: 'P-1', captureAmount, ...extra });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

const session = {
  productCode: 'CASHIER_PAYMENT',
  paymentRequestId: 'PAY-1',
  order: { referenceOrderId: 'ORDER-1', orderDescription: 'Shoes', orderAmount: { currency: 'USD', value: '1000' } },
  paymentAmount: { currency: 'USD', value: '1000' },
  paymentMethod: { paymentMethodType: 'CARD' },
  paymentRedirectUrl: 'https://shop.example/return',
  settlementStrategy: { settlementCurrency: 'USD' },
};

describe('validateRequest: amounts', () => {
  it('accepts a positive integer string in minor units', () => {
    expect(validateRequest('capture', capture({ currency: 'USD', value: '1234' }))).toEqual({ errors: [], warnings: [] });
    expect(validateRequest('capture', capture({ currency: 'JPY', value: '1000' })).errors).toEqual([]);
  });

  it('refuses JPY with decimals and says JPY has none', () => {
    const { errors } = validateRequest('capture', capture({ currency: 'JPY', value: '10.5' }));
    expect(fields(errors)).toEqual(['captureAmount.value']);
    expect(errors[0]?.message).toMatch(/decimal point/);
    expect(errors[0]?.message).toMatch(/JPY has no decimals/);
  });

  it('refuses zero, negative, 17 digits, numbers and missing currency', () => {
    expect(validateRequest('refund', { refundRequestId: 'R', paymentId: 'P', refundAmount: { currency: 'USD', value: '0' } }).errors[0]?.message).toMatch(/greater than zero/);
    expect(fields(validateRequest('capture', capture({ currency: 'USD', value: '-5' })).errors)).toEqual(['captureAmount.value']);
    expect(validateRequest('capture', capture({ currency: 'USD', value: '12345678901234567' })).errors[0]?.message).toMatch(/at most 16/);
    expect(validateRequest('capture', capture({ currency: 'USD', value: 100 })).errors[0]?.message).toMatch(/string of digits/);
    expect(validateRequest('capture', capture({ value: '100' })).errors).toEqual([{ field: 'captureAmount.currency', message: 'captureAmount.currency is required.' }]);
  });

  it('warns, and still checks the digits, for a currency the console does not know', () => {
    const report = validateRequest('capture', capture({ currency: 'XYZ', value: '1.5' }));
    expect(fields(report.warnings)).toEqual(['captureAmount.currency']);
    expect(fields(report.errors)).toEqual(['captureAmount.value']);
  });
});

describe('validateRequest: required fields, limits, one-of rules', () => {
  it('lists every missing required field of a capture', () => {
    expect(fields(validateRequest('capture', {}).errors).sort()).toEqual(['captureAmount', 'captureRequestId', 'paymentId']);
  });

  it('accepts a complete createPaymentSession and reports a missing redirect URL', () => {
    expect(validateRequest('createPaymentSession', session)).toEqual({ errors: [], warnings: [] });
    const { paymentRedirectUrl: _drop, ...noRedirect } = session;
    expect(fields(validateRequest('createPaymentSession', noRedirect).errors)).toEqual(['paymentRedirectUrl']);
  });

  it('requires paymentMethod (every seed table marks it required) but not settlementStrategy (optional in the seeds)', () => {
    const { settlementStrategy: _b, ...noSettlement } = session;
    expect(validateRequest('createPaymentSession', noSettlement)).toEqual({ errors: [], warnings: [] });
    const { paymentMethod: _a, ...noMethod } = session;
    expect(fields(validateRequest('createPaymentSession', noMethod).errors)).toEqual(['paymentMethod']);
    expect(fields(validateRequest('createPaymentSession', { ...session, productCode: 'AGREEMENT_PAYMENT' }).errors)).toEqual(['productCode']);
  });

  it('takes env.terminalType WEB, WAP, APP or MINI_APP only', () => {
    expect(validateRequest('createPaymentSession', { ...session, env: { terminalType: 'APP', osType: 'IOS' } })).toEqual({ errors: [], warnings: [] });
    expect(validateRequest('createPaymentSession', { ...session, env: { terminalType: 'DESKTOP' } }).errors[0]?.message).toBe('env.terminalType must be one of WEB, WAP, APP, MINI_APP.');
  });

  it('takes paymentFactor.captureMode AUTOMATIC or MANUAL only', () => {
    const factor = (paymentFactor: unknown) => validateRequest('createPaymentSession', { ...session, paymentFactor });
    expect(factor({ isAuthorization: true, captureMode: 'MANUAL' })).toEqual({ errors: [], warnings: [] });
    expect(factor({ isAuthorization: 'true', captureMode: 'AUTOMATIC' })).toEqual({ errors: [], warnings: [] });
    expect(factor({ isAuthorization: true, captureMode: 'LATER' }).errors[0]?.message).toBe('paymentFactor.captureMode must be one of AUTOMATIC, MANUAL.');
    expect(fields(factor({ captureMode: 'MANUAL' }).warnings)).toEqual(['paymentFactor.captureMode']);
  });

  it('refuses request IDs over 64 characters and URLs over their limits', () => {
    expect(validateRequest('capture', capture({ currency: 'USD', value: '1' }, { captureRequestId: 'C'.repeat(65) })).errors[0]).toEqual({ field: 'captureRequestId', message: 'captureRequestId must be at most 64 characters.' });
    const longUrl = `https://x.example/${'a'.repeat(1024)}`;
    expect(fields(validateRequest('refund', { refundRequestId: 'R', paymentId: 'P', refundAmount: { currency: 'USD', value: '1' }, refundNotifyUrl: longUrl }).errors)).toEqual(['refundNotifyUrl']);
    expect(fields(validateRequest('createPaymentSession', { ...session, paymentRedirectUrl: 'not a url' }).errors)).toEqual(['paymentRedirectUrl']);
  });

  it('needs one of paymentRequestId / paymentId, and says which wins when both are given', () => {
    expect(validateRequest('inquiryPayment', {}).errors[0]?.message).toMatch(/paymentRequestId or paymentId/);
    expect(validateRequest('cancel', {}).errors.length).toBe(1);
    expect(validateRequest('inquiryRefund', {}).errors[0]?.message).toMatch(/refundRequestId or refundId/);
    expect(validateRequest('inquiryPayment', { paymentRequestId: 'A', paymentId: 'B' }).warnings[0]?.message).toMatch(/uses paymentId/);
  });

  it('passes unknown extra fields through without complaint', () => {
    expect(validateRequest('capture', capture({ currency: 'USD', value: '1' }, { isLastCapture: true, transit: { x: 1 } }))).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a body that is not an object', () => {
    expect(validateRequest('cancel', '["x"]').errors[0]?.message).toMatch(/JSON object/);
  });
});

describe('validateRequest: non-ASCII warnings', () => {
  it('warns (does not block) for Chinese characters in request IDs, references and the refund reason', () => {
    const report = validateRequest('refund', { refundRequestId: '退款-1', paymentId: 'P', referenceRefundId: '参考', refundReason: '顾客退货', refundAmount: { currency: 'CNY', value: '100' } });
    expect(report.errors).toEqual([]);
    expect(fields(report.warnings)).toEqual(['refundRequestId', 'referenceRefundId', 'refundReason']);
    expect(fields(validateRequest('createPaymentSession', { ...session, order: { referenceOrderId: '订单1' } }).warnings)).toEqual(['order.referenceOrderId']);
  });
});

describe('assertValidRequest', () => {
  it('throws VALIDATION_FAILED listing the fields, and says nothing was sent', () => {
    try {
      assertValidRequest('capture', capture({ currency: 'JPY', value: '1.5' }, { paymentId: '' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConsoleError);
      const e = error as ConsoleError;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.hint).toMatch(/nothing was sent/);
      expect(fields(e.details?.errors as { field: string }[]).sort()).toEqual(['captureAmount.value', 'paymentId']);
    }
  });
});
