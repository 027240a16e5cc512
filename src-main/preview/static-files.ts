/**
 * Serving the built renderer (out/renderer) with the app's own security headers. Only files
 * under the root are served: the URL path is decoded, normalised and must stay inside it.
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';
import { STATIC_CONTENT_TYPES, contentTypeFor } from '../core/static-content-types';

// The preview also serves .txt as text (the app:// protocol has never listed it; kept as each was).
const PREVIEW_CONTENT_TYPES: Readonly<Record<string, string>> = {
  ...STATIC_CONTENT_TYPES,
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every response of the preview, as the app sends them for its own origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(text);
}

function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = resolve(root, relative === '' ? 'index.html' : relative);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  return full;
}

export function serveStatic(rootDir: string, req: IncomingMessage, res: ServerResponse, urlPath: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are served here.', { allow: 'GET, HEAD' });
    return;
  }
  const root = resolve(rootDir);
  let file = fileUnder(root, urlPath);
  if (!file) {
    sendText(res, 404, 'Not found.');
    return;
  }
  let stat;
  try {
    stat = statSync(file);
    if (stat.isDirectory()) {
      file = join(file, 'index.html');
      stat = statSync(file);
    }
  } catch {
    const missingBuild = urlPath === '/' || urlPath === '/index.html';
    sendText(res, missingBuild ? 503 : 404, missingBuild ? `The renderer is not built (${join(root, 'index.html')} is missing). Run: npx vite build -c vite.renderer.config.ts (npm run preview does this).` : 'Not found.');
    return;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeFor(file, PREVIEW_CONTENT_TYPES),
    'content-length': String(stat.size),
    // index.html must never be cached (it is tiny and names the hashed bundles); the bundles may be.
    'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
