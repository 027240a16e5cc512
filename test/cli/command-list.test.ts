/**
 * The CLI loads each command on first use so `antom-ops --help` starts fast. These tests keep the
 * lazy list honest (every entry loads the command it names, with the same summary) and check the
 * build: what --help loads statically (out/cli/main.js and its static imports) holds no command,
 * no core and none of the heavy packages (zod, better-sqlite3, keytar).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src-main/cli/commands/command-list';
import { CLI_BUILD } from '../support/build-node';
import { BIN, runCli } from '../support/run-cli';

/** Every module out/cli/main.js loads before any dynamic import runs: relative files and bare packages. */
function staticImportClosure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // Static imports and re-exports only (`import(...)` is how commands load lazily).
    for (const match of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|^import\s+["']([^"']+)["']/gm)) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

describe('the lazy command list', () => {
  it('names each command once, and each entry loads the command it names with the same summary', async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
    }
  });
});

describe('the built CLI', () => {
  it('loads no command, no core and no heavy package before it knows which command runs', () => {
    const { files, packages } = staticImportClosure(CLI_BUILD);
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
    const names = files.map((f) => f.slice(join(CLI_BUILD, '../..').length + 1));
    expect(names.filter((n) => /command|compose|sqlite|keytar|contract/.test(n))).toEqual([]);
    // The lazy imports are there, one per command module.
    expect(readFileSync(CLI_BUILD, 'utf8')).toMatch(/import\("\.\.\/node-chunks\/sign-command-[\w-]+\.js"\)/);
  });

  it('lists every command in --help, and a command --help loads that command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const entry of COMMANDS) expect(help.stdout).toContain(`  ${entry.name}`);
    const sign = await runCli(['sign', '--help']);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toContain('Usage: antom-ops sign --private-key FILE');
  });
});

describe('the bin without a build', () => {
  it('says to run npm run build and exits 3 (could not be carried out)', () => {
    // A copy of the bin in a project with no out/: the real checkout's build stays untouched.
    const project = mkdtempSync(join(tmpdir(), 'antom-ops-nobuild-'));
    try {
      mkdirSync(join(project, 'bin'));
      copyFileSync(BIN, join(project, 'bin', 'antom-ops.mjs'));
      const run = spawnSync(process.execPath, [join(project, 'bin', 'antom-ops.mjs'), '--help'], { encoding: 'utf8' });
      expect(run.status).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('has not been built');
      expect(run.stderr).toContain('npm run build');
      expect(run.stderr).toContain(join(project, 'out', 'cli', 'main.js'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
