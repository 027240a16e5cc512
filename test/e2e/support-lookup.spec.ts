/**
 * Support: find a payment from any of its IDs and read everything. Two payments share one
 * referenceOrderId (the search lists both, never silently one); one of them is captured and
 * refunded, and its paymentRequestId alone finds the capture and refund notifications and shows
 * its transactions from the journal without pressing "Inquire now". A third is cancelled: it is
 * shown CANCELLED, Captures no longer offers it, and no mismatch is raised.
 */
import { arrangePayment, sessionBody } from './support/arrange';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test('any ID finds its payments and everything related; a cancel is reported as such', async ({ app }) => {
  const { page } = app;
  const ops = app.ops;
  const shared = `ORDER-SHARED-${Date.now().toString(36).toUpperCase()}`;
  const twins: string[] = [];
  for (const n of [1, 2]) {
    const paymentRequestId = `PAY-E2E-TWIN-${Date.now().toString(36).toUpperCase()}-${n}`;
    const body = sessionBody(paymentRequestId, { currency: 'USD', value: '10000' });
    body.order = { referenceOrderId: shared, orderDescription: 'shared order', orderAmount: { currency: 'USD', value: '10000' } };
    expect((await ops.createPaymentSession({ body })).resultStatus).toBe('S');
    await ops.sandboxBuyerAction({ id: paymentRequestId, outcome: 'success' });
    await ops.inquiryPayment({ paymentRequestId });
    twins.push(paymentRequestId);
  }
  const first = (await ops.findById({ id: twins[0]! })).payments[0]!;
  expect((await ops.capture({ paymentId: first.paymentId!, amount: { currency: 'USD', value: '4000' } })).resultStatus).toBe('S');
  expect((await ops.refund({ paymentId: first.paymentId!, amount: { currency: 'USD', value: '1000' } })).resultStatus).toBe('S');
  await expect.poll(async () => (await ops.listNotifications({ filter: { anyId: first.paymentId!, notifyType: 'REFUND_RESULT' } })).items.length, { timeout: 15_000 }).toBeGreaterThan(0);

  // The shared referenceOrderId lists both payments.
  await app.open('Overview');
  const search = page.getByRole('searchbox', { name: 'Search any ID' });
  await search.fill(shared);
  await search.press('Enter');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('heading', { name: 'Payments (2)' })).toBeVisible();
  for (const id of twins) await expect(results).toContainText(id);
  await saveScreenshot(page, 'support-lookup-shared-reference');
  await results.getByRole('button', { name: 'Close' }).click();

  // The first twin by its paymentRequestId: transactions from the journal, no inquiry pressed.
  await search.fill(twins[0]!);
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Payments' })).toBeVisible();
  const transactions = page.getByRole('table').filter({ has: page.getByText('Captures and refunds recorded in the journal') });
  await expect(transactions.getByRole('row').filter({ hasText: 'CAPTURE' })).toContainText('SUCCESS');
  await expect(transactions.getByRole('row').filter({ hasText: 'REFUND' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payments matching this ID' })).toHaveCount(0);

  // Notifications, "Any ID" = the paymentRequestId: the capture and refund notifications too.
  await app.open('Notifications');
  await page.getByLabel('Any ID', { exact: true }).fill(twins[0]!);
  for (const type of ['PAYMENT_RESULT', 'CAPTURE_RESULT', 'REFUND_RESULT']) await expect(page.getByRole('gridcell', { name: type, exact: true }).first()).toBeVisible({ timeout: 10_000 });

  // A cancelled authorisation: CANCELLED everywhere, not capturable, no mismatch.
  const cancelled = await arrangePayment(ops, { currency: 'USD', value: '10000' });
  expect((await ops.cancel({ paymentId: cancelled.paymentId })).resultStatus).toBe('S');
  await ops.inquiryPayment({ paymentId: cancelled.paymentId });
  await app.open('Payments');
  await page.getByLabel('paymentRequestId, paymentId or referenceOrderId').fill(cancelled.paymentRequestId);
  await page.getByRole('button', { name: 'Find payment' }).click();
  await expect(page.getByRole('heading', { name: `Payment ${cancelled.paymentRequestId}` })).toBeVisible();
  await expect(page.locator('.payment-head').getByText('CANCELLED').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mismatches' })).toHaveCount(0);
  const money = page.getByRole('table').filter({ has: page.getByText('Money (USD)') });
  await expect(money.getByRole('row', { name: /^Uncaptured/ })).toContainText('USD 0.00');
  await expect(money.getByRole('row', { name: /^Released/ })).toContainText('USD 100.00');
  await saveScreenshot(page, 'support-lookup-cancelled');
  const awaiting = await ops.listAwaitingCapture({});
  expect(awaiting.map((a) => a.paymentId)).not.toContain(cancelled.paymentId);
});
