import { expect, it, describe } from 'vitest';
import { SessionSecretStore } from '../../../src-main/core/keychain/session-secret-store';

describe('SessionSecretStore', () => {
  it('holds secrets in memory only and says so in its status', async () => {
    const store = new SessionSecretStore();
    expect(store.kind).toBe('session-memory');
    await store.set('profile:x', 'secret');
    expect(await store.get('profile:x')).toBe('secret');
    expect(await store.list()).toEqual(['profile:x']);
    expect(await store.delete('profile:x')).toBe(true);
    expect(await store.delete('profile:x')).toBe(false);
    expect(await store.get('profile:x')).toBeUndefined();

    const status = await store.status();
    expect(status.backend).toBe('session-memory');
    expect(status.available).toBe(true);
    expect(status.description).toMatch(/vanish when the app exits/);
    expect(status.description).toMatch(/never written to disk/);
  });

  it('does not share secrets between instances (each app run starts empty)', async () => {
    const a = new SessionSecretStore();
    await a.set('profile:x', 'secret');
    expect(await new SessionSecretStore().get('profile:x')).toBeUndefined();
  });
});
