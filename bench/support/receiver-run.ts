/**
 * One receiver run for the receiver benches (SQLite: receiver-bench.ts; PostgreSQL:
 * pg-intake-bench.ts): a real notification receiver over real HTTP on a fresh journal, the load
 * generator process (receiver-load.ts) firing signed notifications at it, then every acknowledged
 * notification checked against what the journal holds. The same generator and the same signed
 * notifications serve every run, so the engines are compared on equal terms.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Journal } from '../../src-main/core/journal/journal';
import { startNotificationReceiver } from '../../src-main/core/receiver/notification-receiver';
import type { PaymentsDrainer } from '../../src-main/core/receiver/payments-drainer';
import { TEST_CLIENT_ID, antomTestPublicKey } from '../../test/support/notification-sender';
import { percentile } from '../bench-types';
import type { LoadReply, LoadRequest } from './receiver-load';

export interface ReceiverRunResult {
  count: number;
  rate: number;
  p50: number;
  p99: number;
  /** CPU time of THIS process (the receiver: HTTP, verify, store, answer, the Payments list's drain to empty) per notification. */
  cpuMsPerNotification: number;
  /** Payments still queued when the receiver closed (derived inside the CPU window, unless listAfterLoad). */
  queuedAtClose: number;
  /** listAfterLoad: CPU per payment of deriving the Payments list after the load (not in cpuMsPerNotification). */
  listCpuMsPerPayment?: number;
  acknowledged: number;
  notAcknowledged: number;
  missing: number;
  /** CPU time of the database server per notification, where the journal can tell (PostgreSQL). */
  serverCpuMsPerNotification?: number;
}

/** A fresh journal for one run, and how to check what it holds once the receiver is closed. */
export interface RunJournal {
  journal: Journal;
  /** How many of the acknowledged (id, generator index) pairs are not stored as sent. */
  countMissing(acked: readonly { id: number; index: number }[]): Promise<number>;
  dispose(): Promise<void>;
  /** CPU seconds the database server has used so far (sampled around the load, before dispose). */
  serverCpuSeconds?(): number;
  /** The Payments list's drain as the intake service runs it on this engine (default: the receiver's own). */
  startPaymentsDrainer?(): Promise<PaymentsDrainer>;
}

const LOAD_SCRIPT = fileURLToPath(new URL('./receiver-load.ts', import.meta.url));
const BENCH_NOTIFY_PATH = '/antom/notify';

