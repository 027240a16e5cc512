/**
 * Issue 9, section 5: one flow per job, each with pictures light and dark at 900 and 1440 px
 * (saveScreenshotSet -> test-results/screenshots/job-<job>-<moment>-<scheme>-<width>.png).
 * The steps the job is about go through the page; data the job is not about is arranged through
 * the handler table. card-payment-lifecycle.spec.ts covers the session form, polling and one
 * partial capture; support-lookup.spec.ts a shared referenceOrderId and a cancel's figures:
 * these flows add what they leave out.
 * - operations: capture one authorisation in two parts, refund part of it, cancel another;
 * - support: a captureId, a refundId and a referenceOrderId each open the same payment's whole story;
 * - integrator: create a session, pay it as the sandbox buyer, inject a fault, see it explained, retry.
 */
import type { Page } from '@playwright/test';
import { arrangePayment } from './support/arrange';
import { expect, test, type ConsoleApp } from './support/fixtures';
import { saveScreenshotSet } from './support/screenshots';

async function selectAwaiting(page: Page, paymentRequestId: string) {
  const awaiting = page.getByRole('table').filter({ has: page.getByText(/Authorised payments awaiting capture/) });
  await awaiting.getByRole('row').filter({ hasText: paymentRequestId }).getByRole('button', { name: `Select payment ${paymentRequestId}` }).click();
  return page.getByRole('region', { name: `Payment ${paymentRequestId}` });
}

async function confirmCapture(page: Page, expected: string) {
  const dialog = page.getByRole('dialog', { name: 'Confirm capture' });
  await expect(dialog).toContainText(expected);
  await dialog.getByRole('button', { name: 'Confirm capture' }).click();
  await expect(dialog).toBeHidden();
}

async function searchAnyId(app: ConsoleApp, id: string) {
  const search = app.page.getByRole('searchbox', { name: 'Search any ID' });
  await search.fill(id);
  await search.press('Enter');
}

