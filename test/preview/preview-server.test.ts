/**
 * The browser preview door over real loopback HTTP: the token, Host and Origin checks, the
 * sandbox-only rule, static files with the app's CSP, and push events over server-sent events.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionSecretStore } from '../../src-main/core/keychain/session-secret-store';
import { startPreviewServer, type PreviewServer } from '../../src-main/preview/preview-server';
import { PREVIEW_TOKEN_HEADER } from '../../src-shared/bridge';
import type { OperationResult } from '../../src-shared/contract';
import { cardSessionBody } from '../core/handlers/handler-kit';

let server: PreviewServer;
let dataDir: string;
let rendererRoot: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'preview-test-'));
  rendererRoot = mkdtempSync(join(tmpdir(), 'preview-renderer-'));
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>console</title>');
  server = await startPreviewServer({ dataDir, rendererRoot, sandboxTimeScale: 600, core: { secrets: new SessionSecretStore(), clientOptions: { sleep: async () => undefined } } });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(rendererRoot, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** node:http rather than fetch, so tests can send any Host header. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function op(name: string, input: unknown, token = server.token): Promise<OperationResult<unknown>> {
  const res = await fetch(`${server.origin}/api/op/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: token }, body: JSON.stringify(input) });
  return (await res.json()) as OperationResult<unknown>;
}

describe('the preview door', () => {
  it('prints a loopback URL with the token in the fragment, 32 random bytes', () => {
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('requires the token on every /api request (401)', async () => {
    const none = await raw('POST', '/api/op/getAppStatus', { 'content-type': 'application/json' }, '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'SENDER_NOT_ALLOWED' } });
    expect((await raw('POST', '/api/op/getAppStatus', { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: 'x'.repeat(43) }, '{}')).status).toBe(401);
    expect((await raw('GET', '/api/events', {})).status).toBe(401);
    const ok = await op('getAppStatus', {});
    expect(ok).toMatchObject({ ok: true, value: { door: 'preview', sandbox: { running: true }, receiver: { running: true } } });
  });

  it('answers only to its own Host (421)', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      const res = await raw('GET', '/', { host });
      expect(res.status, host).toBe(421);
    }
    expect((await raw('GET', '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses another Origin (403), even with the token', async () => {
    const res = await raw('POST', '/api/op/getAppStatus', { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: server.token, origin: 'http://evil.example' }, '{}');
    expect(res.status).toBe(403);
    const same = await raw('POST', '/api/op/getAppStatus', { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: server.token, origin: server.origin }, '{}');
    expect(same.status).toBe(200);
  });

  it('serves the renderer with the strict CSP and nosniff, and nothing outside it', async () => {
    const page = await raw('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/..%2f..%2fetc%2fpasswd', {})).status).toBe(404);
    expect((await raw('GET', '/%2e%2e/package.json', {})).status).toBe(404);
  });

  it('rejects non-JSON operation calls and unknown operations with typed errors', async () => {
    const form = await raw('POST', '/api/op/getAppStatus', { 'content-type': 'application/x-www-form-urlencoded', [PREVIEW_TOKEN_HEADER]: server.token }, 'a=1');
    expect(form.status).toBe(415);
    expect(await op('noSuchOperation', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('bodies over the limit', () => {
  const tooBig = 'x'.repeat(2 * 1024 * 1024 + 1);
  const headers = () => ({ host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: server.token });

  it('answers 413 with a typed JSON error when the declared length is too large', async () => {
    const res = await raw('POST', '/api/op/listProfiles', { ...headers(), 'content-length': String(Buffer.byteLength(tooBig)) }, tooBig);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('larger than'), hint: expect.any(String) } });
  });

  it('answers 413 to a chunked body that grows past the limit (no length declared)', async () => {
    const res = await new Promise<RawResponse>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/api/op/listProfiles', headers: { ...headers(), 'transfer-encoding': 'chunked' }, agent: false }, (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body: text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write('y'.repeat(512 * 1024));
      req.end();
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('sandbox profiles only', () => {
  it('refuses to create a production profile', async () => {
    const result = await op('createProfile', { name: 'Prod', environment: 'production', region: 'SG', clientId: 'PROD_1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PREVIEW_SANDBOX_ONLY' } });
    if (!result.ok) expect(result.error.hint).toMatch(/desktop app/);
  });

  it('refuses any operation while a production profile is active, but lets the user switch back', async () => {
    // A production profile made outside the preview (the desktop app), active in the same data dir.
    await server.core.profiles.create({ name: 'Prod', environment: 'production', region: 'SG', clientId: 'PROD_1' });
    expect(await op('setActiveProfile', { name: 'Prod' })).toMatchObject({ ok: false, error: { code: 'PREVIEW_SANDBOX_ONLY' } });
    await server.core.profiles.setActive('Prod');
    for (const [name, input] of [['listNotifications', {}], ['inquiryPayment', { paymentId: 'P1' }], ['importPrivateKey', { profile: 'Prod', keyText: 'x' }]] as const) {
      expect(await op(name, input), name).toMatchObject({ ok: false, error: { code: 'PREVIEW_SANDBOX_ONLY' } });
    }
    expect(await op('getAppStatus', {})).toMatchObject({ ok: true });
    expect(await op('setActiveProfile', { name: 'Embedded sandbox' })).toMatchObject({ ok: true });
    expect(await op('listNotifications', {})).toMatchObject({ ok: true });
  });
});

describe('push events over server-sent events', () => {
  it('delivers notificationStored after a sandbox payment', async () => {
    const controller = new AbortController();
    const stream = await fetch(`${server.origin}/api/events?token=${server.token}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const events: Array<{ event: string; data: unknown }> = [];
    let buffer = '';
    const waitFor = async (event: string): Promise<unknown> => {
      for (;;) {
        const hit = events.find((e) => e.event === event);
        if (hit) return hit.data;
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${event}`);
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) events.push({ event: name, data: JSON.parse(data) });
        }
      }
    };

    const session = await op('createPaymentSession', { body: cardSessionBody('4200') });
    expect(session.ok).toBe(true);
    const paymentRequestId = (session as { value: { requestIds: { paymentRequestId: string } } }).value.requestIds.paymentRequestId;
    expect(await waitFor('callRecorded')).toMatchObject({ api: 'createPaymentSession', paymentRequestId, resultStatus: 'S' });
    expect(await op('sandboxBuyerAction', { id: paymentRequestId, outcome: 'success' })).toMatchObject({ ok: true });
    expect(await waitFor('notificationStored')).toMatchObject({ notifyType: 'PAYMENT_RESULT', verification: 'verified', paymentRequestId, duplicate: false });
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });
});
