/**
 * Smoke test of the real desktop app through Playwright's _electron: builds out/, launches
 * Electron on a fresh data dir, waits for the explicit "ready" marker and checks the security
 * posture from the inside. Runs only where the Electron binary exists; elsewhere it skips and
 * prints why (this project's CI machines cannot download Electron). Where it skips, the shell's
 * wiring is still exercised by electron-stand-in.test.ts (the same bundle, electron stood in for).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';
import { OPERATION_NAMES } from '../../src-shared/bridge';
import { buildElectronAppOnce } from '../support/build-electron-app';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';

function skipReason(): string | undefined {
  const binary = findElectronBinary();
  if (!binary.found) return binary.reason;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'No display server (DISPLAY is unset); run the tests under xvfb-run to include this one.';
  }
  return undefined;
}

const reason = skipReason();
if (reason) console.log(`Electron smoke test skipped: ${reason}`);

describe.skipIf(reason !== undefined)('Electron app smoke test', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    // Shared with the stand-in test (electron-stand-in.test.ts): one build of out/ per run.
    buildElectronAppOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'antom-ops-electron-smoke-'));
    const binary = findElectronBinary();
    if (!binary.found) throw new Error(binary.reason);
    // Chromium refuses to start as root without --no-sandbox (CI containers); users never run it so.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', projectRoot] : [projectRoot];
    app = await _electron.launch({
      executablePath: binary.executablePath,
      args,
      cwd: projectRoot,
      env: { ...process.env, ANTOM_OPS_DATA_DIR: dataDir, ANTOM_OPS_EMBEDDED_SANDBOX: '1' } as Record<string, string>,
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.locator('main[data-state="ready"], main[data-state="error"]').waitFor({ timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the active profile and the keychain status', async () => {
    expect(await page.locator('main').getAttribute('data-state')).toBe('ready');
    await expect(page.getByRole('heading', { name: 'Active profile' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Keychain' }).isVisible()).resolves.toBe(true);
  });

  it('gives the page the named bridge methods and nothing of Node', async () => {
    const inside = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>;
      return {
        bridge: Object.keys((scope.antomOps ?? {}) as object).sort(),
        require: typeof scope.require,
        process: typeof scope.process,
        popup: (scope.open as (url: string) => unknown)('https://evil.example/') === null,
        origin: (scope.location as { origin: string }).origin,
      };
    });
    expect(inside.bridge).toEqual([...OPERATION_NAMES].sort());
    expect(inside.require).toBe('undefined');
    expect(inside.process).toBe('undefined');
    expect(inside.popup).toBe(true);
    expect(inside.origin).toBe('app://console');
  });

  it('serves the page with the CSP header and keeps it from navigating away', async () => {
    const header = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    await page.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/';
    });
    await page.locator('main[data-state="ready"]').waitFor();
    expect(page.url()).toMatch(/^app:\/\/console\//);
  });

  it('remembers the window bounds in the data dir on close', async () => {
    await app!.close();
    app = undefined;
    expect(existsSync(join(dataDir, 'window-state.json'))).toBe(true);
  });
});
