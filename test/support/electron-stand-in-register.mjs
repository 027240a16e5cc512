// @ts-check
/**
 * `node --import ./test/support/electron-stand-in-register.mjs out/main/index.js` runs the built
 * Electron main bundle with `electron` resolved to the test STAND-IN (electron-stand-in.mjs).
 * Only for tests: the shell smoke test forks a child with it so the hook never reaches vitest.
 */
import { register } from 'node:module';

register('./electron-stand-in-hooks.mjs', import.meta.url);
