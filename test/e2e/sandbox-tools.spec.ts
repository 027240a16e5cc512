/**
 * Issue 9 §4, sandbox tools for integrators, through the page: end a session with a chosen
 * failure code, send its PAYMENT_RESULT again, inject and clear a fault, advance the clock. The
 * sandbox itself (the preview's core) is read to prove each action really happened there.
 */
import { expect, test } from './support/fixtures';
import { overlappingControls, seriousAxeViolations, sidewaysOverflow } from './support/page-checks';
import { saveScreenshotSet } from './support/screenshots';

test('integrator: buyer outcome with a result code, test notification, fault, clock', async ({ app }) => {
  const { page } = app;
  const sandbox = app.run.server.core.sandbox;
  if (!sandbox) throw new Error('the preview should run the embedded sandbox');

  await app.open('Sessions');
  const form = page.getByRole('form', { name: 'Create payment session' });
  await form.getByLabel('Amount', { exact: true }).fill('12.00');
  const paymentRequestId = await form.getByLabel('paymentRequestId', { exact: true }).inputValue();
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('region', { name: 'Session result' }).getByRole('group', { name: 'Response' })).toHaveAttribute('data-result-status', 'S');

  const tools = page.getByRole('region', { name: 'Sandbox tools' });
  await expect(tools.getByLabel('Payment (paymentRequestId or paymentId)')).toHaveValue(paymentRequestId);

  // Buyer outcome: fail with DO_NOT_HONOR, its meaning shown before it is applied.
  const buyer = tools.getByRole('form', { name: 'Buyer outcome' });
  await buyer.getByLabel('Buyer outcome').selectOption('fail');
  await buyer.getByLabel('paymentResultCode').selectOption('DO_NOT_HONOR');
  await expect(buyer).toContainText('The issuer declined (do not honor).');
  await buyer.getByRole('button', { name: 'Apply buyer outcome' }).click();
  await expect(tools.getByRole('status').filter({ hasText: 'Sandbox payment' })).toContainText('DO_NOT_HONOR');
  expect(sandbox.control.getPayment(paymentRequestId)).toMatchObject({ paymentStatus: 'FAIL', resultCode: 'DO_NOT_HONOR' });

  // Test notification: the sandbox sends PAYMENT_RESULT again and the receiver acknowledges it.
  await sandbox.control.notificationsSettled();
  const notify = tools.getByRole('form', { name: 'Test notification' });
  await notify.getByLabel('Notification type').selectOption('PAYMENT_RESULT');
  await notify.getByRole('button', { name: 'Send test notification' }).click();
  await expect(tools.getByRole('status').filter({ hasText: 'Sent PAYMENT_RESULT' })).toContainText('acknowledged (HTTP 200)');

  // A fault on the next capture, listed, then cleared.
  const addFault = tools.getByRole('form', { name: 'Add a fault' });
  await addFault.getByLabel('Fault kind').selectOption('http5xx');
  await addFault.getByLabel('API').selectOption('capture');
  await addFault.getByLabel('Next N requests').fill('1');
  await addFault.getByLabel('HTTP status').fill('503');
  await addFault.getByRole('button', { name: 'Add fault' }).click();
  const faults = tools.getByRole('table', { name: 'Active faults' });
  await expect(faults.getByRole('row').filter({ hasText: 'http5xx' })).toContainText('HTTP 503');
  expect(sandbox.control.listFaults()).toMatchObject([{ kind: 'http5xx', api: 'capture', status: 503, remaining: 1 }]);

  // Advance the clock by two hours: the sandbox time moves and says how far ahead it is.
  const advance = tools.getByRole('form', { name: 'Advance the sandbox clock' });
  await advance.getByLabel('Advance by').fill('2');
  await advance.getByLabel('Unit').selectOption('hours');
  await advance.getByRole('button', { name: 'Advance clock' }).click();
  await expect(tools.getByRole('status', { name: 'Sandbox time' })).toContainText('120 min ahead');
  expect(sandbox.control.info().clockOffsetMs).toBe(2 * 3_600_000);

  await page.setViewportSize({ width: 900, height: 900 });
  expect(await sidewaysOverflow(page)).toBeUndefined();
  expect(await overlappingControls(page)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshotSet(page, 'job-integrator-sandbox-tools');

  await tools.getByRole('button', { name: 'Clear all faults' }).click();
  await expect(tools.getByText('No faults: the sandbox answers every request normally.')).toBeVisible();
  expect(sandbox.control.listFaults()).toEqual([]);
});
