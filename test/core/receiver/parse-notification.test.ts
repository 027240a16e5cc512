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

  it('only bytes that are not a JSON object are not a notification at all', () => {
    expect(parse('{"notifyType":')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(parse([1, 2])).toMatchObject({ ok: false, reason: 'not-a-notification' });
    expect(parse('"PAYMENT_RESULT"')).toMatchObject({ ok: false, reason: 'not-a-notification' });
  });

  it('a JSON object it cannot read is an UNKNOWN notification that says precisely why, with the IDs found', () => {
    const unknown = (body: unknown, why: string) => expect(parse(body)).toMatchObject({ ok: true, notification: { notifyType: 'UNKNOWN', status: undefined, unrecognised: expect.stringContaining(why), dedupKey: expect.stringMatching(/^UNKNOWN\|[0-9a-f]{64}$/) } });
    unknown({ result: ok, paymentId: 'P' }, 'no notifyType');
    unknown({ notifyType: 'PAYMENT_RESULT', paymentId: 'P' }, 'resultStatus');
    unknown({ notifyType: 'CAPTURE_RESULT', result: ok, paymentId: 'P' }, 'captureId or captureRequestId');
    unknown({ notifyType: 'PAYMENT_RESULT', result: { resultStatus: 'X' }, paymentId: 'P' }, 'unknown status');
    unknown({ notifyType: 'NOTIFY_SOMETHING_NEW', result: ok, paymentId: 'P' }, '"NOTIFY_SOMETHING_NEW"');
    expect(parse({ notifyType: 'CAPTURE_RESULT', result: ok, paymentId: 'P' })).toMatchObject({ notification: { ids: { paymentId: 'P' }, resultStatus: 'S', resultCode: 'SUCCESS' } });
    // The same bytes fold into one record (Antom's resends); different bytes do not.
    const a = parse({ notifyType: 'X', n: 1 });
    const b = parse({ notifyType: 'X', n: 1 });
    const c = parse({ notifyType: 'X', n: 2 });
    expect(a.ok && b.ok && c.ok && a.notification.dedupKey === b.notification.dedupKey && a.notification.dedupKey !== c.notification.dedupKey).toBe(true);
  });
});
