/**
 * The Overview's chart series, shaped from the stats once: the page's "Show as table" views and
 * the lazily loaded charts (overview-charts.tsx) read the same rows.
 */
import type { OverviewStats } from '../../../src-shared/contract';
import { statusTone } from '../../components/status-badge';
import { formatLocalTime } from '../../format/time';
import type { ChartColors } from './chart-colors';

export type OverviewChartKind = 'payments' | 'latency' | 'codes' | 'notifications';

interface LatencyPoint {
  label: string;
  calls: number;
  p50: number | null;
  p95: number | null;
}

export function latencySeries(stats: OverviewStats): LatencyPoint[] {
  // Empty buckets are gaps, not 0 ms: a line dropping to zero would read as "fast".
  return stats.latency.map((b) => ({ calls: b.calls, p50: b.calls > 0 ? b.p50 : null, p95: b.calls > 0 ? b.p95 : null, label: formatLocalTime(b.bucketStart, true) }));
}

export function codeSeries(stats: OverviewStats) {
  return stats.topResultCodes.map((c) => ({ ...c, label: `${c.resultStatus} ${c.resultCode}` }));
}

export function notificationSeries(stats: OverviewStats) {
  return [
    { kind: 'Verified', count: stats.notifications.verified },
    { kind: 'Rejected', count: stats.notifications.rejected },
    { kind: 'Duplicates', count: stats.notifications.duplicates },
  ];
}

export function toneColor(colors: ChartColors, status: string): string {
  return { ok: colors.ok, bad: colors.bad, pending: colors.pending, neutral: colors.series[0] }[statusTone(status)];
}
