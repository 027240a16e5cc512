/**
 * The browser preview door: the core (embedded sandbox and notification receiver included)
 * behind a loopback HTTP server that serves the built renderer and carries the same handler
 * table as the Electron bridge: POST /api/op/<name> -> dispatchOperation, GET /api/events ->
 * server-sent push events. Sandbox profiles only (sandbox-only.ts), a per-run token, Host and
 * Origin checks (request-guards.ts), and the app's CSP on every response.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREVIEW_API_PREFIX, PREVIEW_EVENTS_PATH, PREVIEW_TOKEN_PARAM } from '../../src-shared/bridge';
import type { OperationResult } from '../../src-shared/contract';
import type { ConsoleErrorShape } from '../../src-shared/errors';
import { createCore, type Core, type CoreConfig } from '../core/compose';
import { dispatchOperation } from '../core/dispatch-operation';
import { EventStreams } from './event-stream';
import { hostAllowed, originAllowed, tokenPresented, tokenValid } from './request-guards';
import { sandboxOnlyHandlers } from './sandbox-only';
import { SECURITY_HEADERS, sendText, serveStatic } from './static-files';

/** Bigger than any contract input (the signature lab takes a 1 MB body). */
const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/** How much more of an oversized body is read (and dropped) so its sender can read the 413. */
const OVERSIZED_DRAIN_BYTES = 8 * 1024 * 1024;

interface PreviewServerOptions {
  /** Default 0: any free port. */
  port?: number;
  dataDir?: string;
  /** Keychain service name (tests pass a unique one). */
  secretServiceName?: string;
  /** 60 = a sandbox minute per second, so processing -> success happens fast in tests. */
  sandboxTimeScale?: number;
  /** Where the built renderer is. Default <repo>/out/renderer. */
  rendererRoot?: string;
  /** Anything else for createCore (tests may pass `secrets`, `clientOptions`, ...). */
  core?: Omit<CoreConfig, 'dataDir' | 'secretServiceName' | 'sandboxTimeScale' | 'startEmbeddedSandbox' | 'startReceiver' | 'door'>;
  log?: (line: string) => void;
}

export interface PreviewServer {
  /** http://127.0.0.1:<port>/#token=<token>: the page URL to open. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  core: Core;
  dataDir: string;
  close(): Promise<void>;
}

function defaultRendererRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '../../out/renderer');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function refusal(status: number, error: ConsoleErrorShape, res: ServerResponse): void {
  const result: OperationResult<never> = { ok: false, error };
  sendJson(res, status, result);
}

/**
 * The body, or undefined when it is larger than MAX_REQUEST_BYTES. Past the limit nothing more is
 * kept, but the rest is still read (up to OVERSIZED_DRAIN_BYTES, then the connection is cut): a
 * sender that is still writing only sees our 413 if we keep reading until it has finished.
 */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      resolve(undefined);
    };
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > MAX_REQUEST_BYTES + OVERSIZED_DRAIN_BYTES) req.destroy();
        return;
      }
      if (size > MAX_REQUEST_BYTES) {
        refuse();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const log = options.log ?? (() => undefined);
  const core = await createCore({
    ...options.core,
    ...(options.dataDir !== undefined ? { dataDir: options.dataDir } : {}),
    ...(options.secretServiceName !== undefined ? { secretServiceName: options.secretServiceName } : {}),
    ...(options.sandboxTimeScale !== undefined ? { sandboxTimeScale: options.sandboxTimeScale } : {}),
    startEmbeddedSandbox: true,
    startReceiver: true,
    door: 'preview',
    log,
  });
  const handlers = sandboxOnlyHandlers(core.handlers, core.profiles);
  const token = randomBytes(32).toString('base64url');
  const rendererRoot = options.rendererRoot ?? defaultRendererRoot();
  const streams = new EventStreams(core.push);
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) {
      sendText(res, 421, `This server answers only to 127.0.0.1:${port} or localhost:${port}.`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      serveStatic(rendererRoot, req, res, url.pathname);
      return;
    }
    if (!originAllowed(req)) {
      refusal(403, { code: 'SENDER_NOT_ALLOWED', message: `Requests from ${req.headers.origin} are not allowed.`, hint: 'Use the console page the preview printed; other sites cannot call it.' }, res);
      return;
    }
    const isEvents = url.pathname === PREVIEW_EVENTS_PATH;
    if (!tokenValid(tokenPresented(req, url, isEvents), token)) {
      refusal(401, { code: 'SENDER_NOT_ALLOWED', message: 'This run\'s token is missing or wrong.', hint: `Open the exact URL the preview printed; it carries the token (#${PREVIEW_TOKEN_PARAM}=...).` }, res);
      return;
    }
    if (isEvents) {
      if (req.method !== 'GET') {
        sendText(res, 405, 'The event stream is GET only.', { allow: 'GET' });
        return;
      }
      streams.attach(res);
      return;
    }
    if (!url.pathname.startsWith(PREVIEW_API_PREFIX)) {
      sendText(res, 404, 'Not found.');
      return;
    }
    if (req.method !== 'POST') {
      sendText(res, 405, 'Operations are POST only.', { allow: 'POST' });
      return;
    }
    // A JSON content type cannot be sent by a plain HTML form: one more wall against cross-site posts.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      refusal(415, { code: 'VALIDATION_FAILED', message: 'Operations take a JSON body.', hint: 'Send Content-Type: application/json.' }, res);
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      // The rest of the body is not wanted: close the connection once the answer is out.
      res.setHeader('connection', 'close');
      refusal(413, { code: 'VALIDATION_FAILED', message: `The request is larger than ${MAX_REQUEST_BYTES} bytes.`, hint: 'Send a smaller input.' }, res);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      refusal(400, { code: 'VALIDATION_FAILED', message: 'The request body is not JSON.', hint: 'Send the operation input as a JSON object.' }, res);
      return;
    }
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(PREVIEW_API_PREFIX.length));
    } catch {
      name = '';
    }
    sendJson(res, 200, await dispatchOperation(handlers, name, input));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`preview: request failed: ${String(error)}`);
      if (!res.headersSent) refusal(500, { code: 'INTERNAL', message: 'The preview server failed on this request.', hint: 'Check the terminal running the preview.' }, res);
      else res.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await core.close();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#${PREVIEW_TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    core,
    dataDir: core.dataDir,
    close() {
      closing ??= (async () => {
        streams.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await core.close();
      })();
      return closing;
    },
  };
}
