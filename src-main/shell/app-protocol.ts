/**
 * Serves the built renderer (out/renderer) on app://console/. Each response carries the CSP,
 * nosniff and a no-referrer policy itself: headers attached here do not depend on webRequest
 * seeing custom-scheme responses.
 */
import { protocol, session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, mimeTypeFor, rendererFileForUrl } from './app-location';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/content-security-policy';

/** Must run before app ready. `standard` gives the scheme real origins; `secure` makes it a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function serveRenderer(rendererRoot: string): void {
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders });
    }
    const file = rendererFileForUrl(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders, 'Content-Type': mimeTypeFor(file) },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
  });
}
