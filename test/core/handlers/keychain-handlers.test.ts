/**
 * The key operations through the handler table with the real OS keychain (test/run-tests.sh
 * starts a private gnome-keyring): keys go to the keychain under the core's service, come back
 * only as public keys, and leave with the profile.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithKeyring, secretToolAccounts, uniqueService } from '../../support/keyring-env';
import { vectors } from '../../support/signature-vectors';
import { startKit, type HandlerKit } from './handler-kit';

describeWithKeyring('key handlers with the OS keychain', () => {
  const service = uniqueService('handlers');
  let kit: HandlerKit;
  beforeAll(async () => {
    kit = await startKit({ secrets: undefined, secretServiceName: service, startEmbeddedSandbox: false, startReceiver: false });
  });
  afterAll(async () => {
    await kit.close();
  });

  it('imports into the keychain, returns only the public key, and deletes with the profile', async () => {
    await kit.ok('createProfile', { name: 'Acme', environment: 'sandbox', region: 'SG', clientId: 'SANDBOX_ACME' });
    const imported = await kit.ok('importPrivateKey', { profile: 'Acme', keyText: vectors.keys.merchant.privateKeyPkcs8Base64 });
    expect(imported.merchantPublicKey).toBe(vectors.keys.merchant.publicKeyX509Base64);
    expect(secretToolAccounts(service)).toContain('profile:Acme');
    const status = await kit.ok('getAppStatus', {});
    expect(status.keychain).toMatchObject({ backend: 'os-keychain', available: true });
    expect((await kit.ok('listProfiles', {})).find((p) => p.name === 'Acme')?.keyStorage).toBe('keychain');
    await kit.ok('deleteProfile', { name: 'Acme' });
    expect(secretToolAccounts(service)).not.toContain('profile:Acme');
  });
});
