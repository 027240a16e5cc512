/**
 * The two Node entry points users run, built to JavaScript like main and renderer, so nothing
 * compiles TypeScript at run time: `npx vite build -c vite.node.config.ts` (`npm run build:node`)
 *   src-main/cli/main.ts             -> out/cli/main.js              (run by bin/antom-ops.mjs)
 *   src-main/preview/preview-main.ts -> out/preview/preview-main.js  (`npm run preview`)
 *   src-main/workers/payments-drain-worker.ts -> out/workers/payments-drain-worker.js (a worker thread's script)
 * with the code they share, and each CLI command's lazily imported module, in out/node-chunks/.
 *
 * Every output file sits two folders below the project root (out/<dir>/<file>.js), exactly as
 * deep as its source (src-main/<dir>/<file>.ts): the modules that find package.json or
 * out/renderer from import.meta.url (core/compose.ts, preview/preview-server.ts) resolve the same
 * paths from source and from the build.
 *
 * Packages stay in node_modules (an SSR build externalises them): the native addons
 * (better-sqlite3, keytar) must, and zod is loaded from there only by commands that need it.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const OUTPUT_DIRS = ['out/cli', 'out/preview', 'out/workers', 'out/node-chunks'];

/** out/ also holds main, preload and renderer: empty only this build's folders, so no stale chunk lingers. */
function emptyOwnOutputDirs(): Plugin {
  return {
    name: 'antom-ops-empty-node-output',
    apply: 'build',
    buildStart() {
      for (const dir of OUTPUT_DIRS) rmSync(resolve(root, dir), { recursive: true, force: true });
    },
  };
}

export default defineConfig({
  root,
  // Nothing under public/ belongs in a Node build.
  publicDir: false,
  plugins: [emptyOwnOutputDirs()],
  ssr: {
    // Every package stays external: resolved from node_modules at run time.
    external: true,
  },
  build: {
    ssr: true,
    target: 'node20.19',
    outDir: resolve(root, 'out'),
    emptyOutDir: false,
    // Readable stack traces from users' bug reports matter more than a few kilobytes on disk.
    minify: false,
    sourcemap: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        'cli/main': resolve(root, 'src-main/cli/main.ts'),
        'preview/preview-main': resolve(root, 'src-main/preview/preview-main.ts'),
        // A worker thread's script (core/receiver/payments-drain-thread.ts finds it at out/workers/).
        'workers/payments-drain-worker': resolve(root, 'src-main/workers/payments-drain-worker.ts'),
      },
      output: {
        format: 'esm',
        entryFileNames: '[name].js',
        chunkFileNames: 'node-chunks/[name]-[hash].js',
      },
    },
  },
});
