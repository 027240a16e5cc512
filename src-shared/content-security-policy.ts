/**
 * The renderer's Content Security Policy. Main makes every network call, so the page needs no
 * network beyond its own origin: no remote scripts, no inline scripts or styles, no frames, no
 * forms. It is sent as a response header for the app origin and repeated in a <meta> tag in
 * src-renderer/index.html (a test keeps them in step), so the page is protected even where
 * headers cannot be set (a static server, a file opened by hand).
 *
 * Pure module in src-shared: the shell (app://), the browser preview and the vite configs all
 * read the same policy, and no door has to import another to get it.
 */
const CONTENT_SECURITY_POLICY_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
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

const serialise = (directives: Readonly<Record<string, string>>): string =>
  Object.entries(directives)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

/** Sent as the Content-Security-Policy response header for the app origin. */
export const CONTENT_SECURITY_POLICY = serialise(CONTENT_SECURITY_POLICY_DIRECTIVES);

/**
 * The <meta> copy in index.html: the same policy without frame-ancestors, which the CSP spec
 * ignores in a <meta> element (Chromium logs an error for it on every load). The header keeps it.
 */
const { 'frame-ancestors': _headerOnly, ...metaDirectives } = CONTENT_SECURITY_POLICY_DIRECTIVES;
export const META_CONTENT_SECURITY_POLICY = serialise(metaDirectives);

/**
 * Only for `vite` serve mode (never a build): React Refresh injects an inline module script,
 * vite injects <style> tags, and HMR talks over a websocket. Production keeps the strict policy.
 */
export function devServerContentSecurityPolicy(): string {
  const relaxed: Record<string, string> = {
    ...metaDirectives,
    'script-src': "'self' 'unsafe-inline'",
    'style-src': "'self' 'unsafe-inline'",
    'connect-src': "'self' ws: wss:",
  };
  return serialise(relaxed);
}
