/** Pictures for people: test-results/screenshots/<name>.png, full page, overwritten each run. */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './paths';

/** What the picture helper touches of the page's window (these files are typed without the DOM). */
interface BrowserWindow {
  scrollY: number;
  scrollTo(x: number, y: number): void;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // From the top: a full-page picture of a scrolled page drew the sticky header where the window
  // had scrolled to, across the content (the README's Captures picture had it mid-page).
  const scrolledTo = await page.evaluate(() => {
    const view = globalThis as unknown as BrowserWindow;
    const y = view.scrollY;
    view.scrollTo(0, 0);
    return y;
  });
  try {
    // Let animations finish (and carets stop blinking) so the picture shows the settled page.
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.evaluate((y) => (globalThis as unknown as BrowserWindow).scrollTo(0, y), scrolledTo);
  }
  return path;
}

/** The widths issue 9 asks every job's pictures at: the narrowest supported window and a desktop one. */
const SHOT_WIDTHS = [900, 1440] as const;

/**
 * One moment of a flow in both themes at both widths: <name>-<light|dark>-<900|1440>.png. The
 * page is put back in light at its own size afterwards, so the flow carries on as it was.
 */
export async function saveScreenshotSet(page: Page, name: string): Promise<string[]> {
  const original = page.viewportSize() ?? { width: 1440, height: 900 };
  const paths: string[] = [];
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of SHOT_WIDTHS) {
        await page.setViewportSize({ width, height: original.height });
        paths.push(await saveScreenshot(page, `${name}-${scheme}-${width}`));
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(original);
  }
  return paths;
}
