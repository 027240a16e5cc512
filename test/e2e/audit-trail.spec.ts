/**
 * The audit trail in the browser: a capture made in this run (through the preview's handler
 * table, the same one the page calls) appears in the Audit view with the OS user@host of this
 * machine, the door it came through and its outcome; the person filter finds it, the detail
 * pane says what was recorded before sending, and the export downloads.
 */
import { hostname, userInfo } from 'node:os';
import { arrangePayment } from './support/arrange';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test('the Audit view shows a capture made in this run with who made it', async ({ app }) => {
  const { page, ops } = app;
  const person = `${userInfo().username}@${hostname()}`;
  const payment = await arrangePayment(ops, { currency: 'USD', value: '8800' });
  const capture = await ops.capture({ paymentId: payment.paymentId, amount: { currency: 'USD', value: '8800' } });
  expect(capture.resultStatus).toBe('S');

  await app.open('Audit');
  const grid = page.getByRole('grid', { name: 'Audit trail' });
  const row = grid.getByRole('row').filter({ hasText: 'capture' }).filter({ hasText: payment.paymentId });
  await expect(row).toBeVisible();
  await expect(row).toContainText(person);
  await expect(row).toContainText('preview');
  await expect(row).toContainText('USD 88.00');
  await expect(row).toContainText('succeeded');
  // The session that created the payment is on record too.
  await expect(grid.getByRole('row').filter({ hasText: 'createPaymentSession' }).first()).toBeVisible();
  await saveScreenshot(page, 'audit-trail');

  // Filter by person and by operation: the capture stays, a stranger has none.
  const filters = page.getByRole('search', { name: 'Filter the audit trail' });
  await filters.getByLabel('Operation', { exact: true }).selectOption('capture');
  await filters.getByLabel('Person (user@host)', { exact: true }).fill(person);
  await expect(grid.getByRole('row').filter({ hasText: payment.paymentId })).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: 'createPaymentSession' })).toHaveCount(0);
  await filters.getByLabel('Person (user@host)', { exact: true }).fill('nobody@nowhere');
  await expect(page.getByText('No audit entry matches these filters')).toBeVisible();
  await filters.getByLabel('Person (user@host)', { exact: true }).fill(person);

  // The detail pane: who, what was recorded before sending, how it ended.
  await grid.getByRole('row').filter({ hasText: payment.paymentId }).first().click();
  const detail = page.getByRole('complementary', { name: /^Audit #\d+: capture$/ });
  await expect(detail).toContainText(person);
  await expect(detail).toContainText(capture.requestIds.captureRequestId!);
  await expect(detail).toContainText('Recorded before sending');
  await saveScreenshot(page, 'audit-detail');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-.*\.csv$/);
});
