import { afterAll, expect, it } from 'vitest';
import { KeytarSecretStore, PROBE_ACCOUNT } from '../../../src-main/core/keychain/keytar-secret-store';
import { profileKeyAccount, sandboxAntomKeyAccount } from '../../../src-main/core/keychain/secret-store';
import { parsePrivateKey } from '../../../src-main/core/keys/parse-keys';
import { vectors } from '../../support/signature-vectors';
import { describeWithKeyring, secretToolAccounts, secretToolLookup, uniqueService } from '../../support/keyring-env';

describeWithKeyring('KeytarSecretStore against a real Secret Service', () => {
  const service = uniqueService('store');
  const store = new KeytarSecretStore({ service });
  const pkcs8 = parsePrivateKey(vectors.keys.merchant.privateKeyPkcs8Base64 as string).pkcs8Base64;

  afterAll(async () => {
    for (const account of await store.list()) await store.delete(account);
  });

  it('reports the OS keychain as available with a platform description', async () => {
    const status = await store.status();
    expect(status).toEqual({ backend: 'os-keychain', available: true, description: 'Secret Service via keytar (libsecret)', error: undefined });
    // The write probe leaves nothing behind.
    expect(secretToolAccounts(service)).toEqual([]);
  });

  it('stores a key that another libsecret client can see, reads it back, and deletes it', async () => {
    const account = profileKeyAccount('Round trip');
    await store.set(account, pkcs8);

    expect(secretToolAccounts(service)).toEqual([account]);
    expect(secretToolLookup(service, account)?.trimEnd()).toBe(pkcs8);
    expect(await store.get(account)).toBe(pkcs8);

    expect(await store.delete(account)).toBe(true);
    expect(secretToolAccounts(service)).toEqual([]);
    expect(await store.get(account)).toBeUndefined();
    expect(await store.delete(account)).toBe(false);
  });

  it('lists the accounts of its own service only, never the probe item', async () => {
    const other = new KeytarSecretStore({ service: uniqueService('other') });
    await store.set(profileKeyAccount('A'), 'secret-a');
    await store.set(sandboxAntomKeyAccount('A'), 'secret-b');
    await other.set(profileKeyAccount('B'), 'secret-c');
    try {
      expect((await store.list()).sort()).toEqual([profileKeyAccount('A'), sandboxAntomKeyAccount('A')].sort());
      expect(await store.list()).not.toContain(PROBE_ACCOUNT);
    } finally {
      await other.delete(profileKeyAccount('B'));
    }
  });

  it('overwrites an existing item instead of adding a second one', async () => {
    const account = profileKeyAccount('Overwrite');
    await store.set(account, 'first');
    await store.set(account, 'second');
    expect(await store.get(account)).toBe('second');
    expect(secretToolAccounts(service).filter((a) => a === account)).toHaveLength(1);
  });
});
