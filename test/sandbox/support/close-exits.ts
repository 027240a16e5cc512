/**
 * Run as a child process by notifications.test.ts: leaves a notification resend (2 real
 * minutes away), a PROCESSING payment (30 s) and an open session (1 h) pending, then closes
 * the sandbox. The process must then exit by itself at once: close() left no timer behind.
 */
import { startSandbox } from '../../../src-main/core/sandbox/start-sandbox';
import { fixtureMerchant, SandboxCaller } from './sandbox-caller';
import { startReceiver } from './notify-receiver';

const merchant = fixtureMerchant();
const receiver = await startReceiver(() => ({ status: 500, body: '' }));
const sandbox = await startSandbox({
  timeScale: 1,
  merchants: [{ clientId: merchant.clientId, merchantPublicKeyBase64: merchant.publicKeyBase64 }],
  defaultNotifyUrl: receiver.url('/notify'),
});
const caller = new SandboxCaller(sandbox.baseUrl, sandbox.antomPublicKeyBase64, merchant);
const paid = await caller.createSession({}, sandbox.control);
const slow = await caller.createSession({ value: '3005' }, sandbox.control);
await caller.createSession({}, sandbox.control);
sandbox.control.pay(paid.paymentId);
sandbox.control.pay(slow.paymentId);
// Wait until the first attempts were answered and the 2-minute resends are scheduled.
while (!sandbox.control.listNotifications().every((n) => n.attempts.length === 1 && n.attempts[0]!.httpStatus === 500 && n.nextAttemptAt)) {
  await new Promise((resolve) => setImmediate(resolve));
}
await sandbox.close();
await receiver.close();
console.log('closed with a resend pending');
