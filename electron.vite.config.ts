/**
 * electron-vite build for the three rooms of the desktop app:
 *   main     src-main/shell/main.ts    -> out/main/index.js   (ESM; native keytar/better-sqlite3 stay external)
 *   preload  src-main/shell/preload.ts -> out/preload/index.cjs (CJS, everything bundled: a sandboxed
 *            preload can only require('electron'))
 *   renderer src-renderer/index.html   -> out/renderer
 * `npx electron-vite build` needs no Electron binary.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { rendererCspPlugin } from './vite.renderer.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Runtime dependencies stay in node_modules; the native ones must (they are rebuilt for
      // Electron at packaging time), so they are named even if package.json changes.
      externalizeDeps: { include: ['keytar', 'better-sqlite3'] },
      rollupOptions: {
        input: { index: resolve(root, 'src-main/shell/main.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/shell/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), rendererCspPlugin()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves minification off by default; the first screen's size matters (bench goal).
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
      },
    },
  },
});
