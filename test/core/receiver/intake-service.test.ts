/**
 * The intake service (issue 7 §3) over real HTTP and a real SQLite journal: /healthz, /readyz and
 * /metrics on the receiver's port, whose values move as notifications arrive; operational paths
 * never stored; one structured log line per notification without bodies or signatures; /readyz
 * 503 when the journal is not at this receiver's schema; --signed-path behind a real
 * path-rewriting proxy.
 */
import { createPrivateKey } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startIntakeService, type IntakeService, type IntakeServiceOptions } from '../../../src-main/core/receiver/intake-service';
import { jsonLogLine, type IntakeLogEntry } from '../../../src-main/core/receiver/intake-log';
import { publicPathFor } from '../../../src-main/core/receiver/request-classification';
import { ACKNOWLEDGEMENT_BODY } from '../../../src-main/core/receiver/notification-answers';
import { SCHEMA_VERSION } from '../../../src-main/core/journal/migrations';
import { JOURNAL_FILE_NAME } from '../../../src-main/core/journal/sqlite-journal';
import { ConsoleError } from '../../../src-shared/errors';
import { startNotificationReceiver } from '../../../src-main/core/receiver/notification-receiver';
import type { NotificationSink } from '../../../src-main/core/receiver/notification-sink';
import { TEST_CLIENT_ID, antomTestPublicKey, paymentResultBody, sendNotification, sendRaw, signNotification } from '../../support/notification-sender';
import { vectors } from '../../support/signature-vectors';
import { openTestJournal, type JournalFixture } from './journal-fixture';

const PATH = '/antom/notify';
const merchantPrivateKey = createPrivateKey({ key: Buffer.from(vectors.keys.merchant.privateKeyPkcs8Base64 as string, 'base64'), format: 'der', type: 'pkcs8' });

let service: IntakeService | undefined;
let fx: JournalFixture | undefined;
let proxy: Server | undefined;
let logged: IntakeLogEntry[] = [];

afterEach(async () => {
  await service?.stop();
  service = undefined;
  if (proxy) await new Promise<void>((resolve) => proxy!.close(() => resolve()));
  proxy = undefined;
  await fx?.cleanup();
  fx = undefined;
  logged = [];
});

async function start(extra: Partial<IntakeServiceOptions> = {}): Promise<{ s: IntakeService; origin: string }> {
  fx = await openTestJournal();
  const key = antomTestPublicKey();
  service = await startIntakeService({
    journal: fx.journal,
    resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
    verifyingWith: 'the test key',
    log: (entry) => logged.push(entry),
    ...extra,
  });
  return { s: service, origin: new URL(service.receiver.url).origin };
}

const get = (origin: string, path: string, method = 'GET') => sendRaw(origin, path, { method });

/** Prometheus text -> { 'name{labels}': value }, checking every line is a comment or a well-formed sample. */
function parseExposition(text: string): Map<string, number> {
  expect(text.endsWith('\n')).toBe(true);
  const samples = new Map<string, number>();
  const typed = new Set<string>();
  for (const line of text.trimEnd().split('\n')) {
    const type = /^# TYPE ([a-z_]+) (counter|gauge|histogram)$/.exec(line);
    if (type) {
      typed.add(type[1]!);
      continue;
    }
    if (line.startsWith('# HELP ')) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    expect(m, `malformed exposition line: ${line}`).not.toBeNull();
    const family = m![1]!.replace(/_(bucket|sum|count)$/, '');
    expect(typed.has(m![1]!) || typed.has(family), `${m![1]} has a # TYPE line before it`).toBe(true);
    samples.set(`${m![1]}${m![2] ?? ''}`, Number(m![3]));
  }
  return samples;
}

