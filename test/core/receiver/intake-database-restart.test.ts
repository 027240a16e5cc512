/**
 * The database stopped and restarted under load (issue 7 §5): `antom-ops notifications listen
 * --database URL --json` (its own process, as a service manager runs it) keeps receiving a steady
 * stream of notifications while its server is stopped (pg_ctl stop -m fast) and started again.
 * The cluster is the test's own (the shared test server must not stop).
 *
 * What must hold: while the database is down every POST is answered with a failure (503) and
 * nothing is acknowledged; /readyz says 503 with the reason and the log says so once; when the
 * server is back the same service (no restart) stores and acknowledges again and /readyz is 200;
 * every acknowledgement ever sent names a row that is in the database, verified, once.
 */
import { Agent } from 'node:http';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { paymentResultBody, sendNotification, sendRaw, signNotification, type SignedNotification } from '../../support/notification-sender';
import { startIntakeChild, type IntakeChild } from '../../support/intake-child';
import { describeWithPostgres } from '../../support/postgres';
import { startThrowawayCluster, type ThrowawayCluster } from '../../support/throwaway-cluster';

const WORKERS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `seen` says, when it times out, what the test saw instead (a CI failure must explain itself). */
async function until(what: string, check: () => boolean | Promise<boolean>, seen: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}; seen: ${seen()}`);
    await sleep(50);
  }
}

describeWithPostgres('intake service: the database stopped and restarted under load', () => {
  let cluster: ThrowawayCluster | undefined;
  let service: IntakeChild | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: WORKERS });

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
  }, 60_000);
  afterAll(async () => {
    agent.destroy();
    await service?.cleanup();
    await cluster?.destroy();
  }, 60_000);

  it('answers failures while it is down, acknowledges nothing unstored, and recovers by itself', async () => {
    service = await startIntakeChild(['--database', cluster!.url]);
    const { origin } = service;
    const logged = service.logs;

    // The load: each worker sends the next new notification, or resends (as Antom would) one that
    // was not acknowledged. Every answer is kept.
    type Phase = 'up' | 'down' | 'back';
    let phase = 'up' as Phase;
    const answers: { phase: Phase; status: number; acked: boolean; id: number | undefined; payment: string }[] = [];
    const pending: { n: SignedNotification; payment: string }[] = [];
    const ackedPayments = new Set<string>();
    const sendErrors: { phase: Phase; message: string }[] = [];
    const readyzSeen: number[] = [];
    let next = 0;
    let running = true;
    const worker = async (): Promise<void> => {
      while (running) {
        const item = pending.shift() ?? (() => {
          const payment = `RESTART-${next++}`;
          return { payment, n: signNotification({ path: '/antom/notify', body: paymentResultBody(payment) }) };
        })();
        const sentIn = phase;
        try {
          const res = await sendNotification(origin, item.n, agent);
          const acked = res.status === 200 && res.body === ACKNOWLEDGEMENT_BODY;
          answers.push({ phase: sentIn, status: res.status, acked, id: res.notificationId, payment: item.payment });
          if (acked) ackedPayments.add(item.payment);
          else {
            pending.push(item);
            await sleep(20);
          }
        } catch (error) {
          sendErrors.push({ phase: sentIn, message: error instanceof Error ? error.message : String(error) });
          pending.push(item);
          await sleep(20);
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, () => worker());
    const phaseStarted = { at: Date.now() };
    // What the test saw, for a timeout's message: answers per phase and status, send errors, the
    // service's log events since the phase began (not notification lines), /readyz answers.
    const seen = (): string => {
      const counts: Record<string, number> = {};
      for (const a of answers) counts[`${a.phase}:${a.status}${a.acked ? ' ack' : ''}`] = (counts[`${a.phase}:${a.status}${a.acked ? ' ack' : ''}`] ?? 0) + 1;
      const events = logged.filter((e) => e.event !== 'notification').slice(-8).map((e) => JSON.stringify(e));
      const outcomes: Record<string, number> = {};
      for (const e of logged) if (e.event === 'notification') outcomes[String(e.outcome)] = (outcomes[String(e.outcome)] ?? 0) + 1;
      return JSON.stringify({
        phase, phaseMs: Date.now() - phaseStarted.at, serviceExit: service?.child.exitCode ?? service?.child.signalCode ?? null, answers: counts, logOutcomes: outcomes,
        sendErrors: sendErrors.length, lastSendError: sendErrors[sendErrors.length - 1], pending: pending.length, readyzSeen,
      }) + `; events: ${events.join(' ')}`;
    };
    const readyz = async () => {
      const res = await sendRaw(origin, '/readyz', { method: 'GET' });
      readyzSeen.push(res.status);
      return res;
    };

    await until('acknowledgements with the database up', () => answers.filter((a) => a.acked).length >= 100, seen);
    expect((await readyz()).status).toBe(200);

    await cluster!.stopServer();
    phase = 'down';
    phaseStarted.at = Date.now();
    await until('503 answers while the database is down', () => answers.filter((a) => a.phase === 'down' && a.status === 503).length >= 50, seen, 40_000);
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect((JSON.parse(notReady.body) as { reason: string }).reason).toMatch(/could not be reached|ECONNREFUSED|did not answer/);
    await until('the log says the database is down', () => logged.some((e) => e.event === 'database-down'), seen);
    expect(logged.filter((e) => e.event === 'database-down')).toHaveLength(1);
    const downMetrics = (await sendRaw(origin, '/metrics', { method: 'GET' })).body;
    expect(downMetrics).toMatch(/^antom_ops_journal_ready 0$/m);
    expect(Number(/^antom_ops_notifications_store_failed_total\{cause="database-unavailable"\} (\d+)$/m.exec(downMetrics)?.[1])).toBeGreaterThan(0);
    await sleep(500);

    await cluster!.startServer();
    phase = 'back';
    phaseStarted.at = Date.now();
    await until('/readyz 200 again without a restart', async () => (await readyz()).status === 200, seen);
    await until('acknowledgements after the restart', () => answers.filter((a) => a.phase === 'back' && a.acked).length >= 100, seen);
    expect(logged.filter((e) => e.event === 'database-up').length).toBeGreaterThanOrEqual(1);
    running = false;
    await Promise.all(workers);
    // Antom keeps resending until acknowledged: so do we, now that the database is back.
    for (const item of pending.splice(0)) {
      for (let attempt = 1; !ackedPayments.has(item.payment); attempt++) {
        const res = await sendNotification(origin, item.n, agent);
        const acked = res.status === 200 && res.body === ACKNOWLEDGEMENT_BODY;
        answers.push({ phase: 'back', status: res.status, acked, id: res.notificationId, payment: item.payment });
        if (acked) ackedPayments.add(item.payment);
        else expect(attempt, `${item.payment} acknowledged within 3 resends once the database is back`).toBeLessThan(3);
      }
    }

    // Every answer is an acknowledgement or a failure that makes Antom resend; while the server was
    // down none was an acknowledgement (only a commit can produce one).
    for (const a of answers) expect(a.acked || a.status === 503 || a.status === 500).toBe(true);
    const downAnswers = answers.filter((a) => a.phase === 'down');
    expect(downAnswers.filter((a) => a.status === 503).length).toBeGreaterThanOrEqual(50);
    expect(readyzSeen).toContain(503);
    expect(readyzSeen[readyzSeen.length - 1]).toBe(200);

    // The same process all along, and it still stops cleanly.
    expect(service.child.exitCode).toBeNull();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    // One line per answered POST; every line JSON; no body or signature in any of them.
    const noteLines = logged.filter((e) => e.event === 'notification');
    expect(noteLines.length).toBeGreaterThanOrEqual(answers.length);
    expect(logged.every((e) => !('raw' in e))).toBe(true);
    expect(service.stderr()).not.toContain('paymentAmount');
    expect(noteLines.filter((e) => e.outcome === 'store-unavailable').length).toBeGreaterThanOrEqual(50);

    // Nothing acknowledged unstored: each acknowledgement's row is there, verified, for its payment, once.
    const sql = postgres(cluster!.url, { max: 1, onnotice: () => undefined });
    try {
      const rows = await sql<{ id: number; payment_id: string; verification: string; acknowledged: number }[]>`
        SELECT id::int, payment_id, verification, acknowledged FROM notifications WHERE payment_id LIKE 'RESTART-%'`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const byPayment = new Map<string, number>();
      for (const r of rows) byPayment.set(r.payment_id, (byPayment.get(r.payment_id) ?? 0) + 1);
      for (const a of answers.filter((x) => x.acked)) {
        const row = byId.get(a.id!);
        expect(row, `acknowledged #${a.id} (${a.payment}) is stored`).toBeDefined();
        expect(row).toMatchObject({ payment_id: a.payment, verification: 'verified', acknowledged: 1 });
      }
      expect(ackedPayments.size).toBe(next);
      for (let i = 0; i < next; i++) expect(byPayment.get(`RESTART-${i}`), `RESTART-${i} stored once`).toBe(1);
    } finally {
      await sql.end();
    }
  }, 120_000);
});
