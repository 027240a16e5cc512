/**
 * Builds the Node entry points users run (out/cli/main.js, out/preview/preview-main.js; see
 * vite.node.config.ts), so tests that spawn the real `antom-ops` bin, and the bench, run the
 * code in this checkout. Used as vitest's globalSetup: once per run, before any test file.
 *
 * A build newer than every source file is reused: most targeted runs then cost nothing, and any
 * edit under src-main/ or src-shared/ (or to the build config) triggers a fresh build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const CLI_BUILD = join(PROJECT_ROOT, 'out', 'cli', 'main.js');
const SOURCES = ['src-main', 'src-shared', 'vite.node.config.ts', 'package.json'];

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, name)));
  return newest;
}

function buildIsCurrent(): boolean {
  if (!existsSync(CLI_BUILD) || !existsSync(join(PROJECT_ROOT, 'out', 'preview', 'preview-main.js'))) return false;
  const built = statSync(CLI_BUILD).mtimeMs;
  return SOURCES.every((source) => newestMtimeMs(join(PROJECT_ROOT, source)) < built);
}

/** Build unless the existing build is newer than every source; returns what it did. */
export function ensureNodeBuild(): { built: boolean; ms: number } {
  const started = Date.now();
  if (buildIsCurrent()) return { built: false, ms: Date.now() - started };
  const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (build.status !== 0) {
    throw new Error(`Building the CLI and the preview failed (vite build -c vite.node.config.ts):\n${build.stdout}\n${build.stderr}`);
  }
  return { built: true, ms: Date.now() - started };
}

/** vitest globalSetup. */
export default function setup(): void {
  const { built, ms } = ensureNodeBuild();
  if (built) console.log(`[test] built out/cli and out/preview (vite.node.config.ts) in ${ms} ms`);
}
