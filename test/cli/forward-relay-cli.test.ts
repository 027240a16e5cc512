/**
 * The relay over real HTTP (issue 7 §3/§5: "forward target down for a while"): the real bin runs
 * `notifications listen --forward-to URL` on a real journal (a SQLite file; the shared PostgreSQL
 * database too when the run has a server) with Antom's schedule shrunk 1000x
 * (--forward-time-scale 0.001: 2 min -> 120 ms, 1 h -> 3.6 s). The backend is first not there at
 * all (connection refused), then answers 503 slowly, then acknowledges. Checked: every
 * notification is acknowledged to "Antom" at once whatever the backend does; the outbox drains
 * once the backend is back; every send is recorded with its answer; the backend gets the exact
 * bytes and Antom's headers, and each notification is accepted once (a resend is not forwarded again).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardStatusView } from '../../src-shared/journal-views';
import { runCli, startCli } from '../support/run-cli';
import { paymentResultBody, sendNotification, signNotification, type SignedNotification } from '../support/notification-sender';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../support/postgres';
import { vectors } from '../support/signature-vectors';

const ACK = '{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}';

interface Seen {
  headers: IncomingMessage['headers'];
  body: Buffer;
  answered: number;
}

type Mode = 'slow-503' | 'ack';

/** The merchant's backend: not listening until start(); then slow 503s or acknowledgements. */
class Backend {
  readonly seen: Seen[] = [];
  mode: Mode = 'slow-503';
  private server: Server | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/backend/antom-notify`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const mode = this.mode;
        const seen: Seen = { headers: req.headers, body: Buffer.concat(chunks), answered: mode === 'ack' ? 200 : 503 };
        this.seen.push(seen);
        if (mode === 'ack') res.writeHead(200, { 'content-type': 'application/json' }).end(ACK);
        else setTimeout(() => res.writeHead(503, { 'content-type': 'text/plain' }).end('maintenance, come back later'), 1500);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A free port nobody listens on (yet): sends to it are refused. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function relayCases(engine: string, journalArgs: () => string[]): void {
  describe(`the relay (--forward-to) on ${engine}`, () => {
    let dir: string;
    let backend: Backend;
    let listener: Awaited<ReturnType<typeof startCli>>;
    let origin: string;
    let path: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'antom-relay-'));
      writeFileSync(join(dir, 'antom.pub'), vectors.keys.antom.publicKeyPem);
      backend = new Backend(await freePort());
      listener = await startCli(['notifications', 'listen', '--port', '0', '--antom-public-key', join(dir, 'antom.pub'), ...journalArgs(),
        '--forward-to', backend.url, '--forward-time-scale', '0.001', '--json']);
      const first = JSON.parse(listener.firstLine) as { url: string; forwardTo: string };
      expect(first.forwardTo).toBe(backend.url);
      const url = new URL(first.url);
      origin = url.origin;
      path = url.pathname;
    }, 60_000);

    afterAll(async () => {
      expect(await listener.stop()).toBe(0);
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    const show = async (id: number): Promise<ForwardStatusView> => {
      const out = await runCli(['notifications', 'show', String(id), ...journalArgs(), '--json']);
      expect(out.code, out.stderr).toBe(0);
      const forwards = (JSON.parse(out.stdout) as { forwards: ForwardStatusView[] }).forwards;
      expect(forwards).toHaveLength(1);
      return forwards[0]!;
    };

    it('acknowledges at once while the backend is down, drains the outbox when it is back, and records every send', async () => {
      const sent: { n: SignedNotification; id: number }[] = [];
      const ackOf = async (n: SignedNotification) => {
        const answer = await sendNotification(origin, n);
        expect(answer.status).toBe(200);
        expect(answer.body).toBe(ACK);
        // Never held up by the relay: storing and answering is all Antom waits for.
        expect(answer.latencyMs).toBeLessThan(1000);
        return answer.notificationId!;
      };

      // 1. The backend is not there at all: connection refused.
      for (const p of ['PAY-RELAY-1', 'PAY-RELAY-2', 'PAY-RELAY-3']) {
        const n = signNotification({ path, body: paymentResultBody(p, { value: '1200', currency: 'USD' }) });
        sent.push({ n, id: await ackOf(n) });
      }
      await sleep(900);
      // 2. Back, but sick: slow 503s. A notification arriving now is still acknowledged at once.
      await backend.start();
      await sleep(400);
      const late = signNotification({ path, body: paymentResultBody('PAY-RELAY-4', { value: '99', currency: 'EUR' }) });
      sent.push({ n: late, id: await ackOf(late) });
      // Antom resends the first one: an attempt of it, not a second forward.
      expect((await sendNotification(origin, sent[0]!.n)).notificationId).toBe(sent[0]!.id);
      await sleep(1600);
      // 3. Healthy again: everything drains on the schedule (the 5th send is due 3.6 s after the 4th).
      backend.mode = 'ack';
      const deadline = Date.now() + 20_000;
      let statuses: ForwardStatusView[] = [];
      while (Date.now() < deadline) {
        statuses = await Promise.all(sent.map((s) => show(s.id)));
        if (statuses.every((f) => f.state === 'delivered')) break;
        await sleep(500);
      }
      expect(statuses.map((f) => f.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);

      for (const [i, { n }] of sent.entries()) {
        const status = statuses[i]!;
        const atBackend = backend.seen.filter((s) => s.body.equals(n.body));
        // The exact bytes and Antom's headers, so the backend can verify Antom's signature itself.
        for (const s of atBackend) {
          for (const name of ['signature', 'client-id', 'request-time', 'content-type']) expect(s.headers[name], name).toBe(n.headers[name]);
        }
        // Accepted exactly once, and that is the last send on record.
        expect(atBackend.filter((s) => s.answered === 200)).toHaveLength(1);
        const last = status.attempts.at(-1)!;
        expect(last).toMatchObject({ httpStatus: 200, accepted: true, answerExcerpt: ACK });
        // Every send is on record: each one the backend saw with its answer, and each refused connection.
        expect(status.attempts.filter((a) => a.httpStatus !== null).map((a) => a.httpStatus)).toEqual(atBackend.map((s) => s.answered));
        expect(status.attempts.map((a) => a.attempt)).toEqual(status.attempts.map((_a, k) => k + 1));
        expect(status.attemptsMade).toBe(status.attempts.length);
      }
      // The first three met a backend that was not there, then at least one 503.
      for (const status of statuses.slice(0, 3)) {
        expect(status.attempts[0]).toMatchObject({ httpStatus: null, accepted: false, error: expect.stringContaining('ECONNREFUSED') });
        expect(status.attempts.some((a) => a.httpStatus === 503 && a.answerExcerpt === 'maintenance, come back later')).toBe(true);
      }
      // The late one went out at once (0 s) and met the slow 503.
      expect(statuses[3]!.attempts[0]).toMatchObject({ httpStatus: 503 });

      const list = JSON.parse((await runCli(['notifications', 'list', ...journalArgs(), '--json'])).stdout) as { entries: { forwardState: string | null }[] };
      expect(list.entries.map((e) => e.forwardState)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    }, 60_000);

    it('re-sends on request: refused once accepted', async () => {
      const list = JSON.parse((await runCli(['notifications', 'list', ...journalArgs(), '--json'])).stdout) as { entries: { id: number }[] };
      const refused = await runCli(['notifications', 'forward-resend', String(list.entries[0]!.id), ...journalArgs()]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/already accepted/);
    });
  });
}

relayCases('a SQLite journal', () => ['--data-dir', sqliteDir]);
let sqliteDir = '';
beforeAll(() => {
  sqliteDir = mkdtempSync(join(tmpdir(), 'antom-relay-data-'));
});
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

describeWithPostgres('the relay on the shared PostgreSQL journal', () => {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('relay');
  });
  afterAll(async () => {
    await db?.drop();
  });
  relayCases('PostgreSQL', () => ['--database', db!.url]);
});
