/**
 * Live updates on a shared PostgreSQL journal (issue 7 §4), with real processes on the test
 * run's real server: a console core (A) hears, as its own push events, a notification stored by a
 * separate receiver process (`antom-ops notifications listen --database`) and a call recorded by
 * another console core (B), each within 2 s (the latency is printed); its own writes are pushed
 * once, not twice; and after its LISTEN connection was cut while a notification arrived (the
 * NOTIFY missed), the catch-up cursor delivers it when the connection is back.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PushPayloads } from '../../../../src-shared/contract';
import { createCore, type Core } from '../../../../src-main/core/compose';
import { SessionSecretStore } from '../../../../src-main/core/keychain/session-secret-store';
import { paymentResultBody, sendNotification, signNotification } from '../../../support/notification-sender';
import { createTestDatabase, describeWithPostgres, testDatabaseUrl, type TestDatabase } from '../../../support/postgres';
import { startCli } from '../../../support/run-cli';
import { vectors } from '../../../support/signature-vectors';

type Pushed<N extends keyof PushPayloads> = { at: number; payload: PushPayloads[N] };

/** Collects a core's push events with their arrival time, and waits for one that matches. */
function recordPushes(core: Core) {
  const notifications: Array<Pushed<'notificationStored'>> = [];
  const calls: Array<Pushed<'callRecorded'>> = [];
  core.push.on('notificationStored', (payload) => notifications.push({ at: performance.now(), payload }));
  core.push.on('callRecorded', (payload) => calls.push({ at: performance.now(), payload }));
  async function waitFor<T extends { at: number }>(list: T[], match: (item: T) => boolean, timeoutMs: number): Promise<T | undefined> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = list.find(match);
      if (hit || performance.now() > deadline) return hit;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { notifications, calls, waitFor };
}

