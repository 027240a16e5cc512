/**
 * Issue 9 §4/§5: every dashboard (and the payment detail, a selected capture and a rejected
 * notification) at 900 px and 1440 px, light and dark: no sideways page scroll, no overlapping
 * controls, no serious or critical axe-core finding. Screenshots go to
 * test-results/screenshots/<view>-<width>-<scheme>.png for people to look at.
 */
import { antomTestPrivateKey } from '../support/notification-sender';
import { arrangePayment, embeddedAntomKey, sendPaymentNotification, type ArrangedPayment } from './support/arrange';
import { EXPECTED_DASHBOARDS } from './support/dashboard-list';
import { expect, test, type ConsoleApp } from './support/fixtures';
import { openRouteInPage, overlappingControls, seriousAxeViolations, sidewaysOverflow } from './support/page-checks';
import { saveScreenshot } from './support/screenshots';

const WIDTHS = [900, 1440] as const;
const SCHEMES = ['light', 'dark'] as const;

async function checkView(app: ConsoleApp, name: string, problems: string[]): Promise<void> {
  const { page } = app;
  const before = problems.length;
  await expect(page.locator('main .loading')).toHaveCount(0);
  const sideways = await sidewaysOverflow(page);
  if (sideways) problems.push(`${name}: ${sideways}`);
  for (const overlap of await overlappingControls(page)) problems.push(`${name}: ${overlap}`);
  for (const finding of await seriousAxeViolations(page)) problems.push(`${name}: axe ${finding}`);
  // Said as found, so a run that times out still tells what it saw.
  if (problems.length > before) console.log(problems.slice(before).join('\n'));
  await saveScreenshot(page, name);
}

async function arrange(app: ConsoleApp): Promise<{ waiting: ArrangedPayment; captured: ArrangedPayment; failed: ArrangedPayment }> {
  const { ops } = app;
  const profile = (await ops.getAppStatus({})).activeProfile;
  if (!profile) throw new Error('the preview should start on the embedded profile');
  const waiting = await arrangePayment(ops, { currency: 'USD', value: '12000' });
  const captured = await arrangePayment(ops, { currency: 'JPY', value: '15000' });
  expect((await ops.capture({ paymentId: captured.paymentId, amount: { currency: 'JPY', value: '15000' } })).resultStatus).toBe('S');
  expect((await ops.refund({ paymentId: captured.paymentId, amount: { currency: 'JPY', value: '5000' }, refundReason: 'e2e' })).resultStatus).toBe('S');
  const failed = await arrangePayment(ops, { currency: 'EUR', value: '4599' }, { outcome: 'fail' });
  const forged = await sendPaymentNotification(app.run, { key: antomTestPrivateKey(), clientId: profile.clientId, paymentId: waiting.paymentId, paymentRequestId: waiting.paymentRequestId, value: '12000', currency: 'USD' });
  expect(forged.status).not.toBe(200);
  await sendPaymentNotification(app.run, { key: await embeddedAntomKey(app.run, profile.name), clientId: profile.clientId, paymentId: waiting.paymentId, paymentRequestId: waiting.paymentRequestId, value: '12000', currency: 'USD' });
  return { waiting, captured, failed };
}

for (const width of WIDTHS) {
  for (const scheme of SCHEMES) {
    test(`every dashboard at ${width} px, ${scheme}: no sideways scroll, no overlapping controls, no serious axe findings`, async ({ app }) => {
      test.setTimeout(240_000);
      const { page } = app;
      const { waiting, captured, failed } = await arrange(app);
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await app.load();

      const problems: string[] = [];
      for (const dashboard of EXPECTED_DASHBOARDS) {
        await app.open(dashboard.title);
        await checkView(app, `${dashboard.key}-${width}-${scheme}`, problems);
      }
      await openRouteInPage(page, 'payments', { id: captured.paymentId }, app.run.server.token);
      await expect(page.getByRole('list', { name: 'Payment timeline' })).toBeVisible();
      await checkView(app, `payment-detail-${width}-${scheme}`, problems);
      await openRouteInPage(page, 'payments', { id: failed.paymentId }, app.run.server.token);
      await expect(page.getByRole('list', { name: 'Payment timeline' })).toBeVisible();
      await checkView(app, `payment-failed-${width}-${scheme}`, problems);
      await openRouteInPage(page, 'captures', { id: waiting.paymentId }, app.run.server.token);
      await expect(page.getByRole('form', { name: 'Capture payment' })).toBeVisible();
      await checkView(app, `captures-selected-${width}-${scheme}`, problems);
      await app.open('Notifications');
      await page.getByRole('grid').getByRole('row').filter({ hasText: /rejected/ }).first().click();
      await expect(page.getByRole('complementary', { name: /Notification #\d+/ })).toBeVisible();
      await checkView(app, `notification-rejected-${width}-${scheme}`, problems);
      expect(problems, 'what a user would notice').toEqual([]);
    });
  }
}
