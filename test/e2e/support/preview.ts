/**
 * The browser preview, started in the test worker's own process: the same createCore, handler
 * table, embedded sandbox and notification receiver as `npm run preview`, on port 0, in a fresh
 * data dir, with a keychain service no other test shares. The sandbox clock runs fast
 * (sandboxTimeScale) so "processing, then success" and the notification schedule take well
 * under a second instead of minutes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreviewServer } from '../../../src-main/preview/preview-server';
import { secretToolAccounts, uniqueService } from '../../support/keyring-env';

type PreviewServer = Awaited<ReturnType<typeof startPreviewServer>>;

export interface PreviewRun {
  server: PreviewServer;
  /** The page URL with this run's token in the fragment. */
  pageUrl: string;
  dataDir: string;
  keychainService: string;
  stop(): Promise<void>;
}

const E2E_SANDBOX_TIME_SCALE = 60;

function pageUrlOf(server: { url: string; token: string }): string {
  const url = new URL(server.url);
  if (!new URLSearchParams(url.hash.replace(/^#/, '')).get('token')) url.hash = `token=${encodeURIComponent(server.token)}`;
  return url.toString();
}

export async function startPreviewRun(label: string): Promise<PreviewRun> {
  const dataDir = mkdtempSync(join(tmpdir(), `antom-ops-e2e-${label}-`));
  const keychainService = uniqueService(`e2e-${label}`);
  let server: PreviewServer;
  try {
    server = await startPreviewServer({ dataDir, secretServiceName: keychainService, sandboxTimeScale: E2E_SANDBOX_TIME_SCALE });
  } catch (error) {
    removeRun(dataDir, keychainService);
    throw error;
  }
  return {
    server,
    pageUrl: pageUrlOf(server),
    dataDir,
    keychainService,
    async stop() {
      try {
        await server.close();
      } finally {
        removeRun(dataDir, keychainService);
      }
    },
  };
}

function removeRun(dataDir: string, keychainService: string): void {
  rmSync(dataDir, { recursive: true, force: true });
  // The embedded profile's generated keys went into the real keyring under this test's own
  // service; leave nothing behind for the next run.
  spawnSync('secret-tool', ['clear', 'service', keychainService], { stdio: 'ignore', timeout: 10_000 });
  const left = secretToolAccounts(keychainService);
  if (left.length > 0) throw new Error(`keychain items left behind under ${keychainService}: ${left.join(', ')}`);
}
