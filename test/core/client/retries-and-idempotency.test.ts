import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryRequestIdLedger } from '../../../src-main/core/client';
import { ConsoleError } from '../../../src-shared/errors';
import { antomResult, startFakeAntomServer, type FakeAntomServer } from '../../support/fake-antom-server';
import { clientFor, usd } from './client-test-kit';

let server: FakeAntomServer;
beforeEach(async () => {
  server = await startFakeAntomServer();
});
afterEach(async () => {
  await server.close();
});

const captureOf = (value: string) => ({ paymentId: 'P-1', captureAmount: usd(value) });

describe('retries within one call', () => {
  it('retries a dropped connection with the same request ID and body, re-signed with a new request-time', async () => {
    server.enqueue({ drop: true });
    let clock = 1_700_000_000_000;
    const { client, records, sleeps } = clientFor(server, {}, { now: () => (clock += 1000) });
    const outcome = await client.capture({ captureRequestId: 'CAP-1', ...captureOf('100') });
    expect(outcome.attempts).toBe(2);
    expect(outcome.resultStatus).toBe('S');
    const [first, second] = server.requests;
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(second!.headers['request-time']).not.toBe(first!.headers['request-time']);
    expect(second!.signatureValid).toBe(true);
    expect(sleeps).toEqual([500]);
    expect(records.map((r) => [r.attempt, r.trigger, r.errorCode])).toEqual([[1, 'user', 'NETWORK_ERROR'], [2, 'retry', undefined]]);
    expect(new Set(records.map((r) => r.callId)).size).toBe(1);
  });

  it('a capture whose response is dropped after it was applied is retried and captured once', async () => {
    server.enqueue((req, s) => ({ ...s.defaultReply(req), drop: true }));
    const { client } = clientFor(server);
    const outcome = await client.capture(captureOf('700'));
    expect(server.requests).toHaveLength(2);
    expect(server.captures.size).toBe(1);
    expect(outcome.response.captureId).toBe('C-1');
  });

  it('retries HTTP 5xx and U results with bounded exponential backoff, then reports U', async () => {
    // REQUEST_TRAFFIC_EXCEED_LIMIT has its own, longer backoff (rate-limit-and-session.test.ts).
    server.enqueue({ status: 502, body: 'Bad Gateway' }, { body: antomResult('U', 'UNKNOWN_EXCEPTION') }, { body: antomResult('U', 'UNKNOWN_EXCEPTION') }, { body: antomResult('U', 'UNKNOWN_EXCEPTION') });
    const { client, sleeps } = clientFor(server, {}, { retry: { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 2500 } });
    const outcome = await client.refund({ refundRequestId: 'REF-9', paymentId: 'P-1', refundAmount: usd('100') });
    expect(outcome.attempts).toBe(4);
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.explanation.retry).toBe('same-request-id');
    expect(sleeps).toEqual([1000, 2000, 2500]);
    expect(new Set(server.requests.map((r) => (r.json as { refundRequestId: string }).refundRequestId))).toEqual(new Set(['REF-9']));
    expect(outcome.warnings.join(' ')).toMatch(/still unknown after 4 attempts/);
  });

  it('does not resend *_IN_PROCESS: it says to wait for the notification', async () => {
    server.enqueue({ body: antomResult('U', 'CAPTURE_IN_PROCESS') });
    const { client } = clientFor(server);
    const outcome = await client.capture(captureOf('100'));
    expect(outcome.attempts).toBe(1);
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.explanation.retry).toBe('wait-for-notification');
  });

  it('does not retry an F answer', async () => {
    server.enqueue({ body: antomResult('F', 'CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT') });
    const { client } = clientFor(server);
    const outcome = await client.capture(captureOf('100'));
    expect(outcome.attempts).toBe(1);
    expect(outcome.resultStatus).toBe('F');
    expect(outcome.explanation.nextAction).toMatch(/remaining authorised amount/);
  });

  it('times out a silent gateway and throws TIMEOUT with the request ID to reuse', async () => {
    server.enqueue({ delayMs: 400 }, { delayMs: 400 });
    const { client, records } = clientFor(server, { timeoutMs: 100 }, { retry: { maxAttempts: 2 } });
    const error = (await client.capture({ captureRequestId: 'CAP-T', ...captureOf('100') }).catch((e: unknown) => e)) as ConsoleError;
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error.code).toBe('TIMEOUT');
    expect(error.details).toMatchObject({ requestId: 'CAP-T', requestIdField: 'captureRequestId', attempts: 2 });
    expect(error.details?.callId).toBe(records[0]!.callId);
    expect(error.hint).toMatch(/SAME captureRequestId CAP-T/);
    expect(records.map((r) => r.errorCode)).toEqual(['TIMEOUT', 'TIMEOUT']);
  });

  it('throws NETWORK_ERROR when nothing listens', async () => {
    const url = server.baseUrl;
    await server.close();
    const { client } = clientFor(server, { baseUrl: url }, { retry: { maxAttempts: 2 } });
    const error = (await client.inquiryPayment({ paymentId: 'P-1' }).catch((e: unknown) => e)) as ConsoleError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toMatch(/refused/);
    server = await startFakeAntomServer(); // afterEach closes it
  });
});

