import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from 'node:http';
import { connect } from 'node:net';
import { startNotificationReceiver, type NotificationReceiver, type NotificationReceiverOptions } from '../../../src-main/core/receiver/notification-receiver';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { ConsoleError } from '../../../src-shared/errors';
import {
  TEST_CLIENT_ID,
  antomTestPublicKey,
  captureResultBody,
  paymentResultBody,
  refundResultBody,
  sendNotification,
  sendRaw,
  signNotification,
} from '../../support/notification-sender';
import { createPrivateKey } from 'node:crypto';
import { vectors } from '../../support/signature-vectors';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';
const merchantPrivateKey = createPrivateKey({ key: Buffer.from(vectors.keys.merchant.privateKeyPkcs8Base64 as string, 'base64'), format: 'der', type: 'pkcs8' });

let receiver: NotificationReceiver | undefined;
let fx: JournalFixture | undefined;
const agents: Agent[] = [];

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  for (const a of agents.splice(0)) a.destroy();
  await fx?.cleanup();
  fx = undefined;
});

const journal = () => fx!.journal;
const storedCount = async () => (await journal().listNotifications({}, { limit: 500 })).items.length;

async function start(extra: Partial<NotificationReceiverOptions> = {}): Promise<{ r: NotificationReceiver; origin: string }> {
  fx = await openTestJournal();
  const key = antomTestPublicKey();
  receiver = await startNotificationReceiver({
    resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
    sink: fx.journal,
    ...extra,
  });
  return { r: receiver, origin: new URL(receiver.url).origin };
}

async function rowOf(id: number | undefined) {
  expect(id).toBeTypeOf('number');
  const row = await journal().getNotification(id!);
  expect(row, `notification ${id} is in the journal`).toBeDefined();
  return row!;
}

