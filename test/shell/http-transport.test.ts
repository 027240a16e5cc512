/**
 * The browser-preview transport of the renderer bridge against a real loopback server that
 * stands in for the preview door: token header checked, JSON body dispatched through the same
 * dispatchOperation the Electron door uses.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpBridge, tokenFromPageUrl } from '../../src-renderer/bridge/http-transport';
import { dispatchOperation } from '../../src-main/core/dispatch-operation';
import { PREVIEW_API_PREFIX, PREVIEW_TOKEN_HEADER } from '../../src-shared/bridge';
import type { HandlerTable } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';

const TOKEN = 'run-token-123';

// Only the two operations these tests call; dispatch never reaches the others.
const partialHandlers: Pick<HandlerTable, 'getAppStatus' | 'listProfiles'> = {
  getAppStatus: async () => ({
    version: '0.1.0',
    dataDir: '/data',
    activeProfile: undefined,
    keychain: { backend: 'os-keychain', available: true, description: 'Secret Service', error: undefined },
    sandbox: { running: true, baseUrl: 'http://127.0.0.1:1' },
    receiver: { running: false, url: undefined },
    door: 'preview',
  }),
  listProfiles: async () => {
    throw new ConsoleError('KEYCHAIN_LOCKED', 'The keychain is locked.', 'Unlock it and try again.');
  },
};
const handlers = partialHandlers as HandlerTable;

let server: Server | undefined;

async function startServer(mode: 'dispatch' | 'html' = 'dispatch'): Promise<string> {
  server = createServer((request, response) => {
    if (request.headers[PREVIEW_TOKEN_HEADER] !== TOKEN) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('token required');
      return;
    }
    if (mode === 'html') {
      response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>oops</h1>');
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const name = decodeURIComponent((request.url ?? '').slice(PREVIEW_API_PREFIX.length));
      void dispatchOperation(handlers, name, JSON.parse(Buffer.concat(chunks).toString('utf8'))).then((result) => {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  server = undefined;
});

describe('HTTP bridge transport', () => {
  it('carries a call and its typed result over loopback HTTP', async () => {
    const bridge = createHttpBridge({ origin: await startServer(), token: TOKEN });
    const result = await bridge.getAppStatus();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.sandbox).toEqual({ running: true, baseUrl: 'http://127.0.0.1:1' });
  });

  it('passes typed errors through unchanged', async () => {
    const bridge = createHttpBridge({ origin: await startServer(), token: TOKEN });
    expect(await bridge.listProfiles()).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'The keychain is locked.', hint: 'Unlock it and try again.' },
    });
  });

  it('says to open the printed URL when the token is wrong', async () => {
    const bridge = createHttpBridge({ origin: await startServer(), token: 'stale' });
    const result = await bridge.getAppStatus();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('SENDER_NOT_ALLOWED');
      expect(result.error.hint).toMatch(/URL/);
    }
  });

  it('reports a server error page as HTTP_ERROR with a hint', async () => {
    const bridge = createHttpBridge({ origin: await startServer('html'), token: TOKEN });
    const result = await bridge.getAppStatus();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('HTTP_ERROR');
  });

  it('reports a server that is gone as NETWORK_ERROR', async () => {
    const origin = await startServer();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await createHttpBridge({ origin, token: TOKEN }).getAppStatus();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('NETWORK_ERROR');
      expect(result.error.hint).toMatch(/preview/);
    }
  });

  it('reads the token from the fragment or the query of the page URL', () => {
    expect(tokenFromPageUrl('http://127.0.0.1:5174/#token=abc', 'token')).toBe('abc');
    expect(tokenFromPageUrl('http://127.0.0.1:5174/?token=def', 'token')).toBe('def');
    expect(tokenFromPageUrl('http://127.0.0.1:5174/', 'token')).toBeUndefined();
  });
});
