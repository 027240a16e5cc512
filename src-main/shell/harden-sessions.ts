/**
 * Process-wide guards, installed once before any window exists so no web contents (window,
 * devtools, a future dialog) escapes them:
 * - every navigation away from the app's origin is cancelled; allow-listed https links open in
 *   the user's browser instead;
 * - window.open / target=_blank never creates an Electron window;
 * - <webview> can never be attached;
 * - every permission (camera, notifications, clipboard-read, ...) is denied;
 * - responses for the app origin carry the strict CSP header.
 */
import { app, session, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { decideNavigation, decideWindowOpen } from './navigation-policy';
import { isAppUrl } from './app-location';

function openExternally(url: string): void {
  // Only reached for URLs that passed isAllowedExternalUrl (https + exact allow-listed host).
  shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url} in the browser:`, error));
}

function hardenWebContents(contents: WebContents, appOrigin: string): void {
  // Main-frame navigation: an allow-listed link goes to the browser, anything else is dropped.
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, appOrigin);
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternally) openExternally(event.url);
  });
  // Subframes (there should be none: the CSP allows no frames) and redirects are only ever
  // denied; opening the browser from here too would open allow-listed links twice.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && decideNavigation(event.url, appOrigin).action !== 'allow') event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url, appOrigin).action !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternally(url);
    return { action: 'deny' };
  });
}

function hardenSession(target: Session, appOrigin: string): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appOrigin)) {
      callback({});
      return;
    }
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** Call once, before app ready (web-contents-created must be hooked before the first window). */
export function installProcessGuards(appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));
}

/** Call after app ready: sessions do not exist before. */
export function hardenDefaultSession(appOrigin: string): void {
  hardenSession(session.defaultSession, appOrigin);
}
