/**
 * Session-only secrets: a Map in this process's memory. It is the explicit choice for a
 * machine without a reachable keychain; the key is gone when the app exits, by design, and
 * nothing here ever touches the disk.
 */
import type { KeychainStatus } from '../../../src-shared/contract';
import type { SecretStore } from './secret-store';

const SESSION_STORE_DESCRIPTION = 'Session memory only: keys kept here vanish when the app exits and are never written to disk.';

export class SessionSecretStore implements SecretStore {
  readonly kind = 'session-memory' as const;
  private readonly secrets = new Map<string, string>();

  async get(account: string): Promise<string | undefined> {
    return this.secrets.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.secrets.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.secrets.keys()];
  }

  async status(): Promise<KeychainStatus> {
    return { backend: 'session-memory', available: true, description: SESSION_STORE_DESCRIPTION, error: undefined };
  }
}
