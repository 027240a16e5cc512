/**
 * The renderer alone, with plain vite: `npx vite build -c vite.renderer.config.ts` -> out/renderer
 * (the same output electron-vite produces), and `npx vite -c vite.renderer.config.ts` to serve it
 * where Electron cannot run. Relative base so the build works under app://console/ and under the
 * browser preview's loopback server alike.
 */
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { devServerContentSecurityPolicy } from './src-shared/content-security-policy';

const root = import.meta.dirname;

/**
 * In serve mode only, relax the <meta> CSP so React Refresh's inline preamble, injected styles and
 * the HMR websocket work. Builds keep index.html's strict policy untouched.
 */
export function rendererCspPlugin(): Plugin {
  return {
    name: 'antom-ops-renderer-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i,
        `$1${devServerContentSecurityPolicy()}$2`,
      );
    },
  };
}

export default defineConfig({
  root: resolve(root, 'src-renderer'),
  base: './',
  plugins: [react(), rendererCspPlugin()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
