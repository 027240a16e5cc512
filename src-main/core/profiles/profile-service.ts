/**
 * Profiles: metadata in profiles.json, private keys in the OS keychain (or, when the user asks,
 * in this session's memory). The one place that decides where a key goes, so that:
 * - a key is stored only after it parsed, is RSA >= 2048 and matches the known public key;
 * - when the keychain cannot be used, nothing is stored anywhere unless the user chose
 *   session-only (the embedded sandbox's throwaway keys are the one automatic exception);
 * - deleting a profile removes its keychain items first, so no secret is ever orphaned.
 */
import type { KeyObject } from 'node:crypto';
import type { ProfileSummary } from '../../../src-shared/contract';
import { profileNameSchema } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { parsePrivateKey, parsePublicKey, assertKeyPairMatches, type ParsedPrivateKey } from '../keys/parse-keys';
import { generateRsaKeyPair, toPem } from '../keys/generate-key-pair';
import { profileKeyAccount, sandboxAntomKeyAccount, type SecretStore } from '../keychain/secret-store';
import type { SessionSecretStore } from '../keychain/session-secret-store';
import { ProfileStore } from './profile-store';
import type { KeyStorage, ProfileRecord, ProfilesFile } from './profile-record';
import { validateCreateProfile, type CreateProfileInput } from './profile-input';
import { EMBEDDED_CLIENT_ID, EMBEDDED_PROFILE_NAME } from './embedded-profile';

interface ProfileServiceOptions {
  dataDir: string;
  /** The OS keychain (KeytarSecretStore in the app). */
  secrets: SecretStore;
  /** This process's memory, for keys the user chose to keep for this session only. */
  sessionSecrets: SessionSecretStore;
}

interface KeyStorageOptions {
  /** Keep the key in memory until the app exits instead of the OS keychain. */
  sessionOnly?: boolean;
}

interface ImportKeyOptions extends KeyStorageOptions {
  /**
   * Replace a key whose public half is already on record (key rotation). Without it, a key
   * that does not match the recorded merchant public key is refused.
   */
  replaceExisting?: boolean;
}

interface CreateProfileResult {
  profile: ProfileSummary;
  /** Probable mistakes that were allowed (e.g. a sandbox client-id without SANDBOX_). */
  warnings: string[];
}

