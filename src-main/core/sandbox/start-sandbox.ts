/**
 * The embedded Antom sandbox: a local node:http server that behaves like Antom for the six
 * payment APIs, with real signatures both ways, a state machine, notifications on Antom's
 * resend schedule, and a control surface for the buyer's side and for faults.
 * Plain Node: never imports electron.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { generateRsaKeyPair } from '../keys/generate-key-pair';
import { parsePrivateKey, parsePublicKey } from '../keys/parse-keys';
import { signRequest } from '../signing/sign-request';
import { answer, failure, result, type AntomAnswer } from './antom-answer';
import { Fields, ParamIllegal } from './body-fields';
import { API_HANDLERS, matchAntomApi } from './antom-routes';
import { createControl, type SandboxControl } from './control';
import { handleControlRequest } from './control-routes';
import { FaultBox, http5xxBody } from './faults';
import { Notifier } from './notifier';
import { checkAntomRequest } from './request-checks';
import { parseRequestTarget } from './request-target';
import { validateRequest } from '../../../src-shared/antom/validate-request';
import { isoSeconds, SandboxClock } from './sandbox-clock';
import { writeAntomAnswer, type ResponseSigning, type SignatureMode } from './signed-response';
import { SandboxStore, type SandboxContext } from './state/store';

export interface SandboxOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Antom's signing key; generated (generateRsaKeyPair) when absent. */
  antomPrivateKeyPkcs8Base64?: string;
  /** regionSign: this merchant's gateway region for paymentSessionData (default: options.regionSign). */
  merchants?: Array<{ clientId: string; merchantPublicKeyBase64: string; regionSign?: string }>;
  /**
   * 1 = real time; 3600 = an hour per second. Scales notification resend delays,
   * PROCESSING -> SUCCESS delays, session and authorisation expiry.
   */
  timeScale?: number;
  /**
   * Scale for session/auth expiry only, when it must differ from timeScale (e.g. a test that
   * runs the whole resend schedule in a second but still needs sessions to stay open while
   * it signs requests). Defaults to timeScale.
   */
  expiryTimeScale?: number;
  /** Used when a request carries no paymentNotifyUrl/refundNotifyUrl. */
  defaultNotifyUrl?: string;
  /**
   * The region sign in paymentSessionData: the profile's gateway region (SG for
   * open-sea-global, US for open-na-global, DE for open-de-global). Default SG.
   */
  regionSign?: string;
  log?: (line: string) => void;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:43121 */
  baseUrl: string;
  /** SPKI single-line base64. */
  antomPublicKeyBase64: string;
  registerMerchant(clientId: string, merchantPublicKeyBase64: string, regionSign?: string): void;
  /** The same operations as the HTTP control surface, in-process. */
  control: SandboxControl;
  /** Stops the server and all pending timers (notifications, delays). */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0) || !Number.isFinite(timeScale)) throw new RangeError('timeScale must be a positive number');
  const log = options.log ?? (() => undefined);

  const antomKey = options.antomPrivateKeyPkcs8Base64 !== undefined
    ? parsePrivateKey(options.antomPrivateKeyPkcs8Base64)
    : await generateRsaKeyPair();
  let otherKey: Promise<KeyObject> | undefined;
  const signing: ResponseSigning = {
    antomKey: antomKey.keyObject,
    otherKey: () => (otherKey ??= generateRsaKeyPair().then((k) => k.keyObject)),
    now: () => clock.now(),
  };

  const clock = new SandboxClock(timeScale);
  const defaultRegionSign = options.regionSign ?? 'SG';
  if (!/^[A-Z]{2}$/.test(defaultRegionSign)) throw new RangeError('regionSign must be two upper-case letters such as SG, US or DE');
  const expiryTimeScale = options.expiryTimeScale ?? timeScale;
  if (!(expiryTimeScale > 0) || !Number.isFinite(expiryTimeScale)) throw new RangeError('expiryTimeScale must be a positive number');
  const merchants = new Map<string, KeyObject>();
  const regionSigns = new Map<string, string>();
  const registerMerchant = (clientId: string, merchantPublicKeyBase64: string, regionSign?: string): void => {
    if (regionSign !== undefined && !/^[A-Z]{2}$/.test(regionSign)) throw new RangeError('regionSign must be two upper-case letters such as SG, US or DE');
    merchants.set(clientId, parsePublicKey(merchantPublicKeyBase64, 'merchant public key').keyObject);
    if (regionSign !== undefined) regionSigns.set(clientId, regionSign);
    else regionSigns.delete(clientId);
    log(`merchant ${clientId} registered`);
  };
  for (const m of options.merchants ?? []) registerMerchant(m.clientId, m.merchantPublicKeyBase64, m.regionSign);

  let notifyUrl = options.defaultNotifyUrl;
  const notifier = new Notifier(
    clock,
    (path, clientId, time, body) => signRequest({ path, clientId, time, body }, antomKey.keyObject).signatureHeader,
    log,
  );
  const ctx: SandboxContext = { clock, expiryScaled: (nominalMs) => nominalMs / expiryTimeScale, store: new SandboxStore(), notifier, defaultNotifyUrl: () => notifyUrl, regionSignFor: (clientId) => regionSigns.get(clientId) ?? defaultRegionSign };
  const faults = new FaultBox();
  let baseUrl = '';
  let serverPort = 0;
  const control = createControl({
    ctx,
    faults,
    notifier,
    setNotifyUrl: (url) => {
      notifyUrl = url;
    },
    registerMerchant,
    info: () => ({ baseUrl, antomPublicKey: antomKey.publicKeyBase64, timeScale, notifyUrl, now: isoSeconds(clock.now()), clockOffsetMs: clock.offset() }),
  });

  const latencyTimers = new Set<NodeJS.Timeout>();
  const delay = (ms: number) => new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      latencyTimers.delete(t);
      resolve();
    }, ms);
    latencyTimers.add(t);
  });

  async function handleAntom(req: IncomingMessage, res: ServerResponse, pathAsRequested: string, pathname: string, raw: Buffer): Promise<void> {
    const clientIdHeader = typeof req.headers['client-id'] === 'string' ? req.headers['client-id'] : undefined;
    const write = async (ans: AntomAnswer, clientId: string | undefined, mode: SignatureMode = 'normal') => {
      await writeAntomAnswer(res, ans, { pathAsRequested, clientId }, signing, mode);
      const r = ans.body.result as { resultStatus?: string; resultCode?: string } | undefined;
      log(`${req.method} ${pathAsRequested} -> ${ans.httpStatus} ${r?.resultStatus ?? ''} ${r?.resultCode ?? ''}${mode !== 'normal' ? ` (signature ${mode})` : ''}`);
    };
    const api = matchAntomApi(pathname);
    if (!api) {
      await write(failure('NO_INTERFACE_DEF', `No Antom interface is defined at ${pathname}.`, 404), clientIdHeader);
      return;
    }
    const checked = checkAntomRequest({ method: req.method ?? 'GET', pathAsRequested, headers: req.headers, rawBody: raw }, (id) => merchants.get(id));
    if (!checked.ok) {
      await write(checked.answer, checked.clientId);
      return;
    }
    const fired = faults.take(api);
    if (fired.latency) await delay(fired.latency.latencyMs);
    if (res.destroyed) return;
    if (fired.http5xx) {
      const { contentType, body } = http5xxBody(fired.http5xx.body, fired.http5xx.status);
      res.writeHead(fired.http5xx.status, contentType ? { 'content-type': contentType } : {});
      res.end(body);
      log(`${req.method} ${pathAsRequested} -> ${fired.http5xx.status} (fault http5xx)`);
      return;
    }
    if (fired.unknownException) {
      await write(answer(result('UNKNOWN_EXCEPTION', 'U', 'An unknown exception occurred; retry with the same request ID.')), checked.clientId);
      return;
    }
    let ans: AntomAnswer;
    try {
      // The console's own pre-send rules first, so client and sandbox agree on every field.
      const report = validateRequest(api, checked.body);
      const first = report.errors[0];
      ans = first
        ? failure('PARAM_ILLEGAL', report.errors.length > 1 ? `${first.message} (and ${report.errors.length - 1} more)` : first.message)
        : API_HANDLERS[api](ctx, checked.clientId, Fields.of(checked.body));
    } catch (error) {
      if (!(error instanceof ParamIllegal)) throw error;
      ans = failure('PARAM_ILLEGAL', error.message);
    }
    if (fired.dropAfterApply) {
      log(`${req.method} ${pathAsRequested} applied, then dropped (fault dropAfterApply)`);
      req.socket.destroy();
      return;
    }
    const mode: SignatureMode = fired.missingSignature ? 'missing' : fired.wrongSignature ? fired.wrongSignature.mode : 'normal';
    await write(ans, checked.clientId, mode);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseRequestTarget(req.url ?? '/');
    const raw = await readBody(req);
    if (!target) {
      const text = JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: `The request target "${req.url ?? ''}" names no path.`, hint: 'Send an origin-form (/ams/api/...) or absolute-form (https://host/ams/api/...) request target.' } });
      res.writeHead(400, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(text);
      return;
    }
    const { pathAsRequested, pathname } = target;
    if (raw === undefined) {
      const text = JSON.stringify({ result: result('PARAM_ILLEGAL', 'F', `The request body is larger than ${MAX_BODY_BYTES} bytes.`) });
      res.writeHead(413, { 'content-type': 'application/json; charset=UTF-8', connection: 'close' });
      res.end(text);
      return;
    }
    if (pathname.startsWith('/__sandbox/')) {
      await handleControlRequest(req, res, pathname, raw, control, { port: serverPort });
      return;
    }
    if (pathname === '/ams' || pathname.startsWith('/ams/')) {
      await handleAntom(req, res, pathAsRequested, pathname, raw);
      return;
    }
    const text = JSON.stringify({ error: { code: 'NOT_FOUND', message: `Nothing at ${pathname}.`, hint: 'Antom APIs live under /ams/api/v1/payments/ and /ams/sandbox/api/v1/payments/; the control surface under /__sandbox/.' } });
    res.writeHead(404, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`internal error on ${req.url}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Signed over the path as requested (never the scheme and host of an absolute-form target).
      const pathAsRequested = parseRequestTarget(req.url ?? '/')?.pathAsRequested ?? '/';
      void writeAntomAnswer(res, failure('SYSTEM_ERROR', 'The sandbox hit an internal error; see its log.', 500), { pathAsRequested, clientId: undefined }, signing).catch(() => res.destroy());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  serverPort = address.port;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log(`Antom sandbox listening on ${baseUrl} (timeScale ${timeScale})`);

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    antomPublicKeyBase64: antomKey.publicKeyBase64,
    registerMerchant,
    control,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clock.close();
        notifier.close();
        for (const t of latencyTimers) clearTimeout(t);
        latencyTimers.clear();
        for (const p of ctx.store.payments.values()) for (const cancel of p.cancelTimers) cancel();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
