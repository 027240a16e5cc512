import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../src-main/shell/window-options';
import { DEFAULT_WINDOW_STATE, fitBoundsToDisplays, loadWindowState, saveWindowState, WINDOW_STATE_FILE } from '../../src-main/shell/window-state';

describe('window webPreferences', () => {
  it('isolate, sandbox and strip Node from the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('open DevTools only when the caller says this is a development run', () => {
    expect(secureWebPreferences('/p.cjs', { devTools: true }).devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', { devTools: false }).devTools).toBe(false);
  });

  it('are the ones the main window is created with', () => {
    const options = mainWindowOptions('/p.cjs', { width: 1000, height: 700 }, { devTools: false });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs', { devTools: false }));
    expect(options.show).toBe(false);
  });
});

describe('window state', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('remembers bounds across runs in <dataDir>/window-state.json', () => {
    dir = mkdtempSync(join(tmpdir(), 'antom-ops-window-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(dir, { bounds: { x: 40, y: 30, width: 1100, height: 760 }, maximized: true });
    expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({ maximized: true });
    expect(loadWindowState(dir)).toEqual({ bounds: { x: 40, y: 30, width: 1100, height: 760 }, maximized: true });
  });

  it('falls back to the default size for a corrupt or tiny state', () => {
    dir = mkdtempSync(join(tmpdir(), 'antom-ops-window-'));
    writeFileSync(join(dir, WINDOW_STATE_FILE), '{ not json');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, WINDOW_STATE_FILE), JSON.stringify({ bounds: { width: 10, height: 'x', x: 5 } }));
    const state = loadWindowState(dir);
    expect(state.bounds.width).toBeGreaterThanOrEqual(800);
    expect(state.bounds.height).toBe(DEFAULT_WINDOW_STATE.bounds.height);
    expect(state.bounds.x).toBeUndefined();
  });

  it('drops a position that is on no current display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitBoundsToDisplays({ x: 100, y: 100, width: 1200, height: 800 }, displays)).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    expect(fitBoundsToDisplays({ x: 3000, y: 100, width: 1200, height: 800 }, displays)).toEqual({ width: 1200, height: 800 });
  });
});