describeWithPostgres('live updates from a shared PostgreSQL journal', () => {
  let db: TestDatabase;
  let dir: string;
  let receiver: Awaited<ReturnType<typeof startCli>> | undefined;
  let receiverOrigin = '';
  let receiverPath = '';
  let consoleA: Core;
  let consoleB: Core;
  let pushesA: ReturnType<typeof recordPushes>;

  beforeAll(async () => {
    db = await createTestDatabase('live');
    dir = mkdtempSync(join(tmpdir(), 'antom-live-'));
    const keyFile = join(dir, 'antom.pub');
    writeFileSync(keyFile, vectors.keys.antom.publicKeyPem);
    // Console A: a plain console core on the shared journal (migrates the empty database).
    consoleA = await createCore({ dataDir: join(dir, 'a'), databaseUrl: db.url, secrets: new SessionSecretStore(), ensureDefaultProfile: false, door: 'preview' });
    pushesA = recordPushes(consoleA);
    // Console B: another console, with its embedded sandbox to make real signed calls against.
    consoleB = await createCore({
      dataDir: join(dir, 'b'), databaseUrl: db.url, secrets: new SessionSecretStore(), startEmbeddedSandbox: true, door: 'preview',
      clientOptions: { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    });
    // The receiver: a separate process, as a merchant runs it.
    receiver = await startCli(['notifications', 'listen', '--port', '0', '--antom-public-key', keyFile, '--database', db.url, '--json']);
    const url = new URL(String((JSON.parse(receiver.firstLine) as { url: string }).url));
    receiverOrigin = url.origin;
    receiverPath = url.pathname;
  }, 60_000);

  afterAll(async () => {
    if (receiver) expect(await receiver.stop()).toBe(0);
    await consoleB?.close();
    await consoleA?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a notification stored by a separate receiver process reaches the console within 2 s', async () => {
    const body = paymentResultBody('PAY-LIVE-1', { value: '1250', currency: 'USD', paymentRequestId: 'REQ-LIVE-1' });
    const sentAt = performance.now();
    const sent = await sendNotification(receiverOrigin, signNotification({ path: receiverPath, body }));
    const acknowledgedAt = performance.now();
    expect(sent.status).toBe(200);
    const pushed = await pushesA.waitFor(pushesA.notifications, (p) => p.payload.paymentId === 'PAY-LIVE-1', 5_000);
    expect(pushed, 'the console heard about the notification').toBeDefined();
    const latency = pushed!.at - sentAt;
    console.log(`[live] notification: sent -> console push ${latency.toFixed(1)} ms (after the receiver's acknowledgement: ${(pushed!.at - acknowledgedAt).toFixed(1)} ms)`);
    expect(latency).toBeLessThan(2_000);
    expect(pushed!.payload).toMatchObject({ notifyType: 'PAYMENT_RESULT', verification: 'verified', paymentRequestId: 'REQ-LIVE-1', duplicate: false });
    const stored = await consoleA.journal.getNotification(pushed!.payload.id);
    expect(stored?.paymentId).toBe('PAY-LIVE-1');

    // Antom's resend is an attempt of the same notification: pushed again, as a duplicate.
    await sendNotification(receiverOrigin, signNotification({ path: receiverPath, body }));
    const resend = await pushesA.waitFor(pushesA.notifications, (p) => p.payload.paymentId === 'PAY-LIVE-1' && p.payload.duplicate, 2_000);
    expect(resend?.payload.id).toBe(pushed!.payload.id);
  });

  it('a call recorded by another console reaches the console within 2 s; each console pushes its own call once', async () => {
    const callsOfB = recordPushes(consoleB);
    const startedAt = performance.now();
    const outcome = await consoleB.handlers.inquiryPayment({ paymentRequestId: 'REQ-LIVE-CALL-1' });
    const recordedAt = performance.now();
    expect(outcome).toBeDefined();
    const pushed = await pushesA.waitFor(pushesA.calls, (p) => p.payload.paymentRequestId === 'REQ-LIVE-CALL-1', 5_000);
    expect(pushed, 'the console heard about the other console\'s call').toBeDefined();
    // B pushes its own call the moment its journal write resolves: the latency is from there to A's push.
    const ownPush = callsOfB.calls.find((p) => p.payload.paymentRequestId === 'REQ-LIVE-CALL-1');
    expect(ownPush).toBeDefined();
    const latency = pushed!.at - ownPush!.at;
    console.log(`[live] call: recorded by console B -> console A push ${latency.toFixed(1)} ms (call start -> A push ${(pushed!.at - startedAt).toFixed(1)} ms; B's handler returned at ${(recordedAt - startedAt).toFixed(1)} ms)`);
    expect(latency).toBeLessThan(2_000);
    expect(pushed!.payload).toMatchObject({ api: 'inquiryPayment', paymentRequestId: 'REQ-LIVE-CALL-1' });
    // B pushed its own call when it recorded it, and its live feed skipped the echo from the database.
    await new Promise((r) => setTimeout(r, 500));
    expect(callsOfB.calls.filter((p) => p.payload.paymentRequestId === 'REQ-LIVE-CALL-1')).toHaveLength(1);
    expect(pushesA.calls.filter((p) => p.payload.paymentRequestId === 'REQ-LIVE-CALL-1')).toHaveLength(1);
  });

  it('a notification stored while the console\'s LISTEN connection was down is delivered by the catch-up after it reconnects', async () => {
    const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => undefined });
    try {
      // Keep the LISTEN connection from coming back until we allow it, then cut it.
      await admin.unsafe(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS false`);
      const cut = await admin.unsafe<{ pid: number }[]>(
        `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'listen %' AND pid <> pg_backend_pid()`, [db.name]);
      expect(cut.length, 'the consoles\' LISTEN connections').toBeGreaterThanOrEqual(1);

      // The receiver still has its pool connection open: it stores and acknowledges.
      const body = paymentResultBody('PAY-LIVE-MISSED', { value: '990', currency: 'EUR', paymentRequestId: 'REQ-LIVE-MISSED' });
      const sent = await sendNotification(receiverOrigin, signNotification({ path: receiverPath, body }));
      expect(sent.status).toBe(200);
      await new Promise((r) => setTimeout(r, 700));
      expect(pushesA.notifications.find((p) => p.payload.paymentId === 'PAY-LIVE-MISSED'), 'no NOTIFY can reach a cut connection').toBeUndefined();

      await admin.unsafe(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`);
      const allowedAt = performance.now();
      const caughtUp = await pushesA.waitFor(pushesA.notifications, (p) => p.payload.paymentId === 'PAY-LIVE-MISSED', 15_000);
      expect(caughtUp, 'the catch-up delivered the missed notification').toBeDefined();
      console.log(`[live] catch-up: delivered ${(caughtUp!.at - allowedAt).toFixed(1)} ms after the server accepted connections again`);
      expect(pushesA.notifications.filter((p) => p.payload.paymentId === 'PAY-LIVE-MISSED')).toHaveLength(1);

      // And live again: the next notification arrives by NOTIFY.
      const nextBody = paymentResultBody('PAY-LIVE-AFTER', { value: '1', currency: 'EUR', paymentRequestId: 'REQ-LIVE-AFTER' });
      const sentAfter = performance.now();
      await sendNotification(receiverOrigin, signNotification({ path: receiverPath, body: nextBody }));
      const after = await pushesA.waitFor(pushesA.notifications, (p) => p.payload.paymentId === 'PAY-LIVE-AFTER', 5_000);
      expect(after).toBeDefined();
      expect(after!.at - sentAfter).toBeLessThan(2_000);
    } finally {
      await admin.unsafe(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
    }
  }, 30_000);
});