describe('notification receiver: verified notifications', () => {
  it('acknowledges a signed notifyPayment with the exact bytes, after it is stored', async () => {
    const pushed: { id: number; verification: string }[] = [];
    const { r, origin } = await start({ onStored: (ref, n) => pushed.push({ id: ref.id, verification: n.verification }) });
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/antom\/notify$/);
    const n = signNotification({ path: PATH, body: paymentResultBody('PAY-1', { value: '8000', currency: 'EUR' }) });
    const res = await sendNotification(origin, n);
    expect(res.status).toBe(200);
    expect(res.body).toBe(ACKNOWLEDGEMENT_BODY);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const row = await rowOf(res.notificationId);
    expect(row).toMatchObject({
      verification: 'verified',
      rejectReason: null,
      profile: 'sandbox-eu',
      notifyType: 'PAYMENT_RESULT',
      status: 'SUCCESS',
      resultStatus: 'S',
      resultCode: 'SUCCESS',
      amount: { value: '8000', currency: 'EUR' },
      dedupKey: 'PAYMENT_RESULT|PAY-1|SUCCESS',
      receiverPath: PATH,
      paymentId: 'PAY-1',
      paymentRequestId: 'req-PAY-1',
      bodyExact: true,
      attempts: 1,
    });
    expect(row.rawBody.equals(n.body)).toBe(true);
    expect(pushed).toEqual([{ id: row.id, verification: 'verified' }]);
    expect(row.headers['client-id']).toBe(TEST_CLIENT_ID);
    expect(row.contentVerified).toBe(`POST ${PATH}\n${TEST_CLIENT_ID}.${n.headers['request-time']}.${n.body.toString('utf8')}`);
    // the acknowledgement is committed with the notification, so it is there as soon as the sender has it
    expect(row.acknowledged).toBe(true);
    expect(row.attemptList).toMatchObject([{ answerStatus: 200, answerBody: ACKNOWLEDGEMENT_BODY, verification: 'verified' }]);
  });

  it('withdraws an acknowledgement the sender never got (connection reset before the answer)', async () => {
    const errors: unknown[] = [];
    const { origin } = await start({ onError: (e) => errors.push(e) });
    const n = signNotification({ path: PATH, body: paymentResultBody('PAY-GONE') });
    const url = new URL(origin);
    const client = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => client.once('connect', resolve));
    client.on('error', () => undefined);
    // The sender resets the connection right after its request: the notification is stored (with
    // the answer meant for it), but the connection is gone by the time that answer could be written.
    const head = `POST ${PATH} HTTP/1.1\r\nhost: ${url.host}\r\ncontent-length: ${n.body.length}\r\n${Object.entries(n.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    client.write(Buffer.concat([Buffer.from(head, 'latin1'), n.body]));
    client.resetAndDestroy();
    await new Promise((resolve) => client.once('close', resolve));
    await receiver!.close(); // waits for the server's side of the connection, then records the withdrawal
    const [stored] = (await journal().listNotifications({ anyId: 'PAY-GONE' })).items;
    const row = await rowOf(stored?.id);
    expect(row).toMatchObject({ verification: 'verified', acknowledged: false, acknowledgedAt: null });
    expect(row.attemptList).toMatchObject([{ answerStatus: null, answerBody: null, answeredAt: null }]);
    expect(errors).toEqual([]);
  });

  it('parses notifyCapture, notifyRefund (refundStatus) and a failed payment', async () => {
    const { origin } = await start();
    const cap = await sendNotification(origin, signNotification({ path: PATH, body: captureResultBody('CAP-1', 'PAY-9') }));
    const ref = await sendNotification(origin, signNotification({ path: PATH, body: refundResultBody('REF-1', 'FAIL') }));
    const fail = await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-2', { status: 'F' }) }));
    for (const res of [cap, ref, fail]) expect(res.body).toBe(ACKNOWLEDGEMENT_BODY);
    expect((await rowOf(cap.notificationId))).toMatchObject({ notifyType: 'CAPTURE_RESULT', status: 'SUCCESS', captureId: 'CAP-1', paymentId: 'PAY-9', amount: { value: '5000', currency: 'USD' }, dedupKey: 'CAPTURE_RESULT|CAP-1|SUCCESS' });
    expect((await rowOf(ref.notificationId))).toMatchObject({ notifyType: 'REFUND_RESULT', status: 'FAIL', refundId: 'REF-1', dedupKey: 'REFUND_RESULT|REF-1|FAIL' });
    expect((await rowOf(fail.notificationId))).toMatchObject({ notifyType: 'PAYMENT_RESULT', status: 'FAIL', resultCode: 'USER_BALANCE_NOT_ENOUGH' });
  });

  it('serves paths below its own and verifies over the path and query actually requested', async () => {
    const { origin } = await start();
    const sub = await sendNotification(origin, signNotification({ path: `${PATH}/sandbox-eu`, body: paymentResultBody('PAY-3') }));
    expect(sub.body).toBe(ACKNOWLEDGEMENT_BODY);
    const withQuery = await sendNotification(origin, signNotification({ path: `${PATH}?profile=eu`, body: paymentResultBody('PAY-4') }));
    expect(withQuery.body).toBe(ACKNOWLEDGEMENT_BODY);
    expect((await rowOf(withQuery.notificationId)).receiverPath).toBe(`${PATH}?profile=eu`);
  });

  it('stores resends as attempts of the first and acknowledges each of them', async () => {
    const { origin } = await start();
    const body = paymentResultBody('PAY-DUP');
    const answers = [];
    for (let i = 0; i < 3; i++) {
      // Antom's resends carry a new request-time and signature over the same body
      answers.push(await sendNotification(origin, signNotification({ path: PATH, body, requestTime: String(1_790_000_000_000 + i) })));
    }
    expect(answers.map((a) => a.body)).toEqual([ACKNOWLEDGEMENT_BODY, ACKNOWLEDGEMENT_BODY, ACKNOWLEDGEMENT_BODY]);
    // the answers all point at the first notification; the resends are its attempts, not new rows
    expect(new Set(answers.map((a) => a.notificationId)).size).toBe(1);
    await receiver!.close();
    const row = await rowOf(answers[0]!.notificationId);
    expect(row).toMatchObject({ attempts: 3, acknowledged: true, paymentId: 'PAY-DUP' });
    expect(row.attemptList.map((a) => a.answerStatus)).toEqual([200, 200, 200]);
    expect((await journal().listNotifications({ anyId: 'PAY-DUP' })).items).toHaveLength(1);
  });
});

describe('notification receiver: rejections are stored and never acknowledged', () => {
  it('wrong key: a compact body signed with another key, on a fresh receiver', async () => {
    const { origin } = await start();
    const res = await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-WK'), privateKey: merchantPrivateKey }));
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('"resultStatus":"S"');
    expect(JSON.parse(res.body).result).toMatchObject({ resultCode: 'INVALID_SIGNATURE', resultStatus: 'F' });
    const row = await rowOf(res.notificationId);
    expect(row).toMatchObject({ verification: 'rejected', rejectReason: 'wrong-key', profile: 'sandbox-eu', paymentId: 'PAY-WK' });
    expect(row.rejectDetail).toMatch(/sandbox vs production/);
    await receiver!.close();
    expect((await rowOf(row.id))).toMatchObject({ acknowledged: false, attemptList: [{ answerStatus: 401 }] });
  });

  it('body changed: re-serialised bytes, or an edited value once the key has proven itself', async () => {
    const { origin } = await start();
    const original = signNotification({ path: PATH, body: paymentResultBody('PAY-T', { value: '8000' }) });
    const pretty = { ...original, body: Buffer.from(JSON.stringify(JSON.parse(original.body.toString()), null, 2)) };
    const prettyRes = await sendNotification(origin, pretty);
    expect(prettyRes.status).toBe(401);
    expect((await rowOf(prettyRes.notificationId))).toMatchObject({ rejectReason: 'body-changed', paymentId: 'PAY-T' });

    // once this key verified a notification from this client-id, a failure means the content changed
    expect((await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-OK') }))).status).toBe(200);
    const edited = { ...original, body: Buffer.from(original.body.toString().replace('"8000"', '"1"')) };
    const editedRes = await sendNotification(origin, edited);
    expect(editedRes.status).toBe(401);
    expect((await rowOf(editedRes.notificationId))).toMatchObject({ rejectReason: 'body-changed', amount: { value: '1' } });
  });

  it('wrong path: names the path the signature was made for', async () => {
    const { origin } = await start({ alternatePaths: ['/payNotify'] });
    const sub = signNotification({ path: PATH, body: paymentResultBody('PAY-P1') });
    const res = await sendNotification(origin, { ...sub, path: `${PATH}/eu` });
    expect(res.status).toBe(401);
    const row = await rowOf(res.notificationId);
    expect(row.rejectReason).toBe('wrong-path');
    expect(row.rejectDetail).toContain(`"${PATH}"`);

    const other = signNotification({ path: '/payNotify', body: paymentResultBody('PAY-P2') });
    const res2 = await sendNotification(origin, { ...other, path: PATH });
    expect((await rowOf(res2.notificationId))).toMatchObject({ rejectReason: 'wrong-path' });
    expect((await rowOf(res2.notificationId)).rejectDetail).toContain('"/payNotify"');
  });

  it('missing or garbled headers and unknown client-ids', async () => {
    const { origin } = await start();
    const good = signNotification({ path: PATH, body: paymentResultBody('PAY-H') });
    const without = (name: string) => Object.fromEntries(Object.entries(good.headers).filter(([k]) => k !== name));
    const cases: [Record<string, string>, string, number][] = [
      [without('client-id'), 'missing-client-id', 400],
      [without('request-time'), 'bad-time-header', 400],
      [without('signature'), 'malformed-signature', 401],
      [{ ...good.headers, signature: 'algorithm=RSA256,keyVersion=1,signature=%%zz' }, 'malformed-signature', 401],
      [{ ...good.headers, signature: 'algorithm=RSA256,keyVersion=1,signature=abcd' }, 'malformed-signature', 401],
      [{ ...good.headers, 'client-id': 'SANDBOX_SOMEONE_ELSE' }, 'unknown-client-id', 401],
    ];
    for (const [headers, reason, status] of cases) {
      const res = await sendRaw(origin, PATH, { headers, body: good.body });
      expect(res.status, reason).toBe(status);
      expect(JSON.parse(res.body).result.resultStatus).toBe('F');
      expect((await rowOf(res.notificationId))).toMatchObject({ verification: 'rejected', rejectReason: reason });
    }
  });

  it('not JSON, and JSON that is not a notification, even when signed correctly', async () => {
    const { origin } = await start();
    const notJson = await sendNotification(origin, signNotification({ path: PATH, body: 'notifyType=PAYMENT_RESULT&paymentId=1' }));
    expect(notJson.status).toBe(400);
    expect((await rowOf(notJson.notificationId))).toMatchObject({ rejectReason: 'not-json', verification: 'rejected' });
    const notObject = await sendNotification(origin, signNotification({ path: PATH, body: '["PAYMENT_RESULT"]' }));
    expect(notObject.status).toBe(400);
    expect((await rowOf(notObject.notificationId))).toMatchObject({ rejectReason: 'not-a-notification', verification: 'rejected', acknowledged: false });
  });

  it('a verified notification of a type it does not know is stored, shown as such and acknowledged, never bounced', async () => {
    const { origin } = await start();
    const body = JSON.stringify({ notifyType: 'DISPUTE_RESULT', result: { resultStatus: 'S' }, paymentId: 'P', paymentRequestId: 'R' });
    const unknownType = await sendNotification(origin, signNotification({ path: PATH, body }));
    expect(unknownType.status).toBe(200);
    expect(unknownType.body).toBe(ACKNOWLEDGEMENT_BODY);
    const row = await rowOf(unknownType.notificationId);
    expect(row).toMatchObject({ verification: 'verified', notifyType: 'UNKNOWN', acknowledged: true, rejectReason: null, paymentId: 'P', paymentRequestId: 'R', body });
    expect(row.unrecognised).toContain('DISPUTE_RESULT');
    expect(row.contentVerified).toBeDefined();
    // Antom's resend of the same bytes is an attempt of the same record, acknowledged again.
    const again = await sendNotification(origin, signNotification({ path: PATH, body }));
    expect(again).toMatchObject({ status: 200, notificationId: unknownType.notificationId });
    expect((await journal().listNotifications({ notifyType: 'UNKNOWN' })).items).toHaveLength(1);
  });

  it('oversized bodies get 413 and are kept as a prefix with their size', async () => {
    const { origin } = await start({ maxBodyBytes: 1024 });
    const big = signNotification({ path: PATH, body: JSON.stringify({ notifyType: 'PAYMENT_RESULT', pad: 'x'.repeat(50_000) }) });
    const res = await sendNotification(origin, big);
    expect(res.status).toBe(413);
    const row = await rowOf(res.notificationId);
    expect(row.rejectReason).toBe('oversized');
    expect(row.rawBody.length).toBeLessThanOrEqual(4096);
    expect(big.body.subarray(0, row.rawBody.length).equals(row.rawBody)).toBe(true);
    expect(row.rejectDetail).toContain(String(big.body.length));

    // chunked (no content-length): counted while reading
    const chunked = await sendRaw(origin, PATH, { headers: { ...big.headers, 'transfer-encoding': 'chunked' }, body: big.body });
    expect(chunked.status).toBe(413);
    expect((await rowOf(chunked.notificationId)).rejectReason).toBe('oversized');
  });

  it('GET gets 405, another path 404, and neither is stored', async () => {
    const { origin } = await start();
    const get = await sendRaw(origin, PATH, { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const elsewhere = await sendNotification(origin, signNotification({ path: '/other', body: paymentResultBody('PAY-X') }));
    expect(elsewhere.status).toBe(404);
    expect(await storedCount()).toBe(0);
  });

  it('answers 500 without acknowledging when the store fails, and accepts the resend', async () => {
    const errors: unknown[] = [];
    const { origin } = await start({ onError: (e) => errors.push(e) });
    const n = signNotification({ path: PATH, body: paymentResultBody('PAY-FULL') });
    await fx!.journal.close(); // the database is gone: every write throws
    const res = await sendNotification(origin, n);
    expect(res.status).toBe(500);
    expect(res.body).not.toContain('"resultStatus":"S"');
    expect(errors.length).toBeGreaterThan(0);
    await receiver!.close();

    // Antom resends; a receiver on the reopened journal stores and acknowledges it, once
    const reopened = await fx!.reopen();
    const key = antomTestPublicKey();
    receiver = await startNotificationReceiver({ sink: reopened, resolveVerifier: () => ({ profile: 'sandbox-eu', antomPublicKey: key }) });
    const resend = await sendNotification(new URL(receiver.url).origin, n);
    expect(resend.body).toBe(ACKNOWLEDGEMENT_BODY);
    expect((await reopened.listNotifications({ anyId: 'PAY-FULL' })).items).toMatchObject([{ attempts: 1 }]);
  });
});

describe('notification receiver: throughput and binding', () => {
  it('stores concurrent notifications in shared transactions and acknowledges every one', async () => {
    const { origin } = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    agents.push(agent);
    const batch = Array.from({ length: 200 }, (_, i) => signNotification({ path: PATH, body: paymentResultBody(`PAY-C${i}`) }));
    const answers = await Promise.all(batch.map((n) => sendNotification(origin, n, agent)));
    expect(answers.every((a) => a.body === ACKNOWLEDGEMENT_BODY)).toBe(true);
    expect(new Set(answers.map((a) => a.notificationId)).size).toBe(200);
    expect(await storedCount()).toBe(200);
    expect(fx!.batches.length).toBeLessThan(200);
    expect(Math.max(...fx!.batches)).toBeGreaterThan(1);
  });

  it('refuses a non-loopback address unless asked explicitly', async () => {
    fx = await openTestJournal();
    const opts = { resolveVerifier: () => undefined, sink: fx.journal };
    await expect(startNotificationReceiver({ ...opts, host: '0.0.0.0' })).rejects.toMatchObject({ code: 'BIND_REFUSED' });
    const error = await startNotificationReceiver({ ...opts, host: '0.0.0.0' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).hint).toMatch(/allowNonLoopback|--allow-non-loopback/);
    receiver = await startNotificationReceiver({ ...opts, host: '0.0.0.0', allowNonLoopback: true });
    expect(receiver.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/antom\/notify$/);
  });

  it('says which port is taken', async () => {
    const { r } = await start();
    await expect(startNotificationReceiver({ resolveVerifier: () => undefined, sink: fx!.journal, port: r.port })).rejects.toMatchObject({ code: 'PORT_IN_USE' });
  });
});
