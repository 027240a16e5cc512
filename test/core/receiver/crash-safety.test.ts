/**
 * Crash safety (issue 3, section 5): a receiver process is SIGKILLed in the middle of a burst of
 * notifications; after reopening the database, every notification whose acknowledgement the
 * sender received is there, verified, with its exact body, and nothing is stored twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'node:http';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { paymentResultBody, sendNotification, signNotification, type SendResult } from '../../support/notification-sender';

const CHILD = fileURLToPath(new URL('../../support/receiver-child.ts', import.meta.url));
const BURST = 2000;
const KILL_AFTER_ACKS = 600;

let child: ChildProcess | undefined;
let dataDir: string | undefined;
let agent: Agent | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  agent?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  child = undefined;
  dataDir = undefined;
  agent = undefined;
});

async function spawnReceiver(dir: string): Promise<{ url: string; exited: Promise<unknown> }> {
  child = spawn(process.execPath, ['--import', 'tsx', CHILD, '--data-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child!.once('exit', (code) => reject(new Error(`receiver child exited (${code}) before listening`)));
  });
  lines.close();
  return { url: (JSON.parse(first) as { url: string }).url, exited };
}

describe('crash safety', () => {
  it(`keeps every acknowledged notification when the receiver is killed mid-burst (${BURST} concurrent)`, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'antom-crash-'));
    const notifications = Array.from({ length: BURST }, (_, i) => signNotification({ path: '/antom/notify', body: paymentResultBody(`CRASH-${i}`) }));
    const { url, exited } = await spawnReceiver(dataDir);
    const origin = new URL(url).origin;
    agent = new Agent({ keepAlive: true, maxSockets: 64 });

    let acks = 0;
    let killedAtAck: number | undefined;
    const outcomes = await Promise.allSettled(
      notifications.map(async (n): Promise<SendResult> => {
        const res = await sendNotification(origin, n, agent);
        if (res.status === 200 && res.body === ACKNOWLEDGEMENT_BODY && ++acks === KILL_AFTER_ACKS) {
          killedAtAck = acks;
          child!.kill('SIGKILL');
        }
        return res;
      }),
    );
    await exited;
    expect(killedAtAck).toBe(KILL_AFTER_ACKS);
    expect(child!.signalCode).toBe('SIGKILL');

    const acknowledged = outcomes.flatMap((o, i) => (o.status === 'fulfilled' && o.value.status === 200 && o.value.body === ACKNOWLEDGEMENT_BODY ? [{ sent: notifications[i]!, id: o.value.notificationId!, paymentId: `CRASH-${i}` }] : []));
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    // the kill really happened mid-burst: some requests never got an answer
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(failed).toBeGreaterThan(0);

    const journal = await openJournal({ dataDir });
    try {
      for (const ack of acknowledged) {
        const row = await journal.getNotification(ack.id);
        expect(row, `acknowledged notification ${ack.paymentId} (id ${ack.id}) is missing`).toBeDefined();
        expect(row!.verification).toBe('verified');
        expect(row!.paymentId).toBe(ack.paymentId);
        expect(row!.rawBody.equals(ack.sent.body)).toBe(true);
      }
      // nothing doubled: each payment appears once, as one attempt (every notification was sent once)
      const seen = new Map<string, number>();
      let cursor: string | undefined;
      do {
        const page = await journal.listNotifications({}, { limit: 500, ...(cursor ? { cursor } : {}) });
        for (const item of page.items) {
          seen.set(item.paymentId!, (seen.get(item.paymentId!) ?? 0) + 1);
          expect(item.attempts).toBe(1);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
      expect(seen.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(seen.size).toBeLessThanOrEqual(BURST);
    } finally {
      await journal.close();
    }
  }, 60_000);
});
