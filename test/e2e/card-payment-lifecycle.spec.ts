/**
 * Flow 1, the whole life of a card payment as an operator drives it: create a CARD session with
 * authorisation in Sessions, pay it as the sandbox buyer, follow it in Payments while inquiry
 * polling reaches the final state, capture PART of it in Captures through the confirmation
 * dialog, see notifyCapture arrive, refund some of it, and read the whole story and the money
 * in display units on the payment's timeline.
 */
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test('card session with authorisation: pay, poll to final, partial capture, notifyCapture, refund, timeline', async ({ app }) => {
  const { page } = app;

  // Sessions: USD 100.00, CARD, authorise only.
  await app.open('Sessions');
  const form = page.getByRole('form', { name: 'Create payment session' });
  await form.getByLabel('Currency', { exact: true }).selectOption('USD');
  await form.getByLabel('Amount', { exact: true }).fill('100.00');
  await expect(form.getByLabel('Payment method', { exact: true })).toHaveValue('CARD');
  await form.getByLabel('Authorise only (capture later)', { exact: true }).check();
  const paymentRequestId = await form.getByLabel('paymentRequestId', { exact: true }).inputValue();
  expect(paymentRequestId).toMatch(/^PAY/);
  await form.getByRole('button', { name: 'Create session' }).click();

  const result = page.getByRole('region', { name: 'Session result' });
  await expect(result.getByRole('heading', { name: `Sent ${paymentRequestId}` })).toBeVisible();
  await expect(result.getByRole('group', { name: 'Response' })).toHaveAttribute('data-result-status', 'S');
  // The signed request is shown (content to sign) and never any key material.
  await expect(result).toContainText(`"paymentRequestId":"${paymentRequestId}"`);
  await expect(result).toContainText('"isAuthorization":true');
  await expect(result).not.toContainText('PRIVATE KEY');
  await expect(result.getByRole('button', { name: 'Copy paymentSessionData' })).toBeVisible();

  // The sandbox buyer pays, but the card network takes a moment: PROCESSING first.
  const buyer = result.getByRole('group', { name: 'Sandbox buyer' });
  await buyer.getByRole('button', { name: 'Processing then success' }).click();
  await expect(buyer.getByRole('status')).toContainText('PROCESSING');
  await buyer.getByRole('link', { name: 'Follow this payment' }).click();

  // Payments: polling every 2 s until a final status, then it stops by itself.
  await expect(page.getByRole('heading', { level: 2, name: 'Payments' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Payment ${paymentRequestId}` })).toBeVisible();
  await expect(page.getByText('Polling stopped: final status reached.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Start polling' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Payment timeline' });
  await expect(timeline.locator('[data-kind="inquiry"]').filter({ hasText: 'SUCCESS' }).first()).toBeVisible();
  // The inquiries came from the poller (trigger "poller" in the journal), not from a button.
  const polled = await app.ops.listCalls({ filter: { api: 'inquiryPayment', trigger: 'poller', anyId: paymentRequestId } });
  expect(polled.items.length).toBeGreaterThanOrEqual(1);
  await expect(timeline.locator('[data-kind="notification"]').filter({ hasText: 'PAYMENT_RESULT' }).first()).toBeVisible();
  await expect(page.getByRole('table').filter({ has: page.getByText('Money (USD)') }).getByRole('row', { name: /^Authorised/ })).toContainText('USD 100.00');

  // Captures: the authorisation waits for capture; capture USD 40.00 of it.
  await app.open('Captures');
  const awaiting = page.getByRole('table').filter({ has: page.getByText(/Authorised payments awaiting capture/) });
  const awaitingRow = awaiting.getByRole('row').filter({ hasText: paymentRequestId });
  await expect(awaitingRow).toContainText('USD 100.00');
  await awaitingRow.getByRole('button', { name: `Select payment ${paymentRequestId}` }).click();

  const selected = page.getByRole('region', { name: `Payment ${paymentRequestId}` });
  const captureForm = selected.getByRole('form', { name: 'Capture payment' });
  await captureForm.getByLabel('Capture amount (USD)', { exact: true }).fill('40.00');
  await captureForm.getByRole('button', { name: 'Capture', exact: true }).click();

  const captureDialog = page.getByRole('dialog', { name: 'Confirm capture' });
  await expect(captureDialog).toBeVisible();
  await expect(captureDialog).toContainText('Capture USD 40.00 of USD 100.00?');
  await expect(captureDialog).toContainText('A partial capture: USD 60.00 stays authorised.');
  await saveScreenshot(page, 'flow-capture-confirmation');
  await captureDialog.getByRole('button', { name: 'Confirm capture' }).click();
  await expect(captureDialog).toBeHidden();
  await expect(selected.getByRole('group', { name: 'Capture result' })).toHaveAttribute('data-result-status', 'S');

  // notifyCapture arrives from the sandbox, verified and acknowledged.
  const moneyStory = selected.getByRole('list', { name: 'Payment timeline' });
  const captureNotice = moneyStory.locator('[data-kind="notification"]').filter({ hasText: 'CAPTURE_RESULT' });
  await expect(captureNotice).toBeVisible({ timeout: 30_000 });
  await expect(captureNotice).toContainText('signature verified');
  await expect(captureNotice).toContainText('acknowledged');
  await expect(captureNotice).toContainText('USD 40.00');

  // Refund USD 15.00 of the captured USD 40.00.
  const refundForm = selected.getByRole('form', { name: 'Refund payment' });
  await refundForm.getByLabel('Refund amount (USD)', { exact: true }).fill('15.00');
  await refundForm.getByLabel('Refund reason', { exact: true }).fill('Returned one item');
  await refundForm.getByRole('button', { name: 'Refund', exact: true }).click();
  const refundDialog = page.getByRole('dialog', { name: 'Confirm refund' });
  await expect(refundDialog).toContainText('Refund USD 15.00 of USD 40.00 captured?');
  await refundDialog.getByRole('button', { name: 'Confirm refund' }).click();
  await expect(refundDialog).toBeHidden();
  await expect(selected.getByRole('group', { name: 'Refund result' })).toHaveAttribute('data-result-status', 'S');

  // The whole story on the payment's timeline, and the money in display units.
  await selected.getByRole('link', { name: 'Open in Payments' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Payments' })).toBeVisible();
  const story = page.getByRole('list', { name: 'Payment timeline' });
  for (const kind of ['session', 'inquiry', 'capture', 'refund']) {
    await expect(story.locator(`[data-kind="${kind}"]`).first()).toBeVisible();
  }
  await expect(story.locator('[data-kind="notification"]').filter({ hasText: 'PAYMENT_RESULT' }).first()).toBeVisible();
  await expect(story.locator('[data-kind="notification"]').filter({ hasText: 'CAPTURE_RESULT' }).first()).toBeVisible();
  await expect(story.locator('[data-kind="refund"]').first()).toContainText('USD 15.00');

  const money = page.getByRole('table').filter({ has: page.getByText('Money (USD)') });
  await expect(money.getByRole('row', { name: /^Authorised/ })).toContainText('USD 100.00');
  await expect(money.getByRole('row', { name: /^Captured/ })).toContainText('USD 40.00');
  await expect(money.getByRole('row', { name: /^Refunded/ })).toContainText('USD 15.00');
  await expect(money.getByRole('row', { name: /^Remaining/ })).toContainText('USD 25.00');
  await expect(money.getByRole('row', { name: /^Uncaptured/ })).toContainText('USD 60.00');
  await expect(page.getByText('PARTIALLY REFUNDED', { exact: true })).toBeVisible();
  await saveScreenshot(page, 'flow-payment-story');
});
