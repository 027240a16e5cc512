/**
 * Private keys in the OS keychain through keytar: Secret Service (libsecret) on Linux, the
 * macOS Keychain, the Windows Credential Manager.
 *
 * keytar is a native addon loaded lazily, on first use, so a machine without libsecret still
 * runs every command that does not need the keychain (sign/verify from files, the sandbox).
 *
 * Before the first read or listing we prove the keychain is usable by writing and deleting a
 * probe item. Measured on gnome-keyring without a prompter (headless): a locked keyring makes
 * getPassword answer null (indistinguishable from "no key") and findCredentials crash the
 * process, while setPassword fails cleanly with "Cannot create an item in a locked collection".
 * The write probe turns that state into a KEYCHAIN_LOCKED error instead of a wrong answer or
 * a crash. A success is remembered; any later failure forgets it so the next call re-probes.
 */
import { randomUUID } from 'node:crypto';
import type { KeychainStatus } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { keychainUnavailableModule, mapKeytarError } from './keytar-errors';
import { DEFAULT_KEYCHAIN_SERVICE, type SecretStore } from './secret-store';

/** The part of keytar we use; also what a custom loader must return. */
interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use a unique one per run. */
  service?: string;
  /** How to load keytar (default: dynamic import of the installed module). */
  loadKeytar?: () => Promise<unknown>;
  platform?: NodeJS.Platform;
}

/** Account used only to prove the keychain accepts writes; never listed. */
export const PROBE_ACCOUNT = '__antom-ops-probe__';
/** Appended to the profiles' service name for the write probe's items. */
const PROBE_SERVICE_SUFFIX = '.probe';

function keychainDescription(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'Secret Service via keytar (libsecret)';
}

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'].every((name) => typeof v[name] === 'function');
}

export class KeytarSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;
  readonly service: string;
  private readonly loadKeytar: () => Promise<unknown>;
  private readonly platform: NodeJS.Platform;
  private keytar: Promise<KeytarApi> | undefined;
  private verified = false;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
    this.loadKeytar = options.loadKeytar ?? (() => import('keytar'));
    this.platform = options.platform ?? process.platform;
  }

  async get(account: string): Promise<string | undefined> {
    return this.run('read a key', async (k) => {
      await this.ensureUsable(k);
      const secret = await k.getPassword(this.service, account);
      return secret ?? undefined;
    });
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run('store a key', async (k) => {
      await k.setPassword(this.service, account, secret);
      this.verified = true;
    });
  }

  async delete(account: string): Promise<boolean> {
    return this.run('delete a key', async (k) => {
      await this.ensureUsable(k);
      return k.deletePassword(this.service, account);
    });
  }

  async list(): Promise<string[]> {
    return this.run('list keys', async (k) => {
      await this.ensureUsable(k);
      const found = await k.findCredentials(this.service);
      return found.map((c) => c.account).filter((account) => !account.startsWith(PROBE_ACCOUNT));
    });
  }

  async status(): Promise<KeychainStatus> {
    const description = keychainDescription(this.platform);
    try {
      await this.run('check the keychain', (k) => this.ensureUsable(k));
      return { backend: 'os-keychain', available: true, description, error: undefined };
    } catch (error) {
      const typed = error instanceof ConsoleError ? error : mapKeytarError(error, 'check the keychain');
      return { backend: 'os-keychain', available: false, description, error: typed.toShape() };
    }
  }

  private async ensureUsable(k: KeytarApi): Promise<void> {
    if (this.verified) return;
    // The probe lives under its own service name and a per-process account: keytar's
    // findCredentials on the profiles' service can crash (libsecret: secret_value_get_text
    // assertion) when another process deletes an item of that service mid-listing, so no probe of
    // any process may ever appear in, or vanish from, the service the profiles are listed from.
    const probeAccount = `${PROBE_ACCOUNT}${process.pid}-${randomUUID()}`;
    await k.setPassword(`${this.service}${PROBE_SERVICE_SUFFIX}`, probeAccount, 'probe');
    await k.deletePassword(`${this.service}${PROBE_SERVICE_SUFFIX}`, probeAccount);
    this.verified = true;
  }

  private async run<T>(operation: string, body: (k: KeytarApi) => Promise<T>): Promise<T> {
    const k = await this.module();
    try {
      return await body(k);
    } catch (error) {
      this.verified = false;
      throw mapKeytarError(error, operation);
    }
  }

  private module(): Promise<KeytarApi> {
    this.keytar ??= this.loadKeytar().then(
      (loaded) => {
        const candidate = (loaded as { default?: unknown }).default ?? loaded;
        if (!isKeytarApi(candidate)) throw keychainUnavailableModule('it does not expose the keytar API');
        return candidate;
      },
      (error: unknown) => {
        throw keychainUnavailableModule(error instanceof Error ? error.message : String(error));
      },
    );
    // A failed load is not cached forever: the user may install libsecret and retry.
    this.keytar.catch(() => {
      this.keytar = undefined;
    });
    return this.keytar;
  }
}
