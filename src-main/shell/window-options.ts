/**
 * The BrowserWindow settings that make the renderer an untrusted page: isolated from the
 * preload, OS-sandboxed, no Node, no webviews, no mixed content. Kept in a module without an
 * electron import (types only) so a test can assert on the exact object the window gets.
 *
 * There is no `enableRemoteModule`: the remote module was removed from Electron (14), so there
 * is nothing to switch off.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowBounds } from './window-state';

interface WindowDebugOptions {
  /** DevTools only in a development run (build-mode.ts); a production build cannot open them. */
  devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, debug: WindowDebugOptions): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // A dialog storm from a compromised page can be stopped by the user.
    safeDialogs: true,
    spellcheck: false,
    devTools: debug.devTools,
  };
}

export const MIN_WINDOW_WIDTH = 800;
export const MIN_WINDOW_HEIGHT = 560;

export function mainWindowOptions(preloadPath: string, bounds: WindowBounds, debug: WindowDebugOptions): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    title: 'Antom Ops Console',
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath, debug),
  };
}
