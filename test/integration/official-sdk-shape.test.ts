/**
 * The sandbox driven the way Antom's official server SDKs drive Antom, over a raw TCP socket so
 * nothing of the console's own client is involved:
 * - Python SDK (global-open-sdk-python, default_http_rpc.py): `connection.request("POST", url)`
 *   with the full URL, so the request line carries an absolute-form target; ISO-8601
 *   `Request-Time`; the body from `json.dumps(indent=3)` (non-ASCII as \uXXXX); header names
 *   `Content-type`, `Request-Time`, `Signature`; the response verified over the path alone.
 * - Java SDK: epoch-ms request-time, compact body, origin-form target.
 * Signatures are made here with node:crypto over the exact bytes sent (API-FACTS a.1, a.2), not
 * with the console's signing module, so the test also cross-checks that module on the sandbox side.
 */
import { connect } from 'node:net';
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../src-main/core/sandbox/start-sandbox';
import { fixtureMerchant } from '../sandbox/support/sandbox-caller';
import { startSandboxFor } from '../sandbox/support/sandbox-for-merchant';

const merchant = fixtureMerchant('SANDBOX_PYTHON_SDK');
const GATEWAY = 'https://open-sea-global.alipay.com';
let sandbox: RunningSandbox;
let antomKey: KeyObject;
let port: number;

