import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { generateRsaKeyPair } from '../../src-main/core/keys/generate-key-pair';
import { vectors } from '../support/signature-vectors';
import { fixtureMerchant, rawRequest, SandboxCaller } from './support/sandbox-caller';

let sandbox: RunningSandbox;
const logLines: string[] = [];

beforeAll(async () => {
  // A fixed Antom key, as `antom-ops sandbox start --antom-private-key` would pass.
  sandbox = await startSandbox({ antomPrivateKeyPkcs8Base64: vectors.keys.antom.privateKeyPkcs8Base64 as string, log: (l) => logLines.push(l) });
});
afterAll(async () => {
  await sandbox.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, asserted field by field
async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await rawRequest(sandbox.baseUrl, `/__sandbox/${path}`, {
    method,
    ...(method !== 'GET' ? { headers: { 'content-type': 'application/json' } } : {}),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: answer.status, json: JSON.parse(answer.text) };
}

describe('HTTP control surface', () => {
  it('reports info with the Antom public key of the configured private key', async () => {
    const info = await control('GET', 'info');
    expect(info.json).toMatchObject({ baseUrl: sandbox.baseUrl, antomPublicKey: vectors.keys.antom.publicKeyX509Base64, timeScale: 1 });
    expect(sandbox.antomPublicKeyBase64).toBe(vectors.keys.antom.publicKeyX509Base64);
  });

  it('registers a merchant, then drives a payment through pay / get', async () => {
    const fresh = await generateRsaKeyPair();
    const merchant = { ...fixtureMerchant('SANDBOX_VIA_HTTP'), privateKey: fresh.keyObject, publicKeyBase64: fresh.publicKeyBase64 };
    const bad = await control('POST', 'merchants', { clientId: 'SANDBOX_BAD', merchantPublicKeyBase64: 'not a key' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('KEY_NOT_A_KEY');
    expect((await control('POST', 'merchants', { clientId: merchant.clientId, merchantPublicKeyBase64: merchant.publicKeyBase64 })).status).toBe(200);

    const caller = new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, merchant);
    const body = caller.sessionBody({ isAuthorization: true });
    const created = await caller.call('createPaymentSession', body, { family: 'sandbox' });
    expect(created.signature).toBe('verified');

    const paid = await control('POST', `payments/${encodeURIComponent(body.paymentRequestId as string)}/pay`, { outcome: 'success' });
    expect(paid.status).toBe(200);
    expect(paid.json).toMatchObject({ paymentStatus: 'SUCCESS', isAuthorization: true, clientId: merchant.clientId });
    const again = await control('POST', `payments/${paid.json.paymentId}/pay`, { outcome: 'fail' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(again.json.error.hint).toMatch(/new payment session/);

    const got = await control('GET', `payments/${paid.json.paymentId}`);
    expect(got.json.paymentRequestId).toBe(body.paymentRequestId);
    expect((await control('GET', 'payments')).json).toHaveLength(1);
    expect((await control('GET', 'payments/NOPE')).status).toBe(404);
    expect((await control('POST', `payments/${paid.json.paymentId}/pay`, { outcome: 'teleport' })).status).toBe(400);
    const badCode = await control('POST', `payments/${paid.json.paymentId}/pay`, { outcome: 'fail', resultCode: 'drop table; --' });
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(badCode.json.error)).toMatch(/Antom result code/);
  });

  it('sets, lists and clears faults', async () => {
    const set = await control('POST', 'faults', { faults: [{ kind: 'http5xx', status: 503, api: 'capture', count: 2 }, { kind: 'latency', latencyMs: 5 }] });
    expect(set.status).toBe(200);
    expect(set.json).toEqual([
      { kind: 'http5xx', status: 503, body: 'html', api: 'capture', count: 2, remaining: 2 },
      { kind: 'latency', latencyMs: 5, remaining: null },
    ]);
    expect((await control('GET', 'faults')).json).toHaveLength(2);
    const invalid = await control('POST', 'faults', { kind: 'http5xx', status: 200 });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.hint).toContain('docs/sandbox-scenarios.md');
    expect((await control('DELETE', 'faults')).json).toEqual([]);
    expect(sandbox.control.listFaults()).toEqual([]);
  });

  it('sets the default notify URL and advances time', async () => {
    const set = await control('POST', 'notify-url', { url: 'http://127.0.0.1:9/notify' });
    expect(set.json.notifyUrl).toBe('http://127.0.0.1:9/notify');
    expect((await control('POST', 'notify-url', { url: 'ftp://x' })).status).toBe(400);
    expect((await control('POST', 'notify-url', { url: null })).json.notifyUrl).toBeUndefined();
    expect((await control('POST', 'time/advance', { ms: 1000 })).json).toEqual({ advancedMs: 1000 });
    expect((await control('POST', 'time/advance', { ms: -1 })).status).toBe(400);
  });

  it('lists notifications and 404s unknown ones and unknown routes', async () => {
    expect(Array.isArray((await control('GET', 'notifications')).json)).toBe(true);
    expect((await control('POST', 'notifications/ntf_nope/resend')).status).toBe(404);
    expect((await control('GET', 'nothing-here')).status).toBe(404);
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin and non-JSON bodies', async () => {
    const port = new URL(sandbox.baseUrl).port;
    const pay = (headers: Record<string, string>) => rawRequest(sandbox.baseUrl, '/__sandbox/notify-url', { method: 'POST', headers, body: '{"url":"http://evil.example/steal"}' });
    const rebinding = await pay({ host: `evil.example:${port}`, 'content-type': 'application/json' });
    expect(rebinding.status).toBe(403);
    expect(JSON.parse(rebinding.text).error.message).toMatch(/Host "evil.example/);
    expect((await pay({ host: `127.0.0.1:1`, 'content-type': 'application/json' })).status).toBe(403);
    const foreign = await pay({ origin: 'https://evil.example', 'content-type': 'application/json' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.text).error.message).toMatch(/origin "https:\/\/evil.example"/);
    expect((await pay({ origin: 'null', 'content-type': 'application/json' })).status).toBe(403);
    // A page's "simple" cross-site POST: text/plain needs no preflight, so it must be refused here.
    const simple = await pay({ 'content-type': 'text/plain' });
    expect(simple.status).toBe(415);
    expect((await pay({})).status).toBe(415);
    expect((await rawRequest(sandbox.baseUrl, '/__sandbox/faults', { method: 'DELETE' })).status).toBe(415);
    expect(sandbox.control.info().notifyUrl).toBeUndefined();
    // The console's own origin and localhost are fine; GETs need no content type.
    expect((await pay({ origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
    expect((await rawRequest(sandbox.baseUrl, '/__sandbox/info', { headers: { host: `localhost:${port}` } })).status).toBe(200);
    await control('POST', 'notify-url', { url: null });
  });

  it('bounds numeric inputs: a huge clock jump is refused and the sandbox keeps working', async () => {
    for (const ms of [1e308, 366 * 24 * 3600 * 1000 + 1, 1.5]) {
      const jump = await control('POST', 'time/advance', { ms });
      expect(jump.status, String(ms)).toBe(400);
      expect(jump.json.error.code).toBe('VALIDATION_FAILED');
    }
    expect(() => sandbox.control.advanceTime(1e308)).toThrow(/100 years/);
    expect((await control('POST', 'faults', { kind: 'latency', latencyMs: 1, count: 1e308 })).status).toBe(400);
    expect((await control('GET', 'info')).status).toBe(200);
    const caller = new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, fixtureMerchant('SANDBOX_AFTER_JUMP'));
    sandbox.registerMerchant(caller.merchant.clientId, caller.merchant.publicKeyBase64);
    const created = await caller.call('createPaymentSession', caller.sessionBody(), { family: 'sandbox' });
    expect(created.json.result.resultStatus).toBe('S');
  });

  it('answers 400, not 500, to a malformed percent-escape in a control path', async () => {
    const bad = await control('GET', 'payments/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/percent-escape/);
    expect((await control('POST', 'payments/%ZZ/pay', {})).status).toBe(400);
  });

  it('logs each Antom call with its outcome', () => {
    expect(logLines.some((l) => /createPaymentSession -> 200 S SUCCESS/.test(l))).toBe(true);
  });
});
