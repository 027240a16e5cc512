/**
 * The renderer's Content Security Policy. Main makes every network call, so the page needs no
 * network beyond its own origin: no remote scripts, no inline scripts or styles, no frames, no
 * forms. The same string is sent as a response header for the app origin and sits in a <meta>
 * tag in src-renderer/index.html (a test keeps them equal), so the page is protected even where
 * headers cannot be set (the browser preview served by someone else, a file opened by hand).
 *
 * Pure module: no electron import, so the vite configs and tests can read it.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
});

export const CONTENT_SECURITY_POLICY = Object.entries(CONTENT_SECURITY_POLICY_DIRECTIVES)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');

/**
 * Only for `vite` serve mode (never a build): React Refresh injects an inline module script,
 * vite injects <style> tags, and HMR talks over a websocket. Production keeps the strict policy.
 */
export function devServerContentSecurityPolicy(): string {
  const relaxed: Record<string, string> = {
    ...CONTENT_SECURITY_POLICY_DIRECTIVES,
    'script-src': "'self' 'unsafe-inline'",
    'style-src': "'self' 'unsafe-inline'",
    'connect-src': "'self' ws: wss:",
  };
  return Object.entries(relaxed)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');
}
