/**
 * Which URLs a window may navigate to (only the app's own) and which links may leave the app
 * for the user's browser: https on an exact allow-listed host, nothing else. Pure module.
 */
import { isAppUrl } from './app-location';

const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze(['docs.antom.com', 'global.alipay.com', 'dashboard.antom.com']);

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_LINK_HOSTS.includes(parsed.hostname)
  );
}

type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: boolean };

/** In-window navigation: stay on the app's origin; an allow-listed link goes to the browser instead. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** window.open / target=_blank: never a new Electron window. */
export function decideWindowOpen(url: string): { openExternally: boolean } {
  return { openExternally: isAllowedExternalUrl(url) };
}
