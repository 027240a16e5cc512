/**
 * Overview: what happened in a time range: payments by status, capture rate, API latency,
 * top result codes, notifications. The figures and tables paint first; the charts (recharts, in
 * overview-charts.tsx) are a lazy chunk that fills the chart boxes once it has arrived. The data
 * requests start before this chunk loads (queries/first-screen.ts).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { OverviewStats } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { routeHref } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { Time } from '../../components/time';
import { DEFAULT_OVERVIEW_RANGE, OVERVIEW_RANGES, useOverview, type OverviewRange } from '../../queries/overview';
import { useChartColors, type ChartColors } from './chart-colors';
import { codeSeries, latencySeries, type OverviewChartKind } from './overview-series';
import { DisputesDueTile } from '../disputes/disputes-due-tile';
import { OverviewMoney, StatusMixLinks } from './overview-drilldown';

const OverviewChart = lazy(() => import('./overview-charts'));

/**
 * True once the figures have painted and the browser is idle (or 1 s has passed): only then is
 * the recharts chunk fetched and compiled, so its ~400 KB never holds up the first usable screen.
 */
function useIdleAfterFirstPaint(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let idleHandle: number | undefined;
    // Two frames: the first paint with the figures has happened by the second.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        idleHandle = requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idleHandle !== undefined) cancelIdleCallback(idleHandle);
    };
  }, []);
  return idle;
}

export default function OverviewPage() {
  const [range, setRange] = useState<OverviewRange>(DEFAULT_OVERVIEW_RANGE);
  const overview = useOverview(range);
  const colors = useChartColors();
  const chartsWanted = useIdleAfterFirstPaint();

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
      {overview.data ? <OverviewBody stats={overview.data} colors={colors} chartsWanted={chartsWanted} /> : null}
    </DashboardPage>
  );
}

function isEmpty(stats: OverviewStats): boolean {
  const n = stats.notifications;
  return stats.callsTotal === 0 && stats.paymentsByStatus.length === 0 && n.verified + n.rejected + n.duplicates === 0;
}

function OverviewBody({ stats, colors, chartsWanted }: { stats: OverviewStats; colors: ChartColors; chartsWanted: boolean }) {
  if (isEmpty(stats)) {
    return (
      <EmptyState title="Nothing happened in this range yet" action={<a href={routeHref('sessions')}>Create a payment session</a>}>
        <p>No calls or notifications between <Time value={stats.since} /> and <Time value={stats.until} />. Create a session (and pay it on the embedded sandbox), or pick a longer time range.</p>
      </EmptyState>
    );
  }
  const latency = latencySeries(stats);
  const codes = codeSeries(stats);
  const captureRate = stats.captureRate === null ? '—' : `${(stats.captureRate * 100).toFixed(stats.captureRate === 1 || stats.captureRate === 0 ? 0 : 1)}%`;

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
        <ChartPanel chartsWanted={chartsWanted} kind="payments" stats={stats} colors={colors} title="Payments by status" empty={stats.paymentsByStatus.length === 0 ? 'No payments in this range.' : undefined} table={[['Status', 'Payments'], ...stats.paymentsByStatus.map((s) => [s.status, String(s.count)])]} />
        <ChartPanel chartsWanted={chartsWanted} kind="latency" stats={stats} colors={colors} title="API latency p50 / p95 (ms)" empty={latency.every((b) => b.calls === 0) ? 'No calls in this range.' : undefined} table={[['From', 'p50 ms', 'p95 ms', 'Calls'], ...latency.filter((b) => b.calls > 0).map((b) => [b.label, String(b.p50), String(b.p95), String(b.calls)])]} />
        <ChartPanel chartsWanted={chartsWanted} kind="codes" stats={stats} colors={colors} title="Top result codes" empty={codes.length === 0 ? 'No results in this range.' : undefined} table={[['Status', 'Code', 'Count'], ...codes.map((c) => [c.resultStatus, c.resultCode, String(c.count)])]} />
        <ChartPanel chartsWanted={chartsWanted} kind="notifications" stats={stats} colors={colors} title="Notifications" table={[['Kind', 'Count'], ['Verified', String(stats.notifications.verified)], ['Rejected', String(stats.notifications.rejected)], ['Duplicates', String(stats.notifications.duplicates)]]} />
      </div>
      <p className="muted small">
        From <Time value={stats.since} /> to <Time value={stats.until} />: payments and their money are counted by when each payment was created, as the Payments list filters them; calls, latency and notifications by when they happened. Refreshes every 15 s and whenever a notification or call arrives.
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

interface ChartPanelProps {
  chartsWanted: boolean;
  kind: OverviewChartKind;
  stats: OverviewStats;
  colors: ChartColors;
  title: string;
  empty?: string | undefined;
  table: string[][];
}

function ChartPanel({ chartsWanted, kind, stats, colors, title, empty, table }: ChartPanelProps) {
  const [head, ...rows] = table;
  return (
    <figure className="panel chart-panel" aria-label={title}>
      <figcaption><h3>{title}</h3></figcaption>
      {empty ? (
        <p className="muted chart-empty">{empty}</p>
      ) : (
        <div className="chart-box" aria-hidden="true">
          {/* A box of the chart's size while recharts loads (saying so): nothing moves when it arrives. */}
          {chartsWanted ? (
            <Suspense fallback={<p className="muted chart-pending">Drawing the chart…</p>}>
              <OverviewChart kind={kind} stats={stats} colors={colors} />
            </Suspense>
          ) : null}
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
