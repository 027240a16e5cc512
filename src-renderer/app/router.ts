/**
 * Hash routes: #/<dashboard>?id=PAY-1. The browser preview puts its run token in the fragment
 * (#token=...), so every link this router builds carries the token along: a reload of any
 * dashboard keeps working. In Electron there is no token and links are plain.
 */
import { useSyncExternalStore } from 'react';
import { PREVIEW_TOKEN_PARAM } from '../../src-shared/bridge';

interface Route {
  /** Dashboard key, '' when the hash names none (the shell falls back to the first dashboard). */
  key: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith('/')) return { key: '', params: new URLSearchParams(body) };
  const queryAt = body.indexOf('?');
  const path = queryAt === -1 ? body.slice(1) : body.slice(1, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : body.slice(queryAt + 1));
  return { key: decodeURIComponent(path.split('/')[0] ?? ''), params };
}

/** The token of this page load, remembered once: links must keep it even after the hash changed. */
const initialToken = typeof window === 'undefined' ? null : parseHash(window.location.hash).params.get(PREVIEW_TOKEN_PARAM);

/** `#/payments?id=PAY-1` (plus the preview token when there is one). */
export function routeHref(key: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(name, value);
  if (initialToken) query.set(PREVIEW_TOKEN_PARAM, initialToken);
  const text = query.toString();
  return `#/${encodeURIComponent(key)}${text ? `?${text}` : ''}`;
}

export function navigate(key: string, params: Record<string, string | undefined> = {}): void {
  window.location.hash = routeHref(key, params);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash, getHash);
  return parseHash(hash);
}

/** One query parameter of the current route (e.g. the payment ID Payments should open). */
export function useRouteParam(name: string): string | undefined {
  return useRoute().params.get(name) ?? undefined;
}
