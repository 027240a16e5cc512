/**
 * A flood of unverified POSTs cannot fill the disk (issue 10 §2): rejected bodies are kept as a
 * 4 KiB prefix with their size and hash, and at most 100 rejected records are stored a minute.
 * Measured on the real data directory: the journal file, its WAL and everything beside them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Agent } from 'node:http';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { JOURNAL_FILE_NAME } from '../../../src-main/core/journal/sqlite-journal';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { REJECTED_BODY_PREFIX_BYTES, REJECTED_RECORDS_PER_WINDOW, boundRejectedBody, createRejectedBudget } from '../../../src-main/core/receiver/rejected-body-budget';
import type { ReceivedNotification } from '../../../src-main/core/journal/journal-types';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { TEST_CLIENT_ID, antomTestPublicKey, sendNotification, sendRaw, signNotification } from '../../support/notification-sender';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';
let receiver: NotificationReceiver | undefined;
let fx: JournalFixture | undefined;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await fx?.cleanup();
  fx = undefined;
});

function dataDirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** 250 KB of JSON naming a payment, like a forged notifyPayment padded out. */
function bigBody(i: number): string {
  const head = `{"notifyType":"PAYMENT_RESULT","paymentId":"PAY-FLOOD-${i}","result":{"resultStatus":"S","resultCode":"SUCCESS"},"pad":"`;
  return `${head}${'x'.repeat(250_000 - head.length - 2)}"}`;
}

