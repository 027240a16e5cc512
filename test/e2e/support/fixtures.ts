/**
 * Playwright fixtures, Bruno-style: every test gets its own data dir, its own preview server
 * (core + embedded sandbox + receiver, in this worker process) and its own browser on a fresh
 * user-data dir, and starts from a page that has shown the explicit "app loaded" marker
 * (`main[data-state="ready"]`). Tests use role and label locators and wait on what a user would
 * see, never on the clock.
 *
 * The preview keeps keys in the real OS keychain, so the tests need the keyring test/run-tests.sh
 * starts (ANTOM_KEYRING_READY=1): without it they skip and say why, and under CI=true they fail.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import type { HandlerTable } from '../../../src-shared/contract';
import { inCI, keyringReady, NO_KEYRING_REASON } from '../../support/keyring-env';
import { launchFreshChromium } from './chromium-launch';
import { startPreviewRun, type PreviewRun } from './preview';

export { expect };

/** Problems the page itself reports: an uncaught error or a CSP refusal is a bug even when the flow "works". */
interface PageProblems {
  list: string[];
}

export interface ConsoleApp {
  page: Page;
  run: PreviewRun;
  /** The same handler table the page calls: for arranging data a test is not about. */
  ops: HandlerTable;
  /** Open a dashboard from the navigation and wait for its heading. */
  open(title: string): Promise<void>;
  /** Load (or reload) the page and wait for the app-loaded marker. */
  load(path?: string): Promise<void>;
}

interface Fixtures {
  preview: PreviewRun;
  pageProblems: PageProblems;
  app: ConsoleApp;
}

function requireKeyring(testInfo: TestInfo): void {
  if (keyringReady) return;
  if (inCI) throw new Error(`The e2e tests cannot run: ${NO_KEYRING_REASON}`);
  console.warn(`[skip] ${testInfo.title}: ${NO_KEYRING_REASON}`);
  testInfo.skip(true, NO_KEYRING_REASON);
}

export async function waitForAppLoaded(page: Page): Promise<void> {
  const main = page.locator('main[data-state="ready"], main[data-state="error"]');
  await main.first().waitFor({ state: 'attached', timeout: 30_000 });
  const state = await page.locator('main').first().getAttribute('data-state');
  if (state !== 'ready') {
    throw new Error(`The console did not load (main[data-state="${state}"]): ${await page.locator('main').first().innerText()}`);
  }
}

export const test = base.extend<Fixtures>({
  // One browser per test on its own user-data dir; the colorScheme option picks the theme.
  context: async ({ colorScheme, viewport }, use) => {
    const browser = await launchFreshChromium({
      colorScheme: colorScheme === 'dark' ? 'dark' : 'light',
      ...(viewport ? { viewport } : {}),
    });
    await use(browser.context);
    await browser.close();
  },

  page: async ({ context }, use, testInfo) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
    // Our own browser is not the runner's, so take the failure screenshot ourselves.
    if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
      const shot = await page.screenshot({ fullPage: true }).catch(() => undefined);
      if (shot) await testInfo.attach('page-at-failure', { body: shot, contentType: 'image/png' });
    }
  },

  pageProblems: async ({ page }, use) => {
    const problems: PageProblems = { list: [] };
    page.on('pageerror', (error) => problems.list.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.list.push(`csp: ${message.text()}`);
    });
    await use(problems);
    expect(problems.list, 'the page reported errors or CSP refusals').toEqual([]);
  },

  preview: async ({}, use, testInfo) => {
    requireKeyring(testInfo);
    const label = testInfo.titlePath.slice(1).join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 24);
    const run = await startPreviewRun(label);
    await use(run);
    await run.stop();
  },

  app: async ({ page, preview, pageProblems }, use) => {
    void pageProblems;
    const app: ConsoleApp = {
      page,
      run: preview,
      ops: preview.server.core.handlers,
      async load(path) {
        const url = new URL(preview.pageUrl);
        if (path) url.pathname = path;
        // The page URL carries its token in the fragment: a goto that differs only there is a
        // fragment navigation, which keeps the running page (and what it had read). Leave first,
        // so load() is always a fresh page reading the journal as it is now.
        if (page.url().startsWith(url.origin)) await page.goto('about:blank');
        await page.goto(url.toString());
        await waitForAppLoaded(page);
      },
      async open(title) {
        await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click();
        await expect(page.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
      },
    };
    await app.load();
    await use(app);
  },
});
