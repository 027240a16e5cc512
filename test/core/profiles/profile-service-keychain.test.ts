/** ProfileService over the REAL OS keychain (gnome-keyring started by test/run-tests.sh). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { stat, readFile } from 'node:fs/promises';
import { KeytarSecretStore } from '../../../src-main/core/keychain/keytar-secret-store';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';
import { ProfileService } from '../../../src-main/core/profiles/profile-service';
import { EMBEDDED_PROFILE_NAME } from '../../../src-main/core/profiles/embedded-profile';
import { describeWithKeyring, secretToolAccounts, secretToolLookup, uniqueService } from '../../support/keyring-env';
import { antom, dataDirContains, ecPrivateKeyPem, merchant, rsa1024PrivateKeyPem, tempDataDir } from './profile-fixtures';

describeWithKeyring('ProfileService with the OS keychain', () => {
  let service: string;
  let dataDir: { dir: string; cleanup: () => Promise<void> };
  let keychain: KeytarSecretStore;
  let profiles: ProfileService;

  beforeEach(async () => {
    service = uniqueService('profiles');
    dataDir = await tempDataDir();
    keychain = new KeytarSecretStore({ service });
    profiles = new ProfileService({ dataDir: dataDir.dir, secrets: keychain, sessionSecrets: new SessionSecretStore() });
  });

  afterEach(async () => {
    for (const account of await keychain.list()) await keychain.delete(account);
    await dataDir.cleanup();
  });

  const sandboxProfile = { name: 'Shop SG', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_5X00000000000000' } as const;

  it.each([
    ['single-line PKCS#8 base64 (Antom Dashboard)', merchant.privateKeyPkcs8Base64],
    ['PEM PKCS#8', merchant.privateKeyPkcs8Pem],
    ['PEM PKCS#1', merchant.privateKeyPkcs1Pem],
  ])('imports a %s into the keychain, never into profiles.json, and deletes it with the profile', async (_form, keyText) => {
    await profiles.create(sandboxProfile);
    const result = await profiles.importPrivateKey('Shop SG', keyText);
    expect(result).toEqual({ merchantPublicKey: merchant.publicKeyX509Base64 });

    // An independent libsecret client sees exactly one item, holding the normalised PKCS#8.
    expect(secretToolAccounts(service)).toEqual(['profile:Shop SG']);
    expect(secretToolLookup(service, 'profile:Shop SG')?.trimEnd()).toBe(merchant.privateKeyPkcs8Base64);

    const summary = await profiles.get('Shop SG');
    expect(summary).toMatchObject({ keyStorage: 'keychain', merchantPublicKey: merchant.publicKeyX509Base64, active: true, keyVersion: '1' });
    expect(await dataDirContains(dataDir.dir, merchant.privateKeyPkcs8Base64)).toBe(false);
    expect((await stat(profiles.store.path)).mode & 0o777).toBe(0o600);

    const key = await profiles.loadPrivateKey('Shop SG');
    expect(createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64')).toBe(merchant.publicKeyX509Base64);

    await profiles.delete('Shop SG');
    expect(secretToolAccounts(service)).toEqual([]);
    expect(await profiles.list()).toEqual([]);
    await expect(profiles.loadPrivateKey('Shop SG')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it.each([
    ['a public key where the private key belongs', merchant.publicKeyPem, 'KEY_WRONG_KIND'],
    ['an EC key', ecPrivateKeyPem, 'KEY_NOT_RSA'],
    ['an RSA-1024 key', rsa1024PrivateKeyPem, 'KEY_TOO_SHORT'],
    ['text that is not a key', 'hello, this is not a key', 'KEY_NOT_A_KEY'],
  ])('refuses %s and stores nothing', async (_what, keyText, code) => {
    await profiles.create(sandboxProfile);
    await expect(profiles.importPrivateKey('Shop SG', keyText)).rejects.toMatchObject({ code, hint: expect.any(String) });
    expect(secretToolAccounts(service)).toEqual([]);
    expect(await profiles.get('Shop SG')).toMatchObject({ keyStorage: 'missing', merchantPublicKey: undefined });
  });

  it('refuses a private key that does not match the merchant public key on record, keeping the old key', async () => {
    await profiles.create(sandboxProfile);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64);
    await expect(profiles.importPrivateKey('Shop SG', antom.privateKeyPkcs8Pem)).rejects.toMatchObject({ code: 'KEY_PAIR_MISMATCH' });
    expect(secretToolLookup(service, 'profile:Shop SG')?.trimEnd()).toBe(merchant.privateKeyPkcs8Base64);
    expect((await profiles.get('Shop SG')).merchantPublicKey).toBe(merchant.publicKeyX509Base64);

    // Rotation is an explicit choice.
    await profiles.importPrivateKey('Shop SG', antom.privateKeyPkcs8Pem, { replaceExisting: true });
    expect(secretToolLookup(service, 'profile:Shop SG')?.trimEnd()).toBe(antom.privateKeyPkcs8Base64);
    expect((await profiles.get('Shop SG')).merchantPublicKey).toBe(antom.publicKeyX509Base64);
  });

  it('generates an RSA-2048 pair, keeps the private half in the keychain and returns the public half to upload', async () => {
    await profiles.create(sandboxProfile);
    const { merchantPublicKey, merchantPublicKeyPem } = await profiles.generateKeyPair('Shop SG');
    expect(merchantPublicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPublicKey(merchantPublicKeyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(secretToolAccounts(service)).toEqual(['profile:Shop SG']);
    expect((await profiles.get('Shop SG')).merchantPublicKey).toBe(merchantPublicKey);
    const stored = secretToolLookup(service, 'profile:Shop SG')!.trimEnd();
    expect(await dataDirContains(dataDir.dir, stored)).toBe(false);
  });

  it('records the Antom public key in any form, and refuses a private key in its place', async () => {
    await profiles.create(sandboxProfile);
    expect((await profiles.setAntomPublicKey('Shop SG', antom.publicKeyPem)).antomPublicKey).toBe(antom.publicKeyX509Base64);
    await expect(profiles.setAntomPublicKey('Shop SG', antom.privateKeyPkcs8Base64)).rejects.toMatchObject({ code: 'KEY_WRONG_KIND' });
    expect((await profiles.get('Shop SG')).antomPublicKey).toBe(antom.publicKeyX509Base64);
    expect(await readFile(profiles.store.path, 'utf8')).not.toContain(antom.privateKeyPkcs8Base64);
  });

  it('moves a key between the keychain and session memory so it lives in one place only', async () => {
    await profiles.create(sandboxProfile);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64, { sessionOnly: true });
    expect(secretToolAccounts(service)).toEqual([]);
    expect((await profiles.get('Shop SG')).keyStorage).toBe('session');
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64);
    expect(secretToolAccounts(service)).toEqual(['profile:Shop SG']);
    expect((await profiles.get('Shop SG')).keyStorage).toBe('keychain');
  });

  it('creates the embedded sandbox profile once, with both key pairs in the keychain, and makes it active', async () => {
    const first = await profiles.ensureDefaultEmbeddedProfile();
    expect(first).toMatchObject({ name: EMBEDDED_PROFILE_NAME, environment: 'embedded', region: 'LOCAL', keyStorage: 'keychain', active: true, readOnly: false });
    expect(first.clientId).toMatch(/^SANDBOX_/);
    expect(secretToolAccounts(service)).toEqual([`profile:${EMBEDDED_PROFILE_NAME}`, `sandbox-antom:${EMBEDDED_PROFILE_NAME}`].sort());

    const again = await profiles.ensureDefaultEmbeddedProfile();
    expect(again).toEqual(first);
    expect(await profiles.list()).toHaveLength(1);

    // The two halves belong together: what the sandbox signs with matches the recorded Antom public key.
    const antomPkcs8 = await profiles.loadSandboxAntomKey(EMBEDDED_PROFILE_NAME);
    const antomPublic = createPublicKey(createPrivateKey({ key: Buffer.from(antomPkcs8, 'base64'), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' }).toString('base64');
    expect(antomPublic).toBe(first.antomPublicKey);
    const merchantKey = await profiles.loadPrivateKey(EMBEDDED_PROFILE_NAME);
    expect(createPublicKey(merchantKey).export({ format: 'der', type: 'spki' }).toString('base64')).toBe(first.merchantPublicKey);
    expect(first.antomPublicKey).not.toBe(first.merchantPublicKey);

    await profiles.delete(EMBEDDED_PROFILE_NAME);
    expect(secretToolAccounts(service)).toEqual([]);
  });

  it('reports a keychain key deleted behind its back as missing', async () => {
    await profiles.create(sandboxProfile);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64);
    await keychain.delete('profile:Shop SG');
    expect((await profiles.get('Shop SG')).keyStorage).toBe('missing');
    await expect(profiles.loadPrivateKey('Shop SG')).rejects.toMatchObject({ code: 'KEY_MISSING', hint: expect.stringMatching(/keys import/) });
  });
});
