import { describe, expect, it } from 'vitest';
import { buildBridge, OPERATION_NAMES, operationChannel } from '../../src-shared/bridge';

const PUSH_METHODS = ['onCallRecorded', 'onNotificationStored'];
import { operations } from '../../src-shared/contract';

describe('the window bridge', () => {
  it('lists exactly the contract operations', () => {
    expect([...OPERATION_NAMES].sort()).toEqual(Object.keys(operations).sort());
  });

  it('has one named method per operation and per push event, and no generic invoke', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridge = buildBridge(
      async (name, input) => {
        calls.push([operationChannel(name), input]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, ...PUSH_METHODS].sort());
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
    expect(Object.isFrozen(bridge)).toBe(true);

    await bridge.getAppStatus();
    await bridge.listProfiles({});
    expect(calls).toEqual([
      ['op:getAppStatus', {}],
      ['op:listProfiles', {}],
    ]);
  });
});
