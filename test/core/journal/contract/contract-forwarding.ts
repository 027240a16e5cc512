/**
 * Contract: the relay's outbox (`listen --forward-to URL`). Queued with the notification in one
 * transaction and once per notification and target; claims leased so two receivers never send the
 * same row at once; Antom's schedule after each failed send; given up after the 8th; accepted =
 * 2xx unless the body is an Antom result that is not S; re-send as a new round.
 */
import { describe, expect, it } from 'vitest';
import type { ForwardAttemptInput, ForwardJob } from '../../../../src-main/core/journal/forward-outbox';
import { ANTOM_RETRY_INTERVALS_MS } from '../../../../src-main/core/journal/retry-schedule';
import { ACK, OK, notification } from '../journal-fixtures';
import type { ContractContext } from './journal-contract';

const TARGET = 'http://127.0.0.1:9/backend/notify';

const paid = (paymentId: string, extra: Record<string, unknown> = {}) => ({
  notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: `PR-${paymentId}`, paymentId, paymentAmount: { value: '500', currency: 'USD' }, ...extra,
});

const later = (ms = 1000): Date => new Date(Date.now() + ms);

function failed(sentAt: Date, httpStatus: number | null = 503): ForwardAttemptInput {
  return { sentAt: sentAt.toISOString(), httpStatus, answerBody: httpStatus === null ? null : 'backend down for maintenance', error: httpStatus === null ? 'ECONNREFUSED: connect ECONNREFUSED' : null, latencyMs: 3 };
}

