/**
 * Builds the renderer the preview serves (out/renderer) with plain vite, so browser tests and the
 * UI benchmark measure the code in this checkout rather than a stale build.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT, RENDERER_OUT_DIR } from './paths';

export function buildRenderer(): { ms: number; outDir: string } {
  const started = Date.now();
  const build = spawnSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (build.status !== 0) {
    throw new Error(`Building the renderer failed (vite build -c vite.renderer.config.ts):\n${build.stdout}\n${build.stderr}`);
  }
  return { ms: Date.now() - started, outDir: RENDERER_OUT_DIR };
}
