/**
 * The Payments list, as an operator uses it (issue 9 §1): it is the first screen, it lists every
 * payment, a filter lands in the link, a row opens the detail and Back returns to the same view,
 * a shared link restores the view in a fresh page, a misread amount is refused in words, a
 * view can be saved, and Overview's figures open the list filtered to what they count.
 * Photographed light and dark, at 1440 and 900 px.
 */
import { PREVIEW_TOKEN_PARAM } from '../../src-shared/bridge';
import { arrangePayment } from './support/arrange';
import { expect, test, waitForAppLoaded, type ConsoleApp } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

async function arrange(app: ConsoleApp) {
  const usd = await arrangePayment(app.ops, { currency: 'USD', value: '12000' });
  const jpy = await arrangePayment(app.ops, { currency: 'JPY', value: '4500' }, { outcome: 'fail' });
  const eur = await arrangePayment(app.ops, { currency: 'EUR', value: '2599' }, { authorise: false });
  // The console opened on Payments before these existed: read them fresh, as a user reloading would.
  await app.page.reload();
  await waitForAppLoaded(app.page);
  return { usd, jpy, eur };
}

test('list, filter, open a row, come back, share the view, save it', async ({ app }) => {
  const { page } = app;
  const { jpy } = await arrange(app);
  // The main screen: first in the navigation, and what the console opens on.
  await expect(page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link').first()).toHaveText(/^Payments/);
  await app.open('Payments');
  const grid = page.getByRole('table', { name: 'Payments' });
  await expect(page.getByTestId('payments-total')).toHaveText('3 payments');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(grid).toContainText('USD 120.00');
  await expect(grid).toContainText('AUTHORISED');
  await saveScreenshot(page, 'payments-list-1440-light');

  // Filter: the link holds the view.
  await page.getByLabel('Status').selectOption('FAILED');
  await expect(page).toHaveURL(/#\/payments\?status=FAILED/);
  await expect(page.getByTestId('payments-total')).toHaveText('1 payment match');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid).toContainText(jpy.paymentRequestId);

  // A row opens the payment's detail; Back returns to the filtered list.
  await grid.getByRole('row').nth(1).click();
  await expect(page).toHaveURL(new RegExp(`id=${jpy.paymentRequestId}`));
  await expect(page.getByRole('link', { name: '← All payments' })).toBeVisible();
  await expect(page.getByText('FAILED').first()).toBeVisible();
  // Why it failed, as text (not only a hover title), and the journal's record without pressing anything.
  const reason = page.getByRole('note', { name: /^What .+ means$/ }).first();
  await expect(reason).toBeVisible();
  await expect(reason).toContainText('Next:');
  await expect(page.getByRole('heading', { name: 'Transactions' })).toBeVisible();
  await saveScreenshot(page, 'payments-detail-failed-1440-light');
  await page.goBack();
  await expect(page.getByTestId('payments-total')).toHaveText('1 payment match');
  await expect(page.getByLabel('Status')).toHaveValue('FAILED');

  // The shared link (no run token in it) restores the view in a fresh load.
  await page.getByLabel('Currency').fill('jpy');
  await expect(page).toHaveURL(/currency=JPY/);
  const link = await page.getByLabel('Link to this view').inputValue();
  expect(link).not.toContain(PREVIEW_TOKEN_PARAM + '=');
  const shared = new URL(link);
  const token = new URLSearchParams(new URL(app.run.pageUrl).hash.replace(/^#/, '')).get(PREVIEW_TOKEN_PARAM)!;
  shared.hash = `${shared.hash}&${PREVIEW_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  await page.goto('about:blank');
  await page.goto(shared.toString());
  await expect(page.getByLabel('Status')).toHaveValue('FAILED');
  await expect(page.getByLabel('Currency')).toHaveValue('JPY');
  await expect(page.getByTestId('payments-total')).toHaveText('1 payment match');

  // A comma is not read as anything: the view says what it did not apply.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('payments-total')).toHaveText('3 payments');
  await page.getByLabel('Amount from').fill('10,50');
  await expect(page.getByRole('alert')).toContainText('Not applied: "amount from" (use a dot for decimals, e.g. 10.50) "10,50"');
  await expect(page.getByTestId('payments-total')).toHaveText('3 payments');
  await page.getByLabel('Amount from').fill('100');
  await expect(page.getByTestId('payments-total')).toHaveText('2 payments match');

  // Save the view and open it again from the list of saved views.
  await page.getByLabel('Save this view as').fill('Big ones');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('payments-total')).toHaveText('3 payments');
  await page.getByLabel('Saved views').selectOption('Big ones');
  await expect(page).toHaveURL(/min=100/);
  await expect(page.getByTestId('payments-total')).toHaveText('2 payments match');
});

test('Overview drill-down: a status and a currency figure land on the list filtered to them', async ({ app }) => {
  const { page } = app;
  const { jpy } = await arrange(app);
  await app.open('Overview');
  await page.getByRole('list', { name: 'Payments by status: open the list' }).getByRole('link', { name: /FAILED/ }).click();
  await expect(page).toHaveURL(/#\/payments\?.*status=FAILED/);
  await expect(page).toHaveURL(/since=.*until=/);
  await expect(page.getByLabel('Status')).toHaveValue('FAILED');
  await expect(page.getByTestId('payments-total')).toHaveText('1 payment match');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText(jpy.paymentRequestId);

  await page.goBack();
  await page.getByRole('region', { name: 'Money per currency' }).getByRole('link', { name: 'USD', exact: true }).click();
  await expect(page).toHaveURL(/#\/payments\?.*currency=USD/);
  await expect(page.getByLabel('Currency')).toHaveValue('USD');
  await expect(page.getByTestId('payments-total')).toHaveText('1 payment match');
  await expect(page.getByRole('table', { name: 'Payments' })).toContainText('USD 120.00');
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme}, 900 px`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 900, height: 800 } });
    test(`the list fits 900 px without sideways page scrolling (${scheme})`, async ({ app }) => {
      const { page } = app;
      await arrange(app);
      await app.open('Payments');
      await expect(page.getByTestId('payments-total')).toHaveText('3 payments');
      // Source text: the node-side tsconfig has no DOM types.
      const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `payments-list-900-${scheme}`);
    });
  });
}
