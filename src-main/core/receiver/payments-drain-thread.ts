/**
 * The Payments list's drain on a worker thread (src-main/workers/payments-drain-worker.ts), for
 * the intake service on a shared PostgreSQL journal.
 *
 * Why a thread: a receiver does its work on one event loop (HTTP, signature checks, building each
 * batch's statement), and under load that loop is the intake's bottleneck while the machine still
 * has CPU to spare (pg-intake bench: about a quarter of two cores idle at 1,400/s). Deriving a
 * payment's list row (read its rows, summarisePayment, upsert) is about a fifth of that loop's
 * work and nobody waits for it, so it moves to a thread of its own with its own connections.
 * PostgreSQL already lets several receivers drain one queue at once (FOR UPDATE SKIP LOCKED,
 * advisory locks per payment), so a second connection draining changes nothing about correctness.
 *
 * Not for SQLite: there the drain would take the file's one write lock from another connection,
 * and a receiver blocked on it sleeps in SQLite's busy handler, which costs more than the drain.
 *
 * The drainer returned keeps PaymentsDrainer's contract: wake() after commits, close() waits for
 * the chunk in flight (and the thread's journal to close). A thread that stopped (it could not
 * open the journal, or died) is started again by the next wake; its failures reach onError.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { JournalConfig } from '../journal/open-journal';
import type { PaymentsDrainer } from './payments-drainer';

export type DrainThreadRequest = { type: 'wake' } | { type: 'close' };
export type DrainThreadReply =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

/**
 * The worker's script: the build's out/workers/payments-drain-worker.js (this module is bundled
 * into out/cli or out/node-chunks, one folder below out/), else the source file (run through tsx,
 * whose loader a worker inherits from the process's execArgv).
 */
function paymentsDrainWorkerScript(): URL | undefined {
  const candidates = [new URL('../workers/payments-drain-worker.js', import.meta.url), new URL('../../workers/payments-drain-worker.ts', import.meta.url)];
  return candidates.find((url) => existsSync(fileURLToPath(url)));
}

/**
 * A worker on the script. The source file (tests and benchmarks run from a checkout) is TypeScript:
 * a worker does not inherit the tsx loader the process was started with, so a one-line module
 * registers it in the thread first. The build's script is plain JavaScript.
 */
function newWorker(script: URL, options: WorkerOptions): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

interface DrainThreadOptions {
  /** The journal the receiver stores into, opened again in the thread (a postgres:// config). */
  journal: JournalConfig;
  onError: (error: unknown) => void;
}

/** Start the thread and wait until its journal is open; rejects when the script is missing or the journal cannot be opened. */
export async function startPaymentsDrainThread(options: DrainThreadOptions): Promise<PaymentsDrainer> {
  const script = paymentsDrainWorkerScript();
  if (!script) throw new Error('The payments drain worker script is missing (out/workers/payments-drain-worker.js); run `npm run build:node`.');
  let closed = false;
  let worker: Worker | undefined;
  let starting: Promise<Worker> | undefined;

  const start = (): Promise<Worker> => new Promise<Worker>((resolve, reject) => {
    // The config object's functions (callbacks) cannot cross to a thread; a postgres config holds none the drain needs.
    const w = newWorker(script, { workerData: { ...options.journal, onRecordError: undefined } });
    let ready = false;
    w.on('message', (reply: DrainThreadReply) => {
      if (reply.type === 'ready') {
        ready = true;
        resolve(w);
      } else if (reply.type === 'failed') reject(new Error(`The payments drain thread could not open the journal: ${reply.message}`));
      else if (reply.type === 'error') options.onError(new Error(`payments drain: ${reply.message}`));
    });
    w.on('error', (error) => {
      if (!ready) reject(error);
      else options.onError(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      if (!ready) reject(new Error(`The payments drain thread exited (${code}) before its journal was open.`));
      else if (!closed) options.onError(new Error(`The payments drain thread stopped (exit ${code}); the next commit starts it again.`));
    });
  });

  worker = await start();
  return {
    wake() {
      if (closed) return;
      if (worker) {
        worker.postMessage({ type: 'wake' } satisfies DrainThreadRequest);
        return;
      }
      // Stopped: start again (once at a time); this wake's payments wait in the queue for it.
      starting ??= start().then((w) => {
        worker = w;
        w.postMessage({ type: 'wake' } satisfies DrainThreadRequest);
        return w;
      }, (error: unknown) => {
        options.onError(error);
        throw error;
      }).finally(() => {
        starting = undefined;
      });
      starting.catch(() => undefined);
    },
    async close() {
      closed = true;
      await starting?.catch(() => undefined);
      const w = worker;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.on('message', (reply: DrainThreadReply) => {
          if (reply.type === 'closed') void w.terminate();
        });
        w.postMessage({ type: 'close' } satisfies DrainThreadRequest);
      });
    },
  };
}
