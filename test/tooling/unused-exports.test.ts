/**
 * The unused-exports check (scripts/unused-exports.mjs): first on a small fixture project, to show
 * it tells used, dead, local-only and re-exported names apart; then on this repository, where
 * nothing may be reported except the entries in unused-exports-pending.json.
 *
 * The pending list held findings in the areas other helpers were rewriting when the check was
 * added; it is empty since they were merged. Keep it for a finding that truly cannot be fixed at
 * once (say why next to it in docs/testing.md). The list can only shrink: an entry that is no
 * longer reported fails the test until it is removed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts/unused-exports.mjs');

interface Finding {
  file: string;
  line: number;
  name: string;
  kind: 'dead' | 'local-only' | 're-export';
}

function runCheck(root: string): { status: number | null; findings: Finding[]; stderr: string } {
  const run = spawnSync(process.execPath, [SCRIPT, '--root', root, '--json'], { encoding: 'utf8', timeout: 170_000 });
  return { status: run.status, findings: run.status === 2 ? [] : (JSON.parse(run.stdout) as Finding[]), stderr: run.stderr };
}

const fixtureRoot = mkdtempSync(join(tmpdir(), 'unused-exports-'));
afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

function writeFixture(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(fixtureRoot, name)), { recursive: true });
    writeFileSync(join(fixtureRoot, name), text);
  }
}

describe('unused-exports on a fixture project', () => {
  it('reports dead, local-only and unreached re-exports, and nothing that is imported', { timeout: 90_000 }, () => {
    writeFixture({
      'tsconfig.node.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'bundler', target: 'ES2023', noEmit: true, types: [] }, include: ['src/**/*.ts', 'test/**/*.ts', '*.config.ts'] }),
      'src/money.ts': [
        'export const used = 1;',
        'export const dead = 2;',
        'export interface Options { size: number }',
        'export function make(options: Options): number { return options.size; }',
        'export type ViaBarrel = string;',
        'export const skippedByBarrel = 3;',
        'export const typeOnly = { a: 1 };',
      ].join('\n'),
      'src/index.ts': "export { used, make, type ViaBarrel, skippedByBarrel } from './money';\n",
      'src/app.ts': "import { used, make, type ViaBarrel } from './index';\nimport type { typeOnly } from './money';\nconst v: ViaBarrel = 'x';\nexport const total = used + make({ size: 1 }) + v.length;\nexport type T = typeof typeOnly;\n",
      'test/app.test.ts': "import { total, type T } from '../src/app';\nconst t: T | undefined = undefined;\nvoid t;\nvoid total;\n",
      'bin/run.mjs': "const { lazy } = await import('../src/lazy.ts');\nlazy();\n",
      'src/lazy.ts': 'export function lazy(): void {}\n',
      // A config in the program naming files its tool loads: './'-relative and root-relative.
      'tools.config.ts': 'export default { entry: "./src/entry.ts", setup: ["src/setup.ts"] };\n',
      'src/entry.ts': 'export default function entry(): void {}\n',
      'src/setup.ts': 'export default function setup(): void {}\n',
    });
    const { status, findings, stderr } = runCheck(fixtureRoot);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(findings.map((f) => `${f.file}#${f.name}:${f.kind}`).sort()).toEqual([
      'src/index.ts#skippedByBarrel:re-export',
      'src/money.ts#Options:local-only',
      'src/money.ts#dead:dead',
      'src/money.ts#skippedByBarrel:dead',
    ]);
  });

  it('exits 0 when every export is imported', { timeout: 90_000 }, () => {
    writeFixture({ 'src/money.ts': 'export const used = 1;\n', 'src/index.ts': "export { used } from './money';\n", 'src/app.ts': "import { used } from './index';\nvoid used;\n" });
    rmSync(join(fixtureRoot, 'src/lazy.ts'));
    rmSync(join(fixtureRoot, 'src/entry.ts'));
    rmSync(join(fixtureRoot, 'src/setup.ts'));
    rmSync(join(fixtureRoot, 'test'), { recursive: true });
    rmSync(join(fixtureRoot, 'bin'), { recursive: true });
    rmSync(join(fixtureRoot, 'tools.config.ts'));
    expect(runCheck(fixtureRoot)).toMatchObject({ status: 0, findings: [] });
  });
});

describe('unused-exports on this repository', () => {
  it('finds nothing beyond the pending list, and every pending entry is still real', { timeout: 180_000 }, () => {
    const pending = JSON.parse(readFileSync(join(import.meta.dirname, 'unused-exports-pending.json'), 'utf8')) as string[];
    const { status, findings, stderr } = runCheck(ROOT);
    expect(stderr).toBe('');
    expect(status).not.toBe(2);
    const found = findings.map((f) => `${f.file}#${f.name}`);
    expect(found.filter((f) => !pending.includes(f)), 'new unused exports: delete them or drop `export`').toEqual([]);
    expect(pending.filter((p) => !found.includes(p)), 'fixed: remove these from unused-exports-pending.json').toEqual([]);
  });
});
