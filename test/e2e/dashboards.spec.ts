/**
 * Every dashboard renders from the navigation on a fresh install, in light and dark, with no
 * uncaught error or CSP refusal; each is photographed into test-results/screenshots/ for people
 * to look at (the pictures are not compared).
 */
import { EXPECTED_DASHBOARDS as DASHBOARDS } from './support/dashboard-list';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test('every dashboard renders, photographed in light and dark', async ({ app }) => {
  const { page } = app;
  const nav = page.getByRole('navigation', { name: 'Dashboards' });
  await expect(nav.getByRole('link')).toHaveCount(DASHBOARDS.length);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const dashboard of DASHBOARDS) {
      await app.open(dashboard.title);
      const section = page.getByRole('region', { name: dashboard.title, exact: true });
      await expect(section).toBeVisible();
      // Loaded, not just mounted: no spinner left and no failure panel.
      await expect(section.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
      await expect(page.getByRole('alert')).toHaveCount(0);
      await saveScreenshot(page, `${dashboard.key}-${scheme}`);
    }
  }
});
