import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const require = createRequire(import.meta.url);

describe('Electron fuses for packaged builds', () => {
  it('turn off Node entry points and lock the app to its asar', () => {
    const fuses = require('../../build/fuse-settings.cjs') as Record<string, boolean>;
    expect(fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      EnableCookieEncryption: true,
    });
  });
});

describe('findElectronBinary', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  function fakeProject(): string {
    root = mkdtempSync(join(tmpdir(), 'antom-ops-electron-'));
    mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{"name":"electron"}');
    return root;
  }

  it('explains a binary that was never downloaded', () => {
    const result = findElectronBinary({ root: fakeProject(), env: {} });
    expect(result).toMatchObject({ found: false });
    if (!result.found) expect(result.reason).toContain('path.txt');
  });

  it('explains a path.txt that names a missing file', () => {
    const project = fakeProject();
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary({ root: project, env: {} }).found).toBe(false);
  });

  it('finds the executable path.txt names under dist/', () => {
    const project = fakeProject();
    writeFileSync(join(project, 'node_modules', 'electron', 'path.txt'), 'electron');
    const executable = join(project, 'node_modules', 'electron', 'dist', 'electron');
    writeFileSync(executable, '#!/bin/sh\n');
    chmodSync(executable, 0o755);
    expect(findElectronBinary({ root: project, env: {} })).toEqual({ found: true, executablePath: executable });
  });
});
