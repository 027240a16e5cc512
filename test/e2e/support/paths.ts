/** Where the e2e run reads and writes, relative to the project root whatever the cwd. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_OUT_DIR = join(PROJECT_ROOT, 'out', 'renderer');
/** Screenshots for people to look at (light and dark, one per dashboard). Not compared by the tests. */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-results', 'screenshots');
