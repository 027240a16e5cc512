import { describe, expect, it } from 'vitest';
import { parseNotificationBody } from '../../../src-main/core/receiver/parse-notification';

const parse = (body: unknown) => parseNotificationBody(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
const ok = { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' };

describe('parseNotificationBody', () => {
  it('PAYMENT_PENDING is PENDING whatever result says, and keys apart from the final result', () => {
    const pending = parse({ notifyType: 'PAYMENT_PENDING', result: ok, paymentRequestId: 'R1', paymentId: 'P1', paymentAmount: { value: '100', currency: 'USD' } });
    expect(pending).toMatchObject({ ok: true, notification: { status: 'PENDING', dedupKey: 'PAYMENT_PENDING|P1|PENDING', amountValue: '100' } });
  });

  it('keys on Antom\'s ID, falling back to the merchant request ID', () => {
    expect(parse({ notifyType: 'PAYMENT_RESULT', result: ok, paymentRequestId: 'R2' })).toMatchObject({ ok: true, notification: { dedupKey: 'PAYMENT_RESULT|R2|SUCCESS' } });
    expect(parse({ notifyType: 'CAPTURE_RESULT', result: { resultStatus: 'F', resultCode: 'AUTH_EXPIRED' }, captureRequestId: 'C', captureId: 'CID', paymentId: 'P' }))
      .toMatchObject({ ok: true, notification: { status: 'FAIL', dedupKey: 'CAPTURE_RESULT|CID|FAIL', resultCode: 'AUTH_EXPIRED' } });
  });

  it('notifyRefund uses refundStatus, not the call result', () => {
    expect(parse({ notifyType: 'REFUND_RESULT', result: ok, refundStatus: 'FAIL', refundId: 'RF' })).toMatchObject({ ok: true, notification: { status: 'FAIL' } });
    expect(parse({ notifyType: 'REFUND_RESULT', result: ok, refundId: 'RF' })).toMatchObject({ ok: true, notification: { status: 'SUCCESS' } });
  });

  it('says precisely why a body is not a notification', () => {
    expect(parse('{"notifyType":')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parse([1, 2])).toMatchObject({ ok: false, reason: 'not-a-notification' });
    expect(parse({ result: ok, paymentId: 'P' })).toMatchObject({ ok: false, reason: 'not-a-notification', detail: expect.stringContaining('no notifyType') });
    expect(parse({ notifyType: 'PAYMENT_RESULT', paymentId: 'P' })).toMatchObject({ ok: false, detail: expect.stringContaining('resultStatus') });
    expect(parse({ notifyType: 'CAPTURE_RESULT', result: ok, paymentId: 'P' })).toMatchObject({ ok: false, detail: expect.stringContaining('captureId or captureRequestId'), partial: { ids: { paymentId: 'P' } } });
    expect(parse({ notifyType: 'PAYMENT_RESULT', result: { resultStatus: 'X' }, paymentId: 'P' })).toMatchObject({ ok: false, detail: expect.stringContaining('unknown status') });
  });
});
