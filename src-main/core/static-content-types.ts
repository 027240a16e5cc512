/**
 * Content types for the renderer's built files. One table for both places that serve
 * out/renderer (the app:// protocol in the shell and the browser preview), so a new asset kind
 * is typed the same way in both. Plain Node (node:path only): the preview runs without electron.
 */
import { extname } from 'node:path';

export const STATIC_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The content type for a file by its extension (case-insensitive); unknown kinds are opaque bytes. */
export function contentTypeFor(filePath: string, table: Readonly<Record<string, string>> = STATIC_CONTENT_TYPES): string {
  return table[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