describe('request IDs across calls (the ledger)', () => {
  it('reuses the request ID of a capture whose outcome stayed unknown, and mints a new one only after a final answer', async () => {
    const ledger = new InMemoryRequestIdLedger();
    const { client } = clientFor(server, {}, { ledger, retry: { maxAttempts: 1 } });
    server.enqueue({ body: antomResult('U', 'UNKNOWN_EXCEPTION') });
    const first = await client.capture(captureOf('300'));
    expect(first.resultStatus).toBe('U');
    const firstId = first.requestIds.captureRequestId!;

    const second = await client.capture(captureOf('300'));
    expect(second.requestIds.captureRequestId).toBe(firstId);
    expect(second.resultStatus).toBe('S');
    expect(second.warnings[0]).toMatch(/Reused captureRequestId/);

    const third = await client.capture(captureOf('300'));
    expect(third.requestIds.captureRequestId).not.toBe(firstId);
    expect(server.captures.size).toBe(2);
  });

  it('mints a new refund ID after a final F, and keeps it after a network failure', async () => {
    const ledger = new InMemoryRequestIdLedger();
    const { client } = clientFor(server, {}, { ledger, retry: { maxAttempts: 1 } });
    const refund = { paymentId: 'P-1', refundAmount: usd('50') };
    server.enqueue({ body: antomResult('F', 'REFUND_AMOUNT_EXCEED') });
    const failed = await client.refund(refund);
    server.enqueue({ drop: true });
    const error = (await client.refund(refund).catch((e: unknown) => e)) as ConsoleError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.details?.requestId).not.toBe(failed.requestIds.refundRequestId);
    const retried = await client.refund(refund);
    expect(retried.requestIds.refundRequestId).toBe(error.details?.requestId);
  });
});

describe('createPaymentSession with an unknown outcome', () => {
  const session = {
    productCode: 'CASHIER_PAYMENT',
    order: { referenceOrderId: 'ORDER-1', orderAmount: usd('1000') },
    paymentAmount: usd('1000'),
    paymentMethod: { paymentMethodType: 'CARD' },
    paymentRedirectUrl: 'https://shop.example/return',
    settlementStrategy: { settlementCurrency: 'USD' },
  };

  it('retries with the same paymentRequestId, then inquires instead of creating another session', async () => {
    server.enqueue({ body: antomResult('U', 'UNKNOWN_EXCEPTION') }, { body: antomResult('U', 'UNKNOWN_EXCEPTION') });
    const { client } = clientFor(server, {}, { retry: { maxAttempts: 2 } });
    const outcome = await client.createPaymentSession(session);
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.explanation.retry).toBe('inquire');
    const paymentRequestId = outcome.requestIds.paymentRequestId!;
    expect(server.requests.map((r) => [r.api, (r.json as { paymentRequestId: string }).paymentRequestId])).toEqual([
      ['createPaymentSession', paymentRequestId],
      ['createPaymentSession', paymentRequestId],
      ['inquiryPayment', paymentRequestId],
    ]);
    expect(outcome.inquiry?.ok).toBe(true);
    if (outcome.inquiry?.ok) expect((outcome.inquiry.outcome.response as { paymentStatus: string }).paymentStatus).toBe('SUCCESS');
  });

  it('inquires after transport failures too, and puts the answer in the error', async () => {
    server.enqueue({ drop: true }, { drop: true });
    const { client } = clientFor(server, {}, { retry: { maxAttempts: 2 } });
    const error = (await client.createPaymentSession({ ...session, paymentRequestId: 'PAY-X' }).catch((e: unknown) => e)) as ConsoleError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.details?.inquiry).toMatchObject({ ok: true });
    expect(server.requests.at(-1)?.api).toBe('inquiryPayment');
  });
});

describe('validation before anything is sent', () => {
  it.each([
    ['JPY with decimals', { captureRequestId: 'C', paymentId: 'P', captureAmount: { currency: 'JPY', value: '100.5' } }, 'captureAmount.value'],
    ['zero', { captureRequestId: 'C', paymentId: 'P', captureAmount: usd('0') }, 'captureAmount.value'],
    ['negative', { captureRequestId: 'C', paymentId: 'P', captureAmount: usd('-1') }, 'captureAmount.value'],
    ['17 digits', { captureRequestId: 'C', paymentId: 'P', captureAmount: usd('12345678901234567') }, 'captureAmount.value'],
    ['missing paymentId', { captureRequestId: 'C', captureAmount: usd('1') }, 'paymentId'],
    ['a 65-character request ID', { captureRequestId: 'C'.repeat(65), paymentId: 'P', captureAmount: usd('1') }, 'captureRequestId'],
  ])('refuses %s with VALIDATION_FAILED and sends nothing', async (_name, body, field) => {
    const { client, records } = clientFor(server);
    const error = (await client.capture(body as never).catch((e: unknown) => e)) as ConsoleError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect((error.details?.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(server.requests).toHaveLength(0);
    expect(records).toHaveLength(0);
  });

  it('sends a body with non-ASCII IDs but warns about them', async () => {
    const { client } = clientFor(server);
    const outcome = await client.refund({ refundRequestId: '退款-1', paymentId: 'P-1', refundAmount: usd('1') });
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.warnings.join(' ')).toMatch(/refundRequestId contains non-ASCII/);
  });
});

describe('a capture without a captureRequestId', () => {
  it('gets one minted by the client', async () => {
    const { client } = clientFor(server);
    const outcome = await client.capture({ paymentId: 'P-1', captureAmount: usd('5') }, { trigger: 'cli' });
    expect(outcome.requestIds.captureRequestId).toMatch(/^CAP-\d{8}-[A-Z2-7]{16}$/);
    expect(server.requests[0]?.api).toBe('capture');
  });
});
