/**
 * The one seam between the console and wherever private keys live. Two implementations:
 * the OS keychain through keytar, and an explicit, clearly labelled in-memory store for a
 * session-only key. Neither ever writes a secret to disk in plain text.
 */
import type { KeychainStatus } from '../../../src-shared/contract';

/** Service name under which every keychain item of the console is filed. Tests pass a unique one. */
export const DEFAULT_KEYCHAIN_SERVICE = 'antom-ops-console';

export interface SecretStore {
  readonly kind: 'os-keychain' | 'session-memory';
  /** The stored secret, or undefined when there is none. */
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when an item was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Account names held under this store's service (never the secrets). */
  list(): Promise<string[]>;
  status(): Promise<KeychainStatus>;
}

/** Account holding a profile's merchant private key (normalised PKCS#8 base64). */
export function profileKeyAccount(profileName: string): string {
  return `profile:${profileName}`;
}

/** Account holding the embedded sandbox's own Antom private key for a profile. */
export function sandboxAntomKeyAccount(profileName: string): string {
  return `sandbox-antom:${profileName}`;
}
