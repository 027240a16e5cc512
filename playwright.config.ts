/**
 * End-to-end tests in a real browser (Debian's chromium) against the browser preview. Run them
 * through `npm test` (test/run-tests.sh gives them the keyring they need), or alone with
 * `npx playwright test` inside a session that has one. See docs/testing.md.
 *
 * The browser itself is started by the fixtures (test/e2e/support/fixtures.ts) on a fresh
 * user-data dir per test, so no launch options live here.
 */
import { defineConfig } from '@playwright/test';

const inCI = process.env.CI === 'true';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The runner cleans its outputDir at start: keep it apart from test-results/screenshots.
  outputDir: 'test-results/e2e-artifacts',
  globalSetup: './test/e2e/support/global-setup.ts',
  // Each test runs a core, a sandbox, a receiver and a browser; two cores fit one at a time best.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: inCI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]] : [['list']],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
  },
});
