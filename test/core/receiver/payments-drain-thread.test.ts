/**
 * The Payments list's drain on a worker thread (payments-drain-thread.ts), as the intake service
 * runs it on a shared PostgreSQL journal: real HTTP, real signatures, a real PostgreSQL server,
 * the worker thread running the real drain on its own connections. The list rows appear without
 * any list read (which would drain the queue itself), and closing the receiver closes the thread.
 */
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import type { Journal } from '../../../src-main/core/journal/journal';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { startPaymentsDrainThread } from '../../../src-main/core/receiver/payments-drain-thread';
import { TEST_CLIENT_ID, antomTestPublicKey, paymentResultBody, sendNotification, signNotification } from '../../support/notification-sender';
import { describeWithPostgres, useTestDatabase } from '../../support/postgres';

let receiver: NotificationReceiver | undefined;
let journal: Journal | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await journal?.close();
  journal = undefined;
});

async function waitFor(check: () => Promise<boolean>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeWithPostgres('payments drain thread', () => {
  const db = useTestDatabase('payments drain thread');

  it('derives the list rows of notified payments on its own thread and closes with the receiver', async () => {
    journal = await openJournal({ engine: 'postgres', url: db.url });
    const errors: unknown[] = [];
    const drainer = await startPaymentsDrainThread({ journal: { engine: 'postgres', url: db.url }, onError: (error) => errors.push(error) });
    const key = antomTestPublicKey();
    receiver = await startNotificationReceiver({
      sink: journal,
      paymentsDrainer: drainer,
      resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
    });
    const origin = new URL(receiver.url).origin;
    const ids = Array.from({ length: 30 }, (_, i) => `PAY-T${i}`);
    const answers = await Promise.all(ids.map((id) => sendNotification(origin, signNotification({ path: '/antom/notify', body: paymentResultBody(id) }))));
    expect(answers.every((a) => a.status === 200 && a.body === ACKNOWLEDGEMENT_BODY)).toBe(true);

    // Read the tables directly: a list read through the journal would drain the queue itself.
    const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      await waitFor(async () => (await sql`SELECT count(*)::int AS n FROM payments`)[0]!.n === ids.length, 5000);
      const rows = await sql<{ key: string; status: string }[]>`SELECT key, status FROM payments ORDER BY key`;
      expect(rows.map((r) => r.key)).toEqual(ids.map((id) => `req-${id}`).sort());
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['PAID']));
      expect((await sql`SELECT count(*)::int AS n FROM payments_pending`)[0]!.n).toBe(0);
      // The thread holds its own connections while it runs; closing the receiver closes them.
      const drainConnections = async (): Promise<number> => (await sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`)[0]!.n;
      const before = await drainConnections();
      await receiver.close();
      receiver = undefined;
      await waitFor(async () => (await drainConnections()) < before, 5000);
    } finally {
      await sql.end();
    }
    expect(errors).toEqual([]);
  });

  it('refuses to start, with the reason, when its journal cannot be opened', async () => {
    const unreachable = new URL(db.url);
    unreachable.port = '1';
    await expect(startPaymentsDrainThread({ journal: { engine: 'postgres', url: unreachable.toString() }, onError: () => undefined }))
      .rejects.toThrow(/could not open the journal/);
  });
});
