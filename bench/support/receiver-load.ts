/**
 * Load generator for the receiver bench, in its own process so that on a 2-core machine the
 * generator and the receiver each get a core (Node runs JavaScript on one thread). It signs
 * its notifications once (Antom's cost, not ours, so before any clock starts), then fires them
 * at whatever receiver the parent names, with keep-alive and bounded concurrency.
 *
 * Protocol (child_process IPC):
 *   parent -> { type: 'prepare', count, path }            child -> { type: 'ready' }
 *   parent -> { type: 'run', origin, count, concurrency }  child -> { type: 'done', ... }
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ACKNOWLEDGEMENT_BODY } from '../../src-main/core/receiver/notification-answers';
import { paymentResultBody, sendNotification, signNotification, type SignedNotification } from '../../test/support/notification-sender';

export type LoadRequest =
  | { type: 'prepare'; count: number; path: string }
  | { type: 'run'; origin: string; count: number; concurrency: number; warmupPrefix: string }
  | { type: 'exit' };

export type LoadReply =
  | { type: 'ready' }
  | { type: 'done'; seconds: number; latenciesMs: number[]; acked: { id: number; index: number }[]; notAcknowledged: number; errors: number };

/** Deterministic, unique bodies: the parent rebuilds them to compare with what was stored. */
export function benchBody(index: number): string {
  return paymentResultBody(`BENCH-${index}`, { value: String(1000 + index) });
}

let notifications: SignedNotification[] = [];

async function run(origin: string, count: number, concurrency: number, warmupPrefix: string): Promise<LoadReply> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm-up (sockets, JIT) with other payment IDs, so none of the measured ones is a duplicate.
  const path = notifications[0]?.path ?? '/';
  await Promise.all(Array.from({ length: concurrency }, (_, i) => sendNotification(origin, signNotification({ path, body: paymentResultBody(`${warmupPrefix}-${i}`) }), agent).catch(() => undefined)));
  const latenciesMs = new Array<number>(count).fill(Number.NaN);
  const acked: { id: number; index: number }[] = [];
  let notAcknowledged = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      try {
        const res = await sendNotification(origin, notifications[i]!, agent);
        latenciesMs[i] = res.latencyMs;
        if (res.status === 200 && res.body === ACKNOWLEDGEMENT_BODY && res.notificationId !== undefined) acked.push({ id: res.notificationId, index: i });
        else notAcknowledged++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { type: 'done', seconds, latenciesMs, acked, notAcknowledged, errors };
}

process.on('message', (message: LoadRequest) => {
  const reply = (r: LoadReply) => process.send!(r);
  if (message.type === 'prepare') {
    notifications = Array.from({ length: message.count }, (_, i) => signNotification({ path: message.path, body: benchBody(i) }));
    reply({ type: 'ready' });
  } else if (message.type === 'run') {
    void run(message.origin, message.count, message.concurrency, message.warmupPrefix).then(reply);
  } else {
    process.disconnect();
  }
});
