import { describe, expect, it } from 'vitest';
import { dispatchOperation, isOperationName } from '../../src-main/core/dispatch-operation';
import type { AppStatus, HandlerTable } from '../../src-shared/contract';
import { ConsoleError } from '../../src-shared/errors';

const status: AppStatus = {
  version: '0.1.0',
  dataDir: '/tmp/antom-ops',
  activeProfile: undefined,
  keychain: { backend: 'session-memory', available: true, description: 'memory', error: undefined },
  sandbox: { running: false, baseUrl: undefined },
  receiver: { running: false, url: undefined },
  door: 'electron',
};

function table(overrides: Partial<HandlerTable> = {}): HandlerTable & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getAppStatus: async () => {
      calls.push('getAppStatus');
      return status;
    },
    listProfiles: async () => {
      calls.push('listProfiles');
      return [];
    },
    ...overrides,
    // Only the operations these tests call are implemented; dispatch never reaches the others.
  } as HandlerTable & { calls: string[] };
}

describe('dispatchOperation', () => {
  it('runs the handler with validated input and returns its value', async () => {
    const handlers = table();
    expect(await dispatchOperation(handlers, 'getAppStatus', {})).toEqual({ ok: true, value: status });
    expect(handlers.calls).toEqual(['getAppStatus']);
  });

  it('treats a missing input as an empty one', async () => {
    expect(await dispatchOperation(table(), 'listProfiles', undefined)).toEqual({ ok: true, value: [] });
  });

  it('refuses an unknown operation without calling anything', async () => {
    const handlers = table();
    for (const name of ['deleteEverything', 'toString', '__proto__', 42]) {
      const result = await dispatchOperation(handlers, name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(result.error.hint).not.toBe('');
      }
    }
    expect(handlers.calls).toEqual([]);
  });

  it('refuses input the schema rejects and names the offending field', async () => {
    const handlers = table();
    const result = await dispatchOperation(handlers, 'getAppStatus', { privateKey: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message).toContain('getAppStatus');
    expect(result.error.details).toMatchObject({ operation: 'getAppStatus' });
    expect(JSON.stringify(result.error.details)).toContain('privateKey');
    expect(handlers.calls).toEqual([]);

    const notAnObject = await dispatchOperation(handlers, 'listProfiles', 'hello');
    expect(notAnObject.ok).toBe(false);
  });

  it('turns a ConsoleError from the handler into its shape, without a stack', async () => {
    const handlers = table({
      getAppStatus: async () => {
        throw new ConsoleError('KEYCHAIN_LOCKED', 'The keychain is locked.', 'Unlock your login keychain and try again.');
      },
    });
    const result = await dispatchOperation(handlers, 'getAppStatus', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'KEYCHAIN_LOCKED', message: 'The keychain is locked.', hint: 'Unlock your login keychain and try again.' },
    });
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('turns an unexpected throw into INTERNAL with a hint', async () => {
    const result = await dispatchOperation(
      table({
        listProfiles: async () => {
          throw new TypeError('boom');
        },
      }),
      'listProfiles',
      {},
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toContain('boom');
    expect(Object.keys(result.error)).not.toContain('stack');
  });

  it('knows exactly the contract operations', () => {
    expect(isOperationName('getAppStatus')).toBe(true);
    expect(isOperationName('hasOwnProperty')).toBe(false);
  });
});
