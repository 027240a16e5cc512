/**
 * Two receivers on one PostgreSQL journal, one SIGKILLed mid-burst (issue 7 §5): notifications
 * arrive at either receiver, some twice at once (a resend crossing receivers); receiver A dies
 * mid-burst; what was not acknowledged is resent to receiver B, as Antom would. Afterwards every
 * notification is stored exactly once, verified, with its exact body, and its attempts count the
 * POSTs that reached the database, across both receivers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { paymentResultBody, sendNotification, signNotification, type SendResult, type SignedNotification } from '../../support/notification-sender';
import { describeWithPostgres, useTestDatabase } from '../../support/postgres';

const CHILD = fileURLToPath(new URL('../../support/receiver-child.ts', import.meta.url));
const BURST = 800;
const KILL_A_AFTER_ACKS = 200;

const children: ChildProcess[] = [];
const agents: Agent[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const a of agents.splice(0)) a.destroy();
});

async function spawnReceiver(url: string): Promise<{ child: ChildProcess; origin: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, '--database', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`receiver child exited (${code}) before listening`)));
  });
  lines.close();
  return { child, origin: new URL((JSON.parse(first) as { url: string }).url).origin, exited };
}

const acknowledged = (r: PromiseSettledResult<SendResult>): boolean => r.status === 'fulfilled' && r.value.status === 200 && r.value.body === ACKNOWLEDGEMENT_BODY;

describeWithPostgres('two receivers on one PostgreSQL journal', () => {
  const db = useTestDatabase('two receivers');

  it(`stores every notification once when one of two receivers is killed mid-burst (${BURST} notifications)`, async () => {
    // Migrate first, as `antom-ops db migrate` would before the receivers start.
    await (await openJournal({ engine: 'postgres', url: db.url })).close();
    const a = await spawnReceiver(db.url);
    const b = await spawnReceiver(db.url);
    const agentA = new Agent({ keepAlive: true, maxSockets: 32 });
    const agentB = new Agent({ keepAlive: true, maxSockets: 32 });
    agents.push(agentA, agentB);

    const sent: SignedNotification[] = Array.from({ length: BURST }, (_, i) => signNotification({ path: '/antom/notify', body: paymentResultBody(`TWO-${i}`) }));
    const posts = sent.map(() => 0);
    const acks = sent.map(() => 0);
    let acksFromA = 0;
    const post = async (i: number, to: 'a' | 'b'): Promise<SendResult> => {
      posts[i]!++;
      const res = await sendNotification(to === 'a' ? a.origin : b.origin, sent[i]!, to === 'a' ? agentA : agentB);
      if (res.status === 200 && res.body === ACKNOWLEDGEMENT_BODY) {
        acks[i]!++;
        if (to === 'a' && ++acksFromA === KILL_A_AFTER_ACKS) a.child.kill('SIGKILL');
      }
      return res;
    };

    // The burst: even ones to A, odd ones to B, every fifth also to the other receiver at once.
    const burst = await Promise.allSettled(sent.flatMap((_, i) => {
      const first = i % 2 === 0 ? 'a' : 'b';
      const other = first === 'a' ? 'b' : 'a';
      return i % 5 === 0 ? [post(i, first), post(i, other)] : [post(i, first)];
    }));
    await a.exited;
    expect(a.child.signalCode).toBe('SIGKILL');
    expect(burst.filter((r) => r.status === 'rejected').length, 'the kill happened mid-burst').toBeGreaterThan(0);
    expect(burst.filter(acknowledged).length).toBeGreaterThanOrEqual(KILL_A_AFTER_ACKS);

    // Antom resends what it never saw acknowledged; receiver B is the one left.
    const missing = acks.flatMap((n, i) => (n === 0 ? [i] : []));
    expect(missing.length).toBeGreaterThan(0);
    const resent = await Promise.allSettled(missing.map((i) => post(i, 'b')));
    expect(resent.every(acknowledged)).toBe(true);

    const sql = postgres(db.url, { max: 1 });
    try {
      const rows = await sql<{ payment_id: string; n: number; attempts: number; acknowledged: number; verification: string; body: Buffer }[]>`
        SELECT payment_id, count(*) OVER (PARTITION BY payment_id)::int AS n, attempts, acknowledged, verification, body
        FROM notifications WHERE payment_id LIKE 'TWO-%'`;
      expect(rows).toHaveLength(BURST);
      const byPayment = new Map(rows.map((r) => [r.payment_id, r]));
      for (let i = 0; i < BURST; i++) {
        const row = byPayment.get(`TWO-${i}`);
        expect(row, `TWO-${i} is missing`).toBeDefined();
        expect(row!.n).toBe(1);
        expect(row!.verification).toBe('verified');
        expect(row!.acknowledged).toBe(1);
        expect(row!.body.equals(sent[i]!.body)).toBe(true);
        // Every acknowledged POST is an attempt; a POST cut off by the kill may or may not have been stored.
        expect(row!.attempts).toBeGreaterThanOrEqual(acks[i]!);
        expect(row!.attempts).toBeLessThanOrEqual(posts[i]!);
      }
      const [totals] = await sql<{ attempts: number; rows: number }[]>`
        SELECT sum(attempts)::int AS attempts, (SELECT count(*)::int FROM notification_attempts) AS rows FROM notifications`;
      expect(totals!.rows).toBe(totals!.attempts);
      // Resends crossing receivers became attempts: more POSTs were stored than notifications.
      expect(totals!.attempts).toBeGreaterThan(BURST);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