function ask(child: ChildProcess, request: LoadRequest): Promise<LoadReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`receiver load generator exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (reply: LoadReply) => {
      child.off('exit', onExit);
      resolve(reply);
    });
    child.send(request);
  });
}

/** The load generator, with `count` notifications signed (and a warm-up set) before any clock starts. */
export async function startLoadGenerator(count: number): Promise<ChildProcess> {
  const load = fork(LOAD_SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    await ask(load, { type: 'prepare', count, warmup: Math.min(1000, Math.ceil(count / 5)), path: BENCH_NOTIFY_PATH });
  } catch (error) {
    load.kill();
    throw error;
  }
  return load;
}

export function stopLoadGenerator(load: ChildProcess): void {
  if (load.connected) load.send({ type: 'exit' } satisfies LoadRequest);
  if (load.exitCode === null) load.kill();
}

/** Payments per drain transaction when the run empties the queue (the receiver's own chunk size). */
const QUEUE_DRAIN_CHUNK = 500;

/** Derive whatever payments_pending still holds; returns how many were left. */
async function drainPaymentsQueue(journal: Journal): Promise<number> {
  // The synchronous journal the sync-reference section measures with this harness had no Payments list.
  if (typeof journal.refreshQueuedPayments !== 'function') return 0;
  let left = 0;
  for (let n = QUEUE_DRAIN_CHUNK; n >= QUEUE_DRAIN_CHUNK; left += n) n = await journal.refreshQueuedPayments(QUEUE_DRAIN_CHUNK);
  return left;
}

/**
 * A drainer that leaves every queued payment for later: the "intake only" runs derive the
 * Payments list after the load, outside the receiver's CPU window (ReceiverRunResult.listCpuMsPerPayment).
 */
const DEFERRED_LIST: PaymentsDrainer = { wake: () => undefined, close: async () => undefined };

interface RunOptions {
  listAfterLoad?: boolean;
  /** Another tree's receiver (sync-journal-reference.ts loads the synchronous journal's); default this checkout's. */
  startReceiver?: typeof startNotificationReceiver;
}

export async function runReceiver(load: ChildProcess, target: RunJournal, count: number, groupCommit: boolean, concurrency: number, options: RunOptions = {}): Promise<ReceiverRunResult> {
  const key = antomTestPublicKey();
  const paymentsDrainer = options.listAfterLoad ? DEFERRED_LIST : await target.startPaymentsDrainer?.();
  const start = options.startReceiver ?? startNotificationReceiver;
  const receiver = await start({
    sink: target.journal,
    ...(paymentsDrainer ? { paymentsDrainer } : {}),
    groupCommit,
    resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'bench', antomPublicKey: key } : undefined),
  });
  try {
    // The whole process: a drain thread's CPU is counted with the receiver's.
    const cpuBefore = process.cpuUsage();
    const serverBefore = target.serverCpuSeconds?.();
    const reply = await ask(load, { type: 'run', origin: new URL(receiver.url).origin, count, concurrency });
    // The CPU window ends when the receiver's work for these notifications is all done: the
    // receiver closed (its drain's chunk in flight committed) and the Payments list's queue
    // empty. What the background drain had not reached yet is derived here, in this process,
    // as the receiver itself would have done it a moment later.
    await receiver.close();
    // Intake only: the window ends here, and the list's derivation is timed on its own.
    const intakeCpu = options.listAfterLoad ? process.cpuUsage(cpuBefore) : undefined;
    const listBefore = process.cpuUsage();
    const queueLeft = await drainPaymentsQueue(target.journal);
    const listCpu = process.cpuUsage(listBefore);
    const cpu = intakeCpu ?? process.cpuUsage(cpuBefore);
    const serverAfter = target.serverCpuSeconds?.();
    if (reply.type !== 'done') throw new Error('unexpected reply from the load generator');
    const missing = await target.countMissing(reply.acked);
    // The warm-up notifications are sent inside the CPU window (same receiver, same drain), so
    // the work is per notification of both sets.
    const handled = count + reply.warmedUp;
    const latencies = reply.latenciesMs.filter((v) => Number.isFinite(v));
    return {
      count,
      rate: count / reply.seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      cpuMsPerNotification: (cpu.user + cpu.system) / 1000 / handled,
      queuedAtClose: queueLeft,
      ...(options.listAfterLoad && queueLeft > 0 ? { listCpuMsPerPayment: (listCpu.user + listCpu.system) / 1000 / queueLeft } : {}),
      acknowledged: reply.acked.length,
      notAcknowledged: reply.notAcknowledged + reply.errors,
      missing,
      ...(serverBefore !== undefined && serverAfter !== undefined ? { serverCpuMsPerNotification: ((serverAfter - serverBefore) * 1000) / handled } : {}),
    };
  } finally {
    await receiver.close();
    await target.dispose();
  }
}

/**
 * The median of each figure over several runs (each on a fresh journal): a single run's rate
 * moves by 10-20% between runs of the same code on this machine. Missing and unacknowledged
 * notifications are summed, never averaged away.
 */
export function medianRun(runs: readonly ReceiverRunResult[]): ReceiverRunResult {
  const median = (pick: (r: ReceiverRunResult) => number): number => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const server = runs.every((r) => r.serverCpuMsPerNotification !== undefined) ? { serverCpuMsPerNotification: median((r) => r.serverCpuMsPerNotification!) } : {};
  const list = runs.every((r) => r.listCpuMsPerPayment !== undefined) ? { listCpuMsPerPayment: median((r) => r.listCpuMsPerPayment!) } : {};
  return {
    count: runs[0]!.count,
    rate: median((r) => r.rate),
    p50: median((r) => r.p50),
    p99: median((r) => r.p99),
    cpuMsPerNotification: median((r) => r.cpuMsPerNotification),
    queuedAtClose: Math.max(...runs.map((r) => r.queuedAtClose)),
    acknowledged: runs.reduce((n, r) => n + r.acknowledged, 0),
    notAcknowledged: runs.reduce((n, r) => n + r.notAcknowledged, 0),
    missing: runs.reduce((n, r) => n + r.missing, 0),
    ...server,
    ...list,
  };
}
