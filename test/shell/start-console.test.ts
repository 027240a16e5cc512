/**
 * `npm start` where the Electron binary is absent and cannot be fetched: one clear message that
 * names `npm run preview`, and no raw `TypeError: fetch failed` stack. The download is pointed
 * at a closed loopback port (ELECTRON_MIRROR) with an empty cache, so the test sends nothing
 * off this machine and fails the way an offline machine fails.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';

const binaryPresent = findElectronBinary().found;
if (binaryPresent) console.warn('[skip] npm start without Electron: the Electron binary is installed here, so there is nothing to fail.');

describe.skipIf(binaryPresent)('npm start where the Electron binary cannot be downloaded', () => {
  it('prints only its own message, naming npm run preview, and exits 1', () => {
    const cache = mkdtempSync(join(tmpdir(), 'antom-electron-cache-'));
    try {
      const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'start-console.mjs')], {
        cwd: projectRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache, force_no_cache: 'true' },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('Downloading Electron (first run only)...');
      expect(run.stderr).toContain('The Electron binary could not be downloaded (fetch failed)');
      expect(run.stderr).toContain('npm run preview');
      // No stack: neither the error's class line nor its frames.
      expect(run.stderr).not.toMatch(/TypeError/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 90_000);
});
