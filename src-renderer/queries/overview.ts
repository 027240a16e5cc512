/** Overview statistics for a time range. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { getBridge, unwrap } from '../bridge/client';

export type OverviewRange = '1h' | '24h' | '7d';

export const OVERVIEW_RANGES: ReadonlyArray<{ key: OverviewRange; label: string; ms: number; buckets: number }> = [
  { key: '1h', label: 'Last hour', ms: 3_600_000, buckets: 12 },
  { key: '24h', label: 'Last 24 hours', ms: 86_400_000, buckets: 24 },
  { key: '7d', label: 'Last 7 days', ms: 7 * 86_400_000, buckets: 28 },
];

export const overviewKeys = {
  all: ['overview'] as const,
  range: (range: OverviewRange) => ['overview', range] as const,
};

/** The range the Overview opens on. */
export const DEFAULT_OVERVIEW_RANGE: OverviewRange = '24h';

/** Shared by the hook and the first-screen prefetch (queries/first-screen.ts). */
export function overviewQuery(range: OverviewRange) {
  return queryOptions({
    queryKey: overviewKeys.range(range),
    queryFn: async () => {
      const spec = OVERVIEW_RANGES.find((r) => r.key === range) ?? OVERVIEW_RANGES[0]!;
      // "until" a minute ahead so calls made this second are inside the range despite clock skew.
      const until = new Date(Date.now() + 60_000);
      const since = new Date(until.getTime() - spec.ms - 60_000);
      return unwrap(await getBridge().getOverview({ since: since.toISOString(), until: until.toISOString(), buckets: spec.buckets }));
    },
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useOverview(range: OverviewRange) {
  return useQuery(overviewQuery(range));
}
