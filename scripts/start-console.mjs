#!/usr/bin/env node
/**
 * npm start: open the console on the embedded sandbox.
 * 1. Find the Electron binary (scripts/electron-binary.mjs); if it is missing, try electron's own
 *    installer once (it downloads on a normal machine).
 * 2. Build main, preload and renderer with electron-vite.
 * 3. Launch Electron on this project (package.json "main" is out/main/index.js).
 * Extra arguments after `npm start --` are passed to Electron.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

/**
 * Why electron's installer failed, in one line. It prints a raw stack (`TypeError: fetch failed`
 * and its frames) when the download host is unreachable; users get only its message.
 * @param {import('node:child_process').SpawnSyncReturns<string>} install
 */
function installerFailure(install) {
  if (install.error) return install.error.message;
  const errorLine = (install.stderr ?? '').split('\n').map((line) => line.trim()).find((line) => /^[A-Za-z]*Error\b/.test(line));
  if (errorLine) return errorLine.replace(/^[A-Za-z]*Error(?: \[[A-Z_]+\])?: /, '');
  return install.status === 0 ? 'the installer finished but left no binary' : `the installer exited with code ${install.status}`;
}

function ensureBinary() {
  const first = findElectronBinary();
  if (first.found) return first.executablePath;
  console.log(`${first.reason}\nDownloading Electron (first run only)...`);
  // Its output is kept, not shown: on failure it is a stack trace, and we say what it means instead.
  const install = spawnSync(process.execPath, [join(projectRoot, 'node_modules', 'electron', 'install.js')], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const second = findElectronBinary();
  if (install.status === 0 && second.found) return second.executablePath;
  console.error(
    [
      '',
      `The Electron binary could not be downloaded (${installerFailure(install)}), so the desktop console cannot open on this machine.`,
      'What you can do instead:',
      '  - open the same console in your browser: npm run preview (sandbox profiles; no Electron needed)',
      '  - use the command line on the same data: npx antom-ops --help',
      '  - or, with network access, retry npm start (or run: node node_modules/electron/install.js)',
    ].join('\n'),
  );
  process.exit(1);
}

function build() {
  const bin = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The console could not be built (see the errors above); fix them and run npm start again.');
    process.exit(result.status ?? 1);
  }
}

const executablePath = ensureBinary();
build();

const child = spawn(executablePath, [projectRoot, ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  // The default profile of a fresh install is the embedded sandbox; make sure it runs.
  env: { ...process.env, ANTOM_OPS_EMBEDDED_SANDBOX: process.env.ANTOM_OPS_EMBEDDED_SANDBOX ?? '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