async function metrics(origin: string): Promise<Map<string, number>> {
  const res = await get(origin, '/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(res.body);
}

describe('intake service: health, readiness, metrics', () => {
  it('answers /healthz and /readyz, and its metrics move as notifications arrive (a rejected one under its reason)', async () => {
    let depth = 7;
    const { origin } = await start({ metricsSources: { forwardQueueDepth: async () => depth } });

    const health = await get(origin, '/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'up' });
    const ready = await get(origin, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ready: true, schemaVersion: SCHEMA_VERSION, knownSchemaVersion: SCHEMA_VERSION, journal: fx!.journal.describe() });

    const before = await metrics(origin);
    expect(before.get('antom_ops_notifications_received_total')).toBe(0);
    expect(before.get('antom_ops_notifications_rejected_total{reason="wrong-key"}')).toBe(0);
    expect(before.get('antom_ops_forward_queue_depth')).toBe(7);
    expect(before.get('antom_ops_journal_ready')).toBe(1);

    // First, before the key has verified anything (afterwards the diagnosis would be body-changed).
    const wrongKey = await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-WK'), privateKey: merchantPrivateKey }));
    expect(wrongKey.status).toBe(401);
    const paid = signNotification({ path: PATH, body: paymentResultBody('PAY-M1') });
    expect((await sendNotification(origin, paid)).body).toBe(ACKNOWLEDGEMENT_BODY);
    expect((await sendNotification(origin, paid)).body).toBe(ACKNOWLEDGEMENT_BODY); // a resend
    expect((await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-M2') }))).body).toBe(ACKNOWLEDGEMENT_BODY);
    const notJson = await sendRaw(origin, PATH, { headers: signNotification({ path: PATH, body: 'not json' }).headers, body: 'not json' });
    expect(notJson.status).not.toBe(200);
    depth = 2;

    const after = await metrics(origin);
    expect(after.get('antom_ops_notifications_received_total')).toBe(5);
    expect(after.get('antom_ops_notifications_verified_total')).toBe(3);
    expect(after.get('antom_ops_notifications_acknowledged_total')).toBe(3);
    expect(after.get('antom_ops_notifications_duplicates_total')).toBe(1);
    expect(after.get('antom_ops_notifications_rejected_total{reason="wrong-key"}')).toBe(1);
    const rejectedSum = [...after].filter(([k]) => k.startsWith('antom_ops_notifications_rejected_total{')).reduce((sum, [, v]) => sum + v, 0);
    expect(rejectedSum).toBe(2);
    expect(after.get('antom_ops_notifications_store_failed_total{cause="database-unavailable"}')).toBe(0);
    // Every stored POST (verified or rejected) passed through the journal once.
    expect(after.get('antom_ops_store_latency_seconds_count')).toBe(5);
    expect(after.get('antom_ops_store_latency_seconds_bucket{le="+Inf"}')).toBe(5);
    expect(after.get('antom_ops_store_latency_seconds_bucket{le="10"}')).toBe(5);
    expect(after.get('antom_ops_store_latency_seconds_sum')).toBeGreaterThan(0);
    expect(after.get('antom_ops_forward_queue_depth')).toBe(2);
  });

  it('never treats its operational paths as notifications: not verified, not stored, not counted', async () => {
    const { origin } = await start({ path: '/' });
    expect((await get(origin, '/healthz')).status).toBe(200);
    expect((await get(origin, '/readyz', 'HEAD')).status).toBe(200);
    const posted = await sendRaw(origin, '/metrics', { body: '{"notifyType":"PAYMENT_RESULT"}' });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe('GET, HEAD');
    expect((await get(origin, '/readyz?verbose=1')).status).toBe(200);
    expect((await fx!.journal.counts()).notifications).toBe(0);
    const m = await metrics(origin);
    expect(m.get('antom_ops_notifications_received_total')).toBe(0);
    // With the notify path at '/', every other path is still a notify path.
    expect((await sendNotification(origin, signNotification({ path: '/healthz/x', body: paymentResultBody('PAY-ROOT') }))).body).toBe(ACKNOWLEDGEMENT_BODY);
    expect(logged.filter((e) => e.event === 'notification')).toHaveLength(1);
  });

  it('refuses a notify path that is an operational endpoint', async () => {
    const error = await start({ path: '/metrics' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).code).toBe('VALIDATION_FAILED');
    expect((error as ConsoleError).hint).toMatch(/--path/);
  });

  it('says 503 with the reason when the journal is not at its schema (another console upgraded it)', async () => {
    const { origin } = await start();
    // What a newer console leaves behind: the file's schema version moved past this receiver's.
    const other = new Database(join(fx!.dataDir, JOURNAL_FILE_NAME));
    try {
      other.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    } finally {
      other.close();
    }
    const res = await get(origin, '/readyz');
    expect(res.status).toBe(503);
    const body = JSON.parse(res.body) as { ready: boolean; schemaVersion: number; reason: string };
    expect(body).toMatchObject({ ready: false, schemaVersion: SCHEMA_VERSION + 1, knownSchemaVersion: SCHEMA_VERSION });
    expect(body.reason).toMatch(new RegExp(`schema ${SCHEMA_VERSION + 1}`));
    expect((await get(origin, '/healthz')).status).toBe(200);
    expect(logged.map((e) => e.event)).toContain('database-down');
  });

  it('logs one structured line per notification: id, verdict, latency, attempt, address; never the body or signature', async () => {
    const { origin } = await start();
    const n = signNotification({ path: PATH, body: paymentResultBody('PAY-LOG', { paymentRequestId: 'REQ-LOG' }) });
    const first = await sendNotification(origin, n);
    await sendNotification(origin, n);
    await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-LOG-WK'), privateKey: merchantPrivateKey }));

    const lines = logged.map((e) => jsonLogLine(e));
    expect(logged[0]).toMatchObject({ event: 'listening', url: service!.receiver.url, signedPath: null });
    const notes = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'notification');
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatchObject({
      level: 'info', id: first.notificationId, notifyType: 'PAYMENT_RESULT', verdict: 'verified', rejectReason: null, outcome: 'stored',
      httpStatus: 200, acknowledged: true, attempt: 1, duplicateOf: null, paymentId: 'PAY-LOG', paymentRequestId: 'REQ-LOG', remoteAddress: '127.0.0.1', path: PATH,
    });
    expect(notes[0]!.latencyMs).toBeTypeOf('number');
    expect(notes[0]!.storeMs).toBeTypeOf('number');
    expect(notes[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(notes[1]).toMatchObject({ id: first.notificationId, attempt: 2, duplicateOf: first.notificationId, acknowledged: true });
    // The key verified PAY-LOG before, so the diagnosis is body-changed rather than wrong-key.
    expect(notes[2]).toMatchObject({ verdict: 'rejected', rejectReason: 'body-changed', httpStatus: 401, acknowledged: false, id: expect.any(Number) });
    for (const line of lines) {
      expect(line).not.toContain(n.headers.signature!);
      expect(line).not.toContain('paymentAmount');
      expect(line).not.toContain('BEGIN');
    }
  });
});

describe('intake service: a store that does not commit in time', () => {
  it('is answered with a failure, and when it commits later after all its acknowledgement is withdrawn, not recorded', async () => {
    fx = await openTestJournal();
    const real = fx.journal;
    // The real journal, reached 600 ms late (a database that hangs): the receiver gives up at 200 ms.
    const slow: NotificationSink = {
      storeNotification: async (n, a) => { await new Promise((r) => setTimeout(r, 600)); return real.storeNotification(n, a); },
      storeNotifications: async (b, a) => { await new Promise((r) => setTimeout(r, 600)); return real.storeNotifications(b, a); },
      markAnswersUndelivered: (items) => real.markAnswersUndelivered(items),
      getNotification: (id) => real.getNotification(id),
      close: async () => undefined,
    };
    const key = antomTestPublicKey();
    const receiver = await startNotificationReceiver({
      sink: slow,
      storeTimeoutMs: 200,
      resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox-eu', antomPublicKey: key } : undefined),
    });
    try {
      const res = await sendNotification(new URL(receiver.url).origin, signNotification({ path: PATH, body: paymentResultBody('PAY-LATE') }));
      // The batch timed out, then its record alone (retried: nothing says the database is down) too.
      expect(res.status).toBe(500);
      expect(res.body).not.toBe(ACKNOWLEDGEMENT_BODY);
      // Both commits land after the answer; what they recorded as acknowledgements is taken back.
      let stored;
      for (let i = 0; i < 60; i++) {
        stored = (await real.listNotifications({ anyId: 'PAY-LATE' })).items[0];
        if (stored?.attempts === 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 200));
      const row = await real.getNotification(stored!.id);
      expect(row).toMatchObject({ verification: 'verified', acknowledged: false, attempts: 2 });
      expect(row!.attemptList).toMatchObject([{ answerStatus: null }, { answerStatus: null }]);
    } finally {
      await receiver.close();
    }
  });
});

describe('intake service: --signed-path behind a path-rewriting proxy', () => {
  it('maps the requested path onto the public one', () => {
    expect(publicPathFor('/antom/notify', '/antom/notify', '/pub/notify')).toBe('/pub/notify');
    expect(publicPathFor('/antom/notify/eu?x=1', '/antom/notify', '/pub/notify')).toBe('/pub/notify/eu?x=1');
    expect(publicPathFor('/antom/notify?x=1', '/antom/notify', '/')).toBe('/?x=1');
    expect(publicPathFor('/antom/notify/eu', '/antom/notify', '/')).toBe('/eu');
    expect(publicPathFor('/', '/', '/pub')).toBe('/pub');
    expect(publicPathFor('/eu', '/', '/pub')).toBe('/pub/eu');
  });

  /** A real reverse proxy: /shop/antom-webhook/... -> the receiver's /antom/notify/..., bytes and headers as they came. */
  async function startProxy(target: string): Promise<string> {
    const upstream = new URL(target);
    proxy = createServer((req: IncomingMessage, res: ServerResponse) => {
      const rewritten = (req.url ?? '/').replace(/^\/shop\/antom-webhook/, '/antom/notify');
      const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: rewritten, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      req.pipe(out);
    });
    await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }

  it('verifies over the public path the proxy received, and records that path', async () => {
    const { origin, s } = await start({ signedPath: '/shop/antom-webhook' });
    expect(s.receiver.signedPath).toBe('/shop/antom-webhook');
    const proxyOrigin = await startProxy(origin);

    const n = signNotification({ path: '/shop/antom-webhook', body: paymentResultBody('PAY-PROXY') });
    const res = await sendNotification(proxyOrigin, n);
    expect(res.status).toBe(200);
    expect(res.body).toBe(ACKNOWLEDGEMENT_BODY);
    const row = await fx!.journal.getNotification(res.notificationId!);
    expect(row).toMatchObject({ verification: 'verified', receiverPath: '/shop/antom-webhook', paymentId: 'PAY-PROXY' });

    // A per-profile sub-path and a query survive the mapping.
    const sub = signNotification({ path: '/shop/antom-webhook/eu?shop=1', body: paymentResultBody('PAY-PROXY-EU') });
    expect((await sendNotification(proxyOrigin, sub)).body).toBe(ACKNOWLEDGEMENT_BODY);

    // Signed over the internal path (the proxy is bypassed, or did not rewrite): a wrong-path diagnosis names it.
    const internal = await sendNotification(origin, signNotification({ path: PATH, body: paymentResultBody('PAY-INTERNAL') }));
    expect(internal.status).toBe(401);
    const rejected = await fx!.journal.getNotification(internal.notificationId!);
    expect(rejected).toMatchObject({ verification: 'rejected', rejectReason: 'wrong-path' });
    expect(rejected!.rejectDetail).toContain(`"${PATH}"`);
  });

  it('without --signed-path the same proxied notification does not verify (the path is part of what is signed)', async () => {
    const { origin } = await start();
    const proxyOrigin = await startProxy(origin);
    const res = await sendNotification(proxyOrigin, signNotification({ path: '/shop/antom-webhook', body: paymentResultBody('PAY-NOSIGNED') }));
    expect(res.status).toBe(401);
    expect(res.body).not.toBe(ACKNOWLEDGEMENT_BODY);
  });
});
