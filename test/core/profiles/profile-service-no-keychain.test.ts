/**
 * ProfileService where the OS keychain cannot be used (keytar's addon fails to load, the real
 * failure on a machine without libsecret), plus everything that does not touch a keychain:
 * session-only keys, validation and the profiles file itself.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { KeytarSecretStore } from '../../../src-main/core/keychain/keytar-secret-store';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';
import { ProfileService } from '../../../src-main/core/profiles/profile-service';
import { EMBEDDED_PROFILE_NAME } from '../../../src-main/core/profiles/embedded-profile';
import { uniqueService } from '../../support/keyring-env';
import { antom, dataDirContains, merchant, tempDataDir } from './profile-fixtures';

function unavailableKeychain(): KeytarSecretStore {
  const missing = join(import.meta.dirname, 'no-such-keytar-addon.js');
  return new KeytarSecretStore({ service: uniqueService('absent'), loadKeytar: () => import(/* @vite-ignore */ missing) });
}

let dataDir: { dir: string; cleanup: () => Promise<void> };
let session: SessionSecretStore;
let profiles: ProfileService;
const sandboxProfile = { name: 'Shop SG', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_5X00000000000000' } as const;

beforeEach(async () => {
  dataDir = await tempDataDir();
  session = new SessionSecretStore();
  profiles = new ProfileService({ dataDir: dataDir.dir, secrets: unavailableKeychain(), sessionSecrets: session });
});
afterEach(() => dataDir.cleanup());

describe('keychain unavailable', () => {
  it('refuses to import a key, says why and how (--session-only), and stores it nowhere', async () => {
    await profiles.create(sandboxProfile);
    const failure = profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Pem);
    await expect(failure).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', hint: expect.stringMatching(/--session-only/) });
    expect(await session.list()).toEqual([]);
    expect(await dataDirContains(dataDir.dir, merchant.privateKeyPkcs8Base64)).toBe(false);
    expect(await profiles.get('Shop SG')).toMatchObject({ keyStorage: 'missing', merchantPublicKey: undefined });
  });

  it('keeps an explicit session-only key in memory: usable now, gone for the next session, never on disk', async () => {
    await profiles.create(sandboxProfile);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs1Pem, { sessionOnly: true });
    expect((await profiles.get('Shop SG')).keyStorage).toBe('session');
    expect((await profiles.loadPrivateKey('Shop SG')).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(await dataDirContains(dataDir.dir, merchant.privateKeyPkcs8Base64)).toBe(false);

    const nextRun = new ProfileService({ dataDir: dataDir.dir, secrets: unavailableKeychain(), sessionSecrets: new SessionSecretStore() });
    expect((await nextRun.get('Shop SG')).keyStorage).toBe('missing');
    await expect(nextRun.loadPrivateKey('Shop SG')).rejects.toMatchObject({ code: 'KEY_MISSING', hint: expect.stringMatching(/previous session only/) });
  });

  it('deletes a session-only profile without a keychain', async () => {
    await profiles.create(sandboxProfile);
    await profiles.importPrivateKey('Shop SG', merchant.privateKeyPkcs8Base64, { sessionOnly: true });
    await profiles.delete('Shop SG');
    expect(await profiles.list()).toEqual([]);
    expect(await session.list()).toEqual([]);
  });

  it('keeps a keychain profile\'s metadata when its keychain items cannot be deleted', async () => {
    // Written by an earlier run that had a keychain.
    await writeFile(join(dataDir.dir, 'profiles.json'), JSON.stringify({
      version: 1, active: 'Shop SG',
      profiles: [{ name: 'Shop SG', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_1', keyVersion: '1', readOnly: false, keyStorage: 'keychain', merchantPublicKey: merchant.publicKeyX509Base64, createdAt: '2026-01-01T00:00:00.000Z' }],
    }));
    await expect(profiles.delete('Shop SG')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect((await profiles.list()).map((p) => p.name)).toEqual(['Shop SG']);
    // Where the key is cannot be checked; the recorded place is reported (keychain status says why).
    expect((await profiles.get('Shop SG')).keyStorage).toBe('keychain');
  });

  it('falls back to session memory for the embedded sandbox\'s throwaway keys, labelled so', async () => {
    const first = await profiles.ensureDefaultEmbeddedProfile();
    expect(first).toMatchObject({ name: EMBEDDED_PROFILE_NAME, keyStorage: 'session', active: true });
    expect(await profiles.ensureDefaultEmbeddedProfile()).toEqual(first);
    expect((await session.list()).sort()).toEqual([`profile:${EMBEDDED_PROFILE_NAME}`, `sandbox-antom:${EMBEDDED_PROFILE_NAME}`]);
    for (const secret of [await session.get(`profile:${EMBEDDED_PROFILE_NAME}`), await profiles.loadSandboxAntomKey(EMBEDDED_PROFILE_NAME)]) {
      expect(await dataDirContains(dataDir.dir, secret!)).toBe(false);
    }

    // Another process that will not run the sandbox (a CLI command) leaves those keys alone:
    // they may live in a running console's memory.
    const bystander = new ProfileService({ dataDir: dataDir.dir, secrets: unavailableKeychain(), sessionSecrets: new SessionSecretStore() });
    expect((await bystander.ensureDefaultEmbeddedProfile()).merchantPublicKey).toBe(first.merchantPublicKey);
    expect((await bystander.get(EMBEDDED_PROFILE_NAME)).antomPublicKey).toBe(first.antomPublicKey);

    // Next run of the console (it runs the sandbox): the session keys are gone, so fresh ones are made for the same profile.
    const nextRun = new ProfileService({ dataDir: dataDir.dir, secrets: unavailableKeychain(), sessionSecrets: new SessionSecretStore() });
    const second = await nextRun.ensureDefaultEmbeddedProfile({ replaceMissingKeys: true });
    expect(second).toMatchObject({ name: EMBEDDED_PROFILE_NAME, keyStorage: 'session', active: true });
    expect(second.merchantPublicKey).not.toBe(first.merchantPublicKey);
    expect(await nextRun.list()).toHaveLength(1);
  });
});

describe('profile creation', () => {
  it('stores metadata only, versioned, mode 0600, and the first profile becomes active', async () => {
    const { profile, warnings } = await profiles.create({ ...sandboxProfile, antomPublicKey: antom.publicKeyPem, notifyUrl: 'https://shop.example/notify' });
    expect(warnings).toEqual([]);
    expect(profile).toMatchObject({ name: 'Shop SG', keyVersion: '1', readOnly: false, keyStorage: 'missing', active: true, antomPublicKey: antom.publicKeyX509Base64, baseUrl: undefined });
    const file = JSON.parse(await readFile(profiles.store.path, 'utf8'));
    expect(file).toMatchObject({ version: 1, active: 'Shop SG' });
    expect((await stat(profiles.store.path)).mode & 0o777).toBe(0o600);
    expect((await readdir(dataDir.dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);

    await profiles.create({ name: 'Live', environment: 'production', region: 'NA', clientId: '2188120000000001', readOnly: true });
    expect((await profiles.getActive())?.name).toBe('Shop SG');
    expect((await profiles.setActive('Live')).active).toBe(true);
    expect((await profiles.getActive())?.name).toBe('Live');
  });

  it('warns (but allows) a sandbox client-id without SANDBOX_', async () => {
    const { warnings } = await profiles.create({ ...sandboxProfile, clientId: '2188120000000001' });
    expect(warnings.join(' ')).toMatch(/SANDBOX_/);
  });

  it.each([
    ['a CUSTOM region without a base URL', { name: 'C', environment: 'sandbox', region: 'CUSTOM', clientId: 'SANDBOX_1' }, 'baseUrl'],
    ['a base URL that is not http(s)', { name: 'C', environment: 'sandbox', region: 'CUSTOM', clientId: 'SANDBOX_1', baseUrl: 'ftp://x' }, 'baseUrl'],
    ['production over plain http', { name: 'C', environment: 'production', region: 'CUSTOM', clientId: '2188', baseUrl: 'http://gw.example' }, 'baseUrl'],
    ['a base URL on a fixed region', { name: 'C', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_1', baseUrl: 'https://gw.example' }, 'baseUrl'],
    ['a sandbox client-id on production', { name: 'C', environment: 'production', region: 'SG', clientId: 'SANDBOX_1' }, 'clientId'],
    ['a non-ASCII client-id', { name: 'C', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_商户' }, 'clientId'],
    ['a client-id over 64 characters', { name: 'C', environment: 'sandbox', region: 'SG', clientId: `SANDBOX_${'1'.repeat(60)}` }, 'clientId'],
    ['region LOCAL outside the embedded sandbox', { name: 'C', environment: 'sandbox', region: 'LOCAL', clientId: 'SANDBOX_1' }, 'region'],
    ['production notifications over http', { name: 'C', environment: 'production', region: 'SG', clientId: '2188', notifyUrl: 'http://shop.example/n' }, 'notifyUrl'],
    ['a bad profile name', { name: '../etc', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_1' }, 'name'],
  ] as const)('refuses %s, naming the field', async (_what, input, field) => {
    await expect(profiles.create(input)).rejects.toMatchObject({ code: 'PROFILE_INVALID', details: { field } });
    expect(await profiles.list()).toEqual([]);
  });

  it('refuses a duplicate name (case-insensitively) and a private key as the Antom public key', async () => {
    await profiles.create(sandboxProfile);
    await expect(profiles.create({ ...sandboxProfile, name: 'shop sg' })).rejects.toMatchObject({ code: 'PROFILE_EXISTS' });
    await expect(profiles.create({ ...sandboxProfile, name: 'Other', antomPublicKey: antom.privateKeyPkcs8Base64 })).rejects.toMatchObject({ code: 'KEY_WRONG_KIND' });
    expect(await readFile(profiles.store.path, 'utf8')).not.toContain(antom.privateKeyPkcs8Base64);
  });

  it('answers PROFILE_NOT_FOUND for an unknown profile', async () => {
    await expect(profiles.get('Nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await expect(profiles.importPrivateKey('Nope', merchant.privateKeyPkcs8Base64, { sessionOnly: true })).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    expect(await session.list()).toEqual([]);
  });
});

describe('a corrupt profiles.json', () => {
  it('is reported with its path and left alone until an explicit repair moves it aside', async () => {
    await writeFile(profiles.store.path, '{"version":1,"active":null,"profiles":[');
    await expect(profiles.list()).rejects.toMatchObject({ code: 'PROFILES_FILE_CORRUPT', message: expect.stringContaining(profiles.store.path), hint: expect.stringMatching(/repair/) });
    await expect(profiles.create(sandboxProfile)).rejects.toMatchObject({ code: 'PROFILES_FILE_CORRUPT' });
    expect(await readFile(profiles.store.path, 'utf8')).toBe('{"version":1,"active":null,"profiles":[');

    const { movedTo } = await profiles.store.repair();
    expect(movedTo).toMatch(/profiles\.json\.corrupt-/);
    expect(await readFile(movedTo!, 'utf8')).toBe('{"version":1,"active":null,"profiles":[');
    expect(await profiles.list()).toEqual([]);
    await profiles.create(sandboxProfile);
    expect(await profiles.list()).toHaveLength(1);
  });

  it('refuses a file whose shape is wrong, naming the field', async () => {
    await writeFile(profiles.store.path, JSON.stringify({ version: 1, active: null, profiles: [{ name: 'X', privateKey: 'oops' }] }));
    await expect(profiles.list()).rejects.toMatchObject({ code: 'PROFILES_FILE_CORRUPT', message: expect.stringMatching(/profiles\.0/) });
  });
});
