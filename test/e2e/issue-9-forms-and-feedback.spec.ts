/**
 * Issue 9's list of what a user saw, one test per problem (forms, keys, feedback, rejected and
 * failed payments, keyboard focus): each drives the page the way an operator does.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { antomTestPrivateKey } from '../support/notification-sender';
import { arrangePayment, embeddedAntomKey, sendPaymentNotification } from './support/arrange';
import { expect, test, waitForAppLoaded } from './support/fixtures';
import { dialogOverflow, focusStopsWithoutIndicator, openRouteInPage } from './support/page-checks';
import { saveScreenshot } from './support/screenshots';

async function boxOf(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element has no box (not visible)');
  return box;
}

test('Sessions: "10,50" is refused with what it could mean, not read as 1,050.00', async ({ app }) => {
  const { page } = app;
  await app.open('Sessions');
  const form = page.getByRole('form', { name: 'Create payment session' });
  await form.getByLabel('Currency', { exact: true }).selectOption('USD');
  await form.getByLabel('Amount', { exact: true }).fill('10,50');
  await form.getByRole('button', { name: 'Create session' }).click();
  const amount = form.getByLabel('Amount', { exact: true });
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('"10,50" is ambiguous: it could mean USD 10.50 (comma as decimal point) or USD 1050.00 (comma as thousands separator).');
  await expect(page.getByRole('region', { name: 'Session result' })).toHaveCount(0);
});

test('Captures: a comma amount is refused, a partial capture clears the field, a paid payment opens by ID', async ({ app }) => {
  const { page, ops } = app;
  const paid = await arrangePayment(ops, { currency: 'USD', value: '3000' }, { authorise: false });
  await app.open('Captures');
  // The empty state points at an ID field that exists.
  await expect(page.getByText('open it by ID in the box below')).toBeVisible();
  const openForm = page.getByRole('search', { name: 'Open a payment in Captures' });
  await openForm.getByLabel('Open a payment by paymentRequestId or paymentId').fill(paid.paymentId);
  await openForm.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('form', { name: 'Refund payment' })).toBeVisible();

  const waiting = await arrangePayment(ops, { currency: 'USD', value: '12000' });
  await openRouteInPage(page, 'captures', { id: waiting.paymentId }, app.run.server.token);
  const form = page.getByRole('form', { name: 'Capture payment' });
  const amount = form.getByLabel('Capture amount (USD)');
  await amount.fill('10,50');
  await form.getByRole('button', { name: 'Capture' }).click();
  await expect(form).toContainText('"10,50" is ambiguous');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await amount.fill('50.00');
  await form.getByRole('button', { name: 'Capture' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm capture' });
  await expect(dialog).toContainText('Capture USD 50.00 of USD 120.00?');
  await dialog.getByRole('button', { name: 'Confirm capture' }).click();
  await expect(page.getByRole('group', { name: 'Capture result' })).toHaveAttribute('data-result-status', 'S');
  await expect(amount).toHaveValue('');
  await expect(form).not.toContainText('ambiguous');
});

test('Refund: a long reason wraps inside the confirmation dialog', async ({ app }) => {
  const { page, ops } = app;
  const paid = await arrangePayment(ops, { currency: 'USD', value: '3000' }, { authorise: false });
  await openRouteInPage(page, 'captures', { id: paid.paymentId }, app.run.server.token);
  const form = page.getByRole('form', { name: 'Refund payment' });
  await form.getByLabel('Refund amount (USD)').fill('5.00');
  await form.getByLabel('Refund reason').fill(`Customer-returned-the-goods-${'x'.repeat(200)}`);
  await form.getByRole('button', { name: 'Refund' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm refund' });
  await expect(dialog).toBeVisible();
  expect(await dialogOverflow(page)).toEqual([]);
  await saveScreenshot(page, 'refund-long-reason-dialog');
  await dialog.getByRole('button', { name: 'Go back' }).click();
});

test('a toast never covers the dashboard, and search results close on navigation', async ({ app }) => {
  const { page, ops } = app;
  const profile = (await ops.getAppStatus({})).activeProfile;
  if (!profile) throw new Error('no active profile');
  const payment = await arrangePayment(ops, { currency: 'USD', value: '2500' });
  await app.open('Captures');
  await sendPaymentNotification(app.run, { key: await embeddedAntomKey(app.run, profile.name), clientId: profile.clientId, paymentId: payment.paymentId, paymentRequestId: payment.paymentRequestId, value: '2500', currency: 'USD' });
  const toast = page.locator('.toast').first();
  await expect(toast).toBeVisible();
  const toastBox = await boxOf(toast);
  const mainBox = await boxOf(page.locator('main'));
  expect(toastBox.x + toastBox.width, 'the toast stays left of the dashboard').toBeLessThanOrEqual(mainBox.x);
  await saveScreenshot(page, 'toast-beside-dashboard');

  const search = page.getByRole('searchbox', { name: 'Search any ID' });
  await search.fill('NO-SUCH-ID-ANYWHERE');
  await search.press('Enter');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results).toBeVisible();
  await app.open('Overview');
  await expect(results).toHaveCount(0);
});

test('key import says why it is disabled and asks before replacing, naming the profile', async ({ app }) => {
  const { page, ops } = app;
  const profile = (await ops.getAppStatus({})).activeProfile;
  if (!profile) throw new Error('no active profile');
  await app.open('Settings');
  const form = page.getByRole('form', { name: 'Import private key' });
  const button = form.getByRole('button', { name: 'Import private key' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription('Paste a private key or read a key file first.');
  await form.getByLabel('Private key (PEM or base64 PKCS#8)').fill(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  await expect(button).toBeDisabled();
  await expect(form).toContainText(`${profile.name} already has a private key: tick "Replace the key this profile already has" to import over it.`);
  await form.getByLabel('Replace the key this profile already has').check();
  await expect(button).toBeEnabled();
  await button.click();
  const dialog = page.getByRole('dialog', { name: `Replace the private key of ${profile.name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Profile ${profile.name}`);
  await dialog.getByRole('button', { name: 'Go back' }).click();
  await expect(dialog).toHaveCount(0);
  // Nothing was sent: the profile keeps its key and no result is shown.
  await expect(form.getByRole('status')).toHaveCount(0);
});

test('a forged notification is never shown as success: claimed, not verified, forgery first', async ({ app }) => {
  const { page, ops } = app;
  const profile = (await ops.getAppStatus({})).activeProfile;
  if (!profile) throw new Error('no active profile');
  const payment = await arrangePayment(ops, { currency: 'USD', value: '12000' });
  const forged = await sendPaymentNotification(app.run, { key: antomTestPrivateKey(), clientId: profile.clientId, paymentId: payment.paymentId, paymentRequestId: payment.paymentRequestId, value: '12000', currency: 'USD' });
  expect(forged.status).not.toBe(200);

  await openRouteInPage(page, 'payments', { id: payment.paymentId }, app.run.server.token);
  const timeline = page.getByRole('list', { name: 'Payment timeline' });
  const rejected = timeline.locator('li.rejected');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('claimed S SUCCESS');
  await expect(rejected).toContainText('not verified');
  await expect(rejected.locator('.badge.ok')).toHaveCount(0);
  await expect(rejected.locator('[data-result-status]')).toHaveCount(0);

  await app.open('Notifications');
  const row = page.getByRole('grid').getByRole('row').filter({ hasText: 'rejected' }).first();
  await expect(row).toContainText('claimed S SUCCESS, not verified');
  await row.click();
  const detail = page.getByRole('complementary', { name: /Notification #\d+/ });
  await expect(detail).toContainText('claimed S SUCCESS');
  await expect(detail.locator('.badge.ok', { hasText: 'SUCCESS' })).toHaveCount(0);
  const verdict = detail.getByRole('note').first();
  const text = await verdict.innerText();
  expect(text.indexOf('First suspect forgery'), 'forgery is named').toBeGreaterThan(-1);
  expect(text.indexOf('First suspect forgery')).toBeLessThan(text.indexOf('If it did come from Antom'));
  await saveScreenshot(page, 'notification-forged-detail');
});

test('a failed payment states its meaning and next action as visible text', async ({ app }) => {
  const { page, ops } = app;
  const failed = await arrangePayment(ops, { currency: 'EUR', value: '4599' }, { outcome: 'fail' });
  await openRouteInPage(page, 'payments', { id: failed.paymentId }, app.run.server.token);
  const note = page.getByRole('note', { name: /What .+ means/ }).first();
  await expect(note).toBeVisible();
  await expect(note).toContainText('The payment failed.');
  await expect(note).toContainText('Next:');
  await saveScreenshot(page, 'payment-failed-explained');
});

test('keyboard: the skip link and every stop on Captures and Settings show focus', async ({ app }) => {
  const { page, ops } = app;
  const waiting = await arrangePayment(ops, { currency: 'USD', value: '12000' });
  await openRouteInPage(page, 'captures', { id: waiting.paymentId }, app.run.server.token);
  await expect(page.getByRole('form', { name: 'Capture payment' })).toBeVisible();
  // A fresh load puts the keyboard at the top of the document, as for a user arriving.
  await page.reload();
  await waitForAppLoaded(page);
  await expect(page.getByRole('form', { name: 'Capture payment' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect(await focusStopsWithoutIndicator(page, 40)).toEqual([]);
  await openRouteInPage(page, 'settings', {}, app.run.server.token);
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  expect(await focusStopsWithoutIndicator(page, 40)).toEqual([]);
});

