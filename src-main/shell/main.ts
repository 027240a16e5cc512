/**
 * Electron main process: the composition of the shell around the core.
 * Order matters: the app scheme and the process-wide guards are registered before ready, the
 * data dir is set before the single-instance lock (so two data dirs can run side by side, as
 * tests do), IPC is bound before the window loads, and the core is closed before the process
 * exits.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataDir } from '../core/data-dir';
import { createCore, type Core } from '../core/compose';
import { isConsoleError, toErrorShape } from '../../src-shared/errors';
import { resolveAppLocation } from './app-location';
import { BUILD_MODE, isDevelopmentRun } from './build-mode';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { hardenDefaultSession, installProcessGuards } from './harden-sessions';
import { bindHandlersToIpc, forwardPushEvents } from './ipc-bridge';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererRoot = join(here, '../renderer');

/** ANTOM_OPS_EMBEDDED_SANDBOX=0 opts out; by default the console starts on the embedded sandbox. */
const startEmbeddedSandbox = process.env.ANTOM_OPS_EMBEDDED_SANDBOX !== '0';

/** Show why the console cannot start (message and hint) and exit; there is nothing to fall back to. */
function fatal(title: string, error: unknown): void {
  const shape = toErrorShape(error);
  const text = isConsoleError(error) ? `${shape.message}\n\n${shape.hint}` : shape.message;
  console.error(`${title}: ${text}`);
  dialog.showErrorBox(title, text);
  app.exit(1);
}

function main(): void {
  registerAppScheme();
  // DevTools and the renderer dev server belong to `electron-vite dev` only (build-mode.ts).
  const development = isDevelopmentRun(BUILD_MODE, app.isPackaged);
  const location = resolveAppLocation(process.env, development);
  installProcessGuards(location.origin);

  let dataDir: string;
  try {
    dataDir = resolveDataDir();
    app.setPath('userData', dataDir);
  } catch (error) {
    app.whenReady().then(() => fatal('The console cannot start', error), () => app.exit(1));
    return;
  }

  if (!app.requestSingleInstanceLock()) {
    // Another console already uses this data dir; it is told to come forward (second-instance).
    app.quit();
    return;
  }

  let core: Core | undefined;
  let unbindIpc: (() => void) | undefined;
  let stopPushes: (() => void) | undefined;
  let mainWindow: BrowserWindow | undefined;
  let closed = false;

  const openWindow = (): void => {
    mainWindow = createMainWindow({ preloadPath, location, dataDir, devTools: development });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (!mainWindow && core) openWindow();
  });

  // Hold the exit until the core has closed its servers and journal, then quit for real.
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    const closing = core;
    core = undefined;
    unbindIpc?.();
    stopPushes?.();
    closing
      .close()
      .catch((error: unknown) => console.error('The core did not close cleanly:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      hardenDefaultSession(location.origin);
      if (location.kind === 'bundled') serveRenderer(rendererRoot);
      // The receiver runs with the app so the embedded sandbox's notifications land in the journal.
      const started = await createCore({ dataDir, version: app.getVersion(), startEmbeddedSandbox, startReceiver: true, log: (line) => console.log(line) });
      core = started;
      unbindIpc = bindHandlersToIpc(started.handlers, location.origin);
      stopPushes = forwardPushEvents(started.push, () => mainWindow?.webContents);
      openWindow();
    })
    .catch((error: unknown) => fatal('The console core could not start', error));
}

main();
