import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const capture = { captureRequestId: 'CAP-1', paymentId: 'P-1', captureAmount: usd('1000') };

describe('response signature labels', () => {
  it('labels a correctly signed answer verified and explains its code', async () => {
    const { client, records } = clientFor(server);
    const outcome = await client.capture(capture);
    expect(outcome.responseSignature).toBe('verified');
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.response.captureId).toBe('C-1');
    expect(outcome.explanation.meaning).toMatch(/captured/);
    expect(outcome.requestIds).toMatchObject({ captureRequestId: 'CAP-1', captureId: 'C-1', paymentId: 'P-1' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ responseSignature: 'verified', resultStatus: 'S', trigger: 'user', attempt: 1, httpStatus: 200 });
    expect(JSON.stringify(records[0])).not.toMatch(/PRIVATE KEY|MIIEv/);
  });

  it('trusts an unsigned F answer (Antom omits the signature when it rejects ours)', async () => {
    server.enqueue({ body: antomResult('F', 'INVALID_SIGNATURE'), signature: 'omit' });
    const { client } = clientFor(server);
    const outcome = await client.capture(capture);
    expect(outcome.responseSignature).toBe('unverified');
    expect(outcome.resultStatus).toBe('F');
    expect(outcome.attempts).toBe(1);
    expect(outcome.explanation.nextAction).toMatch(/private key matches/);
    expect(outcome.warnings.join(' ')).toMatch(/no signature header/);
  });

  it('treats an unsigned S as unknown (U), resends it with the same ID, and warns', async () => {
    const unsigned = (req: Parameters<FakeAntomServer['defaultReply']>[0], s: FakeAntomServer) => ({ ...s.defaultReply(req), signature: 'omit' as const });
    server.enqueue(unsigned, unsigned, unsigned);
    const { client, records } = clientFor(server);
    const outcome = await client.capture(capture);
    expect(outcome.reportedResultStatus).toBe('S');
    expect(outcome.resultStatus).toBe('U');
    expect(outcome.attempts).toBe(3);
    expect(outcome.warnings.join(' ')).toMatch(/not signed, so the console treats it as unknown/);
    expect(records.map((r) => [r.resultStatus, r.responseSignature])).toEqual([['U', 'unverified'], ['U', 'unverified'], ['U', 'unverified']]);
    expect(server.captures.size).toBe(1);
  });

  it('does not resend when no Antom public key is configured: no answer could ever verify', async () => {
    const { client } = clientFor(server, { antomPublicKey: undefined });
    const outcome = await client.capture(capture);
    expect(outcome.attempts).toBe(1);
    expect(outcome.resultStatus).toBe('U');
  });

  it('resends an unsigned U like any U, with the same request ID', async () => {
    server.enqueue({ body: antomResult('U', 'UNKNOWN_EXCEPTION'), signature: 'omit' });
    const { client } = clientFor(server);
    const outcome = await client.capture(capture);
    expect(outcome.attempts).toBe(2);
    expect(outcome.resultStatus).toBe('S');
    expect(outcome.responseSignature).toBe('verified');
    expect(server.captures.size).toBe(1);
  });

  it('labels answers unverified when the profile has no Antom public key', async () => {
    const { client } = clientFor(server, { antomPublicKey: undefined });
    const outcome = await client.inquiryRefund({ refundRequestId: 'REF-1' }).catch((e: unknown) => e);
    expect(outcome).not.toBeInstanceOf(Error);
    const o = outcome as Awaited<ReturnType<typeof client.inquiryRefund>>;
    expect(o.responseSignature).toBe('unverified');
    expect(o.resultStatus).toBe('U');
    expect(o.warnings.join(' ')).toMatch(/No Antom public key/);
  });

  it.each([
    ['garbled', 'garble'],
    ['made with another key', 'wrong-key'],
  ] as const)('throws RESPONSE_SIGNATURE_INVALID for a signature %s, and still records the attempt', async (_name, mode) => {
    server.enqueue((req, s) => ({ ...s.defaultReply(req), signature: mode }));
    const { client, records } = clientFor(server);
    const error = await client.capture(capture).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).code).toBe('RESPONSE_SIGNATURE_INVALID');
    expect((error as ConsoleError).details).toMatchObject({ requestId: 'CAP-1', requestIdField: 'captureRequestId' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ responseSignature: 'invalid', errorCode: 'RESPONSE_SIGNATURE_INVALID' });
    expect(server.requests).toHaveLength(1); // not resent
  });

  it('turns non-JSON and non-Antom answers into typed errors with hints', async () => {
    server.enqueue({ status: 200, body: '<html>login</html>' }, { status: 404, body: { error: 'not found' } });
    const { client, records } = clientFor(server);
    const notJson = (await client.cancel({ paymentId: 'P-1' }).catch((e: unknown) => e)) as ConsoleError;
    expect(notJson.code).toBe('RESPONSE_NOT_JSON');
    expect(notJson.hint).toMatch(/gateway URL/);
    const notAntom = (await client.cancel({ paymentId: 'P-1' }).catch((e: unknown) => e)) as ConsoleError;
    expect(notAntom.code).toBe('HTTP_ERROR');
    expect(notAntom.hint).toMatch(/does not serve/);
    expect(records.map((r) => r.errorCode)).toEqual(['RESPONSE_NOT_JSON', 'HTTP_ERROR']);
  });
});
