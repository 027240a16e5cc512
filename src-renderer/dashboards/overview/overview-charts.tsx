/**
 * The Overview's four charts: the only module that imports recharts (~380 KB minified), loaded
 * lazily by overview-page.tsx after the figures and tables have painted, so the Overview is
 * usable before the charts arrive (issue 9: interactive Overview within 500 ms).
 */
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewStats } from '../../../src-shared/contract';
import type { ChartColors } from './chart-colors';
import { paymentsListHref } from './overview-drilldown';
import { codeSeries, latencySeries, notificationSeries, toneColor, type OverviewChartKind } from './overview-series';

export interface OverviewChartProps {
  kind: OverviewChartKind;
  stats: OverviewStats;
  colors: ChartColors;
}

export default function OverviewChart({ kind, stats, colors }: OverviewChartProps) {
  return <ResponsiveContainer width="100%" height="100%">{chartFor(kind, stats, colors)}</ResponsiveContainer>;
}

function chartFor(kind: OverviewChartKind, stats: OverviewStats, colors: ChartColors) {
  const axis = { stroke: colors.text, fontSize: 12 };
  switch (kind) {
    case 'payments':
      return (
        // Bars run sideways so every status keeps its label: standing bars dropped the labels
        // that would overlap (FAILED vanished between AUTHORISED and PARTIALLY_REFUNDED).
        <BarChart accessibilityLayer={false} data={stats.paymentsByStatus} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={axis} />
          <YAxis type="category" dataKey="status" width={140} interval={0} tick={axis} tickFormatter={statusLabel} />
          <Tooltip />
          <Bar dataKey="count" name="Payments" isAnimationActive={false} cursor="pointer" onClick={(bar) => { const status = (bar.payload as { status?: unknown } | undefined)?.status; if (typeof status === 'string') window.location.hash = paymentsListHref(stats, { status }); }}>
            {stats.paymentsByStatus.map((s) => <Cell key={s.status} fill={toneColor(colors, s.status)} />)}
          </Bar>
        </BarChart>
      );
    case 'latency':
      return (
        <LineChart accessibilityLayer={false} data={latencySeries(stats)} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis tick={axis} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="p50" name="p50" stroke={colors.series[0]} dot={{ r: 3 }} isAnimationActive={false} />
          <Line type="monotone" dataKey="p95" name="p95" stroke={colors.series[1]} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      );
    case 'codes': {
      const codes = codeSeries(stats);
      return (
        <BarChart accessibilityLayer={false} data={codes} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} tick={axis} />
          <YAxis type="category" dataKey="label" width={190} tick={axis} />
          <Tooltip />
          <Bar dataKey="count" name="Calls" isAnimationActive={false}>
            {codes.map((c) => <Cell key={c.label} fill={toneColor(colors, c.resultStatus)} />)}
          </Bar>
        </BarChart>
      );
    }
    case 'notifications':
      return (
        <BarChart accessibilityLayer={false} data={notificationSeries(stats)} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
          <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
          <XAxis dataKey="kind" tick={axis} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip />
          <Bar dataKey="count" name="Notifications" isAnimationActive={false}>
            <Cell fill={colors.ok} />
            <Cell fill={colors.bad} />
            <Cell fill={colors.pending} />
          </Bar>
        </BarChart>
      );
  }
}

/** PARTIALLY_REFUNDED reads as the status badges do: PARTIALLY REFUNDED. */
function statusLabel(status: unknown): string {
  return String(status).replaceAll('_', ' ');
}
