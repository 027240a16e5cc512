import { describe, expect, it } from 'vitest';
import {
  ALL_CODE_ENTRIES,
  explainResultCode,
  explainSdkEventCode,
  findCodesInText,
  searchKnowledge,
} from '../../../src-shared/knowledge';

describe('code knowledge base data', () => {
  it('has at most one entry per code, scope and field, so lookups are unambiguous', () => {
    const seen = new Map<string, string>();
    for (const entry of ALL_CODE_ENTRIES) {
      for (const scope of entry.apis) {
        const key = `${entry.code}|${scope}|${entry.field}`;
        expect(seen.has(key), `duplicate ${key}`).toBe(false);
        seen.set(key, entry.meaning);
      }
    }
  });

  it('gives every entry a meaning, a concrete next action and a source', () => {
    for (const entry of ALL_CODE_ENTRIES) {
      expect(entry.meaning.length, entry.code).toBeGreaterThan(5);
      expect(entry.nextAction.length, entry.code).toBeGreaterThan(5);
      expect(entry.sources.length, entry.code).toBeGreaterThan(0);
    }
  });

  it('covers every code in the API tables of API-FACTS c', () => {
    const captureCodes = ['SUCCESS', 'ACCESS_DENIED', 'AUTH_CANCELLED', 'AUTH_EXPIRED', 'AUTH_NOT_FOUND', 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', 'CAPTURE_IN_PROCESS', 'CURRENCY_NOT_SUPPORT', 'MULTI_CAPTURE_NOT_SUPPORTED', 'INVALID_CONTRACT', 'NO_PAY_OPTIONS', 'ORDER_IS_CANCELED', 'ORDER_STATUS_INVALID', 'PARAM_ILLEGAL', 'PAYMENT_COUNT_EXCEED_LIMIT', 'PROCESS_FAIL', 'REPEAT_REQ_INCONSISTENT', 'RISK_REJECT', 'USER_AMOUNT_EXCEED_LIMIT', 'USER_BALANCE_NOT_ENOUGH', 'USER_NOT_EXIST', 'USER_STATUS_ABNORMAL', 'UNKNOWN_EXCEPTION'];
    const refundCodes = ['MERCHANT_BALANCE_NOT_ENOUGH', 'MULTIPLE_REFUNDS_NOT_SUPPORTED', 'ORDER_IS_CLOSED', 'REFUND_AMOUNT_EXCEED', 'REFUND_WINDOW_EXCEED', 'REFUND_IN_PROCESS', 'REFUND_NOT_SUPPORTED', 'PARTIAL_REFUND_NOT_SUPPORTED', 'PAYMENT_METHOD_NOT_SUPPORTED', 'ORDER_IS_CANCELED', 'INVALID_MERCHANT_STATUS'];
    for (const code of captureCodes) expect(explainResultCode(code, 'capture').match, code).not.toBe('unknown');
    for (const code of refundCodes) expect(explainResultCode(code, 'refund').match, code).not.toBe('unknown');
    expect(explainResultCode('CANCEL_WINDOW_EXCEED', 'cancel').match).toBe('api-specific');
  });
});

describe('explainResultCode', () => {
  it('returns the API-specific entry when there is one', () => {
    const capture = explainResultCode('CAPTURE_IN_PROCESS', 'capture');
    expect(capture.match).toBe('api-specific');
    expect(capture.resultStatus).toBe('U');
    expect(capture.retry).toBe('wait-for-notification');
    expect(capture.nextAction).toMatch(/notifyCapture/);
  });

  it('falls back to the common entry for codes every API shares', () => {
    const denied = explainResultCode('ACCESS_DENIED', 'capture');
    expect(denied.match).toBe('common');
    expect(denied.resultStatus).toBe('F');
    expect(explainResultCode('INVALID_SIGNATURE', 'refund').retry).toBe('fix-request');
  });

  it('says UNKNOWN_EXCEPTION means different things on capture, createPaymentSession and a Cashier payment result', () => {
    const capture = explainResultCode('UNKNOWN_EXCEPTION', 'capture');
    const session = explainResultCode('UNKNOWN_EXCEPTION', 'createPaymentSession');
    const paymentResult = explainResultCode('UNKNOWN_EXCEPTION', 'inquiryPayment', 'paymentResultCode');
    expect(capture.retry).toBe('same-request-id');
    expect(session.retry).toBe('inquire');
    expect(paymentResult.retry).toBe('new-request-id');
    expect(paymentResult.kind).toBe('payment-result');
    expect(capture.otherMeanings.length).toBeGreaterThan(1);
    expect(capture.note).toMatch(/new paymentRequestId/);
  });

  it('distinguishes ORDER_NOT_EXIST on inquiryRefund (wait 15 s) from cancel (wrong ID)', () => {
    expect(explainResultCode('ORDER_NOT_EXIST', 'inquiryRefund').nextAction).toMatch(/15 s/);
    expect(explainResultCode('ORDER_NOT_EXIST', 'cancel').retry).toBe('fix-request');
  });

  it('returns an "unknown code" entry that points at the Antom docs', () => {
    const unknown = explainResultCode('SOMETHING_NEW_2027', 'refund');
    expect(unknown.match).toBe('unknown');
    expect(unknown.nextAction).toMatch(/Antom/);
    expect(unknown.code).toBe('SOMETHING_NEW_2027');
  });

  it('is case- and whitespace-tolerant', () => {
    expect(explainResultCode(' refund_amount_exceed ', 'refund').code).toBe('REFUND_AMOUNT_EXCEED');
  });
});

describe('explainSdkEventCode', () => {
  it('explains status, error, payment-result and barely documented web codes', () => {
    expect(explainSdkEventCode('SDK_PAYMENT_PROCESSING').retry).toBe('inquire');
    expect(explainSdkEventCode('SDK_INIT_PARAMETER_ERROR').sdkGroup).toBe('error');
    expect(explainSdkEventCode('SDK_PAYMENT_CLICK_BACK_TO_MERCHANT').platforms).toEqual(['web']);
    expect(explainSdkEventCode('SDK_PAYMENT_SUCCESSFUL').nextAction).toMatch(/confirm/i);
    expect(explainSdkEventCode('SDK_WHATEVER').match).toBe('unknown');
  });
});

describe('findCodesInText', () => {
  it('finds every known code in a pasted JSON response, once, with the API taken from the path', () => {
    const log = 'POST /ams/api/v1/payments/capture -> {"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}} then {"resultCode":"UNKNOWN_EXCEPTION"} and CAPTURE_IN_PROCESS';
    const found = findCodesInText(log);
    expect(found.map((m) => m.code)).toEqual(['UNKNOWN_EXCEPTION', 'CAPTURE_IN_PROCESS']);
    expect(found[0]?.label).toBe('resultCode');
    expect(found[0]?.explanation.retry).toBe('same-request-id');
  });

  it('reads paymentResultCode and SDK event codes in the right context', () => {
    const found = findCodesInText('{"paymentStatus":"FAIL","paymentResultCode":"UNKNOWN_EXCEPTION"} onEventCallback code=SDK_PAYMENT_ERROR');
    expect(found[0]?.explanation.field).toBe('paymentResultCode');
    expect(found[0]?.explanation.retry).toBe('new-request-id');
    expect(found[1]?.explanation.kind).toBe('sdk-event');
  });

  it('explains dispute calls and notifyDispute values pasted from a log', () => {
    const found = findCodesInText('POST /ams/api/v1/payments/acceptDispute {"result":{"resultCode":"TIME_EXCEEDS_LIMIT"}} then {"disputeNotificationType":"DISPUTE_JUDGED","disputeJudgedResult":"ACCEPT_BY_MERCHANT"}');
    expect(found.map((m) => [m.code, m.explanation.match, m.explanation.field])).toEqual([
      ['TIME_EXCEEDS_LIMIT', 'api-specific', 'result'],
      ['DISPUTE_JUDGED', 'api-specific', 'disputeNotificationType'],
      ['ACCEPT_BY_MERCHANT', 'api-specific', 'disputeJudgedResult'],
    ]);
    expect(found[2]?.explanation.meaning).toMatch(/deducts/);
  });

  it('ignores upper-case words that are not codes', () => {
    expect(findCodesInText('HTTP_PROXY set, JSON parse FAILED, USD 1,000')).toEqual([]);
  });
});

describe('searchKnowledge', () => {
  it('ranks the exact code first and finds codes by words in their meaning', () => {
    expect(searchKnowledge('REFUND_IN_PROCESS')[0]?.entry.code).toBe('REFUND_IN_PROCESS');
    const byWords = searchKnowledge('refund window').map((h) => h.entry.code);
    expect(byWords).toContain('REFUND_WINDOW_EXCEED');
    expect(searchKnowledge('   ')).toEqual([]);
  });
});
