/**
 * Replay to a real loopback target in both modes, and the signature lab detecting each usual
 * mistake by actually verifying the corrected variant.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair } from '../../../src-main/core/keys/generate-key-pair';
import { parsePublicKey } from '../../../src-main/core/keys/parse-keys';
import { signRequest } from '../../../src-main/core/signing/sign-request';
import { verifySignature } from '../../../src-main/core/signing/verify-signature';
import { vectors } from '../../support/signature-vectors';
import { notification } from '../journal/journal-fixtures';
import { authorisedPayment, startKit, type HandlerKit } from './handler-kit';

let kit: HandlerKit;
let target: Server;
let targetUrl: string;
const received: Array<{ url: string; headers: IncomingHttpHeaders; body: Buffer }> = [];

beforeAll(async () => {
  kit = await startKit();
  target = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/my/notify`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => target.close(() => resolve()));
  await kit.close();
});

describe('replayNotification', () => {
  let notificationId: number;
  beforeAll(async () => {
    const payment = await authorisedPayment(kit, '3000');
    await kit.core.sandbox!.control.notificationsSettled();
    notificationId = (await kit.ok('listNotifications', { filter: { anyId: payment.paymentId } })).items[0]!.id;
  });

  it('as received: forwards the original headers and warns that the path differs', async () => {
    received.length = 0;
    const result = await kit.ok('replayNotification', { id: notificationId, toUrl: targetUrl, mode: 'as-received' });
    expect(result).toMatchObject({ mode: 'as-received', httpStatus: 200, acknowledged: true, error: null });
    expect(result.notes.join(' ')).toMatch(/path/);
    const stored = (await kit.core.journal.getNotification(notificationId))!;
    expect(received[0]!.headers.signature).toBe(stored.headers.signature);
    expect(received[0]!.body.equals(stored.rawBody)).toBe(true);
  });

  it('re-signed: signs for the target path with the embedded sandbox key, so the target can verify', async () => {
    received.length = 0;
    const result = await kit.ok('replayNotification', { id: notificationId, toUrl: targetUrl, mode: 're-signed' });
    expect(result).toMatchObject({ mode: 're-signed', httpStatus: 200, acknowledged: true });
    const got = received[0]!;
    const key = parsePublicKey(kit.core.sandbox!.antomPublicKeyBase64).keyObject;
    const check = verifySignature({ path: '/my/notify', clientId: String(got.headers['client-id']), time: String(got.headers['request-time']), body: got.body }, String(got.headers.signature), key);
    expect(check.valid).toBe(true);
  });

  it('refuses to re-sign a production notification', async () => {
    await kit.ok('createProfile', { name: 'Prod', environment: 'production', region: 'SG', clientId: 'PROD_CLIENT_2' });
    const ref = await kit.core.journal.storeNotification(notification({ notifyType: 'PAYMENT_RESULT', result: { resultCode: 'SUCCESS', resultStatus: 'S' }, paymentId: 'PROD-PAY-1' }, new Date().toISOString(), { profile: 'Prod' }));
    const error = await kit.fails('replayNotification', { id: ref.id, toUrl: targetUrl, mode: 're-signed' });
    expect(error.code).toBe('REPLAY_REFUSED');
    expect(error.hint).toMatch(/as received/);
  });

  it('reports a target that is down as a result, not a crash', async () => {
    const result = await kit.ok('replayNotification', { id: notificationId, toUrl: 'http://127.0.0.1:1/notify', mode: 'as-received' });
    expect(result.httpStatus).toBeNull();
    expect(result.acknowledged).toBe(false);
    expect(result.error).toMatch(/Could not reach|ECONNREFUSED/);
  });

  it('records every replay and its answer on the notification, shown in its detail', async () => {
    const detail = await kit.ok('getNotification', { id: notificationId });
    // the three replays above: as received (acked), re-signed (acked), target down
    expect(detail.replays.map((r) => [r.mode, r.httpStatus, r.acknowledged])).toEqual([
      ['as-received', 200, true], ['re-signed', 200, true], ['as-received', null, false],
    ]);
    expect(detail.replays[0]!.toUrl).toBe(targetUrl);
    expect(detail.replays[0]!.answerBody).toContain('SUCCESS');
    expect(detail.replays[2]!.error).toMatch(/Could not reach|ECONNREFUSED/);
  });
});

describe('verifySignatureLab', () => {
  const path = '/ams/sandbox/api/v1/payments/inquiryPayment';
  const clientId = 'SANDBOX_LAB';
  const time = '1767225600000';
  const body = '{"paymentRequestId":"PAY-LAB-1","note":"café"}';
  let antomPublicKey: string;
  let antomKey: Awaited<ReturnType<typeof generateRsaKeyPair>>;

  beforeAll(async () => {
    antomKey = await generateRsaKeyPair();
    antomPublicKey = antomKey.publicKeyBase64;
  });
  const sign = (parts: { path?: string; body?: string; time?: string }, key = antomKey) =>
    signRequest({ path: parts.path ?? path, clientId, time: parts.time ?? time, body: parts.body ?? body }, key.keyObject).signatureHeader;
  const lab = (signature: string, more: Record<string, unknown> = {}) =>
    kit.ok('verifySignatureLab', { publicKey: antomPublicKey, path, clientId, time, body, signature, ...more });
  const cause = (result: { diagnosis: Array<{ check: string; likelyCause: boolean }> }) => result.diagnosis.filter((d) => d.likelyCause).map((d) => d.check);

  it('verifies a correct signature and shows the content', async () => {
    const result = await lab(sign({}));
    expect(result.valid).toBe(true);
    expect(result.contentToSign).toBe(`POST ${path}\n${clientId}.${time}.${body}`);
  });

  it('detects a re-serialised body', async () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const result = await lab(sign({ body: pretty }));
    expect(result.valid).toBe(false);
    expect(cause(result)).toEqual(['body re-serialised']);
  });

  it('detects the wrong path (production path signed, sandbox path used)', async () => {
    const result = await lab(sign({ path: path.replace('/ams/sandbox/api/', '/ams/api/') }));
    expect(cause(result)).toEqual(['path']);
    expect(result.diagnosis.find((d) => d.check === 'path')?.finding).toContain('/ams/api/v1/payments/inquiryPayment');
  });

  it('detects the wrong key or environment (signed by the embedded sandbox)', async () => {
    const sandboxKey = await kit.core.profiles.loadSandboxAntomKey('Embedded sandbox');
    const { parsePrivateKey } = await import('../../../src-main/core/keys/parse-keys');
    const signature = signRequest({ path, clientId, time, body }, parsePrivateKey(sandboxKey).keyObject).signatureHeader;
    const result = await lab(signature);
    expect(cause(result)).toEqual(['key or environment']);
    expect(result.diagnosis.find((d) => d.check === 'key or environment')?.finding).toMatch(/Embedded sandbox/);
  });

  it('detects an un-encoded signature', async () => {
    // Find a body whose signature's base64 has a '+', then paste it raw.
    let raw: string | undefined;
    let rawBody = body;
    for (let i = 0; i < 200 && !raw; i++) {
      rawBody = `{"paymentRequestId":"PAY-LAB-${i}"}`;
      const s = signRequest({ path, clientId, time, body: rawBody }, antomKey.keyObject);
      if (s.signatureBase64.includes('+')) raw = s.signatureBase64;
    }
    expect(raw).toBeDefined();
    const result = await lab(`algorithm=RSA256,keyVersion=1,signature=${raw}`, { body: rawBody });
    expect(result.valid).toBe(false);
    expect(cause(result)).toContain('signature encoding');
  });

  it('flags a time header that is neither epoch nor ISO, and checks against a profile key', async () => {
    const created = await kit.ok('createProfile', { name: 'Lab', environment: 'sandbox', region: 'SG', clientId, antomPublicKey });
    expect(created.profile.antomPublicKey).toBe(antomPublicKey);
    const odd = 'Thu, 01 Jan 2026 00:00:00 GMT';
    const result = await kit.ok('verifySignatureLab', { profile: 'Lab', path, clientId, time: odd, body, signature: sign({}) });
    expect(result.valid).toBe(false);
    expect(result.diagnosis.find((d) => d.check === 'time header')?.finding).toContain('neither epoch');
  });

  it('needs a key to check against', async () => {
    const error = await kit.fails('verifySignatureLab', { profile: 'Prod', path, clientId, time, body, signature: sign({}) });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.hint).toMatch(/public key/);
    expect((await kit.fails('verifySignatureLab', { publicKey: vectors.keys.merchant.privateKeyPkcs8Base64, path, clientId, time, body, signature: sign({}) })).code).toBe('KEY_WRONG_KIND');
  });
});
