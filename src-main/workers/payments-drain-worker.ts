/**
 * A worker thread that derives the Payments list rows a receiver's stored notifications queued
 * (payments-drainer.ts), so that work leaves the receiver's event loop. Started by
 * core/receiver/payments-drain-thread.ts, which says when and why.
 *
 * It opens its own connections to the same journal (the config arrives in workerData, in
 * memory only) and answers these messages from the receiver's thread:
 *   { type: 'wake' }   a commit queued payments: drain a moment later (startPaymentsDrainer)
 *   { type: 'close' }  finish the chunk in flight, close the journal, post { type: 'closed' }
 * It posts { type: 'ready' } once the journal is open, { type: 'error', message } for a drain
 * that failed (the queue is durable: the next wake or a list read derives it), and
 * { type: 'failed', message } when the journal cannot be opened at all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openJournal, type JournalConfig } from '../core/journal/open-journal';
import { isPostgresDriverFault } from '../core/journal/postgres/postgres-connection';
import { startPaymentsDrainer } from '../core/receiver/payments-drainer';
import type { DrainThreadReply, DrainThreadRequest } from '../core/receiver/payments-drain-thread';

const port = parentPort;
if (!port) throw new Error('payments-drain-worker runs only as a worker thread (payments-drain-thread.ts starts it).');

const post = (reply: DrainThreadReply): void => port.postMessage(reply);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(): Promise<void> {
  let journal;
  try {
    const config = workerData as JournalConfig;
    // One chunk at a time needs few connections; the receiver's pool keeps its own.
    journal = await openJournal(config.engine === 'postgres' ? { maxConnections: 2, ...config } : config);
  } catch (error) {
    post({ type: 'failed', message: messageOf(error) });
    port!.close();
    return;
  }
  const opened = journal;
  // The PostgreSQL driver's faults on a dropped connection escape every caller (postgres-connection.ts);
  // here, as in the intake service, they cost the connections, not the thread.
  const onUncaught = (error: Error, origin: string): void => {
    if (!isPostgresDriverFault(error, origin)) throw error;
    post({ type: 'error', message: `database driver fault, reconnecting: ${error.message}` });
    void opened.reconnect().catch(() => undefined);
  };
  process.on('uncaughtException', onUncaught);

  const drainer = startPaymentsDrainer({ journal: opened, onError: (error) => post({ type: 'error', message: messageOf(error) }) });
  port!.on('message', (message: DrainThreadRequest) => {
    if (message.type === 'wake') {
      drainer.wake();
      return;
    }
    void (async () => {
      await drainer.close();
      await opened.close().catch((error: unknown) => post({ type: 'error', message: messageOf(error) }));
      process.off('uncaughtException', onUncaught);
      post({ type: 'closed' });
      port!.close();
    })();
  });
  post({ type: 'ready' });
}

void main();
