/**
 * `antom-ops notifications listen --database URL --json` as a service (issue 7 §3), the real bin
 * in its own process on a real PostgreSQL database: the stable first stdout line, JSON log lines
 * on stderr, /healthz /readyz /metrics on the notify port, a graceful SIGTERM in the middle of a
 * burst (every acknowledged notification stored, exit 0), and a second signal that forces the
 * exit when a sender holds a request open.
 */
import { Agent } from 'node:http';
import { connect } from 'node:net';
import postgres from 'postgres';
import { afterEach, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_BODY } from '../../src-main/core/receiver/notification-answers';
import { paymentResultBody, sendNotification, sendRaw, signNotification, type SendResult } from '../support/notification-sender';
import { describeWithPostgres, useTestDatabase } from '../support/postgres';
import { startIntakeChild, type IntakeChild } from '../support/intake-child';

const BURST = 600;
const SIGTERM_AFTER_ACKS = 150;

let service: IntakeChild | undefined;
const agents: Agent[] = [];

afterEach(async () => {
  for (const a of agents.splice(0)) a.destroy();
  await service?.cleanup();
  service = undefined;
});

async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describeWithPostgres('antom-ops notifications listen as a service', () => {
  const db = useTestDatabase('intake cli');

  it('prints the url first, logs JSON lines, and serves /healthz /readyz /metrics on the same port', async () => {
    service = await startIntakeChild(['--database', db.url]);
    expect(Object.keys(service.first)[0]).toBe('url');
    expect(service.first).toMatchObject({ signedPath: null });
    expect(service.first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/antom\/notify$/);
    expect(service.first.journal).not.toMatch(/:[^@/]*@/); // no password

    expect((await sendRaw(service.origin, '/healthz', { method: 'GET' })).status).toBe(200);
    const ready = await sendRaw(service.origin, '/readyz', { method: 'GET' });
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: true });
    const acked = await sendNotification(service.origin, signNotification({ path: '/antom/notify', body: paymentResultBody('PAY-SVC-1') }));
    expect(acked.body).toBe(ACKNOWLEDGEMENT_BODY);
    const metrics = (await sendRaw(service.origin, '/metrics', { method: 'GET' })).body;
    expect(metrics).toMatch(/^antom_ops_notifications_acknowledged_total 1$/m);
    expect(metrics).toMatch(/^antom_ops_forward_queue_depth 0$/m);

    await until('the notification log line', () => service!.logs.some((l) => l.event === 'notification'));
    expect(service.logs[0]).toMatchObject({ level: 'info', event: 'listening', url: service.first.url });
    expect(service.logs.find((l) => l.event === 'notification')).toMatchObject({ id: acked.notificationId, verdict: 'verified', acknowledged: true, paymentId: 'PAY-SVC-1' });
    expect(service.logs.every((l) => !('raw' in l))).toBe(true);
  });

  it(`stops gracefully on SIGTERM mid-burst: every acknowledged notification is stored, exit 0 (${BURST} sent)`, async () => {
    service = await startIntakeChild(['--database', db.url]);
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    agents.push(agent);
    const sent = Array.from({ length: BURST }, (_, i) => signNotification({ path: '/antom/notify', body: paymentResultBody(`TERM-${i}`) }));
    let acks = 0;
    const outcomes = await Promise.allSettled(sent.map(async (n): Promise<SendResult> => {
      const res = await sendNotification(service!.origin, n, agent);
      if (res.body === ACKNOWLEDGEMENT_BODY && ++acks === SIGTERM_AFTER_ACKS) service!.child.kill('SIGTERM');
      return res;
    }));
    expect(await service.exited).toBe(0);

    const acknowledged = outcomes.flatMap((o, i) => (o.status === 'fulfilled' && o.value.body === ACKNOWLEDGEMENT_BODY ? [{ i, id: o.value.notificationId! }] : []));
    expect(acknowledged.length).toBeGreaterThanOrEqual(SIGTERM_AFTER_ACKS);
    // The signal came mid-burst: not everything was acknowledged (the rest is Antom's to resend).
    expect(acknowledged.length).toBeLessThan(BURST);
    const events = service.logs.map((l) => l.event);
    expect(events).toContain('shutdown-started');
    expect(events[events.length - 1]).toBe('shutdown-complete');
    expect(events).not.toContain('shutdown-forced');

    const sql = postgres(db.url, { max: 1, onnotice: () => undefined });
    try {
      const rows = await sql<{ id: number; payment_id: string; acknowledged: number; verification: string }[]>`
        SELECT id::int, payment_id, acknowledged, verification FROM notifications WHERE payment_id LIKE 'TERM-%'`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const { i, id } of acknowledged) {
        expect(byId.get(id), `acknowledged TERM-${i} (#${id}) is stored`).toMatchObject({ payment_id: `TERM-${i}`, acknowledged: 1, verification: 'verified' });
      }
      // Answered but not acknowledged is fine (a failure makes Antom resend); acknowledged but missing is not.
      expect(new Set(rows.map((r) => r.payment_id)).size).toBe(rows.length);
    } finally {
      await sql.end();
    }
  }, 60_000);

  it('forces the exit on a second signal while a sender holds a request open', async () => {
    service = await startIntakeChild(['--database', db.url]);
    const url = new URL(service.first.url);
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    // Headers and half a body: a request in flight that will not finish by itself.
    socket.write(`POST /antom/notify HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"notifyType":`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    service.child.kill('SIGTERM');
    await until('the graceful stop to begin', () => service!.logs.some((l) => l.event === 'shutdown-started'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(service.child.exitCode).toBeNull(); // still waiting for the open request
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(3);
    expect(service.logs.find((l) => l.event === 'shutdown-forced')).toMatchObject({ level: 'error' });
    socket.destroy();
  });
});
