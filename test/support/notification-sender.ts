/**
 * Builds and sends notifications the way Antom does (API-FACTS a.6, c.7-c.9): compact JSON body,
 * client-id / request-time / signature headers, signed with the Antom private key over the
 * receiver's path. Used by the receiver tests, the crash-safety child test and the bench.
 * TEST KEYS ONLY: the key comes from the fixture vectors.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { signRequest } from '../../src-main/core/signing/sign-request';
import { vectors } from './signature-vectors';

export const TEST_CLIENT_ID = 'SANDBOX_5X00000000000000';

let cachedPrivateKey: KeyObject | undefined;
/** One KeyObject for the whole run: OpenSSL builds its per-key math lazily, so a fresh object per signature is ~6x slower. */
export function antomTestPrivateKey(): KeyObject {
  cachedPrivateKey ??= createPrivateKey({ key: Buffer.from(vectors.keys.antom.privateKeyPkcs8Base64 as string, 'base64'), format: 'der', type: 'pkcs8' });
  return cachedPrivateKey;
}

export function antomTestPublicKey(): KeyObject {
  return createPublicKey({ key: Buffer.from(vectors.keys.antom.publicKeyX509Base64 as string, 'base64'), format: 'der', type: 'spki' });
}

export function paymentResultBody(paymentId: string, opts: { status?: 'S' | 'F'; value?: string; currency?: string; paymentRequestId?: string } = {}): string {
  const status = opts.status ?? 'S';
  return JSON.stringify({
    notifyType: 'PAYMENT_RESULT',
    result: status === 'S' ? { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } : { resultCode: 'USER_BALANCE_NOT_ENOUGH', resultStatus: 'F', resultMessage: 'User balance is not enough' },
    paymentRequestId: opts.paymentRequestId ?? `req-${paymentId}`,
    paymentId,
    paymentAmount: { value: opts.value ?? '8000', currency: opts.currency ?? 'EUR' },
    paymentCreateTime: '2026-11-22T08:00:00+08:00',
    ...(status === 'S' ? { paymentTime: '2026-11-22T08:00:05+08:00' } : {}),
  });
}

export function captureResultBody(captureId: string, paymentId: string): string {
  return JSON.stringify({
    notifyType: 'CAPTURE_RESULT',
    result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
    captureRequestId: `creq-${captureId}`,
    paymentId,
    captureId,
    captureAmount: { value: '5000', currency: 'USD' },
    captureTime: '2026-11-22T08:10:00+08:00',
  });
}

export function refundResultBody(refundId: string, refundStatus: 'SUCCESS' | 'FAIL' = 'SUCCESS'): string {
  return JSON.stringify({
    notifyType: 'REFUND_RESULT',
    result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' },
    refundStatus,
    refundRequestId: `rreq-${refundId}`,
    refundId,
    refundAmount: { value: '1000', currency: 'JPY' },
    refundTime: '2026-11-22T09:00:00+08:00',
  });
}

export interface SignedNotification {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export function signNotification(opts: { path: string; body: string | Buffer; clientId?: string; requestTime?: string; privateKey?: KeyObject }): SignedNotification {
  const clientId = opts.clientId ?? TEST_CLIENT_ID;
  const requestTime = opts.requestTime ?? String(Date.now());
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body, 'utf8') : opts.body;
  const sig = signRequest({ path: opts.path, clientId, time: requestTime, body }, opts.privateKey ?? antomTestPrivateKey());
  return {
    path: opts.path,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'client-id': clientId, 'request-time': requestTime, signature: sig.signatureHeader },
    body,
  };
}

export interface SendResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  notificationId: number | undefined;
  latencyMs: number;
}

/** POST with node:http (not fetch) so tests control the exact bytes, headers and agent. */
export function sendRaw(origin: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string; agent?: Agent } = {}): Promise<SendResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method: opts.method ?? 'POST', headers: opts.headers ?? {}, agent: opts.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const idHeader = res.headers['x-antom-ops-notification-id'];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
          notificationId: typeof idHeader === 'string' ? Number(idHeader) : undefined,
          latencyMs: performance.now() - started,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

export function sendNotification(origin: string, n: SignedNotification, agent?: Agent): Promise<SendResult> {
  return sendRaw(origin, n.path, { headers: n.headers, body: n.body, ...(agent ? { agent } : {}) });
}
