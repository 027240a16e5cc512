/**
 * A tiny merchant for the sandbox tests: signs requests with signRequest over exactly the bytes
 * it sends, and verifies the sandbox's answers with verifySignature over the raw response
 * bytes and the path it called. Plain node:http with no agent, so nothing outlives a test.
 */
import { request } from 'node:http';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { signRequest } from '../../../src-main/core/signing/sign-request';
import { verifySignature } from '../../../src-main/core/signing/verify-signature';
import { parsePrivateKey } from '../../../src-main/core/keys/parse-keys';
import { vectors } from '../../support/signature-vectors';

export interface TestMerchant {
  clientId: string;
  privateKey: KeyObject;
  publicKeyBase64: string;
}

export function fixtureMerchant(clientId = 'SANDBOX_TEST_MERCHANT'): TestMerchant {
  const parsed = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64 as string);
  return { clientId, privateKey: parsed.keyObject, publicKeyBase64: parsed.publicKeyBase64 };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  raw: Buffer;
}

interface CallOptions {
  family?: 'production' | 'sandbox';
  /** Full path with query; overrides api/family. */
  path?: string;
  method?: string;
  contentType?: string | null;
  keyVersion?: string | number;
  clientId?: string | null;
  requestTime?: string | null;
  /** Replace the signature header; null omits it. */
  signature?: string | null;
  /** Sign these bytes but send the body (tamper test). */
  signOver?: string;
  signWith?: KeyObject;
}

export function rawRequest(baseUrl: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export interface AntomCall extends RawAnswer {
  path: string;
  json: { result: { resultCode: string; resultStatus: 'S' | 'F' | 'U'; resultMessage: string } } & Record<string, unknown>;
  /** 'verified' | 'absent' (no signature header) | 'invalid'. */
  signature: 'verified' | 'absent' | 'invalid';
}

export class SandboxCaller {
  private readonly antomKey: KeyObject;
  private counter = 0;

  constructor(readonly baseUrl: string, antomPublicKeyBase64: string, readonly merchant: TestMerchant) {
    this.antomKey = createPublicKey({ key: Buffer.from(antomPublicKeyBase64, 'base64'), format: 'der', type: 'spki' });
  }

  /** Unique-per-run request IDs. */
  id(prefix: string): string {
    this.counter += 1;
    return `${prefix}${Date.now().toString(36)}${this.counter}`;
  }

  async call(api: string, body: unknown, options: CallOptions = {}): Promise<AntomCall> {
    const path = options.path ?? (options.family === 'sandbox' ? `/ams/sandbox/api/v1/payments/${api}` : `/ams/api/v1/payments/${api}`);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const clientId = options.clientId === undefined ? this.merchant.clientId : options.clientId;
    const requestTime = options.requestTime === undefined ? String(Date.now()) : options.requestTime;
    const headers: Record<string, string> = {};
    if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json; charset=UTF-8';
    if (clientId !== null) headers['client-id'] = clientId;
    if (requestTime !== null) headers['request-time'] = requestTime;
    if (options.signature !== null) {
      headers.signature = options.signature ?? signRequest(
        { path, clientId: clientId ?? '', time: requestTime ?? '', body: options.signOver ?? text },
        options.signWith ?? this.merchant.privateKey,
        options.keyVersion ?? 1,
      ).signatureHeader;
    }
    const answer = await rawRequest(this.baseUrl, path, { method: options.method ?? 'POST', headers, body: text });
    const sig = answer.headers.signature;
    const time = answer.headers['response-time'];
    let signature: AntomCall['signature'] = 'absent';
    if (typeof sig === 'string' && typeof time === 'string') {
      const verdict = verifySignature({ path, clientId: String(answer.headers['client-id'] ?? ''), time, body: answer.raw }, sig, this.antomKey);
      signature = verdict.valid ? 'verified' : 'invalid';
    }
    let json: AntomCall['json'];
    try {
      json = JSON.parse(answer.text) as AntomCall['json'];
    } catch {
      json = { result: { resultCode: '(not JSON)', resultStatus: 'F', resultMessage: answer.text } };
    }
    return { ...answer, path, json, signature };
  }

  /**
   * An authorisation (isAuthorization) defaults to captureMode MANUAL here, so tests can capture
   * it themselves; pass captureMode AUTOMATIC, or null to leave the field out (Antom's default,
   * AUTOMATIC), to test automatic capture.
   */
  sessionBody(overrides: { paymentRequestId?: string; value?: string; currency?: string; isAuthorization?: boolean; captureMode?: 'AUTOMATIC' | 'MANUAL' | null; paymentNotifyUrl?: string } = {}): Record<string, unknown> {
    const captureMode = overrides.captureMode === undefined ? 'MANUAL' : overrides.captureMode;
    return {
      productCode: 'CASHIER_PAYMENT',
      paymentRequestId: overrides.paymentRequestId ?? this.id('PR'),
      order: { referenceOrderId: this.id('ORD'), orderDescription: 'Sandbox test order' },
      paymentAmount: { currency: overrides.currency ?? 'USD', value: overrides.value ?? '10000' },
      paymentRedirectUrl: 'https://merchant.example/return',
      ...(overrides.paymentNotifyUrl ? { paymentNotifyUrl: overrides.paymentNotifyUrl } : {}),
      settlementStrategy: { settlementCurrency: overrides.currency ?? 'USD' },
      paymentMethod: { paymentMethodType: overrides.isAuthorization ? 'CARD' : 'ALIPAY_HK' },
      ...(overrides.isAuthorization ? { paymentFactor: { isAuthorization: true, ...(captureMode ? { captureMode } : {}) } } : {}),
    };
  }

  /** createPaymentSession and return paymentRequestId + the paymentId the sandbox assigned. */
  async createSession(overrides: Parameters<SandboxCaller['sessionBody']>[0] = {}, control: { getPayment(id: string): { paymentId: string } }): Promise<{ paymentRequestId: string; paymentId: string; call: AntomCall }> {
    const body = this.sessionBody(overrides);
    const call = await this.call('createPaymentSession', body);
    if (call.json.result.resultStatus !== 'S') throw new Error(`createPaymentSession failed: ${call.text}`);
    const paymentRequestId = body.paymentRequestId as string;
    return { paymentRequestId, paymentId: control.getPayment(paymentRequestId).paymentId, call };
  }
}
