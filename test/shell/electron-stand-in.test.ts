/**
 * The Electron door where the Electron binary is absent: the built main bundle (out/main/index.js,
 * exactly what `npm start` runs) is started in a child Node process with `electron` resolved to a
 * small STAND-IN of the main-process API (test/support/electron-stand-in.mjs), and this test looks
 * at what the shell does with it: the app scheme, the guards, the window, the IPC table, the
 * sender check, app:// and the shutdown. The core behind it is the real one (SQLite journal,
 * embedded sandbox, notification receiver on loopback).
 *
 * It proves the shell's wiring, not Chromium: whether Chromium honours these settings is the
 * business of the real `_electron` smoke test (electron-smoke.test.ts), which still runs
 * wherever the binary exists.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, type AppStatus, type JournalInfo, type OperationResult } from '../../src-shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { JOURNAL_FILE_NAME } from '../../src-main/core/journal/sqlite-journal';
import { RUNTIME_FILE } from '../../src-main/core/embedded-sandbox-runtime';
import { WINDOW_STATE_FILE } from '../../src-main/shell/window-state';
import { buildElectronAppInto, buildElectronAppOnce, OUT_DIR } from '../support/build-electron-app';
import { StandInShell, type StandInResponse, type StandInState } from '../support/electron-stand-in-driver';
import { keyringReady, secretToolAccounts } from '../support/keyring-env';

const MAIN_BUNDLE = join(OUT_DIR, 'main', 'index.js');
const BUILT_PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const SHELL_START_MS = 60_000;

/** A loopback page standing in for electron-vite's renderer dev server; it counts its visitors. */
async function startDevPageServer(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>dev server page</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function callIndex(state: StandInState, call: string): number {
  return state.calls.findIndex((c) => c.call === call);
}

describe('Electron main bundle (production build) under the electron stand-in', () => {
  let shell: StandInShell;
  let devPage: Awaited<ReturnType<typeof startDevPageServer>>;
  let state: StandInState;

  const invoke = <T>(channel: string, input: unknown, from: { frame: 'main' | 'sub' | 'gone'; url?: string } = { frame: 'main' }) =>
    shell.ask<OperationResult<T>>('invoke', { channel, input, from });
  const request = (url: string, method = 'GET') => shell.ask<StandInResponse>('request', { url, method });

  beforeAll(async () => {
    buildElectronAppOnce();
    devPage = await startDevPageServer();
    // ELECTRON_RENDERER_URL is set on purpose: a production build must ignore it.
    shell = new StandInShell({ mainBundle: MAIN_BUNDLE, env: { ANTOM_OPS_EMBEDDED_SANDBOX: '1', ELECTRON_RENDERER_URL: devPage.url } });
    await shell.waitFor('page-loaded', SHELL_START_MS);
    state = await shell.ask<StandInState>('state');
  }, SHELL_START_MS + 60_000);

  afterAll(async () => {
    await shell?.dispose();
    await devPage?.close();
    // Nothing is left in the test keyring under this run's service name.
    if (shell && keyringReady && process.platform === 'linux') expect(secretToolAccounts(shell.keychainService)).toEqual([]);
  });

  it('registers the app scheme as privileged before ready, and hooks every new web contents before ready', () => {
    const register = state.calls.find((c) => c.call === 'protocol.registerSchemesAsPrivileged');
    expect(register?.ready).toBe(false);
    expect(callIndex(state, 'protocol.registerSchemesAsPrivileged')).toBeLessThan(callIndex(state, 'app ready'));
    expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const ready = state.calls.find((c) => c.call === 'app ready');
    expect((ready?.detail as { listening: string[] }).listening).toEqual(expect.arrayContaining(['web-contents-created', 'will-quit']));
  });

  it('hardens the default session: no permissions, no devices, the CSP on app responses', async () => {
    expect(state.hardening).toEqual({ permissionRequestHandler: true, permissionCheckHandler: true, devicePermissionHandler: true, headersReceivedListener: true });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      expect(await shell.ask('permission', { permission })).toEqual({ granted: false, checked: false });
    }
    const appHeaders = await shell.ask<{ responseHeaders?: Record<string, string[]> }>('headersReceived', {
      url: 'app://console/index.html',
      responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] },
    });
    expect(appHeaders.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'] });
    const foreign = await shell.ask<Record<string, unknown>>('headersReceived', { url: 'https://docs.antom.com/', responseHeaders: { 'Content-Type': ['text/html'] } });
    expect(foreign).toEqual({});
  });

  it('keeps the window on the app: navigation, popups and webviews are refused, allow-listed links go to the browser', async () => {
    const win = state.windows[0]!;
    expect(win.webContentsListeners).toEqual(expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']));
    expect(win.windowOpenHandler).toBe(true);

    expect(await shell.ask('navigate', { url: 'https://evil.example/', kind: 'will-navigate' })).toEqual({ prevented: true });
    expect(await shell.ask('navigate', { url: 'app://console/index.html#/payments', kind: 'will-navigate' })).toEqual({ prevented: false });
    expect(await shell.ask('navigate', { url: 'app://evil/index.html', kind: 'will-navigate' })).toEqual({ prevented: true });
    expect(await shell.ask('navigate', { url: 'file:///etc/passwd', kind: 'will-redirect' })).toEqual({ prevented: true });
    expect(await shell.ask('navigate', { url: 'https://evil.example/', kind: 'will-frame-navigate', isMainFrame: false })).toEqual({ prevented: true });
    expect(await shell.ask('attachWebview')).toEqual({ prevented: true });
    expect(await shell.ask('windowOpen', { url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    // An allow-listed documentation link leaves for the user's browser, never for an Electron window.
    expect(await shell.ask('navigate', { url: 'https://docs.antom.com/ac/ams/capture', kind: 'will-navigate' })).toEqual({ prevented: true });
    expect(await shell.ask('windowOpen', { url: 'https://docs.antom.com/ac/ams/refund' })).toEqual({ action: 'deny' });
    const opened = (await shell.ask<StandInState>('state')).calls.filter((c) => c.call === 'shell.openExternal').map((c) => (c.detail as { url: string }).url);
    expect(opened).toEqual(['https://docs.antom.com/ac/ams/capture', 'https://docs.antom.com/ac/ams/refund']);
  });

  it('creates one window with the secure preferences and the built preload, and loads the bundled page', () => {
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: BUILT_PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    const created = state.calls.find((c) => c.call === 'new BrowserWindow')?.detail as { preloadExists: boolean };
    expect(created.preloadExists).toBe(true);
    expect(existsSync(BUILT_PRELOAD)).toBe(true);
    // Created hidden, shown once the page is ready to show.
    expect(win.options.show).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.lastLoad).toMatchObject({ url: 'app://console/index.html', status: 200 });
  });

  it('as a production build, keeps DevTools closed and ignores ELECTRON_RENDERER_URL', () => {
    expect(state.windows[0]!.options.webPreferences?.devTools).toBe(false);
    expect(state.windows[0]!.lastLoad?.url).toBe('app://console/index.html');
    expect(devPage.requests).toEqual([]);
    expect(state.protocolHandlers).toEqual(['app']);
  });

  it('binds exactly one IPC handler per contract operation', () => {
    const expected = Object.keys(operations).map((name) => `op:${name}`).sort();
    expect([...state.ipcChannels].sort()).toEqual(expected);
  });

  it("answers a call from the app's top frame through the contract", async () => {
    const status = await invoke<AppStatus>('op:getAppStatus', {});
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(status.value).toMatchObject({ door: 'electron', dataDir: shell.dataDir, sandbox: { running: true }, receiver: { running: true } });
    expect(status.value.activeProfile?.environment).toBe('embedded');
    // The keys went where the driver arranged: the private test keyring, else (Linux) session memory.
    if (keyringReady) expect(status.value.activeProfile?.keyStorage).toBe('keychain');
    else if (process.platform === 'linux') expect(status.value.activeProfile?.keyStorage).toBe('session');

    const invalid = await invoke('op:setRetentionDays', { days: 'forever' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('makes a signed call to the embedded sandbox for the page and pushes the recorded call to the window', async () => {
    const inquiry = await invoke('op:inquiryPayment', { paymentRequestId: 'stand-in-no-such-payment' });
    expect(inquiry.ok, JSON.stringify(inquiry)).toBe(true);
    await expect.poll(() => shell.ask<string[]>('pushes')).toContain('push:callRecorded');
  });

  it('refuses calls from a subframe, from a top frame on another origin and from a frame already gone', async () => {
    const before = await invoke<JournalInfo>('op:getJournalInfo', {});
    expect(before.ok).toBe(true);
    const days = before.ok ? before.value.retentionDays : 0;
    const other = days === 7 ? 8 : 7;

    const refusals = [
      await invoke('op:setRetentionDays', { days: other }, { frame: 'sub' }),
      await invoke('op:setRetentionDays', { days: other }, { frame: 'sub', url: 'https://evil.example/frame.html' }),
      await invoke('op:setRetentionDays', { days: other }, { frame: 'main', url: 'https://evil.example/' }),
      await invoke('op:setRetentionDays', { days: other }, { frame: 'main', url: 'http://localhost:5173/' }),
      await invoke('op:setRetentionDays', { days: other }, { frame: 'gone' }),
    ];
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ ok: false, error: { code: 'SENDER_NOT_ALLOWED' } });
    }
    // None of them reached the handler.
    const after = await invoke<JournalInfo>('op:getJournalInfo', {});
    expect(after.ok && after.value.retentionDays).toBe(days);
  });

  it('serves index.html on app:// with the CSP and the security headers', async () => {
    const builtIndex = readFileSync(join(OUT_DIR, 'renderer', 'index.html'), 'utf8');
    for (const url of ['app://console/', 'app://console/index.html']) {
      const page = await request(url);
      expect(page.status).toBe(200);
      expect(page.body).toBe(builtIndex);
      expect(page.headers).toMatchObject({
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    }
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(builtIndex)?.[1];
    expect(script).toBeDefined();
    const asset = await request(`app://console/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses traversal out of the renderer, foreign hosts and methods other than GET/HEAD', async () => {
    const outside = [
      'app://console/../main/index.js',
      'app://console/%2e%2e/main/index.js',
      'app://console/..%2fmain%2findex.js',
      'app://console/..%5cmain%5cindex.js',
      'app://console/assets/..%2f..%2f..%2fpackage.json',
      'app://console/%2fetc%2fpasswd',
      'app://console/index.html%00.js',
      'app://evil/index.html',
      'app://console.evil/index.html',
      'app://console/no-such-file.js',
    ];
    for (const url of outside) {
      const answer = await request(url);
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
      expect(answer.body).not.toContain('import ');
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await request('app://console/index.html', 'POST')).status).toBe(405);
    expect(await request('app://console/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('shuts down cleanly: IPC unbound, the core closed (journal checkpointed, sandbox gone), the process ends by itself', async () => {
    const journalFile = join(shell.dataDir, JOURNAL_FILE_NAME);
    expect(existsSync(join(shell.dataDir, RUNTIME_FILE))).toBe(true);
    expect(existsSync(`${journalFile}-wal`)).toBe(true);

    await shell.ask('quit');
    const quit = await shell.waitFor('quit', 30_000);
    // The shell held the exit (will-quit prevented) until the core had closed, then quit for real.
    const order = (quit.calls as Array<{ call: string }>).map((c) => c.call);
    expect(order.indexOf('will-quit prevented')).toBeGreaterThan(-1);
    expect(order.indexOf('will-quit prevented')).toBeLessThan(order.lastIndexOf('app.quit'));
    expect(order.at(-1)).toBe('quit');
    expect(quit.ipcChannels).toEqual([]);

    // Nothing the core started (HTTP servers, timers, the journal) keeps the process alive.
    const exit = await shell.exitWithin(15_000);
    expect(exit, `the shell did not exit after quit; its output:\n${shell.log}`).toEqual({ code: 0, signal: null });

    // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
    expect(existsSync(`${journalFile}-wal`)).toBe(false);
    const db = new Database(journalFile, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    // The embedded sandbox said goodbye (its runtime file names no dead process), and the window's bounds were kept.
    expect(existsSync(join(shell.dataDir, RUNTIME_FILE))).toBe(false);
    expect(existsSync(join(shell.dataDir, WINDOW_STATE_FILE))).toBe(true);
  });
});

describe('Electron main bundle (development build) under the electron stand-in', () => {
  let buildDir: string;
  let devPage: Awaited<ReturnType<typeof startDevPageServer>>;

  beforeAll(async () => {
    // What `electron-vite dev` bundles: main in development mode. Built outside out/ (which is packaged).
    buildDir = mkdtempSync(join(tmpdir(), 'antom-ops-dev-build-'));
    buildElectronAppInto(buildDir, 'development');
    devPage = await startDevPageServer();
  }, 120_000);

  afterAll(async () => {
    await devPage?.close();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  async function runUntilLoaded(packaged: boolean): Promise<{ state: StandInState; shell: StandInShell }> {
    const shell = new StandInShell({
      mainBundle: join(buildDir, 'main', 'index.js'),
      packaged,
      // The sandbox is not what these runs are about; without it the core starts faster.
      env: { ANTOM_OPS_EMBEDDED_SANDBOX: '0', ELECTRON_RENDERER_URL: devPage.url },
    });
    await shell.waitFor('page-loaded', SHELL_START_MS);
    return { state: await shell.ask<StandInState>('state'), shell };
  }

  async function quit(shell: StandInShell): Promise<void> {
    await shell.ask('quit');
    expect(await shell.exitWithin(15_000)).toEqual({ code: 0, signal: null });
  }

  it('unpackaged, loads the dev server page, trusts its origin and opens DevTools', async () => {
    const { state, shell } = await runUntilLoaded(false);
    try {
      expect(state.windows[0]!.lastLoad).toMatchObject({ url: devPage.url, status: 200 });
      expect(devPage.requests).toContain('/');
      expect(state.windows[0]!.options.webPreferences).toMatchObject({ devTools: true, contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(buildDir, 'preload', 'index.cjs') });
      // The dev server serves the page, so app:// is not handled.
      expect(state.protocolHandlers).toEqual([]);
      const status = await shell.ask<OperationResult<AppStatus>>('invoke', { channel: 'op:getAppStatus', input: {}, from: { frame: 'main' } });
      expect(status.ok).toBe(true);
      const fromBundledOrigin = await shell.ask<OperationResult<AppStatus>>('invoke', { channel: 'op:getAppStatus', input: {}, from: { frame: 'main', url: 'app://console/index.html' } });
      expect(fromBundledOrigin).toMatchObject({ ok: false, error: { code: 'SENDER_NOT_ALLOWED' } });
      await quit(shell);
    } finally {
      await shell.dispose();
    }
  });

  it('packaged, ignores ELECTRON_RENDERER_URL and keeps DevTools closed even in a development bundle', async () => {
    const requestsBefore = devPage.requests.length;
    const { state, shell } = await runUntilLoaded(true);
    try {
      expect(state.windows[0]!.lastLoad).toMatchObject({ url: 'app://console/index.html', status: 200 });
      expect(state.windows[0]!.options.webPreferences?.devTools).toBe(false);
      expect(devPage.requests.length).toBe(requestsBefore);
      await quit(shell);
    } finally {
      await shell.dispose();
    }
  });
});