describe('a flood of unsigned bodies', () => {
  it('grows the journal by at most a few MB, keeps a prefix, size and hash of what it stores, and counts the rest', async () => {
    fx = await openTestJournal();
    let clock = Date.parse('2026-11-30T08:00:00Z');
    const key = antomTestPublicKey();
    receiver = await startNotificationReceiver({
      resolveVerifier: (id) => (id === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
      sink: fx.journal,
      now: () => new Date(clock),
    });
    const origin = new URL(receiver.url).origin;
    const before = dataDirBytes(fx.dataDir);

    const total = 300;
    const statuses: number[] = [];
    for (let batch = 0; batch < total; batch += 20) {
      const sends = Array.from({ length: 20 }, (_, k) => {
        const i = batch + k;
        // Half carry a client-id and a wrong signature, so their verified content (which repeats the body) is bounded too.
        const headers: Record<string, string> = i % 2 === 0
          ? { 'content-type': 'application/json' }
          : { 'content-type': 'application/json', 'client-id': TEST_CLIENT_ID, 'request-time': String(clock), signature: 'algorithm=RSA256,keyVersion=1,signature=AAAA' };
        return sendRaw(origin, PATH, { headers, body: bigBody(i), agent });
      });
      for (const res of await Promise.all(sends)) statuses.push(res.status);
    }
    expect(statuses.every((s) => s === 400 || s === 401)).toBe(true);

    // A genuine notification during the flood is stored whole and acknowledged: the budget is only for rejections.
    const genuineBody = bigBody(9999).replace('"pad"', '"memo"');
    const genuine = await sendNotification(origin, signNotification({ path: PATH, body: genuineBody }), agent);
    expect(genuine.body).toBe(ACKNOWLEDGEMENT_BODY);
    expect((await fx.journal.getNotification(genuine.notificationId!))!.rawBody.length).toBe(Buffer.byteLength(genuineBody));

    // Everything in the directory, WAL included (SQLite's WAL holds a page image per transaction
    // until a checkpoint, then is reused): stored whole, this flood would be 75 MB and more.
    const genuineCost = Buffer.byteLength(genuineBody) * 2; // its body and its search index
    const growth = dataDirBytes(fx.dataDir) - before - genuineCost;
    expect(growth, `data directory grew by ${growth} bytes for ${total} rejected bodies of 250 KB`).toBeLessThan(6 * 1024 * 1024);
    // What stays once the WAL is checkpointed into the file: the records themselves.
    const other = new Database(join(fx.dataDir, JOURNAL_FILE_NAME));
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    const durable = dataDirBytes(fx.dataDir) - before - genuineCost;
    expect(durable, `checkpointed journal grew by ${durable} bytes`).toBeLessThan(1.5 * 1024 * 1024);

    const rejected = (await fx.journal.listNotifications({ verification: 'rejected' }, { limit: 500 })).items;
    expect(rejected).toHaveLength(REJECTED_RECORDS_PER_WINDOW);
    expect(receiver.rejectedNotStored()).toBe(total - REJECTED_RECORDS_PER_WINDOW);
    const sample = (await fx.journal.getNotification(rejected[0]!.id))!;
    const whole = bigBody(Number(/PAY-FLOOD-(\d+)/.exec(sample.body)![1]));
    expect(sample).toMatchObject({ bodyExact: false, bodyBytes: Buffer.byteLength(whole), bodySha256: createHash('sha256').update(whole).digest('hex'), paymentId: expect.stringMatching(/^PAY-FLOOD-/) });
    expect(sample.rawBody.length).toBe(REJECTED_BODY_PREFIX_BYTES);
    const withContent = (await Promise.all(rejected.map(async (r) => (await fx!.journal.getNotification(r.id))!))).find((n) => n.contentVerified !== null)!;
    expect(withContent.contentVerified!.length).toBeLessThan(REJECTED_BODY_PREFIX_BYTES + 200);

    // The next minute stores again, and says how many were answered but not stored.
    clock += 61_000;
    const next = await sendRaw(origin, PATH, { headers: { 'content-type': 'application/json' }, body: bigBody(1000), agent });
    expect(next.notificationId).toBeTypeOf('number');
    expect((await fx.journal.getNotification(next.notificationId!))!.rejectDetail).toContain(`${total - REJECTED_RECORDS_PER_WINDOW} more rejected POST(s)`);
  }, 60_000);
});

describe('the rejected-record budget', () => {
  it('caps per minute and per day, whichever is spent first, and starts again when a window passes', async () => {
    let t = 0;
    const budget = createRejectedBudget(() => new Date(t), [{ ms: 60_000, max: 3 }, { ms: 3_600_000, max: 5 }]);
    const record = (i: number) => notificationFixture(`{"i":${i}}`);
    const admitted = (n: number) => Array.from({ length: n }, (_, i) => budget.admit(record(i)) !== undefined).filter(Boolean).length;
    expect(admitted(10)).toBe(3);
    t += 60_000;
    expect(budget.admit(record(0))!.rejectDetail).toContain('7 more rejected POST(s)'); // the first stored after the 7 skipped says so
    expect(admitted(9)).toBe(1); // the hour's 5 are spent
    t += 3_600_000;
    const first = budget.admit(record(0))!;
    expect(first.rejectDetail).toContain('8 more rejected POST(s)');
    expect(first.rejectDetail).toContain('at most 3 per minute, 5 per 60 minutes');
    expect(budget.notStored()).toBe(15);
  });

  it('keeps short rejected bodies and every verified body as they are', async () => {
    const short = notificationFixture('{"a":1}');
    expect(boundRejectedBody(short)).toBe(short);
    const long = notificationFixture(`{"a":"${'y'.repeat(10_000)}"}`);
    expect(boundRejectedBody({ ...long, verification: 'verified' }).rawBody.length).toBe(long.rawBody.length);
    const cut = boundRejectedBody(long);
    expect(cut.rawBody.equals(long.rawBody.subarray(0, REJECTED_BODY_PREFIX_BYTES))).toBe(true);
    expect(cut.bodyWhole).toEqual({ bytes: long.rawBody.length, sha256: createHash('sha256').update(long.rawBody).digest('hex') });
    expect(cut.contentVerified).toBe(`POST /antom/notify\nC.1.${cut.rawBody.toString('utf8')}`);
  });
});

function notificationFixture(body: string): ReceivedNotification {
  return {
    receivedAt: '2026-11-30T08:00:00.000Z', receiverPath: PATH, remoteAddress: '127.0.0.1', headers: {}, rawBody: Buffer.from(body), profile: undefined,
    verification: 'rejected', rejectReason: 'wrong-key', rejectDetail: undefined, contentVerified: `POST /antom/notify\nC.1.${body}`, notifyType: 'UNKNOWN',
    dedupKey: undefined, ids: {}, resultStatus: undefined, resultCode: undefined, status: undefined, amountValue: undefined, amountCurrency: undefined,
  };
}
