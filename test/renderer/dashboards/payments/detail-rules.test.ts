/** The payment detail's pure rule for when the stored state is stale (a background inquiry follows). */
import { describe, expect, it } from 'vitest';
import { isStale } from '../../../../src-renderer/dashboards/payments/staleness';

const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 7, 0, s)).toISOString();

describe('isStale', () => {
  const now = Date.parse(at(0)) + 3_600_000;
  it('asks again for states Antom may still change after 60 s, settled ones after 15 min, final ones never', () => {
    expect(isStale('PROCESSING', new Date(now - 61_000).toISOString(), now)).toBe(true);
    expect(isStale('AUTHORISED', new Date(now - 30_000).toISOString(), now)).toBe(false);
    expect(isStale('PAID', new Date(now - 10 * 60_000).toISOString(), now)).toBe(false);
    expect(isStale('PAID', new Date(now - 16 * 60_000).toISOString(), now)).toBe(true);
    expect(isStale('FAILED', new Date(now - 86_400_000).toISOString(), now)).toBe(false);
    expect(isStale('CANCELLED', undefined, now)).toBe(false);
    expect(isStale('UNKNOWN', undefined, now)).toBe(true);
  });
});
