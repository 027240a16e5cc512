/**
 * Where the renderer lives and how to tell the app's own pages from anything else.
 *
 * Production serves out/renderer through a privileged custom scheme, app://console/, rather than
 * file://: the origin is then unique to this app (every file:// page shares one origin), the
 * CSP header can be attached to each response, and file:// keeps no extra privileges (the
 * GrantFileProtocolExtraPrivileges fuse is off). In development (`electron-vite dev`) electron-vite
 * serves the renderer over http and names it in ELECTRON_RENDERER_URL.
 *
 * Pure module (node:path only): tested under plain Node.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface AppLocation {
  /** What the window loads first. */
  entryUrl: string;
  /** Scheme and host (with port) every trusted frame must have. */
  origin: string;
  kind: 'bundled' | 'dev-server';
}

/**
 * The dev server is honoured only in a development run (a bundle built by `electron-vite dev`,
 * unpackaged: build-mode.ts), and only on loopback http, so an environment variable can never
 * point `npm start` or a shipped console at someone else's page.
 */
export function resolveAppLocation(env: { ELECTRON_RENDERER_URL?: string | undefined }, development: boolean): AppLocation {
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (development && devUrl) {
    const parsed = new URL(devUrl);
    const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
    if (parsed.protocol === 'http:' && loopback) {
      return { entryUrl: parsed.href, origin: `${parsed.protocol}//${parsed.host}`, kind: 'dev-server' };
    }
  }
  return { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, kind: 'bundled' };
}

/**
 * True when `url` belongs to `origin` (scheme + host + port). Parsed, not prefix-matched:
 * "http://localhost:5173.evil.test" must not pass for "http://localhost:5173". Node's URL gives
 * custom schemes an opaque origin ("null"), so scheme and host are compared directly.
 */
export function isAppUrl(url: string | undefined | null, origin: string): boolean {
  if (!url) return false;
  let candidate: URL;
  let expected: URL;
  try {
    candidate = new URL(url);
    expected = new URL(origin);
  } catch {
    return false;
  }
  if (candidate.username || candidate.password) return false;
  return candidate.protocol === expected.protocol && candidate.host === expected.host && candidate.host !== '';
}

export { contentTypeFor as mimeTypeFor } from '../core/static-content-types';

/**
 * Map an app:// request URL to a file under the renderer root, or undefined when it is not
 * ours or would escape the root (../, encoded separators, absolute paths).
 */
export function rendererFileForUrl(rendererRoot: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rendererRoot);
  const file = resolve(root, relativePath);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return undefined;
  return file;
}
