/** The sandbox tools' form rules: the fault and clock jump the fields mean, or why not yet. */
import { describe, expect, it } from 'vitest';
import { readClockJump, readFault, type FaultFields } from '../../../../src-renderer/dashboards/sessions/sandbox-tool-rules';
import { sandboxFaultInputSchema } from '../../../../src-shared/sandbox-tools';

const fields = (patch: Partial<FaultFields>): FaultFields => ({ kind: 'http5xx', api: 'capture', countText: '1', latencyText: '2000', statusText: '503', mode: 'changedBody', ...patch });

describe('readFault', () => {
  it('builds only the fields of the chosen kind, each one the contract accepts', () => {
    const cases: Array<[Partial<FaultFields>, unknown]> = [
      [{}, { kind: 'http5xx', status: 503, api: 'capture', count: 1 }],
      [{ kind: 'latency', api: '', countText: '' }, { kind: 'latency', latencyMs: 2000 }],
      [{ kind: 'wrongSignature', mode: 'otherKey' }, { kind: 'wrongSignature', mode: 'otherKey', api: 'capture', count: 1 }],
      [{ kind: 'dropAfterApply', statusText: 'junk' }, { kind: 'dropAfterApply', api: 'capture', count: 1 }],
    ];
    for (const [patch, expected] of cases) {
      const read = readFault(fields(patch));
      expect(read).toEqual({ fault: expected });
      if ('fault' in read) expect(sandboxFaultInputSchema.safeParse(read.fault).success).toBe(true);
    }
  });

  it('says which field is wrong instead of sending', () => {
    expect(readFault(fields({ countText: '0' }))).toEqual({ errors: { count: expect.stringContaining('1 to 1000') } });
    expect(readFault(fields({ countText: '1.5' }))).toHaveProperty('errors.count');
    expect(readFault(fields({ statusText: '404' }))).toEqual({ errors: { status: 'An HTTP status from 500 to 599.' } });
    expect(readFault(fields({ kind: 'latency', latencyText: '200000' }))).toEqual({ errors: { latency: 'Milliseconds from 1 to 120000.' } });
  });
});

describe('readClockJump', () => {
  it('accepts up to 366 days in minutes or hours and nothing else', () => {
    expect(readClockJump('90', 'minutes')).toEqual({ amount: 90, unit: 'minutes' });
    expect(readClockJump(' 8784 ', 'hours')).toEqual({ amount: 8784, unit: 'hours' });
    expect(readClockJump('8785', 'hours')).toHaveProperty('error');
    expect(readClockJump('0', 'minutes')).toHaveProperty('error');
    expect(readClockJump('-5', 'minutes')).toHaveProperty('error');
    expect(readClockJump('', 'hours')).toHaveProperty('error');
  });
});