export function forwardingContract(ctx: ContractContext): void {
  describe('the relay outbox (--forward-to)', () => {
    it('queues each verified notification once, with its row, and never a rejected one or a resend', async () => {
      const first = notification(paid('F-1'), '2026-03-05T01:00:00.000Z');
      const rejected = notification(paid('F-X'), '2026-03-05T01:00:01.000Z', { verification: 'rejected', rejectReason: 'wrong-key', dedupKey: undefined });
      const [a, b, r] = await ctx.journal.storeNotifications([first, { ...first, receivedAt: '2026-03-05T01:00:02.000Z' }, rejected], [ACK, ACK, undefined], { forwardTo: TARGET });
      expect(b!.duplicateOf).toBe(a!.id);
      await ctx.reopen(); // the outbox row was committed with the notification
      expect(await ctx.journal.outboxDepth()).toBe(1);
      const [status] = await ctx.journal.forwardStatus(a!.id);
      expect(status).toMatchObject({ target: TARGET, state: 'pending', round: 1, attemptsMade: 0, maxAttempts: 8, deliveredAt: null, attempts: [] });
      expect(status!.nextAttemptAt).toBe(status!.createdAt); // the first send is due at once (0 s)
      expect(await ctx.journal.forwardStatus(r!.id)).toEqual([]);
      const listed = (await ctx.journal.listNotifications()).items;
      expect(listed.find((n) => n.id === a!.id)!.forwardState).toBe('pending');
      expect(listed.find((n) => n.id === r!.id)!.forwardState).toBeNull();
      expect((await ctx.journal.getNotification(a!.id))!.forwards).toHaveLength(1);

      // Antom resends it later, to this or another receiver: an attempt of the first, not a second forward.
      await ctx.journal.storeNotification({ ...first, receivedAt: '2026-03-05T01:02:00.000Z' }, ACK, { forwardTo: TARGET });
      const other = await ctx.second();
      await other.storeNotification({ ...first, receivedAt: '2026-03-05T01:12:00.000Z' }, ACK, { forwardTo: TARGET });
      expect(await ctx.journal.outboxDepth()).toBe(1);
      expect(await ctx.journal.enqueueForward(a!.id, TARGET)).toBe(false);
      await expect(ctx.journal.enqueueForward(r!.id, TARGET)).rejects.toMatchObject({ code: 'FORWARD_REFUSED' });
      // Stored without --forward-to: nothing is queued.
      const quiet = await ctx.journal.storeNotification(notification(paid('F-2'), '2026-03-05T01:00:03.000Z'), ACK);
      expect(await ctx.journal.forwardStatus(quiet.id)).toEqual([]);
    });

    it('hands a claim the exact bytes and Antom\'s headers, and leases it until the send is recorded', async () => {
      const plain = notification(paid('F-3'), '2026-03-05T02:00:00.000Z');
      const masked = notification(paid('F-4', { buyerEmail: 'kim@example.kr', cardholderName: 'Kim Min' }), '2026-03-05T02:00:01.000Z');
      const [p, m] = await ctx.journal.storeNotifications([plain, masked], [ACK, ACK], { forwardTo: TARGET });
      expect((await ctx.journal.getNotification(m!.id))!.bodyExact).toBe(false);
      const now = later();
      const jobs = await ctx.journal.claimDueForwards({ target: TARGET, now, leaseMs: 60_000 });
      expect(jobs.map((j) => j.notificationId)).toEqual([p!.id, m!.id]);
      expect(jobs[0]!.body.equals(plain.rawBody)).toBe(true);
      // The backend verifies Antom's signature over the bytes Antom sent, not the masked copy.
      expect(jobs[1]!.body.equals(masked.rawBody)).toBe(true);
      expect(jobs[0]!.headers).toEqual({ signature: plain.headers.signature, 'client-id': plain.headers['client-id'], 'request-time': plain.headers['request-time'], 'content-type': 'application/json' });
      expect(jobs[0]).toMatchObject({ target: TARGET, round: 1, attempt: 1 });

      expect(await ctx.journal.claimDueForwards({ target: TARGET, now })).toEqual([]); // leased
      expect(await ctx.journal.claimDueForwards({ target: 'http://127.0.0.1:9/other', now: later(120_000) })).toEqual([]); // another receiver's target
      const expired = await ctx.journal.claimDueForwards({ target: TARGET, now: new Date(now.getTime() + 61_000) });
      expect(expired.map((j) => j.notificationId)).toEqual([p!.id, m!.id]); // a worker that died mid-send only delays them

      // Accepted: the exact bytes kept for the masked body are dropped again.
      expect(await ctx.journal.recordForwardAttempt(expired[1]!, { ...failed(now, 200), answerBody: ACK.body })).toBe('delivered');
      expect((await ctx.journal.forwardStatus(m!.id))[0]).toMatchObject({ state: 'delivered', deliveredAt: now.toISOString(), nextAttemptAt: null, attemptsMade: 1 });
    });

    it('retries on Antom\'s schedule, records every send, and gives up after the 8th', async () => {
      const ref = await ctx.journal.storeNotification(notification(paid('F-5'), '2026-03-05T03:00:00.000Z'), ACK, { forwardTo: TARGET });
      let at = later();
      for (let send = 1; send <= 8; send++) {
        const [job] = await ctx.journal.claimDueForwards({ target: TARGET, now: at });
        expect(job, `send ${send} is due at ${at.toISOString()}`).toMatchObject({ notificationId: ref.id, attempt: send, round: 1 });
        // Not due a millisecond early.
        if (send > 1) expect(await ctx.journal.claimDueForwards({ target: TARGET, now: new Date(at.getTime() - 1), leaseMs: 1 })).toEqual([]);
        const state = await ctx.journal.recordForwardAttempt(job!, failed(at, send % 2 === 0 ? null : 503));
        const [status] = await ctx.journal.forwardStatus(ref.id);
        if (send < 8) {
          expect(state).toBe('pending');
          const next = new Date(at.getTime() + ANTOM_RETRY_INTERVALS_MS[send]!);
          expect(status!.nextAttemptAt).toBe(next.toISOString());
          at = next;
        } else {
          expect(state).toBe('given-up');
          expect(status).toMatchObject({ state: 'given-up', nextAttemptAt: null, attemptsMade: 8 });
        }
      }
      const [status] = await ctx.journal.forwardStatus(ref.id);
      expect(status!.attempts.map((a) => [a.attempt, a.httpStatus, a.accepted])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [n, n % 2 === 0 ? null : 503, false]));
      expect(status!.attempts[0]).toMatchObject({ answerExcerpt: 'backend down for maintenance', error: null, latencyMs: 3 });
      expect(status!.attempts[1]).toMatchObject({ answerExcerpt: null, error: expect.stringContaining('ECONNREFUSED') });
      expect(await ctx.journal.outboxDepth()).toBe(0);
      expect(await ctx.journal.claimDueForwards({ target: TARGET, now: later(86_400_000 * 2) })).toEqual([]);
      expect((await ctx.journal.listNotifications()).items[0]).toMatchObject({ id: ref.id, forwardState: 'given-up' });
    });

    it('counts a 2xx as accepted unless it is an Antom result that is not S', async () => {
      const ref = await ctx.journal.storeNotification(notification(paid('F-6'), '2026-03-05T04:00:00.000Z'), ACK, { forwardTo: TARGET });
      const now = later();
      const [job] = await ctx.journal.claimDueForwards({ target: TARGET, now });
      const refusal = '{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F","resultMessage":"try later"}}';
      expect(await ctx.journal.recordForwardAttempt(job!, { ...failed(now, 200), answerBody: refusal })).toBe('pending');
      const [second] = await ctx.journal.claimDueForwards({ target: TARGET, now: later(2 * 60_000 + 1000) });
      expect(await ctx.journal.recordForwardAttempt(second!, { ...failed(now, 204), answerBody: '' })).toBe('delivered');
      expect(await ctx.journal.outboxDepth()).toBe(0);
      await expect(ctx.journal.resendForward(ref.id)).rejects.toMatchObject({ code: 'FORWARD_REFUSED' });
    });

    it('re-sends a forward the backend never accepted as a new round, due now; a send of the old round no longer decides', async () => {
      const ref = await ctx.journal.storeNotification(notification(paid('F-7'), '2026-03-05T05:00:00.000Z'), ACK, { forwardTo: TARGET });
      let at = later();
      for (let send = 1; send <= 8; send++) {
        const [job] = await ctx.journal.claimDueForwards({ target: TARGET, now: at });
        await ctx.journal.recordForwardAttempt(job!, failed(at), { timeScale: 0.001 });
        at = new Date(at.getTime() + 1_000_000);
      }
      expect((await ctx.journal.forwardStatus(ref.id))[0]!.state).toBe('given-up');
      const resendAt = later(5000);
      const [resent] = await ctx.journal.resendForward(ref.id, resendAt);
      expect(resent).toMatchObject({ state: 'pending', round: 2, attemptsMade: 0, nextAttemptAt: resendAt.toISOString() });
      expect(resent!.attempts).toHaveLength(8); // the first round's sends stay on record
      expect(await ctx.journal.outboxDepth()).toBe(1);
      expect((await ctx.journal.listNotifications()).items[0]!.forwardState).toBe('pending');
      const [job] = await ctx.journal.claimDueForwards({ target: TARGET, now: resendAt });
      expect(job).toMatchObject({ round: 2, attempt: 1 });

      // Re-sent again while that send is out: the late answer is kept but the row is the new round's.
      await ctx.journal.resendForward(ref.id, resendAt);
      expect(await ctx.journal.recordForwardAttempt(job!, { ...failed(resendAt, 200), answerBody: 'ok' })).toBe('pending');
      expect((await ctx.journal.forwardStatus(ref.id))[0]).toMatchObject({ state: 'pending', round: 3, attemptsMade: 0 });

      const never = await ctx.journal.storeNotification(notification(paid('F-8'), '2026-03-05T05:00:01.000Z'), ACK);
      await expect(ctx.journal.resendForward(never.id)).rejects.toMatchObject({ code: 'FORWARD_REFUSED' });
    });

    it('never hands one row to two receivers claiming at the same time', async () => {
      const batch = Array.from({ length: 24 }, (_, i) => notification(paid(`F-C${i}`), `2026-03-05T06:00:${String(i).padStart(2, '0')}.000Z`));
      await ctx.journal.storeNotifications(batch, batch.map(() => ACK), { forwardTo: TARGET });
      const other = await ctx.second();
      const now = later();
      const claimed: ForwardJob[] = [];
      const claimer = async (journal: typeof other): Promise<void> => {
        for (;;) {
          const jobs = await journal.claimDueForwards({ target: TARGET, now, limit: 3 });
          if (jobs.length === 0) return;
          claimed.push(...jobs);
        }
      };
      await Promise.all([claimer(ctx.journal), claimer(other), claimer(ctx.journal), claimer(other)]);
      const ids = claimed.map((j) => j.outboxId);
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
    });
  });
}
