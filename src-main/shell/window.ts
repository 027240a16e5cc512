/**
 * The main window: secure webPreferences (window-options.ts), the remembered bounds, shown only
 * once the first paint is ready. Navigation and popups are guarded process-wide in
 * harden-sessions.ts, not per window, so no window can be created without them.
 */
import { BrowserWindow, screen } from 'electron';
import type { AppLocation } from './app-location';
import { mainWindowOptions } from './window-options';
import { fitBoundsToDisplays, loadWindowState, saveWindowState, type WindowState } from './window-state';

export function createMainWindow(options: { preloadPath: string; location: AppLocation; dataDir: string; devTools: boolean }): BrowserWindow {
  const state = loadWindowState(options.dataDir);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, fitBoundsToDisplays(state.bounds, workAreas), { devTools: options.devTools }));
  if (state.maximized) window.maximize();

  window.once('ready-to-show', () => window.show());

  // Saved on close rather than on every move: one small write per session.
  window.on('close', () => {
    const next: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      saveWindowState(options.dataDir, next);
    } catch (error) {
      console.error('Could not remember the window size:', error);
    }
  });

  window.loadURL(options.location.entryUrl).catch((error: unknown) => {
    console.error(`The console page ${options.location.entryUrl} could not be loaded:`, error);
  });
  return window;
}
