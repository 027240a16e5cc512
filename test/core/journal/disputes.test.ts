/**
 * The journal's dispute view: notifyDispute bodies (verified, or rejected only for their type by
 * today's receiver) and dispute calls folded into one row per dispute, statuses from the newest
 * trustworthy word, deadlines, and the disputed funds in the payment's money summary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, notification, OK, tempJournal, type TempJournal } from './journal-fixtures';

let t: TempJournal;
beforeEach(async () => { t = await tempJournal(); });
afterEach(() => t.cleanup());

const PAYMENT = { paymentRequestId: 'PAY-D-1', paymentId: '2026112811000000001' };
const AMOUNT = { currency: 'USD', value: '4200' };

function disputeBody(type: string, extra: Record<string, unknown> = {}) {
  // notifyDispute carries no notifyType; the fixture files such bodies under UNKNOWN, as a receiver that does not know them does.
  return { ...PAYMENT, disputeId: 'DSP-1', disputeTime: '2026-11-28T10:00:00+00:00', disputeAmount: AMOUNT, disputeNotificationType: type,
    disputeReasonMsg: 'Merchandise/Services Not Received', disputeReasonCode: '13.1', disputeType: 'CHARGEBACK', defenseDueTime: '2026-12-05T10:00:00+00:00', ...extra } as unknown as { notifyType: string };
}

/** Each notifyDispute is its own event: the fixture's payment-based dedup key would merge them. */
function disputeNote(body: { notifyType: string }, at: string, overrides: Parameters<typeof notification>[2] = {}) {
  const b = body as unknown as { disputeId: string; disputeNotificationType: string; disputeJudgedResult?: string };
  return notification(body, at, { dedupKey: `DISPUTE|${b.disputeId}|${b.disputeNotificationType}|${b.disputeJudgedResult ?? ''}|${at}`, ...overrides });
}

async function seedPayment(): Promise<void> {
  await t.journal.recordCall(call('inquiryPayment', '2026-11-28T09:00:00.000Z', { paymentId: PAYMENT.paymentId }, { result: OK, ...PAYMENT, paymentStatus: 'SUCCESS', paymentAmount: AMOUNT }));
}

describe('listDisputes', () => {
  it('folds resent copies, ignores copies whose signature failed, and follows the dispute to its judgement', async () => {
    await seedPayment();
    const now = new Date('2026-11-29T00:00:00Z');
    await t.journal.storeNotification(disputeNote(disputeBody('DISPUTE_CREATED'), '2026-11-28T10:00:01.000Z', { verification: 'rejected', rejectReason: 'not-a-notification' }));
    await t.journal.storeNotification(disputeNote(disputeBody('DISPUTE_CREATED'), '2026-11-28T10:02:01.000Z', { verification: 'rejected', rejectReason: 'not-a-notification' }));
    // Signed with the wrong key: proves nothing, never shown.
    await t.journal.storeNotification(disputeNote(disputeBody('DISPUTE_JUDGED', { disputeJudgedResult: 'ACCEPT_BY_CUSTOMER' }), '2026-11-28T10:03:00.000Z', { verification: 'rejected', rejectReason: 'wrong-key' }));

    let [d] = await t.journal.disputes(now);
    expect(d).toMatchObject({ disputeId: 'DSP-1', paymentId: PAYMENT.paymentId, status: 'OPEN', actionable: true, reasonCode: '13.1', amount: { value: '4200', display: 'USD 42.00' } });
    expect(d!.history).toHaveLength(1);
    expect(d!.history[0]).toMatchObject({ what: 'DISPUTE_CREATED', copies: 2, verified: false });
    expect((await t.journal.timeline(PAYMENT.paymentId, now))!.money).toMatchObject({ disputeFrozen: { value: '4200' }, chargedBack: { value: '0' }, remaining: { value: '4200' } });

    await t.journal.recordCall(call('supplyDefenseDocument', '2026-11-28T11:00:00.000Z', { disputeId: 'DSP-1', disputeEvidence: '[document: 9 bytes]' }, { result: OK, disputeId: 'DSP-1', disputeResolutionTime: '2026-11-28T11:00:00+00:00' }));
    [d] = await t.journal.disputes(now);
    expect(d).toMatchObject({ status: 'DEFENDED', actionable: false, defenseSupplied: true });

    await t.journal.storeNotification(disputeNote(disputeBody('DISPUTE_JUDGED', { disputeJudgedResult: 'ACCEPT_BY_MERCHANT', disputeJudgedTime: '2026-11-30T11:00:00+00:00', disputeJudgedAmount: AMOUNT }), '2026-11-30T11:00:01.000Z'));
    [d] = await t.journal.disputes(now);
    expect(d).toMatchObject({ status: 'JUDGED', judgedResult: 'ACCEPT_BY_MERCHANT', judgedAmount: { value: '4200' } });
    expect(d!.history.map((h) => h.what)).toEqual(['DISPUTE_CREATED', 'supplyDefenseDocument', 'DISPUTE_JUDGED']);
    expect((await t.journal.timeline(PAYMENT.paymentId, now))!.money).toMatchObject({ disputeFrozen: { value: '0' }, chargedBack: { value: '4200' } });
  });

  it('an unanswered dispute past defenseDueTime is DEADLINE_PASSED and no longer actionable; a failed accept changes nothing', async () => {
    await t.journal.storeNotification(disputeNote(disputeBody('DISPUTE_CREATED'), '2026-11-28T10:00:01.000Z'));
    await t.journal.recordCall(call('acceptDispute', '2026-12-06T00:00:00.000Z', { disputeId: 'DSP-1' }, { result: { resultCode: 'TIME_EXCEEDS_LIMIT', resultStatus: 'F', resultMessage: 'late' } }));
    const [d] = await t.journal.disputes(new Date('2026-12-06T00:00:01Z'));
    expect(d).toMatchObject({ status: 'DEADLINE_PASSED', actionable: false });
    expect(d!.history.at(-1)!.summary).toBe('acceptDispute -> F TIME_EXCEEDS_LIMIT');
  });

  it('orders open disputes by deadline and puts closed ones after them', async () => {
    const now = new Date('2026-11-29T00:00:00Z');
    await t.journal.storeNotification(disputeNote({ ...disputeBody('DISPUTE_CREATED', { disputeId: 'LATE', defenseDueTime: '2026-12-09T00:00:00+00:00' }) }, '2026-11-28T10:00:00.000Z'));
    await t.journal.storeNotification(disputeNote({ ...disputeBody('DISPUTE_CREATED', { disputeId: 'SOON', defenseDueTime: '2026-11-30T00:00:00+00:00' }) }, '2026-11-28T10:00:01.000Z'));
    await t.journal.storeNotification(disputeNote({ ...disputeBody('DISPUTE_CREATED', { disputeId: 'GONE' }) }, '2026-11-28T10:00:02.000Z'));
    await t.journal.storeNotification(disputeNote({ ...disputeBody('DISPUTE_CANCELLED', { disputeId: 'GONE' }) }, '2026-11-28T10:00:03.000Z'));
    expect((await t.journal.disputes(now)).map((d) => [d.disputeId, d.status])).toEqual([['SOON', 'OPEN'], ['LATE', 'OPEN'], ['GONE', 'CANCELLED']]);
  });
});
