/**
 * The Payments list off the acknowledgement path: a stored notification only queues its payment
 * (payments_pending); the receiver derives the list row in the background after answering. Real
 * HTTP, real signatures, a real SQLite file, read straight from the file so no list read (which
 * drains the queue itself) can have done the work.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { startPaymentsDrainer } from '../../../src-main/core/receiver/payments-drainer';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { TEST_CLIENT_ID, antomTestPublicKey, paymentResultBody, sendNotification, signNotification } from '../../support/notification-sender';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';

let receiver: NotificationReceiver | undefined;
let fx: JournalFixture | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await fx?.cleanup();
  fx = undefined;
});

interface Raw {
  payments: { key: string; status: string }[];
  pending: number;
}

/** The file's payments and queue as they are on disk (a second, read-only connection). */
function readRaw(file: string): Raw {
  const db = new Database(file, { readonly: true });
  try {
    return {
      payments: db.prepare('SELECT key, status FROM payments ORDER BY key').all() as Raw['payments'],
      pending: (db.prepare('SELECT count(*) AS n FROM payments_pending').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

async function waitFor(check: () => boolean, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

describe('payments list refresh after the acknowledgement', () => {
  it('lists notified payments within a second without any list read, and leaves nothing queued', async () => {
    fx = await openTestJournal();
    const key = antomTestPublicKey();
    receiver = await startNotificationReceiver({
      resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
      sink: fx.journal,
    });
    const origin = new URL(receiver.url).origin;
    // describe() is the file's path on SQLite.
    const file = fx.journal.describe();

    const answers = await Promise.all(['PAY-D1', 'PAY-D2', 'PAY-D3'].map((id) => sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody(id) }))));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body).toBe(ACKNOWLEDGEMENT_BODY);
    }
    await waitFor(() => readRaw(file).payments.length === 3, 1000);
    const raw = readRaw(file);
    expect(raw.payments).toEqual([
      { key: 'req-PAY-D1', status: 'PAID' }, { key: 'req-PAY-D2', status: 'PAID' }, { key: 'req-PAY-D3', status: 'PAID' },
    ]);
    expect(raw.pending).toBe(0);
  });
});

describe('payments drainer', () => {
  it('takes chunks while they come back full, coalesces wakes, and reports a failing drain without throwing', async () => {
    const taken: number[] = [];
    let queue = 7;
    const errors: unknown[] = [];
    const drainer = startPaymentsDrainer({
      chunk: 3,
      journal: {
        refreshQueuedPayments: async (limit) => {
          if (queue < 0) throw new Error('the journal is closed');
          const n = Math.min(limit, queue);
          queue -= n;
          taken.push(n);
          return n;
        },
      },
      onError: (error) => errors.push(error),
    });
    drainer.wake();
    drainer.wake();
    await waitFor(() => taken.length >= 3, 1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 3 + 3 + 1: a short chunk ends the pass; the second wake (same turn) ran no second pass.
    expect(taken).toEqual([3, 3, 1]);

    queue = -1;
    drainer.wake();
    await waitFor(() => errors.length === 1, 1000);
    expect(String(errors[0])).toContain('the journal is closed');

    await drainer.close();
    drainer.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(taken).toEqual([3, 3, 1]);
    expect(errors).toHaveLength(1);
  });

  it('derives the wakes of one delay in one drain, and close() cancels a drain not yet started', async () => {
    const taken: number[] = [];
    let queue = 0;
    const drainer = startPaymentsDrainer({
      chunk: 100,
      delayMs: 200,
      journal: {
        refreshQueuedPayments: async (limit) => {
          const n = Math.min(limit, queue);
          queue -= n;
          taken.push(n);
          return n;
        },
      },
      onError: (error) => { throw error; },
    });
    // Three group commits 10 ms apart: one drain takes all their payments.
    for (let i = 0; i < 3; i++) {
      queue += 4;
      drainer.wake();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(taken).toEqual([]);
    await waitFor(() => taken.length >= 1, 1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(taken).toEqual([12]);

    queue += 5;
    drainer.wake();
    await drainer.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Left queued (durable): the next list read derives it.
    expect(taken).toEqual([12]);
    expect(queue).toBe(5);
  });
});
