/**
 * What the client needs to make signed calls for one merchant profile. Built by the composition
 * root from profile metadata plus the private key read from the keychain; the key object lives
 * only here and is never logged, recorded or returned.
 */
import type { KeyObject } from 'node:crypto';
import { ConsoleError } from '../../../src-shared/errors';
import type { Environment } from '../../../src-shared/vocabulary';

export interface ClientProfile {
  name: string;
  environment: Environment;
  /** Gateway origin, e.g. https://open-sea-global.alipay.com or http://127.0.0.1:PORT. */
  baseUrl: string;
  clientId: string;
  keyVersion: string;
  privateKey: KeyObject;
  antomPublicKey: KeyObject | undefined;
  /** Per attempt; default 15000 like the official SDKs (API-FACTS f.4). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Sandbox path family for sandbox and embedded profiles (the embedded sandbox serves both, and
 * using the sandbox family makes it behave like Antom's), and for any SANDBOX_ client-id, as the
 * official SDKs decide (API-FACTS b.3).
 */
export function usesSandboxPaths(profile: Pick<ClientProfile, 'environment' | 'clientId'>): boolean {
  return profile.environment !== 'production' || profile.clientId.startsWith('SANDBOX_');
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** The gateway origin without a trailing slash; refuses shapes that would sign the wrong path. */
export function normaliseBaseUrl(baseUrl: string, environment: ClientProfile['environment']): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConsoleError('PROFILE_INVALID', `The gateway URL "${baseUrl}" is not a URL.`, 'Use an origin such as https://open-sea-global.alipay.com (no path).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConsoleError('PROFILE_INVALID', `The gateway URL must use https (got ${url.protocol}).`, 'Use an origin such as https://open-sea-global.alipay.com.');
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new ConsoleError('PROFILE_INVALID', `The gateway URL "${baseUrl}" has a path or query; Antom signs the path /ams/..., so a prefix would break every signature.`, 'Give only the origin, e.g. https://open-sea-global.alipay.com.');
  }
  if (url.protocol === 'http:' && environment === 'production' && !LOOPBACK.test(url.hostname)) {
    throw new ConsoleError('PROFILE_INVALID', 'A production gateway must use https; plain http would expose payment data on the network.', 'Use the https:// gateway URL for your region.');
  }
  return url.origin;
}