beforeAll(async () => {
  ({ sandbox } = await startSandboxFor(merchant));
  antomKey = createPublicKey({ key: Buffer.from(sandbox.antomPublicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  port = Number(new URL(sandbox.baseUrl).port);
});
afterAll(async () => {
  await sandbox.close();
});

/** Python's json.dumps(obj, indent=3) with its default ensure_ascii=True. */
function pythonJsonDumps(value: unknown): string {
  return JSON.stringify(value, null, 3).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isoSecondsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function sdkSignature(path: string, requestTime: string, body: string): string {
  const content = Buffer.from(`POST ${path}\n${merchant.clientId}.${requestTime}.${body}`, 'utf8');
  // quote_plus(base64) = encodeURIComponent for the base64 alphabet.
  return `algorithm=RSA256,keyVersion=1,signature=${encodeURIComponent(sign('sha256', content, merchant.privateKey).toString('base64'))}`;
}

interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: Buffer;
}

/** Writes the request bytes verbatim on a TCP socket and reads the whole answer (Connection: close). */
function rawHttp(requestLine: string, headers: Array<[string, string]>, body: string): Promise<RawResponse> {
  const bytes = Buffer.from(body, 'utf8');
  const head = [requestLine, ...headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${bytes.length}`, 'Connection: close', '', ''].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.concat([Buffer.from(head, 'latin1'), bytes])));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const lines = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(lines[0]!.split(' ')[1]);
      const map = new Map<string, string>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        map.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      const length = Number(map.get('content-length') ?? '0');
      resolve({ status, headers: map, body: all.subarray(split + 4, split + 4 + length) });
    });
  });
}

interface SdkAnswer {
  json: { result: { resultCode: string; resultStatus: string } } & Record<string, unknown>;
  verified: boolean;
  status: number;
}

/** As the Python SDK: absolute-form target, ISO time, indented body, its header spellings. */
async function pythonSdkCall(path: string, request: unknown, requestTime = isoSecondsUtc(Date.now())): Promise<SdkAnswer> {
  const body = pythonJsonDumps(request);
  const res = await rawHttp(`POST ${GATEWAY}${path} HTTP/1.1`, [
    ['Host', 'open-sea-global.alipay.com'],
    ['Accept-Encoding', 'identity'],
    ['Content-type', 'application/json; charset=UTF-8'],
    ['Request-Time', requestTime],
    ['client-id', merchant.clientId],
    ['Signature', sdkSignature(path, requestTime, body)],
    ['User-Agent', 'global-open-sdk-python/1.5.5'],
    ['Accept', '*/*'],
    ['Cache-Control', 'no-cache'],
  ], body);
  return answerOf(res, path);
}

/** As the Java SDK: origin-form target, epoch-ms time, compact body. Header names in odd case on purpose. */
async function javaSdkCall(path: string, request: unknown): Promise<SdkAnswer> {
  const body = JSON.stringify(request);
  const requestTime = String(Date.now());
  const res = await rawHttp(`POST ${path} HTTP/1.1`, [
    ['Host', `127.0.0.1:${port}`],
    ['CONTENT-TYPE', 'application/json; charset=UTF-8'],
    ['request-TIME', requestTime],
    ['Client-Id', merchant.clientId],
    ['SIGNATURE', sdkSignature(path, requestTime, body)],
  ], body);
  return answerOf(res, path);
}

/** The SDKs verify over the path they called (never the URL), the response-time header and the raw body. */
function answerOf(res: RawResponse, path: string): SdkAnswer {
  const sig = res.headers.get('signature') ?? '';
  const value = decodeURIComponent(sig.slice(sig.indexOf('signature=') + 'signature='.length));
  const content = Buffer.concat([Buffer.from(`POST ${path}\n${res.headers.get('client-id') ?? ''}.${res.headers.get('response-time') ?? ''}.`, 'utf8'), res.body]);
  const verified = sig !== '' && verify('sha256', content, antomKey, Buffer.from(value, 'base64'));
  return { json: JSON.parse(res.body.toString('utf8')) as SdkAnswer['json'], verified, status: res.status };
}

const SANDBOX = '/ams/sandbox/api/v1/payments';

describe('the sandbox, driven like an official Antom server SDK', () => {
  it('runs session -> pay -> inquiry -> capture -> refund -> inquiryRefund with absolute-form targets, ISO time and indented bodies', async () => {
    const paymentRequestId = `PY-${Date.now()}`;
    const session = await pythonSdkCall(`${SANDBOX}/createPaymentSession`, {
      productCode: 'CASHIER_PAYMENT',
      paymentRequestId,
      order: { referenceOrderId: `ORD-${paymentRequestId}`, orderDescription: 'Café order', orderAmount: { currency: 'SGD', value: '4200' } },
      paymentAmount: { currency: 'SGD', value: '4200' },
      paymentMethod: { paymentMethodType: 'CARD' },
      paymentFactor: { isAuthorization: 'true', captureMode: 'MANUAL' },
      paymentRedirectUrl: 'https://merchant.example/return',
    });
    expect(session.status).toBe(200);
    expect(session.json.result).toMatchObject({ resultCode: 'SUCCESS', resultStatus: 'S' });
    expect(session.verified).toBe(true);
    expect(String(session.json.paymentSessionData).split('&&')).toHaveLength(4);

    const { paymentId } = sandbox.control.pay(paymentRequestId, { outcome: 'success' });

    const inquiry = await javaSdkCall(`${SANDBOX}/inquiryPayment`, { paymentRequestId });
    expect(inquiry.verified).toBe(true);
    expect(inquiry.json).toMatchObject({ paymentStatus: 'SUCCESS', paymentId });

    // A query string on an absolute-form target is signed and routed with the path.
    const capture = await pythonSdkCall(`${SANDBOX}/capture?source=python`, { captureRequestId: `CAP-${paymentRequestId}`, paymentId, captureAmount: { currency: 'SGD', value: '4200' } });
    expect(capture.verified).toBe(true);
    expect(capture.json.result.resultCode).toBe('SUCCESS');

    const refundRequestId = `REF-${paymentRequestId}`;
    const refund = await pythonSdkCall('/ams/api/v1/payments/refund', { refundRequestId, paymentId, refundAmount: { currency: 'SGD', value: '1000' } });
    expect(refund.verified).toBe(true);
    expect(refund.json.result.resultCode).toBe('SUCCESS');

    const refundInquiry = await pythonSdkCall(`${SANDBOX}/inquiryRefund`, { refundRequestId }, '2026-11-30T14:31:03.1234567+08:00');
    expect(refundInquiry.verified).toBe(true);
    expect(refundInquiry.json).toMatchObject({ refundStatus: 'SUCCESS', refundRequestId });
  });

  it('checks the signature over the path of the absolute-form target, not the URL', async () => {
    const path = `${SANDBOX}/inquiryPayment`;
    const body = pythonJsonDumps({ paymentRequestId: 'NOPE' });
    const time = isoSecondsUtc(Date.now());
    const overUrl = Buffer.from(`POST ${GATEWAY}${path}\n${merchant.clientId}.${time}.${body}`, 'utf8');
    const wrong = `algorithm=RSA256,keyVersion=1,signature=${encodeURIComponent(sign('sha256', overUrl, merchant.privateKey).toString('base64'))}`;
    const res = await rawHttp(`POST ${GATEWAY}${path} HTTP/1.1`, [['Host', 'open-sea-global.alipay.com'], ['Content-type', 'application/json'], ['Request-Time', time], ['client-id', merchant.clientId], ['Signature', wrong]], body);
    expect(JSON.parse(res.body.toString('utf8')).result.resultCode).toBe('INVALID_SIGNATURE');
    const right = await pythonSdkCall(path, { paymentRequestId: 'NOPE' }, time);
    expect(right.json.result.resultCode).toBe('ORDER_NOT_EXIST');
  });

  it('answers 400 to a request target that names no path', async () => {
    const res = await rawHttp('OPTIONS * HTTP/1.1', [['Host', `127.0.0.1:${port}`]], '');
    expect(res.status).toBe(400);
  });
});
