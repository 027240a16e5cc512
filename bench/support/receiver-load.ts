/**
 * Load generator for the receiver bench, in its own process so that on a 2-core machine the
 * generator and the receiver each get a core (Node runs JavaScript on one thread). It signs
 * its notifications once (Antom's cost, not ours, so before any clock starts), then fires them
 * at whatever receiver the parent names over `concurrency` keep-alive connections, one request
 * in flight per connection.
 *
 * Like wrk or autocannon, it writes pre-serialised HTTP/1.1 requests on raw sockets instead of
 * going through node:http's client: the generator shares the machine with the receiver, and
 * every cycle it spends is one the receiver does not get. The receiver still sees ordinary
 * HTTP/1.1 requests with the same headers a real sender puts on the wire.
 *
 * Protocol (child_process IPC):
 *   parent -> { type: 'prepare', count, warmup, path }     child -> { type: 'ready' }
 *   parent -> { type: 'run', origin, count, concurrency }  child -> { type: 'done', ... }
 * Each run goes to a fresh receiver and journal, so the same notifications serve every run.
 */
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ACKNOWLEDGEMENT_BODY } from '../../src-main/core/receiver/notification-answers';
import { paymentResultBody, signNotification, type SignedNotification } from '../../test/support/notification-sender';

export type LoadRequest =
  | { type: 'prepare'; count: number; warmup: number; path: string }
  | { type: 'run'; origin: string; count: number; concurrency: number }
  | { type: 'exit' };

export type LoadReply =
  | { type: 'ready' }
  | { type: 'done'; seconds: number; latenciesMs: number[]; acked: { id: number; index: number }[]; notAcknowledged: number; errors: number; warmedUp: number };

/** Deterministic, unique bodies: the parent rebuilds them to compare with what was stored. */
export function benchBody(index: number): string {
  return paymentResultBody(`BENCH-${index}`, { value: String(1000 + index) });
}

export function serialise(n: SignedNotification, host: string): Buffer {
  let head = `POST ${n.path} HTTP/1.1\r\nhost: ${host}\r\nconnection: keep-alive\r\ncontent-length: ${n.body.length}\r\n`;
  for (const [name, value] of Object.entries(n.headers)) head += `${name}: ${value}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), n.body]);
}

interface Answer {
  status: number;
  body: string;
  notificationId: number | undefined;
}

/** One keep-alive connection, one request at a time; parses just enough of each response. */
export class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { resolve: (a: Answer) => void; reject: (e: Error) => void } | undefined;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryParse();
    });
    const fail = (error: Error) => {
      const p = this.pending;
      this.pending = undefined;
      p?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(port: number, host: string): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  send(request: Buffer): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  private tryParse(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.pending) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    const id = /\r\nx-antom-ops-notification-id:\s*(\d+)/i.exec(head)?.[1];
    const p = this.pending;
    this.pending = undefined;
    p.resolve({ status: Number(head.slice(9, 12)), body, notificationId: id === undefined ? undefined : Number(id) });
  }

  close(): void {
    this.socket.destroy();
  }
}

let prepared: SignedNotification[] = [];
let warmups: SignedNotification[] = [];

async function run(origin: string, count: number, concurrency: number): Promise<LoadReply> {
  const url = new URL(origin);
  const port = Number(url.port);
  const host = url.hostname;
  const requests = prepared.slice(0, count).map((n) => serialise(n, url.host));
  const connections = await Promise.all(Array.from({ length: concurrency }, () => Connection.open(port, host)));
  // Warm-up (JIT on both sides, SQLite's page cache) with other payment IDs, so none of the
  // measured notifications is a duplicate; not timed.
  const warm = warmups.map((n) => serialise(n, url.host));
  let w = 0;
  await Promise.all(connections.map(async (c) => {
    for (let i = w++; i < warm.length; i = w++) await c.send(warm[i]!).catch(() => undefined);
  }));

  const latenciesMs = new Array<number>(count).fill(Number.NaN);
  const acked: { id: number; index: number }[] = [];
  let notAcknowledged = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(connections.map(async (connection) => {
    for (let i = next++; i < count; i = next++) {
      const t = performance.now();
      try {
        const answer = await connection.send(requests[i]!);
        latenciesMs[i] = performance.now() - t;
        if (answer.status === 200 && answer.body === ACKNOWLEDGEMENT_BODY && answer.notificationId !== undefined) acked.push({ id: answer.notificationId, index: i });
        else notAcknowledged++;
      } catch {
        errors++;
        return; // this connection is gone; the others carry on
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  for (const c of connections) c.close();
  return { type: 'done', seconds, latenciesMs, acked, notAcknowledged, errors, warmedUp: warm.length };
}

process.on('message', (message: LoadRequest) => {
  const reply = (r: LoadReply) => process.send!(r);
  if (message.type === 'prepare') {
    prepared = Array.from({ length: message.count }, (_, i) => signNotification({ path: message.path, body: benchBody(i) }));
    warmups = Array.from({ length: message.warmup }, (_, i) => signNotification({ path: message.path, body: paymentResultBody(`WARM-${i}`) }));
    reply({ type: 'ready' });
  } else if (message.type === 'run') {
    void run(message.origin, message.count, message.concurrency).then(reply);
  } else {
    process.disconnect();
  }
});
