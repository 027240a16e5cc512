/**
 * Issue 8 §5 client rules against a real signed HTTP gateway (the fake Antom server on port 0):
 * REQUEST_TRAFFIC_EXCEED_LIMIT backs off longer and with jitter; ORDER_NOT_EXIST from an inquiry
 * right after a payment session is inquired again as Antom advises (15 s, 3 times) before it is
 * shown as final. Clock, sleep and the jitter source are injected, so every delay is exact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AntomClient, DEFAULT_RETRY_POLICY, InMemorySessionLookup, journalSessionLookup, trafficLimitDelayMs, type AntomClientOptions } from '../../../src-main/core/client';
import { antomResult, startFakeAntomServer, type FakeAntomServer } from '../../support/fake-antom-server';
import { tempJournal, type TempJournal } from '../journal/journal-fixtures';
import { clientFor, profileFor, usd } from './client-test-kit';

let server: FakeAntomServer;
beforeEach(async () => {
  server = await startFakeAntomServer();
});
afterEach(async () => {
  await server.close();
});

const limited = () => ({ body: antomResult('U', 'REQUEST_TRAFFIC_EXCEED_LIMIT') });
const notExist = () => ({ body: antomResult('F', 'ORDER_NOT_EXIST') });
const session = (paymentRequestId: string) => ({
  paymentRequestId,
  productCode: 'CASHIER_PAYMENT',
  order: { referenceOrderId: 'ORDER-1', orderAmount: usd('1000') },
  paymentAmount: usd('1000'),
  paymentMethod: { paymentMethodType: 'CARD' },
  paymentRedirectUrl: 'https://shop.example/return',
  settlementStrategy: { settlementCurrency: 'USD' },
});

/** A clock that the injected sleep advances, as real waiting would. */
function timed(options: AntomClientOptions = {}) {
  const state = { clock: 1_764_000_000_000, sleeps: [] as number[] };
  const kit = clientFor(server, {}, {
    now: () => state.clock,
    sleep: async (ms) => {
      state.sleeps.push(ms);
      state.clock += ms;
    },
    ...options,
  });
  return { ...kit, state };
}

/** A jitter source that replays the given values. */
const randomOf = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('REQUEST_TRAFFIC_EXCEED_LIMIT', () => {
  it('backs off over a longer window with jitter, past the general attempt limit, with the same request ID', async () => {
    server.enqueue(limited(), limited(), limited(), limited());
    const { client, state, records } = timed({ random: randomOf(0, 0.5, 1, 0.25) });
    const outcome = await client.refund({ refundRequestId: 'REF-RL', paymentId: 'P-1', refundAmount: usd('100') });
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.attempts).toBe(5);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeLessThan(5);
    // Steps 2, 4, 8, 16 s; each wait is half its step plus the random share of the other half.
    expect(state.sleeps).toEqual([1000, 3000, 8000, 10_000]);
    expect(new Set(server.requests.map((r) => (r.json as { refundRequestId: string }).refundRequestId))).toEqual(new Set(['REF-RL']));
    expect(server.requests.every((r) => r.signatureValid)).toBe(true);
    expect(records.map((r) => r.trigger)).toEqual(['user', 'retry', 'retry', 'retry', 'retry']);
    expect(outcome.warnings.join(' ')).toMatch(/rate limit: longer, jittered backoff/);
  });

  it('waits far longer than the general backoff, and reports U with the same-ID advice when the limit holds', async () => {
    server.enqueue(limited(), limited(), limited(), limited(), limited());
    const { client, state } = timed({ random: () => 0.5 });
    const outcome = await client.capture({ captureRequestId: 'CAP-RL', paymentId: 'P-1', captureAmount: usd('100') });
    expect(outcome.attempts).toBe(5);
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.explanation.retry).toBe('same-request-id');
    const limitedWindow = state.sleeps.reduce((a, b) => a + b, 0);
    expect(limitedWindow).toBe(1500 + 3000 + 6000 + 12_000);
    expect(limitedWindow).toBeGreaterThan(10 * (500 + 1000)); // the general policy waits 0.5 s then 1 s
    expect(outcome.warnings.join(' ')).toMatch(/still unknown after 5 attempts/);
  });

  it('keeps every jittered wait between half and all of its step, whatever the random source says', async () => {
    const policy = { maxAttempts: 5, baseDelayMs: 2000, maxDelayMs: 30_000 };
    for (const r of [0, 0.3, 0.999, -5, 7]) {
      for (const attempt of [1, 2, 3, 4, 6]) {
        const step = Math.min(30_000, 2000 * 2 ** (attempt - 1));
        const delay = trafficLimitDelayMs(policy, attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
    }
    expect(trafficLimitDelayMs(policy, 3, () => 0.1)).not.toBe(trafficLimitDelayMs(policy, 3, () => 0.9));
  });
});

