/**
 * Where the Electron binary is, without ever calling require('electron'): that require starts a
 * download when the binary is missing, which hangs or throws where the download host is
 * unreachable. Mirrors electron's own index.js: node_modules/electron/path.txt names the
 * executable under node_modules/electron/dist/ (or under ELECTRON_OVERRIDE_DIST_PATH).
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ root?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ found: true, executablePath: string } | { found: false, reason: string }}
 */
export function findElectronBinary(options = {}) {
  const root = options.root ?? projectRoot;
  const env = options.env ?? process.env;
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { found: false, reason: `The electron package is not installed (${packageDir}); run npm install.` };
  }
  const pathFile = join(packageDir, 'path.txt');
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH;
  let relativeExecutable;
  if (existsSync(pathFile)) {
    relativeExecutable = readFileSync(pathFile, 'utf8').trim();
  } else if (!overrideDir) {
    return {
      found: false,
      reason: `The Electron binary has not been downloaded (${pathFile} does not exist).`,
    };
  }
  const executablePath = overrideDir
    ? join(overrideDir, relativeExecutable || 'electron')
    : join(packageDir, 'dist', relativeExecutable ?? 'electron');
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    return { found: false, reason: `The Electron binary ${executablePath} is missing or not executable.` };
  }
  return { found: true, executablePath };
}
