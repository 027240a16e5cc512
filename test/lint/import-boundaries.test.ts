/**
 * The import boundaries of eslint.config.mjs, checked on small probe sources placed (virtually)
 * in each folder: what must be refused is refused with the rule's message, and the imports the
 * house plan allows pass. The lint stage of `npm test` runs the same config over the real tree;
 * this test proves the rules would catch a violation the tree does not (yet) contain.
 *
 * Probes are linted without type information (they are not files any tsconfig includes), so the
 * type-aware rules are switched off here; the config test at the end checks they are on.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const TYPE_AWARE_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: Object.fromEntries(TYPE_AWARE_RULES.map((rule) => [rule, 'off'])),
    },
  });
});

/** The restricted-import messages ESLint gives for `source` as if it were the file `filePath`. */
async function refusals(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${filePath}` });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${filePath} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const importOf = (specifier: string): string => `import * as probe from '${specifier}';\nexport const used = probe;\n`;

describe('import boundaries', () => {
  it.each([
    ['src-main/core/journal/probe.ts', 'electron', 'Only src-main/shell imports electron'],
    ['src-main/cli/probe.ts', 'electron', 'Only src-main/shell imports electron'],
    ['src-main/preview/probe.ts', 'electron', 'Only src-main/shell imports electron'],
    ['test/core/probe.test.ts', 'electron', 'Only src-main/shell imports electron'],
    ['src-renderer/app/probe.ts', 'electron', 'Only src-main/shell imports electron'],
    ['src-shared/probe.ts', 'electron', 'Only src-main/shell imports electron'],
    ['src-main/core/probe.ts', '../shell/window', 'Core imports no door'],
    ['src-main/core/journal/probe.ts', '../../cli/cli-output', 'Core imports no door'],
    ['src-main/core/probe.ts', '../preview/preview-server', 'Core imports no door'],
    ['src-main/preview/probe.ts', '../shell/app-location', 'A door (shell, cli, preview) imports no other door'],
    ['src-main/cli/commands/probe.ts', '../../preview/preview-server', 'A door (shell, cli, preview) imports no other door'],
    ['src-main/shell/probe.ts', '../cli/main', 'A door (shell, cli, preview) imports no other door'],
    ['src-renderer/app/probe.ts', '../../src-main/core/compose', 'The renderer reaches the main process only through the typed bridge'],
    ['src-renderer/probe.tsx', 'node:fs', 'No Node built-ins here'],
    ['src-renderer/probe.ts', 'path', 'No Node built-ins here'],
    ['src-renderer/probe.ts', 'readline', 'No Node built-ins here'],
    ['src-shared/probe.ts', 'timers/promises', 'No Node built-ins here'],
    ['src-renderer/app/probe.ts', '../../test/support/run-cli', 'The renderer imports only src-shared and itself'],
    ['src-shared/probe.ts', 'node:crypto', 'No Node built-ins here'],
    ['src-shared/knowledge/probe.ts', 'fs', 'No Node built-ins here'],
    ['src-shared/probe.ts', '../src-main/core/compose', 'src-shared imports only src-shared'],
    ['src-shared/antom/probe.ts', '../../test/support/run-cli', 'src-shared imports only src-shared'],
    ['src-shared/knowledge/probe.ts', '../../src-renderer/format/money', 'src-shared imports only src-shared'],
  ])('%s may not import %s', async (file, specifier, message) => {
    const found = await refusals(file, importOf(specifier));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it('refuses type-only imports across a boundary too', async () => {
    const found = await refusals('src-main/core/probe.ts', "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n");
    expect(found).toHaveLength(1);
  });

  it.each([
    ['src-main/shell/probe.ts', 'electron'],
    ['src-main/shell/probe.ts', '../core/compose'],
    ['src-main/shell/probe.ts', '../../src-shared/content-security-policy'],
    ['src-main/preview/probe.ts', '../core/compose'],
    ['src-main/preview/probe.ts', '../../src-shared/content-security-policy'],
    ['src-main/cli/commands/probe.ts', '../../core/journal/sqlite-journal'],
    ['src-main/core/journal/probe.ts', '../client/call-record'],
    ['src-main/core/probe.ts', 'node:fs'],
    ['src-renderer/app/probe.ts', '../../src-shared/contract'],
    ['src-renderer/app/probe.ts', '../components/loading'],
    ['src-renderer/app/probe.ts', 'react'],
    ['src-shared/knowledge/probe.ts', '../errors'],
    ['src-shared/antom/probe.ts', './wire-types'],
    ['src-shared/probe.ts', 'zod'],
    ['test/shell/probe.test.ts', '../../src-main/shell/app-location'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await refusals(file, importOf(specifier))).toEqual([]);
  });
});

describe('type-aware rules', () => {
  it.each(['src-main/core/compose.ts', 'src-renderer/App.tsx', 'src-shared/contract.ts', 'test/support/run-cli.ts'])('are on for %s', async (file) => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(`${root}${file}`)) as { rules: Record<string, unknown> };
    for (const rule of TYPE_AWARE_RULES) {
      const setting = config.rules[rule];
      const severity = Array.isArray(setting) ? setting[0] : setting;
      expect([2, 'error'], `${rule} in ${file}`).toContain(severity);
    }
  });
});
