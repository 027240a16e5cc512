/**
 * ESLint (flat config) with typescript-eslint: the house rules a reviewer should not have to
 * re-check by hand. docs/architecture.md lists every rule here and why it exists.
 *
 * Type-aware (parserOptions.projectService): no-floating-promises and no-misused-promises need
 * the types, so each .ts/.tsx file is linted with the tsconfig that owns it (node or web).
 * Run: `npm run lint` (also a stage of `npm test`, after typecheck).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Node built-ins, with the node: prefix and by their bare names (which still resolve to them). */
const NODE_BUILTINS = ['node:*', ...builtinModules];

/** One restricted-import group per boundary; each message says where the code belongs instead. */
const electronOutsideShell = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/shell imports electron: core, the CLI, the preview and the tests run under plain Node. Put Electron code in src-main/shell and pass core what it needs.',
};
const mainFromRenderer = {
  group: ['**/src-main/**', '**/src-main'],
  message: 'The renderer reaches the main process only through the typed bridge (src-shared/bridge.ts, window.antomOps); move shared code to src-shared.',
};
const nodeFromRendererOrShared = {
  group: NODE_BUILTINS,
  message: 'No Node built-ins here: this code runs in the sandboxed renderer (src-renderer) or must stay pure for every room (src-shared). Do the Node work in src-main/core.',
};
const doorFromCore = {
  group: ['**/shell/**', '**/cli/**', '**/preview/**', '**/src-main/shell', '**/src-main/cli', '**/src-main/preview'],
  message: 'Core imports no door (shell, cli, preview): the doors call core, never the other way. Move the shared piece into src-main/core or src-shared.',
};
/** A door (shell, cli, preview) imports no other door: each runs without the others (the preview and the CLI without electron). */
const otherDoor = (...doors) => ({
  group: doors.flatMap((door) => [`**/${door}/**`, `**/src-main/${door}`]),
  message: 'A door (shell, cli, preview) imports no other door: each must run without the others. Put what two doors share in src-main/core or src-shared.',
});
const rendererOutsideItself = {
  group: ['**/test/**', '**/bench/**', '**/scripts/**'],
  message: 'The renderer imports only src-shared and itself (and browser packages such as react).',
};

/**
 * src-shared imports only src-shared (and pure packages such as zod). Patterns match the import
 * text, not the resolved file, so "climbs out of src-shared" is `../` once more than the file is
 * deep: one config per depth.
 */
function sharedStaysInside(depth) {
  const climbOut = `${'../'.repeat(depth + 1)}*`;
  return {
    files: [`src-shared/${'*/'.repeat(depth)}*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [electronOutsideShell, nodeFromRendererOrShared, {
          group: [climbOut, '**/src-main/**', '**/src-renderer/**'],
          message: 'src-shared imports only src-shared (and pure packages such as zod): it is the contract every room may import.',
        }],
      }],
    },
  };
}

/** The Node globals plain scripts use (no type information tells ESLint about them). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'global', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate',
    'queueMicrotask', 'structuredClone', 'performance', 'crypto', 'atob', 'btoa', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder',
    'fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'AbortController', 'AbortSignal', 'Event', 'EventTarget',
    'MessageChannel', 'BroadcastChannel', 'ReadableStream', 'WritableStream', 'TransformStream',
    '__dirname', '__filename', 'require', 'module', 'exports',
  ]
    .map((name) => [name, 'readonly']),
);

export default defineConfig(
  globalIgnores(['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.test-artifacts/**', '.bench/**', '.electronegativity/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        // Each file gets the tsconfig that includes it; the config files no tsconfig lists are
        // checked against a default project.
        projectService: { allowDefaultProject: ['vite.renderer.config.ts', 'playwright.config.ts', 'scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An un-awaited promise loses its error (an unhandled rejection in main ends the app) and
      // its ordering; `void` marks the places that fire and forget on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function where a void callback is expected (an event emitter, forEach, a server
      // handler) drops its rejection the same way. JSX attributes are exempt: React ignores what
      // an onClick returns, and the page's handlers report their own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // `_name` marks a binding kept on purpose (a destructured-away field, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      // A timer handle read in a callback before it is assigned is the one place `let` stays.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // Playwright fixtures must destructure their first argument, even when they use no fixture.
  {
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  // Plain JavaScript (scripts, bin, build hooks, this file): Node globals, no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // ---- Import boundaries (ARCHITECTURE: three rooms and one rule) ----
  {
    files: ['src-main/core/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electronOutsideShell, doorFromCore] }] },
  },
  {
    files: ['src-main/shell/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [otherDoor('cli', 'preview')] }] },
  },
  {
    files: ['src-main/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electronOutsideShell, otherDoor('shell', 'preview')] }] },
  },
  {
    files: ['src-main/preview/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electronOutsideShell, otherDoor('shell', 'cli')] }] },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{mjs,js}', 'bin/**/*.mjs', '*.config.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electronOutsideShell] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electronOutsideShell, mainFromRenderer, nodeFromRendererOrShared, rendererOutsideItself] }] },
  },
  sharedStaysInside(0),
  sharedStaysInside(1),
  sharedStaysInside(2),
);
