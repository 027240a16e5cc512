/**
 * The shell: header (profile badges, global search), the dashboard nav, the current dashboard
 * (lazy, behind Suspense and an error boundary), and the live region for pushes. `data-state`
 * on <main> is the explicit "app loaded" marker end-to-end tests wait on (loading|ready|error).
 */
import { Suspense, useCallback, useMemo, useRef } from 'react';
import { errorShapeOf } from './bridge/client';
import { ErrorPanel } from './components/error-panel';
import { ErrorBoundary } from './components/error-boundary';
import { Loading } from './components/loading';
import { AppHeader } from './app/app-header';
import { DashboardNav } from './app/dashboard-nav';
import { DASHBOARDS } from './app/dashboards';
import type { GlobalSearchHandle } from './app/global-search';
import { useKeyboardShortcuts } from './app/keyboard-shortcuts';
import { PushAnnouncer } from './app/push-announcer';
import { routeHref, useRoute } from './app/router';
import { visibleDashboards } from './app/visible-dashboards';
import { useAppStatus } from './queries/app-status';

export function App() {
  const status = useAppStatus();
  const state = status.isPending ? 'loading' : status.isError ? 'error' : 'ready';
  const readOnly = status.data?.activeProfile?.readOnly ?? false;
  const dashboards = visibleDashboards(readOnly);
  const visibleKeys = useMemo(() => dashboards.map((d) => d.key), [dashboards]);
  const route = useRoute();
  const searchRef = useRef<GlobalSearchHandle>(null);
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  useKeyboardShortcuts(visibleKeys, focusSearch);

  const current = route.key === '' ? dashboards[0] : dashboards.find((d) => d.key === route.key);
  const hiddenByReadOnly = !current && readOnly && DASHBOARDS.some((d) => d.key === route.key);

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>Skip to content</a>
      <AppHeader status={status.data} searchRef={searchRef} />
      <div className="app-body">
        <DashboardNav dashboards={dashboards} current={current?.key ?? ''} />
        <main id="main-content" tabIndex={-1} data-state={state} aria-busy={state === 'loading'}>
          {status.isPending ? <Loading what="Loading the console status…" /> : null}
          {status.isError ? (
            <ErrorPanel title="The console status could not be read" error={errorShapeOf(status.error)} onRetry={() => void status.refetch()} />
          ) : null}
          {status.data ? (
            current ? (
              <ErrorBoundary resetKey={current.key} title={`The ${current.title} dashboard failed to render`}>
                <Suspense fallback={<Loading what={`Loading ${current.title}…`} />}>
                  <current.component />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <ErrorPanel
                title={hiddenByReadOnly ? 'This dashboard moves money' : 'No such dashboard'}
                error={
                  hiddenByReadOnly
                    ? { code: 'READ_ONLY', message: `The active profile is read-only, so "${route.key}" is hidden.`, hint: 'Switch to another profile or turn read-only off in Settings.' }
                    : { code: 'NOT_FOUND', message: `There is no dashboard called "${route.key}".`, hint: 'Pick one from the navigation on the left.' }
                }
              />
            )
          ) : null}
          {status.data && !current ? <p><a href={routeHref(dashboards[0]?.key ?? 'overview')}>Go to the Overview</a></p> : null}
        </main>
      </div>
      <PushAnnouncer />
    </div>
  );
}
