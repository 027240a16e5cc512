import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSignedRequest } from '../../../src-main/core/client';
import { verifySignature } from '../../../src-main/core/signing/verify-signature';
import { merchantPublicKey, startFakeAntomServer, type FakeAntomServer } from '../../support/fake-antom-server';
import { clientFor, profileFor, usd } from './client-test-kit';

let server: FakeAntomServer;
beforeEach(async () => {
  server = await startFakeAntomServer();
});
afterEach(async () => {
  await server.close();
});

describe('the signed request on the wire', () => {
  it('signs exactly the bytes it sends, and the gateway verifies them with the merchant public key', async () => {
    const { client } = clientFor(server);
    const outcome = await client.refund({ refundRequestId: 'REF-1', paymentId: 'P-1', refundAmount: usd('500'), refundReason: 'Größe passt nicht' });
    const received = server.requests[0]!;
    expect(received.signatureValid).toBe(true);
    expect(received.body.toString('utf8')).toBe(outcome.requestBody);
    expect(received.contentToSign).toBe(outcome.contentToSign);
    expect(outcome.contentToSign).toBe(`POST /ams/sandbox/api/v1/payments/refund\n${server.clientId}.${outcome.requestTime}.${outcome.requestBody}`);
    expect(Number(received.headers['content-length'])).toBe(received.body.length);
    expect(received.body.length).toBeGreaterThan(outcome.requestBody.length); // UTF-8 bytes, not characters
  });

  it('sends the Antom headers with request-time in epoch milliseconds', async () => {
    const { client } = clientFor(server, {}, { now: () => 1_763_800_000_123 });
    await client.inquiryPayment({ paymentRequestId: 'PAY-1' });
    const h = server.requests[0]!.headers;
    expect(server.requests[0]!.method).toBe('POST');
    expect(h['content-type']).toBe('application/json; charset=UTF-8');
    expect(h['client-id']).toBe(server.clientId);
    expect(h['request-time']).toBe('1763800000123');
    expect(h.signature).toMatch(/^algorithm=RSA256,keyVersion=1,signature=[A-Za-z0-9%]+$/);
  });

  it('uses the sandbox path for sandbox and embedded profiles and the production path otherwise', async () => {
    await clientFor(server, { environment: 'embedded', clientId: 'LOCAL_1' }).client.cancel({ paymentId: 'P-1' });
    await clientFor(server, { environment: 'production', clientId: 'LIVE_1' }).client.cancel({ paymentId: 'P-1' });
    await clientFor(server, { environment: 'production', clientId: 'SANDBOX_1' }).client.cancel({ paymentId: 'P-1' });
    expect(server.requests.map((r) => r.path)).toEqual([
      '/ams/sandbox/api/v1/payments/cancel',
      '/ams/api/v1/payments/cancel',
      '/ams/sandbox/api/v1/payments/cancel',
    ]);
    // The gateway verified the content with each path it actually received.
    expect(server.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('buildSignedRequest returns what the console shows, and never the key', () => {
    const profile = profileFor(server);
    const signed = buildSignedRequest(profile, 'capture', { captureRequestId: 'C', paymentId: 'P', captureAmount: usd('1') }, '1700000000000');
    expect(signed.url).toBe(`${server.baseUrl}/ams/sandbox/api/v1/payments/capture`);
    expect(signed.headers['Content-Length']).toBe(String(signed.bodyBytes.length));
    expect(verifySignature({ path: signed.path, clientId: profile.clientId, time: '1700000000000', body: signed.bodyBytes }, signed.signatureHeader, merchantPublicKey).valid).toBe(true);
    expect(JSON.stringify(signed)).not.toMatch(/PRIVATE|MII/);
  });

  it('refuses a gateway URL with a path, and plain http for a production host', () => {
    expect(() => clientFor(server, { baseUrl: `${server.baseUrl}/prefix` })).toThrow(/path/);
    expect(() => clientFor(server, { environment: 'production', baseUrl: 'http://open-sea-global.alipay.com' })).toThrow(/https/);
  });
});
