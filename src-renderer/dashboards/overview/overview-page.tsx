/**
 * Overview: what happened in a time range: payments by status, capture rate, API latency,
 * top result codes, notifications. recharts is imported only here, so only this chunk pays for it.
 */
import { useState, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewStats } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { routeHref } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { statusTone } from '../../components/status-badge';
import { Time } from '../../components/time';
import { formatLocalTime } from '../../format/time';
import { OVERVIEW_RANGES, useOverview, type OverviewRange } from '../../queries/overview';
import { useChartColors, type ChartColors } from './chart-colors';
import { DisputesDueTile } from '../disputes/disputes-due-tile';
import { OverviewMoney, paymentsListHref, StatusMixLinks } from './overview-drilldown';

export default function OverviewPage() {
  const [range, setRange] = useState<OverviewRange>('24h');
  const overview = useOverview(range);
  const colors = useChartColors();

  return (
    <DashboardPage
      title="Overview"
      purpose="Payments, captures, latency and notifications over time"
      actions={
        <div className="field inline-field">
          <label htmlFor="overview-range">Time range</label>
          <select id="overview-range" value={range} onChange={(e) => setRange(e.target.value as OverviewRange)}>
            {OVERVIEW_RANGES.map((r) => <option key={r.key} value={r.key}>{r.label}</option>)}
          </select>
        </div>
      }
    >
      <DisputesDueTile />
      {overview.isPending ? <Loading what="Loading the overview…" /> : null}
      {overview.isError ? <ErrorPanel title="The overview could not be computed" error={errorShapeOf(overview.error)} onRetry={() => void overview.refetch()} /> : null}
      {overview.data ? <OverviewBody stats={overview.data} colors={colors} /> : null}
    </DashboardPage>
  );
}

function isEmpty(stats: OverviewStats): boolean {
  const n = stats.notifications;
  return stats.callsTotal === 0 && stats.paymentsByStatus.length === 0 && n.verified + n.rejected + n.duplicates === 0;
}

