/**
 * `antom-ops notifications listen ... --json` as its own process (the real bin, as a service
 * manager runs it), for tests that signal it, watch its JSON log lines on stderr, or need it to
 * survive what would crash a process (a database restart).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BIN } from './run-cli';
import { vectors } from './signature-vectors';

export interface IntakeChild {
  child: ChildProcess;
  /** The first stdout line, parsed ({"url": ...}). */
  first: { url: string; signedPath: string | null; journal: string };
  origin: string;
  /** Every stderr line so far, parsed when it is JSON (else { raw }). */
  logs: Record<string, unknown>[];
  /** Raw stderr, for assertions about what must never be logged. */
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** Kill it if still running and delete its temp dir. */
  cleanup(): Promise<void>;
}

export async function startIntakeChild(extraArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<IntakeChild> {
  const dir = mkdtempSync(join(tmpdir(), 'antom-intake-'));
  const keyFile = join(dir, 'antom.pub');
  writeFileSync(keyFile, vectors.keys.antom.publicKeyPem);
  const child = spawn(process.execPath, [BIN, 'notifications', 'listen', '--port', '0', '--antom-public-key', keyFile, '--data-dir', dir, '--json', ...extraArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr += `${line}\n`;
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ raw: line });
    }
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    void exited.then((code) => reject(new Error(`notifications listen exited (${code}) before listening: ${stderr}`)));
  });
  const first = JSON.parse(firstLine) as IntakeChild['first'];
  return {
    child,
    first,
    origin: new URL(first.url).origin,
    logs,
    stderr: () => stderr,
    exited,
    cleanup: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
