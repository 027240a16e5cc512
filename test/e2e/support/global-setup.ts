/**
 * Runs once before the e2e tests: builds the renderer the preview serves (out/renderer), so the
 * tests drive the code in this checkout and not a stale build, and empties the screenshot folder
 * so it holds exactly this run's pictures. E2E_SKIP_BUILD=1 reuses an existing build (a quick
 * re-run after changing only tests).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildRenderer } from './build-renderer';
import { chromiumMissingReason } from './chromium-launch';
import { RENDERER_OUT_DIR, SCREENSHOT_DIR } from './paths';

export default function globalSetup(): void {
  const missing = chromiumMissingReason();
  if (missing) throw new Error(`The e2e tests need a browser: ${missing}`);

  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });

  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(RENDERER_OUT_DIR, 'index.html'))) return;
  const { ms } = buildRenderer();
  console.log(`[e2e] renderer built into ${RENDERER_OUT_DIR} in ${ms} ms`);
}
