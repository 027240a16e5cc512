/**
 * Runs a built Electron main bundle in a child Node process with `electron` resolved to the test
 * STAND-IN (electron-stand-in.mjs) and talks to the stand-in over the child's IPC channel. The
 * loader hook is registered only in that child (`--import electron-stand-in-register.mjs`), so
 * vitest itself never sees it.
 *
 * The child gets a temp data dir and a keychain it may use without touching the user's: the
 * private test keyring of test/run-tests.sh under a unique service name when there is one;
 * otherwise, on Linux, a D-Bus address that leads nowhere, so the core keeps the embedded
 * sandbox's keys in session memory (its documented fallback). On macOS and Windows the keys go
 * to the OS keychain under that unique service name and dispose() deletes them.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyringReady, uniqueService } from './keyring-env';

const REGISTER = fileURLToPath(new URL('./electron-stand-in-register.mjs', import.meta.url));

/** What the stand-in reports unasked (see electron-stand-in.mjs). */
interface StandInEvent {
  event: string;
  [key: string]: unknown;
}

interface StandInAnswer {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

interface StandInExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface StandInShellOptions {
  /** The built main bundle, e.g. out/main/index.js. */
  mainBundle: string;
  /** Extra environment for the shell (ELECTRON_RENDERER_URL, ANTOM_OPS_EMBEDDED_SANDBOX...). */
  env?: Record<string, string>;
  /** Play a packaged app (app.isPackaged true). */
  packaged?: boolean;
}

export class StandInShell {
  readonly dataDir: string;
  readonly keychainService: string;
  readonly events: StandInEvent[] = [];
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters: Array<{ match: (e: StandInEvent) => boolean; resolve: (e: StandInEvent) => void }> = [];
  private nextId = 1;
  private output = '';
  readonly exited: Promise<StandInExit>;

  constructor(options: StandInShellOptions) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'antom-ops-stand-in-'));
    this.keychainService = uniqueService('stand-in');
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, ANTOM_OPS_DATA_DIR: this.dataDir, ANTOM_OPS_KEYCHAIN_SERVICE: this.keychainService };
    if (!keyringReady && process.platform === 'linux') {
      env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(this.dataDir, 'no-such-bus')}`;
      delete env.DISPLAY;
    }
    if (options.packaged) env.ELECTRON_STAND_IN_PACKAGED = '1';
    else delete env.ELECTRON_STAND_IN_PACKAGED;

    this.child = fork(options.mainBundle, [], { execArgv: ['--import', REGISTER], env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.child.on('message', (raw) => this.receive(raw as StandInAnswer | StandInEvent));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        const gone = new Error(`The shell exited (code ${code}, signal ${signal}) before answering. Its output:\n${this.output}`);
        for (const { reject } of this.pending.values()) reject(gone);
        this.pending.clear();
        resolve({ code, signal });
      });
    });
  }

  /** What the shell printed (stdout and stderr, the last 20 kB), for failure messages. */
  get log(): string {
    return this.output;
  }

  private receive(message: StandInAnswer | StandInEvent): void {
    if ('id' in message && typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new Error(`stand-in: ${message.error}`));
      return;
    }
    const event = message as StandInEvent;
    this.events.push(event);
    for (const waiter of [...this.waiters]) {
      if (!waiter.match(event)) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(event);
    }
  }

  /** Ask the stand-in something (a command of electron-stand-in.mjs); T is what the caller expects back. */
  ask<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.child.send({ id, command, ...args }, (error) => {
        if (!error) return;
        this.pending.delete(id);
        reject(error);
      });
    });
  }

  /** The first event (already seen or still to come) named `name`, or a failure when the shell exits or time runs out. */
  waitFor(name: string, timeoutMs = 60_000): Promise<StandInEvent> {
    const seen = this.events.find((e) => e.event === name);
    if (seen) return Promise.resolve(seen);
    return new Promise<StandInEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No "${name}" from the shell within ${timeoutMs} ms. Its output:\n${this.output}`)), timeoutMs);
      const done = (event: StandInEvent): void => {
        clearTimeout(timer);
        resolve(event);
      };
      this.waiters.push({ match: (e) => e.event === name, resolve: done });
      void this.exited.then((exit) => {
        clearTimeout(timer);
        reject(new Error(`The shell exited (code ${exit.code}, signal ${exit.signal}) before "${name}". Its output:\n${this.output}`));
      });
    });
  }

  /** Resolves with how the process ended, or undefined if it is still running after `timeoutMs`. */
  async exitWithin(timeoutMs: number): Promise<StandInExit | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
    const result = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    return result;
  }

  /** Stop the child if it still runs, remove its data dir and any keychain items it filed. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    if (process.platform === 'linux') {
      if (keyringReady) spawnSync('secret-tool', ['clear', 'service', this.keychainService], { timeout: 10_000 });
    } else {
      // macOS / Windows: the embedded sandbox's throwaway keys went to the OS keychain under a
      // service name only this run used; take them out again.
      const keytar = await import('keytar');
      for (const { account } of await keytar.findCredentials(this.keychainService)) await keytar.deletePassword(this.keychainService, account);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** One thing the shell asked of "Electron", in order (electron-stand-in.mjs `note`). */
interface StandInCall {
  call: string;
  /** Whether app 'ready' had fired when the shell made the call. */
  ready: boolean;
  detail?: unknown;
}

/** The answer to the stand-in's `state` command. */
export interface StandInState {
  calls: StandInCall[];
  privilegedSchemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>;
  ipcChannels: string[];
  protocolHandlers: string[];
  hardening: { permissionRequestHandler: boolean; permissionCheckHandler: boolean; devicePermissionHandler: boolean; headersReceivedListener: boolean };
  windows: Array<{
    id: number;
    options: { show?: boolean; webPreferences?: Record<string, unknown> } & Record<string, unknown>;
    visible: boolean;
    lastLoad: { url: string; status?: number; headers?: Record<string, string>; body?: string; error?: string } | undefined;
    webContentsListeners: string[];
    windowOpenHandler: boolean;
  }>;
  paths: Record<string, string>;
}

/** What an app:// request through the shell's protocol handler answered. */
export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
