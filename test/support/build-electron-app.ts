/**
 * Builds the desktop app (main, preload, renderer) with electron-vite for the shell tests.
 *
 * The production build goes to out/, where `npm start` and the real `_electron` smoke test run it
 * from. Two test files may want it in one vitest run (that smoke test where the binary exists,
 * and the stand-in test everywhere), in parallel workers: a lock directory serialises them and a
 * stamp naming the vitest run (the workers' common parent pid) lets the second reuse the first's
 * build instead of rewriting out/ under a running app. A source newer than the stamp (an edit
 * under vitest watch) builds again.
 *
 * Other modes go to a directory of the caller's choosing outside out/ (electron-builder packs
 * out/**, so a development bundle must never be left there).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../scripts/electron-binary.mjs';

const ELECTRON_VITE = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
export const OUT_DIR = join(projectRoot, 'out');
const LOCK_DIR = join(OUT_DIR, '.test-build.lock');
const STAMP_FILE = join(OUT_DIR, '.test-build-run');
const LOCK_WAIT_MS = 180_000;

function runElectronVite(args: string[]): void {
  const build = spawnSync(process.execPath, [ELECTRON_VITE, 'build', ...args], { cwd: projectRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build ${args.join(' ')} failed:\n${build.stdout}\n${build.stderr}`);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take out/.test-build.lock; a lock left by a process that died is taken over. */
function acquireLock(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
    } catch {
      // the holder has made the directory but not yet written its pid
    }
    if (Number.isInteger(holder) && !processAlive(holder)) rmSync(LOCK_DIR, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`Another test has held ${LOCK_DIR} for ${LOCK_WAIT_MS / 1000} s; remove it if no build is running.`);
    sleepSync(200);
  }
}

/** What the build reads; a file changed after the stamp means the build is stale (vitest watch mode). */
const BUILD_INPUTS = ['src-main', 'src-shared', 'src-renderer', 'electron.vite.config.ts', 'vite.renderer.config.ts', 'package.json'];

function newestInputMtimeMs(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return;
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    newest = Math.max(newest, info.mtimeMs);
  };
  for (const input of BUILD_INPUTS) visit(join(projectRoot, input));
  return newest;
}

/** The production build in out/, once per vitest run (and again when a source changed since). */
export function buildElectronAppOnce(): void {
  const run = String(process.ppid);
  acquireLock();
  try {
    let stamp = '';
    let stampMtimeMs = 0;
    try {
      stamp = readFileSync(STAMP_FILE, 'utf8');
      stampMtimeMs = statSync(STAMP_FILE).mtimeMs;
    } catch {
      // never built by a test run
    }
    if (stamp === run && newestInputMtimeMs() < stampMtimeMs) return;
    runElectronVite([]);
    writeFileSync(STAMP_FILE, run);
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * A build in another mode (e.g. 'development', as `electron-vite dev` bundles main) into
 * `outDir`/{main,preload,renderer}. The directory gets a package.json ("type": "module", as the
 * project's) and a node_modules link, so the bundle's external imports resolve as they do in out/.
 */
export function buildElectronAppInto(outDir: string, mode: string): void {
  runElectronVite(['--mode', mode, '--outDir', outDir]);
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module', private: true })}\n`);
  // 'junction' so Windows needs no symlink privilege; ignored elsewhere.
  symlinkSync(join(projectRoot, 'node_modules'), join(outDir, 'node_modules'), 'junction');
}
