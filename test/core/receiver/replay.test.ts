import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { replayNotification } from '../../../src-main/core/receiver/replay';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { TEST_CLIENT_ID, antomTestPrivateKey, antomTestPublicKey, paymentResultBody, sendNotification, sendRaw, signNotification } from '../../support/notification-sender';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const receivers: NotificationReceiver[] = [];
const servers: Server[] = [];
const fixtures: JournalFixture[] = [];

afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
  for (const f of fixtures.splice(0)) await f.cleanup();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

async function receiver(path: string, profile = 'sandbox-eu', alternatePaths: string[] = []) {
  const fx = await openTestJournal();
  fixtures.push(fx);
  const sink = fx.journal;
  const key = antomTestPublicKey();
  const r = await startNotificationReceiver({ path, sink, alternatePaths, resolveVerifier: (id) => (id === TEST_CLIENT_ID ? { profile, antomPublicKey: key } : undefined) });
  receivers.push(r);
  return { r, sink };
}

/** A notification received and stored by the console's own receiver. */
async function storedNotification(profile = 'sandbox-eu') {
  const { r, sink } = await receiver('/antom/notify', profile);
  const n = signNotification({ path: '/antom/notify', body: paymentResultBody('PAY-R1') });
  const res = await sendNotification(new URL(r.url).origin, n);
  expect(res.body).toBe(ACKNOWLEDGEMENT_BODY);
  return { sink, id: res.notificationId!, sent: n };
}

const signer = { clientId: TEST_CLIENT_ID, antomPrivateKey: antomTestPrivateKey() };
const sandboxOnly = (profile: string | null | undefined) => profile === 'sandbox-eu';

describe('replay', () => {
  it('as received to the same path: the integrator verifies and acknowledges it', async () => {
    const { sink, id, sent } = await storedNotification();
    const target = await receiver('/antom/notify');
    const result = await replayNotification({ sink, id, toUrl: target.r.url, mode: 'as-received' });
    expect(result).toMatchObject({ httpStatus: 200, responseBody: ACKNOWLEDGEMENT_BODY, acknowledged: true, warnings: [], error: undefined, signedPath: '/antom/notify' });
    expect(result.requestHeaders.signature).toBe(sent.headers.signature);
    expect(result.latencyMs).toBeGreaterThan(0);
    const row = (await target.sink.getNotification((await target.sink.listNotifications()).items[0]!.id))!;
    expect(row.verification).toBe('verified');
    expect(row.rawBody.equals(sent.body)).toBe(true);
  });

  it('as received to another path: warns up front, and the target rejects it as wrong-path', async () => {
    const { sink, id } = await storedNotification();
    // the target knows the console's notify path, so it can name the mismatch
    const target = await receiver('/payNotify', 'sandbox-eu', ['/antom/notify']);
    const result = await replayNotification({ sink, id, toUrl: target.r.url, mode: 'as-received' });
    expect(result.warnings.join(' ')).toContain('"/antom/notify"');
    expect(result.acknowledged).toBe(false);
    expect(result.httpStatus).toBe(401);
    expect((await target.sink.listNotifications()).items[0]).toMatchObject({ verification: 'rejected', rejectReason: 'wrong-path' });
  });

  it('re-signed for the target path with the sandbox key: verified and acknowledged', async () => {
    const { sink, id } = await storedNotification();
    const target = await receiver('/payNotify');
    const result = await replayNotification({ sink, id, toUrl: `${target.r.url}?shop=1`, mode: 're-signed', signer, isSandboxProfile: sandboxOnly, now: () => new Date('2026-11-22T10:00:00Z') });
    expect(result).toMatchObject({ acknowledged: true, httpStatus: 200, signedPath: '/payNotify?shop=1', warnings: [] });
    expect(result.requestHeaders['request-time']).toBe(String(Date.parse('2026-11-22T10:00:00Z')));
    expect((await target.sink.listNotifications()).items[0]).toMatchObject({ verification: 'verified', receiverPath: '/payNotify?shop=1' });
  });

  it('refuses to re-sign a production notification', async () => {
    const { sink, id } = await storedNotification('live-sg');
    await expect(replayNotification({ sink, id, toUrl: 'http://127.0.0.1:1/x', mode: 're-signed', signer, isSandboxProfile: sandboxOnly })).rejects.toMatchObject({ code: 'REPLAY_REFUSED', hint: expect.stringMatching(/as received/) });
  });

  it('refuses to re-sign a forged notification the receiver rejected, so it can never become a verified SUCCESS', async () => {
    const { r, sink } = await receiver('/antom/notify');
    const origin = new URL(r.url).origin;
    // Signed with a key that is not Antom's (the merchant's), and one with no signature at all.
    const forged = signNotification({ path: '/antom/notify', body: paymentResultBody('PAY-FORGED'), privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });
    const forgedRes = await sendNotification(origin, forged);
    expect(forgedRes.status).toBe(401);
    const unsigned = await sendRaw(origin, '/antom/notify', { method: 'POST', headers: { 'content-type': 'application/json', 'client-id': TEST_CLIENT_ID }, body: paymentResultBody('PAY-FORGED-2') });
    expect(unsigned.status).toBe(401);
    const target = await receiver('/payNotify');
    for (const id of [forgedRes.notificationId!, unsigned.notificationId!]) {
      await expect(replayNotification({ sink, id, toUrl: target.r.url, mode: 're-signed', signer, isSandboxProfile: sandboxOnly }))
        .rejects.toMatchObject({ code: 'REPLAY_REFUSED', message: expect.stringContaining('rejected'), hint: expect.stringMatching(/as received/) });
    }
    // Nothing reached the target.
    expect((await target.sink.listNotifications()).items).toHaveLength(0);
    // As received it may still be sent (to reproduce the forgery); the target rejects it again.
    const asReceived = await replayNotification({ sink, id: forgedRes.notificationId!, toUrl: `${origin}/antom/notify`, mode: 'as-received' });
    expect(asReceived.acknowledged).toBe(false);
  });

  it('validates the URL and the id', async () => {
    const { sink, id } = await storedNotification();
    await expect(replayNotification({ sink, id, toUrl: 'ftp://127.0.0.1/x', mode: 'as-received' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(replayNotification({ sink, id, toUrl: 'not a url', mode: 'as-received' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(replayNotification({ sink, id: 999, toUrl: 'http://127.0.0.1/x', mode: 'as-received' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reports a server that is down, or too slow, as the answer rather than throwing', async () => {
    const { sink, id } = await storedNotification();
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const down = await replayNotification({ sink, id, toUrl: `http://127.0.0.1:${port}/payNotify`, mode: 'as-received' });
    expect(down).toMatchObject({ httpStatus: undefined, acknowledged: false, error: { code: 'NETWORK_ERROR' } });

    let release: () => void = () => undefined;
    const slow = createServer((_req, res) => { release = () => res.end('late'); });
    servers.push(slow);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const slowResult = await replayNotification({ sink, id, toUrl: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/n`, mode: 'as-received', timeoutMs: 100 });
    release();
    expect(slowResult.error).toMatchObject({ code: 'TIMEOUT' });
  });
});
