/**
 * Who may talk to the preview: a request must name this server as its Host (defeats DNS
 * rebinding), come from this origin when a browser says where it comes from (defeats other
 * pages on the machine), and carry this run's token on every /api request.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_PARAM } from '../../src-shared/bridge';

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).has(host);
}

/** No Origin (same-origin GET, curl) is fine; a present one must be this very origin. */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${req.headers.host?.toLowerCase() ?? ''}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The header is the way for calls; the event stream may use ?token= because EventSource cannot
 * set headers.
 */
export function tokenPresented(req: IncomingMessage, url: URL, allowQuery: boolean): string | undefined {
  const header = req.headers[PREVIEW_TOKEN_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  if (allowQuery) return url.searchParams.get(PREVIEW_TOKEN_PARAM) ?? undefined;
  return undefined;
}

export function tokenValid(given: string | undefined, expected: string): boolean {
  return given !== undefined && sameSecret(given, expected);
}
