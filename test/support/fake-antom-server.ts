/**
 * A small, purpose-built signed Antom gateway for the client tests (not the embedded sandbox).
 * node:http on port 0; verifies each request's signature with the merchant test public key
 * (recomputing the content from the bytes it received) and signs each response with the Antom
 * test private key. Scriptable per request: answer, delay, dropped socket, 5xx, a missing,
 * garbled or wrong-key signature. Keeps a little state so idempotent replays are observable.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { parsePrivateKey, parsePublicKey } from '../../src-main/core/keys/parse-keys';
import { signRequest } from '../../src-main/core/signing/sign-request';
import { verifySignature } from '../../src-main/core/signing/verify-signature';
import type { ResultStatus } from '../../src-shared/vocabulary';
import { vectors } from './signature-vectors';

export const merchantPrivateKey: KeyObject = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64).keyObject;
export const merchantPublicKey: KeyObject = parsePublicKey(vectors.keys.merchant.publicKeyX509Base64).keyObject;
const antomPrivateKey: KeyObject = parsePrivateKey(vectors.keys.antom.privateKeyPkcs8Base64).keyObject;
export const antomPublicKey: KeyObject = parsePublicKey(vectors.keys.antom.publicKeyX509Base64).keyObject;

interface ReceivedRequest {
  method: string;
  path: string;
  api: string;
  headers: Record<string, string | undefined>;
  body: Buffer;
  json: Record<string, unknown> | undefined;
  /** The merchant signature verified over exactly the received path, headers and bytes. */
  signatureValid: boolean;
  contentToSign: string;
}

interface Reply {
  status?: number;
  /** Object: JSON.stringify'd; string: sent as-is. */
  body?: unknown;
  delayMs?: number;
  /** Destroy the socket instead of answering (after any state change was applied). */
  drop?: boolean;
  signature?: 'valid' | 'omit' | 'garble' | 'wrong-key';
  omitResponseTime?: boolean;
}

type ScriptStep = Reply | ((req: ReceivedRequest, server: FakeAntomServer) => Reply);

const result = (resultStatus: ResultStatus, resultCode: string, resultMessage = resultCode.toLowerCase()) => ({ result: { resultCode, resultStatus, resultMessage } });
export const antomResult = result;

export class FakeAntomServer {
  readonly requests: ReceivedRequest[] = [];
  /** captureRequestId -> captureId; a replay returns the same capture instead of a second one. */
  readonly captures = new Map<string, { captureId: string; paymentId: string; amount: unknown }>();
  readonly refunds = new Map<string, { refundId: string; paymentId: string; amount: unknown }>();
  private readonly script: ScriptStep[] = [];
  private readonly server: Server;
  baseUrl = '';

  constructor(readonly clientId = 'SANDBOX_5X00000000000000') {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Replies used in order for the next requests; afterwards the default Antom behaviour. */
  enqueue(...steps: ScriptStep[]): void {
    this.script.push(...steps);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** What a healthy Antom answers; applies the state change (a capture, a refund) as it does. */
  defaultReply(req: ReceivedRequest): Reply {
    if (!req.signatureValid) return { body: result('F', 'INVALID_SIGNATURE'), signature: 'omit' };
    const b = req.json ?? {};
    switch (req.api) {
      case 'createPaymentSession':
        return { body: { ...result('S', 'SUCCESS'), paymentSessionId: `SESSION-${String(b.paymentRequestId)}`, paymentSessionData: 'abc==&&SG&&111', paymentSessionExpiryTime: '2026-11-22T13:00:00+08:00' } };
      case 'inquiryPayment':
        return { body: { ...result('S', 'SUCCESS'), paymentStatus: 'SUCCESS', paymentRequestId: b.paymentRequestId ?? 'PAY-1', paymentId: b.paymentId ?? 'P-1', paymentAmount: { currency: 'USD', value: '1000' } } };
      case 'capture': {
        const id = String(b.captureRequestId);
        const known = this.captures.get(id) ?? { captureId: `C-${this.captures.size + 1}`, paymentId: String(b.paymentId), amount: b.captureAmount };
        this.captures.set(id, known);
        return { body: { ...result('S', 'SUCCESS'), captureRequestId: id, captureId: known.captureId, paymentId: known.paymentId, captureAmount: known.amount, captureTime: '2026-11-22T12:00:00+08:00' } };
      }
      case 'refund': {
        const id = String(b.refundRequestId);
        const known = this.refunds.get(id) ?? { refundId: `R-${this.refunds.size + 1}`, paymentId: String(b.paymentId), amount: b.refundAmount };
        this.refunds.set(id, known);
        return { body: { ...result('S', 'SUCCESS'), refundRequestId: id, refundId: known.refundId, paymentId: known.paymentId, refundAmount: known.amount } };
      }
      case 'cancel':
        return { body: { ...result('S', 'SUCCESS'), paymentId: b.paymentId ?? 'P-1', cancelTime: '2026-11-22T12:00:00+08:00' } };
      case 'inquiryRefund':
        return { body: { ...result('S', 'SUCCESS'), refundRequestId: b.refundRequestId, refundId: b.refundId ?? 'R-1', refundStatus: 'SUCCESS' } };
      default:
        return { status: 404, body: result('F', 'NO_INTERFACE_DEF') };
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(', ') : v;
    };
    const verification = verifySignature({ method: req.method ?? 'POST', path, clientId: header('client-id') ?? '', time: header('request-time') ?? '', body }, header('signature') ?? '', merchantPublicKey);
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    const received: ReceivedRequest = {
      method: req.method ?? '',
      path,
      api: path.split('/').pop() ?? '',
      headers: { 'content-type': header('content-type'), 'content-length': header('content-length'), 'client-id': header('client-id'), 'request-time': header('request-time'), signature: header('signature') },
      body,
      json,
      signatureValid: verification.valid,
      contentToSign: verification.contentToSign,
    };
    this.requests.push(received);
    const step = this.script.shift();
    const reply = step === undefined ? this.defaultReply(received) : typeof step === 'function' ? step(received, this) : step;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (reply.drop) {
      req.socket.destroy();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? result('S', 'SUCCESS'));
    const bytes = Buffer.from(text, 'utf8');
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(bytes.length), 'client-id': this.clientId };
    const responseTime = '2026-11-22T12:00:00+08:00';
    if (!reply.omitResponseTime) headers['response-time'] = responseTime;
    const mode = reply.signature ?? 'valid';
    if (mode !== 'omit') {
      // The merchant key is a valid RSA-2048 key that is not Antom's: a realistic "wrong key".
      const key = mode === 'wrong-key' ? merchantPrivateKey : antomPrivateKey;
      const signed = signRequest({ path, clientId: this.clientId, time: responseTime, body: bytes }, key, 1);
      headers.signature = mode === 'garble' ? signed.signatureHeader.replace(/signature=.{8}/, 'signature=AAAAAAAA') : signed.signatureHeader;
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(bytes);
  }
}

export async function startFakeAntomServer(clientId?: string): Promise<FakeAntomServer> {
  return new FakeAntomServer(clientId).listen();
}
