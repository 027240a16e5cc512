/**
 * Flow 3: a support agent's read-only profile. With an authorised payment in the journal, the
 * operator first sees the way to capture it; once the profile is switched to read-only in
 * Settings, Sessions and Captures leave the navigation, a direct link to them explains why,
 * no money-moving button or link is left anywhere, and main refuses the operations even when
 * the page calls them itself.
 */
import type { Page } from '@playwright/test';
import { PREVIEW_API_PREFIX, PREVIEW_TOKEN_HEADER } from '../../src-shared/bridge';
import { EXPECTED_DASHBOARDS } from './support/dashboard-list';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

const MONEY_MOVING_BUTTONS = /^(Create session|Pay as buyer|Buyer fails|Processing then success|Buyer cancels|Session expires|Capture|Confirm capture|Refund|Confirm refund|Cancel payment|Retry safely)/;
const MONEY_MOVING_LINKS = /Capture, cancel or refund in Captures|Refund in Captures|Follow this payment/;

async function expectNoMoneyMovingControls(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: MONEY_MOVING_BUTTONS })).toHaveCount(0);
  await expect(page.getByRole('link', { name: MONEY_MOVING_LINKS })).toHaveCount(0);
}

test('a read-only profile shows no money-moving dashboards or buttons, and main refuses them', async ({ app }) => {
  const { page } = app;
  const status = await app.ops.getAppStatus({});
  const profileName = status.activeProfile?.name;
  if (!profileName) throw new Error('the preview should start on the embedded profile');

  // Arrange an authorised card payment through the same handler table the page uses.
  const paymentRequestId = `PAY-E2E-RO-${Date.now()}`;
  const amount = { currency: 'USD', value: '5000' };
  const session = await app.ops.createPaymentSession({
    body: {
      productCode: 'CASHIER_PAYMENT', paymentRequestId, order: { referenceOrderId: `ORDER-${paymentRequestId}`, orderDescription: 'read-only e2e', orderAmount: amount },
      paymentAmount: amount, paymentMethod: { paymentMethodType: 'CARD' }, paymentRedirectUrl: 'https://example.com/return',
      settlementStrategy: { settlementCurrency: 'USD' }, paymentFactor: { isAuthorization: true, captureMode: 'MANUAL' }, env: { terminalType: 'WEB' },
    },
  });
  expect(session.resultStatus).toBe('S');
  await app.ops.sandboxBuyerAction({ id: paymentRequestId, outcome: 'success' });
  const inquiry = await app.ops.inquiryPayment({ paymentRequestId });
  expect(inquiry.resultStatus).toBe('S');

  // Before: the global search opens the payment, and it offers to capture.
  const search = page.getByRole('searchbox').first();
  await search.fill(paymentRequestId);
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: `Payment ${paymentRequestId}` })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Capture, cancel or refund in Captures' })).toBeVisible();

  // Settings: make the active profile read-only.
  await app.open('Settings');
  const toggle = page.getByRole('checkbox', { name: `Read-only: ${profileName}` });
  await expect(toggle).not.toBeChecked();
  // The checkbox is controlled by main's answer: it turns checked once setProfileReadOnly returns,
  // not at the click, so click and wait (Playwright's check() wants the state at once).
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(page.getByRole('banner').getByText('Read-only', { exact: true })).toBeVisible();

  // The navigation lost exactly the money-moving dashboards.
  const nav = page.getByRole('navigation', { name: 'Dashboards' });
  const readable = EXPECTED_DASHBOARDS.filter((d) => !d.moneyMoving);
  await expect(nav.getByRole('link')).toHaveCount(readable.length);
  for (const d of EXPECTED_DASHBOARDS) {
    await expect(nav.getByRole('link', { name: d.title, exact: true })).toHaveCount(d.moneyMoving ? 0 : 1);
  }

  // Every remaining dashboard is free of money-moving controls.
  for (const d of readable) {
    await app.open(d.title);
    await expectNoMoneyMovingControls(page);
  }

  // The payment itself: readable, but nothing to capture with.
  await search.fill(paymentRequestId);
  await search.press('Enter');
  await expect(page.getByRole('heading', { name: `Payment ${paymentRequestId}` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Payment timeline' }).locator('[data-kind="session"]')).toBeVisible();
  await expectNoMoneyMovingControls(page);
  await saveScreenshot(page, 'flow-read-only-payment');

  // A bookmarked link to Captures explains why it is gone.
  for (const key of EXPECTED_DASHBOARDS.filter((d) => d.moneyMoving).map((d) => d.key)) {
    await page.evaluate((hash) => { (globalThis as unknown as { location: { hash: string } }).location.hash = hash; }, `#/${key}?token=${encodeURIComponent(app.run.server.token)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This dashboard moves money');
    await expect(alert).toContainText('read-only');
    await expectNoMoneyMovingControls(page);
  }

  // Main enforces it too: the page's own transport asking for a capture is refused.
  const refused = await page.evaluate(
    async ({ url, header, token, input }) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [header]: token }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; error?: { code: string; hint: string } };
    },
    {
      url: `${PREVIEW_API_PREFIX}capture`,
      header: PREVIEW_TOKEN_HEADER,
      token: app.run.server.token,
      input: { paymentId: inquiry.requestIds.paymentId ?? paymentRequestId, amount: { currency: 'USD', value: '1000' } },
    },
  );
  expect(refused.ok).toBe(false);
  expect(refused.error?.code).toBe('READ_ONLY');
  expect(refused.error?.hint).toMatch(/read-only/i);
});
