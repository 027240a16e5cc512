/**
 * How this project starts a browser: Debian's chromium (Playwright cannot download its own here),
 * headless, and quiet (no background networking, updates or sync that would add noise or hang on
 * the missing internet). Shared by the e2e fixtures and the UI benchmark so both measure the
 * same browser the same way.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_EXECUTABLE = process.env.ANTOM_OPS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Why the browser tests cannot run here, or undefined when chromium is installed. */
export function chromiumMissingReason(): string | undefined {
  return existsSync(CHROMIUM_EXECUTABLE)
    ? undefined
    : `${CHROMIUM_EXECUTABLE} does not exist: install Debian's chromium (apt-get install -y chromium) or set ANTOM_OPS_CHROMIUM.`;
}

interface FreshBrowser {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * A browser on a brand-new user-data dir (nothing cached, no storage, no service workers from an
 * earlier run), removed again on close.
 */
export async function launchFreshChromium(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<FreshBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'antom-ops-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS],
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    timeout: 30_000,
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
