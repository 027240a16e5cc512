/** The payment detail's pure rules: polling runs collapse into one entry; when stored state is stale. */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../src-shared/journal-views';
import { collapsePollRuns } from '../../../../src-renderer/dashboards/payments/poll-runs';
import { isStale } from '../../../../src-renderer/dashboards/payments/staleness';

const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 7, 0, s)).toISOString();
function event(kind: TimelineEvent['kind'], second: number, status: string | null = null): TimelineEvent {
  return { kind, at: at(second), source: 'call', ref: second, summary: `${kind} ${second}`, resultStatus: 'S', resultCode: 'SUCCESS', status, amount: null };
}

describe('collapsePollRuns', () => {
  it('turns a 30-second poll of 16 inquiries into one entry with the status path', () => {
    const polls = Array.from({ length: 16 }, (_, i) => event('inquiry', 2 + i * 2, i < 15 ? 'PROCESSING' : 'SUCCESS'));
    const items = collapsePollRuns([event('session', 0), ...polls, event('notification', 40)]);
    expect(items.map((i) => i.kind)).toEqual(['event', 'poll-run', 'event']);
    const run = items[1]!;
    if (run.kind !== 'poll-run') throw new Error('expected a run');
    expect(run.events).toHaveLength(16);
    expect(run.statuses).toEqual(['PROCESSING', 'SUCCESS']);
    expect([run.from, run.to]).toEqual([at(2), at(32)]);
  });

  it('keeps one or two inquiries, and splits runs at a long gap or another event', () => {
    expect(collapsePollRuns([event('inquiry', 0), event('inquiry', 2)]).map((i) => i.kind)).toEqual(['event', 'event']);
    const split = collapsePollRuns([event('inquiry', 0), event('inquiry', 2), event('inquiry', 4), event('inquiry', 30), event('inquiry', 32), event('inquiry', 34)]);
    expect(split.map((i) => i.kind)).toEqual(['poll-run', 'poll-run']);
    const interrupted = collapsePollRuns([event('inquiry', 0), event('inquiry', 2), event('capture', 3), event('inquiry', 4)]);
    expect(interrupted.map((i) => i.kind)).toEqual(['event', 'event', 'event', 'event']);
  });
});

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