function notFound(name: string): ConsoleError {
  return new ConsoleError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`, 'List profiles with `antom-ops profiles list`, or create one with `antom-ops profiles create`.', { name });
}

function keychainError(error: unknown): error is ConsoleError {
  return error instanceof ConsoleError && (error.code === 'KEYCHAIN_UNAVAILABLE' || error.code === 'KEYCHAIN_LOCKED' || error.code === 'KEYCHAIN_FAILED');
}

export class ProfileService {
  readonly store: ProfileStore;
  private readonly secrets: SecretStore;
  private readonly sessionSecrets: SessionSecretStore;

  constructor(options: ProfileServiceOptions) {
    this.store = new ProfileStore(options.dataDir);
    this.secrets = options.secrets;
    this.sessionSecrets = options.sessionSecrets;
  }

  async list(): Promise<ProfileSummary[]> {
    const file = await this.store.read();
    const keychainAccounts = await this.keychainAccountsIfNeeded(file);
    const sessionAccounts = new Set(await this.sessionSecrets.list());
    return file.profiles.map((record) => this.summarise(record, file.active, keychainAccounts, sessionAccounts));
  }

  async get(name: string): Promise<ProfileSummary> {
    const summary = (await this.list()).find((p) => p.name === name);
    if (!summary) throw notFound(name);
    return summary;
  }

  async getActive(): Promise<ProfileSummary | undefined> {
    return (await this.list()).find((p) => p.active);
  }

  async setActive(name: string): Promise<ProfileSummary> {
    await this.store.update((file) => {
      if (!file.profiles.some((p) => p.name === name)) throw notFound(name);
      file.active = name;
    });
    return this.get(name);
  }

  async create(raw: CreateProfileInput): Promise<CreateProfileResult> {
    const { input, warnings } = validateCreateProfile(raw);
    // Normalise Antom's key before anything is written, so a bad key stores nothing.
    const antomPublicKey = input.antomPublicKey === undefined ? undefined : parsePublicKey(input.antomPublicKey).spkiBase64;
    await this.store.update((file) => {
      if (file.profiles.some((p) => p.name.toLowerCase() === input.name.toLowerCase())) {
        throw new ConsoleError('PROFILE_EXISTS', `A profile named "${input.name}" already exists.`, 'Pick another name, or delete the existing profile first.', { name: input.name });
      }
      const record: ProfileRecord = {
        name: input.name,
        environment: input.environment,
        region: input.region,
        clientId: input.clientId,
        keyVersion: input.keyVersion,
        readOnly: input.readOnly,
        createdAt: new Date().toISOString(),
      };
      if (input.baseUrl !== undefined) record.baseUrl = input.baseUrl;
      if (antomPublicKey !== undefined) record.antomPublicKey = antomPublicKey;
      if (input.notifyUrl !== undefined) record.notifyUrl = input.notifyUrl;
      file.profiles.push(record);
      if (file.active === null) file.active = record.name;
    });
    return { profile: await this.get(input.name), warnings };
  }

  async importPrivateKey(name: string, keyText: string, options: ImportKeyOptions = {}): Promise<{ merchantPublicKey: string }> {
    const record = await this.record(name);
    const parsed = parsePrivateKey(keyText);
    if (record.merchantPublicKey !== undefined && !options.replaceExisting) assertKeyPairMatches(parsed, record.merchantPublicKey);
    await this.storeMerchantKey(record, parsed, options);
    return { merchantPublicKey: parsed.publicKeyBase64 };
  }

  async generateKeyPair(name: string, options: KeyStorageOptions = {}): Promise<{ merchantPublicKey: string; merchantPublicKeyPem: string }> {
    const record = await this.record(name);
    const parsed = await generateRsaKeyPair();
    await this.storeMerchantKey(record, parsed, options);
    return { merchantPublicKey: parsed.publicKeyBase64, merchantPublicKeyPem: toPem(parsed.publicKeyBase64, 'PUBLIC KEY') };
  }

  async setAntomPublicKey(name: string, text: string): Promise<ProfileSummary> {
    const spki = parsePublicKey(text).spkiBase64;
    await this.updateRecord(name, (record) => {
      record.antomPublicKey = spki;
    });
    return this.get(name);
  }

  /** Read-only profiles refuse every money-moving operation in main, whatever the page shows. */
  async setReadOnly(name: string, readOnly: boolean): Promise<ProfileSummary> {
    await this.updateRecord(name, (record) => {
      record.readOnly = readOnly;
    });
    return this.get(name);
  }

  async delete(name: string): Promise<void> {
    const record = await this.record(name);
    // Keychain first: if it fails, the metadata stays so the user can retry and nothing is orphaned.
    for (const account of [profileKeyAccount(name), sandboxAntomKeyAccount(name)]) {
      try {
        await this.secrets.delete(account);
      } catch (error) {
        // A profile whose keys never went to the keychain may be deleted without one.
        const neverInKeychain = record.keyStorage !== 'keychain' && error instanceof ConsoleError && error.code === 'KEYCHAIN_UNAVAILABLE';
        if (!neverInKeychain) throw error;
      }
      await this.sessionSecrets.delete(account);
    }
    await this.store.update((file) => {
      file.profiles = file.profiles.filter((p) => p.name !== name);
      if (file.active === name) file.active = file.profiles[0]?.name ?? null;
    });
  }

  /** Core-internal: the client signs with this. Never crosses a door. */
  async loadPrivateKey(name: string): Promise<KeyObject> {
    const record = await this.record(name);
    const secret = await this.readSecret(record, profileKeyAccount(name));
    if (secret === undefined) {
      const hint =
        record.keyStorage === 'session'
          ? `The key for "${name}" was kept for a previous session only. Import it again (antom-ops keys import --profile "${name}" ...).`
          : `Import the merchant private key for "${name}" (antom-ops keys import --profile "${name}" --private-key FILE) or generate a new pair.`;
      throw new ConsoleError('KEY_MISSING', `Profile "${name}" has no merchant private key.`, hint, { name });
    }
    return parsePrivateKey(secret).keyObject;
  }

  /** Core-internal: the embedded sandbox's own Antom private key (PKCS#8 base64), to sign as Antom. */
  async loadSandboxAntomKey(name: string): Promise<string> {
    const record = await this.record(name);
    const secret = await this.readSecret(record, sandboxAntomKeyAccount(name));
    if (secret === undefined) {
      throw new ConsoleError('KEY_MISSING', `Profile "${name}" has no embedded-sandbox Antom key.`, 'Restart the console: the embedded sandbox profile regenerates its keys when they are missing.', { name });
    }
    return secret;
  }

  /**
   * The profile a fresh install starts on: the embedded sandbox with freshly generated keys for
   * both sides. Idempotent. If its keys are gone (e.g. they were session-only last run), new
   * ones are generated only when `replaceMissingKeys` says this process will run the sandbox:
   * keys this process cannot read may live in the memory of a running console, and replacing
   * them would make its every signed call fail. Without it an existing profile is left as it is.
   */
  async ensureDefaultEmbeddedProfile(options: { replaceMissingKeys?: boolean } = {}): Promise<ProfileSummary> {
    const file = await this.store.read();
    const existing = file.profiles.find((p) => p.name === EMBEDDED_PROFILE_NAME);
    if (existing) {
      const keysOnRecord = existing.merchantPublicKey !== undefined && existing.antomPublicKey !== undefined;
      if (keysOnRecord && options.replaceMissingKeys !== true) {
        // Not ours to replace; whether this process can read them is its own business.
        if (file.active === null) return this.setActive(existing.name);
        return this.get(existing.name);
      }
      const merchant = await this.readSecretOrUndefined(existing, profileKeyAccount(existing.name));
      const antom = await this.readSecretOrUndefined(existing, sandboxAntomKeyAccount(existing.name));
      if (merchant !== undefined && antom !== undefined && keysOnRecord) {
        if (file.active === null) return this.setActive(existing.name);
        return this.get(existing.name);
      }
      if (existing.environment !== 'embedded') {
        throw new ConsoleError('PROFILE_INVALID', `The profile "${EMBEDDED_PROFILE_NAME}" is not an embedded-sandbox profile.`, 'Rename or delete that profile so the console can create its embedded sandbox profile.', { name: existing.name });
      }
    }

    const merchant = await generateRsaKeyPair();
    const antom = await generateRsaKeyPair();
    const keyStorage = await this.storeSandboxKeys(merchant.pkcs8Base64, antom.pkcs8Base64);
    await this.store.update((current) => {
      let record = current.profiles.find((p) => p.name === EMBEDDED_PROFILE_NAME);
      if (!record) {
        record = { name: EMBEDDED_PROFILE_NAME, environment: 'embedded', region: 'LOCAL', clientId: EMBEDDED_CLIENT_ID, keyVersion: '1', readOnly: false, createdAt: new Date().toISOString() };
        current.profiles.push(record);
      }
      record.merchantPublicKey = merchant.publicKeyBase64;
      record.antomPublicKey = antom.publicKeyBase64;
      record.keyStorage = keyStorage;
      if (current.active === null) current.active = EMBEDDED_PROFILE_NAME;
    });
    return this.get(EMBEDDED_PROFILE_NAME);
  }

  // --- internals -------------------------------------------------------------------------

  private async record(name: string): Promise<ProfileRecord> {
    if (!profileNameSchema.safeParse(name).success) throw notFound(name);
    const record = (await this.store.read()).profiles.find((p) => p.name === name);
    if (!record) throw notFound(name);
    return record;
  }

  private async updateRecord(name: string, change: (record: ProfileRecord) => void): Promise<void> {
    await this.store.update((file) => {
      const record = file.profiles.find((p) => p.name === name);
      if (!record) throw notFound(name);
      change(record);
    });
  }

  private storeFor(storage: KeyStorage | undefined): SecretStore | undefined {
    if (storage === 'keychain') return this.secrets;
    if (storage === 'session') return this.sessionSecrets;
    return undefined;
  }

  private async readSecret(record: ProfileRecord, account: string): Promise<string | undefined> {
    return this.storeFor(record.keyStorage)?.get(account);
  }

  /** For idempotency checks: an unreachable keychain counts as "no key here". */
  private async readSecretOrUndefined(record: ProfileRecord, account: string): Promise<string | undefined> {
    try {
      return await this.readSecret(record, account);
    } catch (error) {
      if (keychainError(error)) return undefined;
      throw error;
    }
  }

  private async storeMerchantKey(record: ProfileRecord, parsed: ParsedPrivateKey, options: KeyStorageOptions): Promise<void> {
    const account = profileKeyAccount(record.name);
    const storage: KeyStorage = options.sessionOnly ? 'session' : 'keychain';
    const target = this.storeFor(storage)!;
    // If the keychain refuses, its typed error (hint: --session-only) propagates and nothing is stored.
    await target.set(account, parsed.pkcs8Base64);
    try {
      await this.updateRecord(record.name, (r) => {
        r.merchantPublicKey = parsed.publicKeyBase64;
        r.keyStorage = storage;
      });
    } catch (error) {
      // Metadata could not record the key: take the secret back out so it is not orphaned.
      await target.delete(account).catch(() => undefined);
      throw error;
    }
    // The key now lives in one place only.
    if (storage === 'keychain') {
      await this.sessionSecrets.delete(account);
    } else if (record.keyStorage === 'keychain') {
      await this.secrets.delete(account).catch((error: unknown) => {
        if (!(error instanceof ConsoleError && error.code === 'KEYCHAIN_UNAVAILABLE')) throw error;
      });
    }
  }

  /** Both sandbox keys in the keychain, or (keychain unusable) both in session memory. */
  private async storeSandboxKeys(merchantPkcs8: string, antomPkcs8: string): Promise<KeyStorage> {
    const merchantAccount = profileKeyAccount(EMBEDDED_PROFILE_NAME);
    const antomAccount = sandboxAntomKeyAccount(EMBEDDED_PROFILE_NAME);
    try {
      await this.secrets.set(merchantAccount, merchantPkcs8);
      await this.secrets.set(antomAccount, antomPkcs8);
      return 'keychain';
    } catch (error) {
      if (!keychainError(error)) throw error;
      await this.secrets.delete(merchantAccount).catch(() => undefined);
      await this.sessionSecrets.set(merchantAccount, merchantPkcs8);
      await this.sessionSecrets.set(antomAccount, antomPkcs8);
      return 'session';
    }
  }

  private async keychainAccountsIfNeeded(file: ProfilesFile): Promise<Set<string> | undefined> {
    if (!file.profiles.some((p) => p.keyStorage === 'keychain')) return new Set();
    try {
      return new Set(await this.secrets.list());
    } catch (error) {
      // Unreachable keychain: we cannot tell; report where the key was put (status explains why).
      if (keychainError(error)) return undefined;
      throw error;
    }
  }

  private summarise(record: ProfileRecord, active: string | null, keychainAccounts: Set<string> | undefined, sessionAccounts: Set<string>): ProfileSummary {
    const account = profileKeyAccount(record.name);
    let keyStorage: ProfileSummary['keyStorage'] = 'missing';
    if (record.keyStorage === 'keychain') keyStorage = keychainAccounts === undefined || keychainAccounts.has(account) ? 'keychain' : 'missing';
    else if (record.keyStorage === 'session') keyStorage = sessionAccounts.has(account) ? 'session' : 'missing';
    return {
      name: record.name,
      environment: record.environment,
      region: record.region,
      baseUrl: record.baseUrl,
      clientId: record.clientId,
      keyVersion: record.keyVersion,
      antomPublicKey: record.antomPublicKey,
      merchantPublicKey: record.merchantPublicKey,
      notifyUrl: record.notifyUrl,
      readOnly: record.readOnly,
      keyStorage,
      active: record.name === active,
    };
  }
}
