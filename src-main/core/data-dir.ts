/**
 * The app's data directory, shared by the Electron app, the CLI and the browser preview so all
 * three see the same profiles and journal. Order: explicit option (--data-dir), then
 * ANTOM_OPS_DATA_DIR (tests), then the OS convention Electron's userData would use.
 */
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdirSync, accessSync, constants } from 'node:fs';
import { ConsoleError } from '../../src-shared/errors';

const APP_DIR_NAME = 'Antom Ops Console';
const DATA_DIR_ENV = 'ANTOM_OPS_DATA_DIR';

function defaultDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME);
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
  }
}

export function resolveDataDir(explicit?: string): string {
  const dir = resolve(explicit ?? process.env[DATA_DIR_ENV] ?? defaultDataDir());
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConsoleError('DATA_DIR_UNUSABLE', `The data directory ${dir} cannot be created or written.`, `Choose a writable directory with --data-dir or ${DATA_DIR_ENV}.`, { dir }, { cause: error });
  }
  return dir;
}
