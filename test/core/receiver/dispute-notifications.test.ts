/**
 * notifyDispute and notifyDefenseDocument end to end (issue 8 §3): signed POSTs to the real
 * receiver, stored in a real journal, then read back the ways an operator looks for them:
 * by notify type, by disputeId ("any ID"), and on the disputed payment's timeline.
 * Bodies follow Antom's notifyDispute / notifyDefenseDocument references (field names and values).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import {
  DISPUTE_NOTIFICATION_TYPES, describeDisputeNotification, parseDefenseDocumentNotification, parseDisputeNotification, readDisputeNotification,
} from '../../../src-main/core/receiver/dispute-notification';
import { DISPUTE_JUDGED_RESULTS } from '../../../src-shared/vocabulary';
import { TEST_CLIENT_ID, antomTestPublicKey, paymentResultBody, sendNotification, signNotification } from '../../support/notification-sender';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';
let receiver: NotificationReceiver | undefined;
let fx: JournalFixture | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await fx?.cleanup();
  fx = undefined;
});

async function start(): Promise<string> {
  fx = await openTestJournal();
  const key = antomTestPublicKey();
  receiver = await startNotificationReceiver({ resolveVerifier: (id) => (id === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined), sink: fx.journal });
  return new URL(receiver.url).origin;
}

function disputeBody(type: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    paymentRequestId: 'req-PAY-D1',
    disputeId: 'DSP-2026-0001',
    paymentId: 'PAY-D1',
    disputeTime: '2026-11-23T09:00:00+08:00',
    disputeAmount: { value: '8000', currency: 'EUR' },
    disputeNotificationType: type,
    disputeReasonCode: '10.4',
    disputeReasonMsg: 'Other Fraud - Card Absent Environment',
    ...extra,
  });
}

const defenseDocumentBody = JSON.stringify({
  disputeId: 'DSP-2026-0001',
  notifyTime: '2026-11-24T10:15:00.000+08:00',
  defenseFile: { fileName: 'defense_letter.pdf', fileMd5: '5d41402abc4b2a76b9719d911017c592', fileFormat: 'PDF' },
  winRateLevel: 'HIGH',
  recommendedEvidence: { DELIVERY_PROOF: 'Add the carrier tracking page.' },
});

describe('dispute notification views', () => {
  it('reads every field of notifyDispute, in Antom\'s string form and the dispute guide\'s boolean form', async () => {
    const view = parseDisputeNotification(JSON.parse(disputeBody('DISPUTE_CREATED', { defenseDueTime: '2026-11-30T09:00:00+08:00', defendable: 'true', arn: '7424', disputeType: 'CHARGEBACK' })));
    expect(view).toMatchObject({
      kind: 'dispute', disputeId: 'DSP-2026-0001', paymentId: 'PAY-D1', paymentRequestId: 'req-PAY-D1', disputeNotificationType: 'DISPUTE_CREATED', knownNotificationType: true,
      disputeAmount: { value: '8000', currency: 'EUR' }, disputeReasonCode: '10.4', defenseDueTime: '2026-11-30T09:00:00+08:00', defendable: true, arn: '7424', disputeType: 'CHARGEBACK',
      disputeJudgedResult: undefined,
    });
    expect(parseDisputeNotification({ ...JSON.parse(disputeBody('DISPUTE_CREATED')), defendable: false })?.defendable).toBe(false);
    expect(describeDisputeNotification(view!)).toBe('dispute DSP-2026-0001 DISPUTE_CREATED, reason 10.4 (Other Fraud - Card Absent Environment), defend by 2026-11-30T09:00:00+08:00');
  });

  it('keeps a disputeNotificationType it does not know, marked as such', async () => {
    expect(parseDisputeNotification(JSON.parse(disputeBody('PRE_ARBITRATION')))).toMatchObject({ disputeNotificationType: 'PRE_ARBITRATION', knownNotificationType: false });
  });

  it('reads notifyDefenseDocument and tells the two kinds, and other bodies, apart', async () => {
    expect(parseDefenseDocumentNotification(JSON.parse(defenseDocumentBody))).toEqual({
      kind: 'defense-document', disputeId: 'DSP-2026-0001', notifyTime: '2026-11-24T10:15:00.000+08:00',
      defenseFile: { fileName: 'defense_letter.pdf', fileMd5: '5d41402abc4b2a76b9719d911017c592', fileFormat: 'PDF' },
      winRateLevel: 'HIGH', recommendedEvidence: { DELIVERY_PROOF: 'Add the carrier tracking page.' }, suggestionsForImprovement: undefined,
    });
    expect(readDisputeNotification(Buffer.from(defenseDocumentBody))?.kind).toBe('defense-document');
    expect(readDisputeNotification(disputeBody('DISPUTE_JUDGED'))?.kind).toBe('dispute');
    expect(readDisputeNotification(paymentResultBody('P'))).toBeUndefined();
    expect(readDisputeNotification('not json')).toBeUndefined();
    expect(parseDisputeNotification({ disputeNotificationType: 'DISPUTE_CREATED' })).toBeUndefined(); // no disputeId
  });
});

describe('the receiver takes dispute notifications', () => {
  it('stores and acknowledges every disputeNotificationType and each judged result, typed NOTIFY_DISPUTE', async () => {
    const origin = await start();
    const sends = [
      ...DISPUTE_NOTIFICATION_TYPES.filter((t) => t !== 'DISPUTE_JUDGED').map((t) => disputeBody(t, t === 'DISPUTE_CREATED' || t === 'DEFENSE_DUE_ALERT' ? { defenseDueTime: '2026-11-30T09:00:00+08:00' } : {})),
      ...DISPUTE_JUDGED_RESULTS.map((r) => disputeBody('DISPUTE_JUDGED', { disputeJudgedResult: r, disputeJudgedTime: '2026-12-05T09:00:00+08:00', disputeJudgedAmount: { value: '7000', currency: 'EUR' } })),
    ];
    const ids: number[] = [];
    for (const body of sends) {
      const res = await sendNotification(origin, signNotification({ path: PATH, body }));
      expect(res.status, body).toBe(200);
      expect(res.body).toBe(ACKNOWLEDGEMENT_BODY);
      ids.push(res.notificationId!);
    }
    expect(new Set(ids).size).toBe(sends.length); // each event is its own record
    const stored = (await fx!.journal.listNotifications({ notifyType: 'NOTIFY_DISPUTE' }, { limit: 100 })).items;
    expect(stored).toHaveLength(sends.length);
    expect(stored.every((n) => n.verification === 'verified' && n.acknowledged && n.disputeId === 'DSP-2026-0001' && n.paymentId === 'PAY-D1')).toBe(true);
    expect(stored.map((n) => n.status).sort()).toEqual([...DISPUTE_NOTIFICATION_TYPES.filter((t) => t !== 'DISPUTE_JUDGED'), ...DISPUTE_JUDGED_RESULTS.map(() => 'DISPUTE_JUDGED')].sort());
    // The judged amount (what was charged back) is the amount of a DISPUTE_JUDGED record.
    expect(stored.find((n) => n.status === 'DISPUTE_JUDGED')?.amount).toEqual({ value: '7000', currency: 'EUR' });
    expect(stored.find((n) => n.status === 'DISPUTE_CREATED')?.amount).toEqual({ value: '8000', currency: 'EUR' });
    // Antom's resend of one event is an attempt of it, acknowledged again.
    const resend = await sendNotification(origin, signNotification({ path: PATH, body: sends[0]! }));
    expect(resend).toMatchObject({ status: 200, notificationId: ids[0] });
  });

  it('takes notifyDefenseDocument, finds both kinds by disputeId, and puts them on the payment timeline', async () => {
    const origin = await start();
    const payment = await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-D1', { paymentRequestId: 'req-PAY-D1' }) }));
    expect(payment.status).toBe(200);
    const created = await sendNotification(origin, signNotification({ path: PATH, body: disputeBody('DISPUTE_CREATED', { defenseDueTime: '2026-11-30T09:00:00+08:00' }) }));
    const doc = await sendNotification(origin, signNotification({ path: PATH, body: defenseDocumentBody }));
    expect([created.status, doc.status]).toEqual([200, 200]);
    const journal = fx!.journal;
    expect(await journal.getNotification(doc.notificationId!)).toMatchObject({ notifyType: 'NOTIFY_DEFENSE_DOCUMENT', disputeId: 'DSP-2026-0001', acknowledged: true, unrecognised: null });

    const found = await journal.findById('DSP-2026-0001');
    // The disputeId resolves to its payment, then to all of that payment's notifications.
    expect(found.notifications.map((n) => n.id).sort()).toEqual([payment.notificationId, created.notificationId, doc.notificationId].sort());
    expect(found.payments).toEqual([{ paymentRequestId: 'req-PAY-D1', paymentId: 'PAY-D1' }]);

    // The payment's timeline shows the dispute in its own words, and so does the dispute's (same payment).
    const timeline = (await journal.timeline('PAY-D1'))!;
    const disputeEvent = timeline.events.find((e) => e.ref === created.notificationId);
    expect(disputeEvent).toMatchObject({ kind: 'notification', notifyType: 'NOTIFY_DISPUTE', status: 'DISPUTE_CREATED', verification: 'verified', acknowledged: true });
    expect(disputeEvent!.summary).toContain('DISPUTE_CREATED, reason 10.4');
    expect(disputeEvent!.summary).toContain('defend by 2026-11-30T09:00:00+08:00');
    expect(timeline.events.find((e) => e.ref === doc.notificationId)?.summary).toContain('defense document ready for dispute DSP-2026-0001 (defense_letter.pdf, PDF)');
    // A dispute does not change what the payment itself says it is.
    expect(timeline.state).toBe((await journal.timeline('req-PAY-D1'))!.state);
    expect((await journal.timeline('DSP-2026-0001'))!.paymentIds).toEqual(['PAY-D1']);
  });

  it('an unsigned dispute notification is still rejected (verification comes first)', async () => {
    const origin = await start();
    const forged = signNotification({ path: PATH, body: disputeBody('DISPUTE_JUDGED', { disputeJudgedResult: 'ACCEPT_BY_CUSTOMER' }) });
    const res = await sendNotification(origin, { ...forged, headers: { ...forged.headers, signature: 'algorithm=RSA256,keyVersion=1,signature=AAAA' } });
    expect(res.status).toBe(401);
    expect(await fx!.journal.getNotification(res.notificationId!)).toMatchObject({ verification: 'rejected', acknowledged: false, notifyType: 'NOTIFY_DISPUTE', disputeId: 'DSP-2026-0001' });
  });
});
