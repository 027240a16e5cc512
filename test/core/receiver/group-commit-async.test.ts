/**
 * Group commit against a journal that answers later, as one across the network does: the real
 * SQLite journal, with each storeNotifications held at a gate before it runs (observing the
 * call, never replacing it). Nothing is acknowledged before its batch has committed; one batch
 * is in flight at a time (or as many as the journal takes: concurrentStores) and what arrives
 * meanwhile is the next batch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from 'node:http';
import type { Journal } from '../../../src-main/core/journal/journal';
import type { NotificationAnswerRecord, ReceivedNotification, StoredNotificationRef } from '../../../src-main/core/journal/journal-types';
import { startNotificationReceiver, type NotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { TEST_CLIENT_ID, antomTestPublicKey, paymentResultBody, sendNotification, signNotification, type SendResult } from '../../support/notification-sender';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';

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

/** Holds every storeNotifications call until released, and notes each batch size and how many were in flight at once. */
function gateStores(journal: Journal) {
  const store = journal.storeNotifications.bind(journal);
  const waiting: Array<() => void> = [];
  const sizes: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  journal.storeNotifications = async (batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[]): Promise<StoredNotificationRef[]> => {
    sizes.push(batch.length);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return await store(batch, answers);
    } finally {
      inFlight--;
    }
  };
  return {
    sizes,
    maxInFlight: () => maxInFlight,
    waiting: () => waiting.length,
    release: () => waiting.splice(0).forEach((go) => go()),
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A receiver on the gated journal, and a sender that notes every answer as it comes (payments named prefix + i). */
async function gatedReceiver(journal: Journal, prefix: string) {
  const gate = gateStores(journal);
  const key = antomTestPublicKey();
  receiver = await startNotificationReceiver({ sink: journal, resolveVerifier: (id) => (id === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined) });
  const origin = new URL(receiver.url).origin;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  agents.push(agent);
  const answered: SendResult[] = [];
  const send = (i: number) => sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody(`${prefix}${i}`) }), agent).then((r) => (answered.push(r), r));
  return { gate, answered, send };
}

/** Release held batches one by one until `total` are answered; while one is held, what was answered is at most what was committed. */
async function releaseUntilAnswered(journal: Journal, gate: ReturnType<typeof gateStores>, answered: readonly SendResult[], total: number): Promise<void> {
  while (answered.length < total) {
    await until(() => gate.waiting() > 0 || answered.length === total, 'the next batch');
    if (gate.waiting() === 0) break;
    expect(answered.length).toBeLessThanOrEqual((await journal.counts()).notifications);
    gate.release();
  }
}

describe('group commit on a journal that answers later', () => {
  it('acknowledges nothing before its batch commits, and batches what arrives meanwhile', async () => {
    fx = await openTestJournal();
    const { gate, answered, send } = await gatedReceiver(fx.journal, 'PAY-G');

    const first = send(0);
    await until(() => gate.waiting() === 1, 'the first batch to reach the journal');
    const rest = Array.from({ length: 40 }, (_, i) => send(i + 1));
    // Let the other requests arrive while the first batch is held.
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toEqual([]);
    expect(gate.waiting()).toBe(1);
    expect((await fx.journal.counts()).notifications).toBe(0);

    gate.release();
    expect((await first).body).toBe(ACKNOWLEDGEMENT_BODY);
    // Everything that queued behind the first batch goes as the next batch(es), one at a time.
    await releaseUntilAnswered(fx.journal, gate, answered, 41);
    const results = await Promise.all(rest);
    expect(results.every((r) => r.body === ACKNOWLEDGEMENT_BODY)).toBe(true);
    expect((await fx.journal.counts()).notifications).toBe(41);
    expect(gate.maxInFlight()).toBe(1);
    expect(gate.sizes[0]).toBe(1);
    expect(Math.max(...gate.sizes.slice(1))).toBeGreaterThan(1);
    expect(gate.sizes.reduce((a, b) => a + b, 0)).toBe(41);
  });

  it('keeps as many batches in flight as the journal takes (concurrentStores), each answered only after its own commit', async () => {
    fx = await openTestJournal();
    // A journal across a network takes several transactions at once (PostgreSQL: 3).
    Object.defineProperty(fx.journal, 'concurrentStores', { value: 3 });
    const { gate, answered, send } = await gatedReceiver(fx.journal, 'PAY-C');

    const all: Promise<SendResult>[] = [];
    // One at a time until three batches are held: each arrives while the others wait at the gate.
    for (let i = 0; i < 3; i++) {
      all.push(send(i));
      await until(() => gate.waiting() === i + 1, `batch ${i + 1} to reach the journal`);
    }
    all.push(...Array.from({ length: 30 }, (_, i) => send(i + 3)));
    await new Promise((r) => setTimeout(r, 300));
    // Three in flight and no fourth: what arrived meanwhile waits for one of them to finish.
    expect(gate.waiting()).toBe(3);
    expect(answered).toEqual([]);

    await releaseUntilAnswered(fx.journal, gate, answered, 33);
    const results = await Promise.all(all);
    expect(results.every((r) => r.body === ACKNOWLEDGEMENT_BODY)).toBe(true);
    expect((await fx.journal.counts()).notifications).toBe(33);
    expect(gate.maxInFlight()).toBe(3);
    expect(gate.sizes.reduce((a, b) => a + b, 0)).toBe(33);
  });
});
