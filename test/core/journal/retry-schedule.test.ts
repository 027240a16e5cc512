import { describe, expect, it } from 'vitest';
import { ANTOM_RETRY_INTERVALS_MS, retryInfo } from '../../../src-main/core/journal/retry-schedule';

describe("Antom's retry schedule", () => {
  const first = '2026-03-01T00:00:00.000Z';
  const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

  it('is 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h after the previous attempt, and nothing after the 8th', () => {
    expect(ANTOM_RETRY_INTERVALS_MS.map((ms) => ms / 60_000)).toEqual([0, 2, 10, 10, 60, 120, 360, 900]);
    let last = first;
    const dues: string[] = [];
    for (let attempts = 1; attempts <= 8; attempts++) {
      const info = retryInfo({ attempts, firstSeenAt: first, lastSeenAt: last, acknowledged: false }, new Date(last));
      if (attempts < 8) {
        expect(info.nextRetryDueAt).toBe(plus(last, ANTOM_RETRY_INTERVALS_MS[attempts]!));
        dues.push(info.nextRetryDueAt!);
        last = info.nextRetryDueAt!;
      } else {
        expect(info.nextRetryDueAt).toBeNull();
        expect(info.retriesLeft).toBe(0);
      }
    }
    expect(dues[0]).toBe('2026-03-01T00:02:00.000Z');
    expect(dues[dues.length - 1]).toBe('2026-03-02T00:22:00.000Z'); // 2+10+10+60+120+360+900 min
  });
});
