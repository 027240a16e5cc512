/**
 * Flow 4: every dashboard renders, on a fresh install (empty states that say what to do) and
 * with real data, in light and dark, with no uncaught error or CSP refusal. Each is
 * photographed into test-results/screenshots/ for people to look at (not compared).
 */
import { antomTestPrivateKey } from '../support/notification-sender';
import { arrangePayment, embeddedAntomKey, sendPaymentNotification } from './support/arrange';
import { EXPECTED_DASHBOARDS } from './support/dashboard-list';
import { expect, test, type ConsoleApp } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

async function openAndCheck(app: ConsoleApp, title: string): Promise<void> {
  const { page } = app;
  await app.open(title);
  const section = page.getByRole('region', { name: title, exact: true });
  await expect(section).toBeVisible();
  // Loaded, not just mounted: no spinner left and no failure panel.
  await expect(page.locator('main .loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The Overview's charts arrive after its first paint: the pictures show them drawn.
  await expect(page.locator('main .chart-pending')).toHaveCount(0);
}

test('fresh install: every dashboard renders and says what to do next', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Dashboards' });
  await expect(nav.getByRole('link')).toHaveText(EXPECTED_DASHBOARDS.map((d) => new RegExp(`^${d.title}`)));
  for (const dashboard of EXPECTED_DASHBOARDS) {
    await openAndCheck(app, dashboard.title);
    await saveScreenshot(page, `empty-${dashboard.key}`);
  }
  // The empty states point somewhere useful rather than showing a blank table.
  await app.open('Notifications');
  await expect(page.getByText('No notifications yet')).toBeVisible();
  await app.open('Captures');
  await expect(page.getByText('No authorised payments are waiting for capture')).toBeVisible();
});

test('with payments, captures, refunds and notifications: every dashboard in light and dark', async ({ app }) => {
  const { page, ops } = app;
  const status = await ops.getAppStatus({});
  const profile = status.activeProfile;
  if (!profile) throw new Error('the preview should start on the embedded profile');

  // A little history: one authorisation waiting, one captured and partly refunded, one failed,
  // one paid outright, and a notification signed with the wrong key.
  const waiting = await arrangePayment(ops, { currency: 'USD', value: '12000' });
  const captured = await arrangePayment(ops, { currency: 'JPY', value: '15000' });
  const capture = await ops.capture({ paymentId: captured.paymentId, amount: { currency: 'JPY', value: '15000' } });
  expect(capture.resultStatus).toBe('S');
  const refund = await ops.refund({ paymentId: captured.paymentId, amount: { currency: 'JPY', value: '5000' }, refundReason: 'e2e' });
  expect(refund.resultStatus).toBe('S');
  await arrangePayment(ops, { currency: 'EUR', value: '4599' }, { outcome: 'fail' });
  await arrangePayment(ops, { currency: 'USD', value: '2500' }, { authorise: false });
  const wrongKey = await sendPaymentNotification(app.run, { key: antomTestPrivateKey(), clientId: profile.clientId, paymentId: waiting.paymentId, paymentRequestId: waiting.paymentRequestId, value: '12000', currency: 'USD' });
  expect(wrongKey.status).not.toBe(200);
  const genuine = await sendPaymentNotification(app.run, { key: await embeddedAntomKey(app.run, profile.name), clientId: profile.clientId, paymentId: waiting.paymentId, paymentRequestId: waiting.paymentRequestId, value: '12000', currency: 'USD' });
  expect(genuine.status).toBe(200);
  // The sandbox notifies on its own clock: wait until capture and refund results are in.
  await expect
    .poll(async () => (await ops.listNotifications({ filter: { notifyType: ['CAPTURE_RESULT', 'REFUND_RESULT'] } })).items.length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);

  await app.load();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const dashboard of EXPECTED_DASHBOARDS) {
      await openAndCheck(app, dashboard.title);
      await saveScreenshot(page, `${dashboard.key}-${scheme}`);
    }
    // The payment detail, which is where most of the day is spent.
    const search = page.getByRole('searchbox').first();
    await search.fill(captured.paymentRequestId);
    await search.press('Enter');
    await expect(page.getByRole('list', { name: 'Payment timeline' }).locator('[data-kind="refund"]')).toBeVisible();
    await saveScreenshot(page, `payments-detail-${scheme}`);
  }

  // Spot checks that the data reached the pages.
  await app.open('Captures');
  await expect(page.getByRole('row').filter({ hasText: waiting.paymentRequestId })).toContainText('USD 120.00');
  await app.open('Notifications');
  await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'rejected' }).first()).toBeVisible();
  await app.open('API log');
  await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'capture' }).first()).toBeVisible();
});