test('operations: capture an authorisation in two parts, refund part of it, cancel another', async ({ app }) => {
  const { page, ops } = app;
  const split = await arrangePayment(ops, { currency: 'USD', value: '10000' });
  const released = await arrangePayment(ops, { currency: 'USD', value: '2500' });

  await app.open('Captures');
  let selected = await selectAwaiting(page, split.paymentRequestId);
  const captureForm = selected.getByRole('form', { name: 'Capture payment' });
  const amountField = captureForm.getByLabel('Capture amount (USD)', { exact: true });

  // First part: USD 40.00 of 100.00.
  await amountField.fill('40.00');
  await captureForm.getByRole('button', { name: 'Capture', exact: true }).click();
  await confirmCapture(page, 'A partial capture: USD 60.00 stays authorised.');
  await expect(selected.getByRole('group', { name: 'Capture result' })).toHaveAttribute('data-result-status', 'S');
  await expect(amountField).toHaveValue('');

  // Second part: the remaining USD 60.00 (the payment stays selected, its figures follow).
  await amountField.fill('60.00');
  await captureForm.getByRole('button', { name: 'Capture', exact: true }).click();
  await confirmCapture(page, 'Capture USD 60.00');
  // Nothing is left to capture: the form says so and keeps the result just obtained; the status list has it too.
  await expect(selected.getByRole('group', { name: 'Capture result' })).toHaveAttribute('data-result-status', 'S');
  await expect(captureForm.getByText('Nothing left to capture.')).toBeVisible();
  await expect(captureForm.getByRole('button', { name: 'Capture', exact: true })).toBeDisabled();
  await expect(selected.getByRole('listitem').filter({ hasText: 'capture USD 60.00 -> S SUCCESS' })).toBeVisible();
  await expect(selected.getByRole('table').filter({ has: page.getByText('Money (USD)') }).getByRole('row', { name: /^Captured/ })).toContainText('USD 100.00');
  await expect.poll(async () => (await ops.listNotifications({ filter: { anyId: split.paymentId, notifyType: 'CAPTURE_RESULT' } })).items.length, { timeout: 30_000 }).toBe(2);

  // Refund USD 25.00 of the USD 100.00 now captured.
  const refundForm = selected.getByRole('form', { name: 'Refund payment' });
  await refundForm.getByLabel('Refund amount (USD)', { exact: true }).fill('25.00');
  await refundForm.getByLabel('Refund reason', { exact: true }).fill('One item returned');
  await refundForm.getByRole('button', { name: 'Refund', exact: true }).click();
  const refundDialog = page.getByRole('dialog', { name: 'Confirm refund' });
  await expect(refundDialog).toContainText('Refund USD 25.00 of USD 100.00 captured?');
  await refundDialog.getByRole('button', { name: 'Confirm refund' }).click();
  await expect(refundDialog).toBeHidden();
  await expect(selected.getByRole('group', { name: 'Refund result' })).toHaveAttribute('data-result-status', 'S');
  await saveScreenshotSet(page, 'job-operations-captured-twice-refunded');

  // Its story in Payments: two captures, one refund, and the money adds up.
  await selected.getByRole('link', { name: 'Open in Payments' }).click();
  const story = page.getByRole('list', { name: 'Payment timeline' });
  await expect(story.locator('[data-kind="capture"]')).toHaveCount(2);
  await expect(story.locator('[data-kind="refund"]').first()).toContainText('USD 25.00');
  const money = page.getByRole('table').filter({ has: page.getByText('Money (USD)') });
  await expect(money.getByRole('row', { name: /^Captured/ })).toContainText('USD 100.00');
  await expect(money.getByRole('row', { name: /^Refunded/ })).toContainText('USD 25.00');
  await expect(money.getByRole('row', { name: /^Uncaptured/ })).toContainText('USD 0.00');
  await saveScreenshotSet(page, 'job-operations-payment-story');

  // Cancel the other authorisation: confirmed, then gone from the capture queue.
  await app.open('Captures');
  selected = await selectAwaiting(page, released.paymentRequestId);
  await selected.getByRole('button', { name: 'Cancel payment' }).click();
  const cancelDialog = page.getByRole('dialog', { name: 'Confirm cancel' });
  await expect(cancelDialog).toContainText(released.paymentId);
  await saveScreenshotSet(page, 'job-operations-cancel-confirmation');
  await cancelDialog.getByRole('button', { name: 'Confirm cancel' }).click();
  // A cancelled payment leaves the capture queue (and its panel here with it, result included).
  await expect.poll(async () => (await ops.listAwaitingCapture({})).map((a) => a.paymentId)).not.toContain(released.paymentId);
  await searchAnyId(app, released.paymentRequestId);
  await expect(page.getByRole('heading', { name: `Payment ${released.paymentRequestId}` })).toBeVisible();
  await expect(page.locator('.payment-head').getByText('CANCELLED').first()).toBeVisible();
  await saveScreenshotSet(page, 'job-operations-cancelled');
});