describe('ORDER_NOT_EXIST right after a payment session', () => {
  it('inquires again every 15 s, up to 3 times, and returns the payment once Antom shows it', async () => {
    const { client, state, records } = timed();
    await client.createPaymentSession(session('PAY-NEW'));
    server.enqueue(notExist(), notExist());
    const outcome = await client.inquiryPayment({ paymentRequestId: 'PAY-NEW' });
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.attempts).toBe(3);
    expect(state.sleeps).toEqual([15_000, 15_000]);
    expect(server.requests.map((r) => r.api)).toEqual(['createPaymentSession', 'inquiryPayment', 'inquiryPayment', 'inquiryPayment']);
    const inquiries = records.filter((r) => r.api === 'inquiryPayment');
    expect(inquiries.map((r) => [r.trigger, r.resultCode])).toEqual([['user', 'ORDER_NOT_EXIST'], ['retry', 'ORDER_NOT_EXIST'], ['retry', 'SUCCESS']]);
    expect(new Set(inquiries.map((r) => r.callId)).size).toBe(1);
    expect(outcome.warnings.join(' ')).toMatch(/right after the payment session was created/);
  });

  it('shows ORDER_NOT_EXIST as final only after the 3 re-inquiries, and says so', async () => {
    const { client, state } = timed();
    await client.createPaymentSession(session('PAY-NEVER'));
    server.enqueue(notExist(), notExist(), notExist(), notExist(), { body: antomResult('S', 'SUCCESS') });
    const outcome = await client.inquiryPayment({ paymentRequestId: 'PAY-NEVER' });
    expect(outcome.resultStatus).toBe('F');
    expect(outcome.resultCode).toBe('ORDER_NOT_EXIST');
    expect(outcome.attempts).toBe(4);
    expect(state.sleeps).toEqual([15_000, 15_000, 15_000]);
    expect(outcome.warnings.join(' ')).toMatch(/Still ORDER_NOT_EXIST after 3 re-inquiries 15 s apart.*final/);
  });

  it('re-inquiries do not use up the retry budget for network failures', async () => {
    const { client, state } = timed();
    await client.createPaymentSession(session('PAY-FLAKY'));
    server.enqueue(notExist(), { drop: true }, { drop: true });
    const outcome = await client.inquiryPayment({ paymentRequestId: 'PAY-FLAKY' });
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.attempts).toBe(4);
    expect(state.sleeps).toEqual([15_000, 500, 1000]);
  });

  it('does not wait for an ID with no session, a session outside the window, or an inquiry by paymentId', async () => {
    const { client, state } = timed();
    server.enqueue(notExist());
    expect((await client.inquiryPayment({ paymentRequestId: 'NEVER-SEEN' })).attempts).toBe(1);

    await client.createPaymentSession(session('PAY-OLD'));
    state.clock += 61_000;
    server.enqueue(notExist());
    expect((await client.inquiryPayment({ paymentRequestId: 'PAY-OLD' })).attempts).toBe(1);

    await client.createPaymentSession(session('PAY-BY-ID'));
    server.enqueue(notExist());
    expect((await client.inquiryPayment({ paymentId: 'P-UNKNOWN', paymentRequestId: 'PAY-BY-ID' })).attempts).toBe(1);
    expect(state.sleeps).toEqual([]);
  });

  it('does not hold up a poller\'s inquiry: the poller asks again every 2 s by itself', async () => {
    const { client, state } = timed();
    await client.createPaymentSession(session('PAY-POLLED'));
    server.enqueue(notExist());
    const outcome = await client.inquiryPayment({ paymentRequestId: 'PAY-POLLED' }, { trigger: 'poller' });
    expect([outcome.resultCode, outcome.attempts]).toEqual(['ORDER_NOT_EXIST', 1]);
    expect(state.sleeps).toEqual([]);
  });

  it('does not count a refused (F) session as created', async () => {
    const { client, state } = timed();
    server.enqueue({ body: antomResult('F', 'PARAM_ILLEGAL') }, notExist());
    await client.createPaymentSession(session('PAY-REFUSED'));
    expect((await client.inquiryPayment({ paymentRequestId: 'PAY-REFUSED' })).attempts).toBe(1);
    expect(state.sleeps).toEqual([]);
  });

  it('the follow-up inquiry after an unknown session outcome waits the same way', async () => {
    const { client, state } = timed({ retry: { maxAttempts: 2 } });
    server.enqueue({ body: antomResult('U', 'UNKNOWN_EXCEPTION') }, { body: antomResult('U', 'UNKNOWN_EXCEPTION') }, notExist());
    const outcome = await client.createPaymentSession(session('PAY-U'));
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.inquiry?.ok).toBe(true);
    if (outcome.inquiry?.ok) expect(outcome.inquiry.outcome.resultCode).toBe('SUCCESS');
    expect(state.sleeps).toEqual([500, 15_000]);
  });

  it('knows a session created by an earlier client from the journal (a console builds a client per call)', async () => {
    let journal: TempJournal | undefined;
    try {
      journal = await tempJournal();
      const j = journal.journal;
      let clock = 1_764_000_000_000;
      const sleeps: number[] = [];
      const options: AntomClientOptions = { recorder: j.recorder(), now: () => clock, sleep: async (ms) => { sleeps.push(ms); clock += ms; }, sessions: journalSessionLookup(j) };
      await new AntomClient(profileFor(server), options).createPaymentSession(session('PAY-JOURNAL'));
      clock += 5_000;
      server.enqueue(notExist());
      const outcome = await new AntomClient(profileFor(server), options).inquiryPayment({ paymentRequestId: 'PAY-JOURNAL' });
      expect(outcome.resultStatus).toBe('S');
      expect(outcome.attempts).toBe(2);
      expect(sleeps).toEqual([15_000]);
      expect(await journalSessionLookup(j).sessionStartedAt('PAY-NOT-THERE')).toBeUndefined();
    } finally {
      await journal?.cleanup();
    }
  });

  it('a session lookup that fails does not turn the inquiry into an error', async () => {
    const broken = new InMemorySessionLookup();
    broken.sessionStartedAt = async () => {
      throw new Error('journal closed');
    };
    const { client } = timed({ sessions: broken });
    server.enqueue(notExist());
    const outcome = await client.inquiryPayment({ paymentRequestId: 'PAY-X' });
    expect([outcome.resultStatus, outcome.resultCode, outcome.attempts]).toEqual(['F', 'ORDER_NOT_EXIST', 1]);
  });
});
