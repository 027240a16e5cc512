import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node: core never imports electron.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The CLI tests spawn the real bin, which runs the built out/cli/main.js: build it first.
    globalSetup: ['test/support/build-node.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