function OverviewBody({ stats, colors }: { stats: OverviewStats; colors: ChartColors }) {
  if (isEmpty(stats)) {
    return (
      <EmptyState title="Nothing happened in this range yet" action={<a href={routeHref('sessions')}>Create a payment session</a>}>
        <p>No calls or notifications between <Time value={stats.since} /> and <Time value={stats.until} />. Create a session (and pay it on the embedded sandbox), or pick a longer time range.</p>
      </EmptyState>
    );
  }
  const toneColor = (status: string) => ({ ok: colors.ok, bad: colors.bad, pending: colors.pending, neutral: colors.series[0] })[statusTone(status)];
  // Empty buckets are gaps, not 0 ms: a line dropping to zero would read as "fast".
  const latency = stats.latency.map((b) => ({ ...b, p50: b.calls > 0 ? b.p50 : null, p95: b.calls > 0 ? b.p95 : null, label: formatLocalTime(b.bucketStart, true) }));
  const codes = stats.topResultCodes.map((c) => ({ ...c, label: `${c.resultStatus} ${c.resultCode}` }));
  const captureRate = stats.captureRate === null ? '—' : `${(stats.captureRate * 100).toFixed(stats.captureRate === 1 || stats.captureRate === 0 ? 0 : 1)}%`;
  const axis = { stroke: colors.text, fontSize: 12 };

  return (
    <>
      <div className="figures" role="list" aria-label="Key figures">
        <Figure label="API calls" value={String(stats.callsTotal)} />
        <Figure label="Capture rate" value={captureRate} detail={stats.captureRate === null ? 'no authorisations in range' : `${stats.capturedAuthorisations} of ${stats.authorisations} authorisations captured`} />
        <Figure label="Notifications verified" value={String(stats.notifications.verified)} />
        <Figure label="Notifications rejected" value={String(stats.notifications.rejected)} tone={stats.notifications.rejected > 0 ? 'bad' : undefined} />
        <Figure label="Duplicate notifications" value={String(stats.notifications.duplicates)} detail="Antom resends until acknowledged" />
      </div>
      <OverviewMoney stats={stats} />
      <StatusMixLinks stats={stats} />
      <div className="grid-2">
        <ChartPanel title="Payments by status" empty={stats.paymentsByStatus.length === 0 ? 'No payments in this range.' : undefined} table={[['Status', 'Payments'], ...stats.paymentsByStatus.map((s) => [s.status, String(s.count)])]}>
          <BarChart data={stats.paymentsByStatus} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
            <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="status" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} />
            <Tooltip />
            <Bar dataKey="count" name="Payments" isAnimationActive={false} cursor="pointer" onClick={(bar) => { const status = (bar.payload as { status?: unknown } | undefined)?.status; if (typeof status === 'string') window.location.hash = paymentsListHref(stats, { status }); }}>
              {stats.paymentsByStatus.map((s) => <Cell key={s.status} fill={toneColor(s.status)} />)}
            </Bar>
          </BarChart>
        </ChartPanel>
        <ChartPanel title="API latency p50 / p95 (ms)" empty={latency.every((b) => b.calls === 0) ? 'No calls in this range.' : undefined} table={[['From', 'p50 ms', 'p95 ms', 'Calls'], ...latency.filter((b) => b.calls > 0).map((b) => [b.label, String(b.p50), String(b.p95), String(b.calls)])]}>
          <LineChart data={latency} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
            <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={axis} minTickGap={24} />
            <YAxis tick={axis} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="p50" name="p50" stroke={colors.series[0]} dot={{ r: 3 }} isAnimationActive={false} />
            <Line type="monotone" dataKey="p95" name="p95" stroke={colors.series[1]} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ChartPanel>
        <ChartPanel title="Top result codes" empty={codes.length === 0 ? 'No results in this range.' : undefined} table={[['Status', 'Code', 'Count'], ...codes.map((c) => [c.resultStatus, c.resultCode, String(c.count)])]}>
          <BarChart data={codes} layout="vertical" margin={{ top: 8, right: 16, left: 8, bottom: 8 }}>
            <CartesianGrid stroke={colors.grid} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="label" width={190} tick={axis} />
            <Tooltip />
            <Bar dataKey="count" name="Calls" isAnimationActive={false}>
              {codes.map((c) => <Cell key={c.label} fill={toneColor(c.resultStatus)} />)}
            </Bar>
          </BarChart>
        </ChartPanel>
        <ChartPanel title="Notifications" table={[['Kind', 'Count'], ['Verified', String(stats.notifications.verified)], ['Rejected', String(stats.notifications.rejected)], ['Duplicates', String(stats.notifications.duplicates)]]}>
          <BarChart data={[{ kind: 'Verified', count: stats.notifications.verified }, { kind: 'Rejected', count: stats.notifications.rejected }, { kind: 'Duplicates', count: stats.notifications.duplicates }]} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
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
        </ChartPanel>
      </div>
      <p className="muted small">
        From <Time value={stats.since} /> to <Time value={stats.until} />; refreshes every 15 s and whenever a notification or call arrives.
      </p>
    </>
  );
}

function Figure({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'bad' }) {
  return (
    <div className={`figure panel${tone ? ` ${tone}` : ''}`} role="listitem" aria-label={`${label}: ${value}`}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
      {detail ? <div className="figure-detail muted small">{detail}</div> : null}
    </div>
  );
}

function ChartPanel({ title, children, empty, table }: { title: string; children: ReactElement; empty?: string; table: string[][] }) {
  const [head, ...rows] = table;
  return (
    <figure className="panel chart-panel" aria-label={title}>
      <figcaption><h3>{title}</h3></figcaption>
      {empty ? (
        <p className="muted chart-empty">{empty}</p>
      ) : (
        <div className="chart-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
        </div>
      )}
      {!empty ? (
        <details>
          <summary>Show as table</summary>
          <table className="data">
            <thead><tr>{head?.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
            <tbody>{rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
          </table>
        </details>
      ) : null}
    </figure>
  );
}
