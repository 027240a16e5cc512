/**
 * Where a running embedded sandbox can be found by other processes on this machine. The console
 * (or `antom-ops sandbox start`) owns the sandbox and writes <dataDir>/embedded-sandbox.json; a
 * one-shot CLI call reads it, so `antom-ops call` talks to the same stateful sandbox the console
 * shows instead of a throwaway one that forgets the payment when the command exits.
 */
import { readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const RUNTIME_FILE = 'embedded-sandbox.json';

interface EmbeddedSandboxRuntime {
  pid: number;
  baseUrl: string;
  antomPublicKey: string;
  profile: string;
  startedAt: string;
}

export function writeSandboxRuntime(dataDir: string, runtime: EmbeddedSandboxRuntime): void {
  const file = join(dataDir, RUNTIME_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(runtime, null, 2), { mode: 0o600 });
  renameSync(temp, file);
}

/** Removes the file only if it still describes this process's sandbox. */
export function clearSandboxRuntime(dataDir: string, pid = process.pid): void {
  const current = readSandboxRuntime(dataDir);
  if (current && current.pid === pid) rmSync(join(dataDir, RUNTIME_FILE), { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The runtime record if its process is still alive; a stale file (crashed owner) reads as none. */
export function readSandboxRuntime(dataDir: string): EmbeddedSandboxRuntime | undefined {
  let parsed: EmbeddedSandboxRuntime;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, RUNTIME_FILE), 'utf8')) as EmbeddedSandboxRuntime;
  } catch {
    return undefined;
  }
  if (typeof parsed.pid !== 'number' || typeof parsed.baseUrl !== 'string') return undefined;
  return processAlive(parsed.pid) ? parsed : undefined;
}
