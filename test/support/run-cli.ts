/** Runs the real `antom-ops` bin (the built out/cli/main.js, as users do; vitest's globalSetup builds it) and captures what it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const BIN = resolve(fileURLToPath(new URL('../../bin/antom-ops.mjs', import.meta.url)));

export interface CliResult { code: number; stdout: string; stderr: string }

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Starts a long-running command and resolves with its first stdout line (e.g. `sandbox start --json`). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; firstLine: string; stop(): Promise<number> }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    const lines = createInterface({ input: child.stdout! });
    const stop = () => new Promise<number>((done) => {
      if (child.exitCode !== null) return done(child.exitCode);
      child.once('close', (code) => done(code ?? -1));
      child.kill('SIGTERM');
    });
    lines.once('line', (firstLine) => resolvePromise({ child, firstLine, stop }));
    child.once('close', (code) => reject(new Error(`antom-ops ${args.join(' ')} exited ${code} before printing: ${stderr}`)));
  });
}
