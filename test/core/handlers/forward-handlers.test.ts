/**
 * resendForward through the handler table, as every door calls it: the contract's input check,
 * a re-send from now as a new round, and read-only profiles refused like other writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACK, OK, notification } from '../journal/journal-fixtures';
import { startKit, type HandlerKit } from './handler-kit';

const TARGET = 'http://127.0.0.1:9/backend';
let kit: HandlerKit;
let id: number;

beforeAll(async () => {
  kit = await startKit({ startEmbeddedSandbox: false, startReceiver: false });
  const journal = kit.core.journal;
  const ref = await journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: OK, paymentRequestId: 'PR-H1', paymentId: 'PAY-H1' }, '2026-11-30T08:00:00.000Z'), ACK, { forwardTo: TARGET });
  id = ref.id;
  let at = new Date(Date.now() + 1000);
  for (let send = 1; send <= 8; send++) {
    const [job] = await journal.claimDueForwards({ target: TARGET, now: at });
    await journal.recordForwardAttempt(job!, { sentAt: at.toISOString(), httpStatus: 502, answerBody: 'bad gateway', error: null, latencyMs: 4 });
    at = new Date(at.getTime() + 86_400_000);
  }
});
afterAll(async () => kit.close());

describe('resendForward', () => {
  it('shows a given-up forward in the detail and re-queues it from now as a new round', async () => {
    const detail = await kit.ok('getNotification', { id });
    expect(detail.forwardState).toBe('given-up');
    expect(detail.forwards[0]).toMatchObject({ target: TARGET, state: 'given-up', attemptsMade: 8 });
    const before = Date.now();
    const [forward] = await kit.ok('resendForward', { id });
    expect(forward).toMatchObject({ state: 'pending', round: 2, attemptsMade: 0 });
    expect(Date.parse(forward!.nextAttemptAt!)).toBeGreaterThanOrEqual(before - 5);
  });

  it('is refused for a read-only profile, and for ids that are not there or not valid', async () => {
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: true });
    const refused = await kit.fails('resendForward', { id });
    expect(refused.code).toBe('READ_ONLY');
    expect((await kit.core.journal.forwardStatus(id))[0]!.round).toBe(2); // nothing changed
    await kit.ok('setProfileReadOnly', { name: 'Embedded sandbox', readOnly: false });
    expect((await kit.fails('resendForward', { id: 999_999 })).code).toBe('NOT_FOUND');
    expect((await kit.fails('resendForward', { id: 0 })).code).toBe('VALIDATION_FAILED');
  });
});
