/**
 * A notification receiver in its own process, for the crash-safety test: it can be SIGKILLed
 * mid-burst like a real crash (no handlers, no flush), and the test then reopens the database.
 *
 *   node --import tsx test/support/receiver-child.ts (--data-dir DIR | --database URL) [--group-commit=false]
 *
 * First stdout line: {"url": "..."} once the receiver listens.
 */
import { parseArgs } from 'node:util';
import { openJournal } from '../../src-main/core/journal/open-journal';
import { startNotificationReceiver } from '../../src-main/core/receiver/notification-receiver';
import { TEST_CLIENT_ID, antomTestPublicKey } from './notification-sender';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, database: { type: 'string' }, 'group-commit': { type: 'string', default: 'true' } } });
const dataDir = values['data-dir'];
const database = values.database;
if (!dataDir && !database) {
  process.stderr.write('receiver-child: --data-dir or --database is required\n');
  process.exit(2);
}
const journal = await openJournal(database ? { engine: 'postgres', url: database } : { dataDir });
const key = antomTestPublicKey();
const receiver = await startNotificationReceiver({
  sink: journal,
  groupCommit: values['group-commit'] !== 'false',
  resolveVerifier: (clientId) => (clientId === TEST_CLIENT_ID ? { profile: 'sandbox', antomPublicKey: key } : undefined),
  onError: (error) => process.stderr.write(`receiver-child: ${String(error)}\n`),
});
process.stdout.write(`${JSON.stringify({ url: receiver.url })}\n`);
process.on('SIGTERM', () => {
  void receiver.close().then(async () => {
    await journal.close();
    process.exit(0);
  });
});