test('support: a captureId, a refundId or a referenceOrderId opens the payment and its whole story', async ({ app }) => {
  const { page, ops } = app;
  const payment = await arrangePayment(ops, { currency: 'EUR', value: '8000' });
  const capture = await ops.capture({ paymentId: payment.paymentId, amount: { currency: 'EUR', value: '8000' } });
  const refund = await ops.refund({ paymentId: payment.paymentId, amount: { currency: 'EUR', value: '3000' }, refundReason: 'Late delivery' });
  const captureId = capture.requestIds.captureId;
  const refundId = refund.requestIds.refundId;
  if (!captureId || !refundId) throw new Error(`the sandbox named no captureId (${captureId}) or refundId (${refundId})`);
  await expect.poll(async () => (await ops.listNotifications({ filter: { anyId: payment.paymentId, notifyType: 'REFUND_RESULT' } })).items.length, { timeout: 30_000 }).toBeGreaterThan(0);

  const heading = page.getByRole('heading', { name: `Payment ${payment.paymentRequestId}` });
  for (const id of [captureId, refundId, `ORDER-${payment.paymentRequestId}`]) {
    await app.open('Overview');
    await searchAnyId(app, id);
    await expect(page.getByRole('heading', { level: 2, name: 'Payments' })).toBeVisible();
    await expect(heading).toBeVisible();
  }

  // Everything at once, without pressing anything: the story, the transactions, the money.
  const story = page.getByRole('list', { name: 'Payment timeline' });
  for (const kind of ['session', 'capture', 'refund']) await expect(story.locator(`[data-kind="${kind}"]`).first()).toBeVisible();
  for (const type of ['PAYMENT_RESULT', 'CAPTURE_RESULT', 'REFUND_RESULT']) await expect(story.locator('[data-kind="notification"]').filter({ hasText: type }).first()).toBeVisible();
  // The journal's transactions name Antom's IDs (what the agent was given) and the merchant's request IDs beside them.
  const transactions = page.getByRole('table').filter({ has: page.getByText('Captures and refunds recorded in the journal') });
  await expect(transactions).toContainText(refundId);
  await expect(transactions).toContainText(capture.requestIds.captureRequestId ?? 'a captureRequestId');
  await expect(transactions).toContainText(refund.requestIds.refundRequestId ?? 'a refundRequestId');
  const money = page.getByRole('table').filter({ has: page.getByText('Money (EUR)') });
  await expect(money.getByRole('row', { name: /^Captured/ })).toContainText('EUR 80.00');
  await expect(money.getByRole('row', { name: /^Refunded/ })).toContainText('EUR 30.00');
  await saveScreenshotSet(page, 'job-support-payment-story');

  // The same IDs in the notifications log: the refundId finds the payment's every notification.
  await app.open('Notifications');
  await page.getByLabel('Any ID', { exact: true }).fill(refundId);
  for (const type of ['PAYMENT_RESULT', 'CAPTURE_RESULT', 'REFUND_RESULT']) await expect(page.getByRole('gridcell', { name: type, exact: true }).first()).toBeVisible({ timeout: 10_000 });
  await saveScreenshotSet(page, 'job-support-notifications-by-refund-id');
});

test('integrator: create a session, pay in the sandbox, inject a fault, see it explained, retry', async ({ app }) => {
  const { page } = app;
  const sandboxUrl = app.run.server.core.sandbox?.baseUrl;
  if (!sandboxUrl) throw new Error('the preview should run the embedded sandbox');

  await app.open('Sessions');
  const form = page.getByRole('form', { name: 'Create payment session' });
  await form.getByLabel('Currency', { exact: true }).selectOption('USD');
  await form.getByLabel('Amount', { exact: true }).fill('12.34');
  const paymentRequestId = await form.getByLabel('paymentRequestId', { exact: true }).inputValue();
  await form.getByRole('button', { name: 'Create session' }).click();
  const result = page.getByRole('region', { name: 'Session result' });
  await expect(result.getByRole('group', { name: 'Response' })).toHaveAttribute('data-result-status', 'S');
  const buyer = result.getByRole('group', { name: 'Sandbox buyer' });
  await buyer.getByRole('button', { name: 'Pay as buyer (success)' }).click();
  await expect(buyer.getByRole('status')).toContainText('SUCCESS');
  await saveScreenshotSet(page, 'job-integrator-session-paid');

  // Follow it until the poller has seen the final status.
  await buyer.getByRole('link', { name: 'Follow this payment' }).click();
  await expect(page.getByRole('heading', { name: `Payment ${paymentRequestId}` })).toBeVisible();
  await expect(page.getByText('Polling stopped: final status reached.')).toBeVisible({ timeout: 30_000 });

  // The sandbox's next three inquiries answer like a proxy in trouble: HTTP 502 with an HTML
  // page. Three, because the console resends a 5xx itself (three attempts) before giving up.
  const injected = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'http5xx', status: 502, body: 'html', api: 'inquiryPayment', count: 3 }),
  });
  expect(injected.status).toBe(200);
  const inquire = page.getByRole('button', { name: 'Inquire now' });
  await inquire.click();
  const failed = page.getByRole('alert').filter({ hasText: 'The inquiry failed' });
  await expect(failed).toContainText('502');
  await saveScreenshotSet(page, 'job-integrator-fault-explained');

  // Retry: the fault is used up, so the inquiry now reaches SUCCESS.
  await inquire.click();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('p').filter({ hasText: /^Last inquiry/ })).toContainText('SUCCESS');
  await saveScreenshotSet(page, 'job-integrator-retried');

  // The failed attempt stays in the API log, with its HTTP status.
  await app.open('API log');
  await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'inquiryPayment' }).filter({ hasText: '502' }).first()).toBeVisible();
  await saveScreenshotSet(page, 'job-integrator-api-log');
});
