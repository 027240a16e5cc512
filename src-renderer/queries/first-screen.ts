/**
 * Starts everything the first screen needs at once, before React has rendered anything: the
 * console status, the code chunk of the dashboard the URL names, and for the Overview (the
 * default dashboard) its statistics and the disputes-due tile. Without this each waits for the one
 * before it (status, then the chunk, then the Overview's own requests): issue 9 measured ~1 s to
 * an interactive Overview. The hooks later find the answers (or the requests in flight) in the
 * query cache.
 *
 * The first status is handed over only once the dashboard's chunk has arrived too. The shell
 * draws the dashboard as soon as it has the status; were the chunk still on its way, React would
 * show the Suspense fallback and then keep it up for at least 300 ms (React 19's fallback
 * throttle), well after the chunk was in. Waiting for both costs nothing the user could use.
 */
import type { QueryClient } from '@tanstack/react-query';
import { DASHBOARDS } from '../app/dashboards';
import { preloadLazy } from '../app/preloadable-lazy';
import { parseHash } from '../app/router';
import { appStatusKeys, fetchAppStatus } from './app-status';
import { disputesQuery } from './disputes';
import { DEFAULT_OVERVIEW_RANGE, overviewQuery } from './overview';

/** Settles (never rejects: prefetches do not) once the status, chunk and data are in the cache. */
export function prefetchFirstScreen(client: QueryClient, hash: string): Promise<void> {
  const key = parseHash(hash).key;
  // '' falls back to the first dashboard (Payments).
  const dashboard = key === '' ? DASHBOARDS[0] : DASHBOARDS.find((d) => d.key === key);
  const chunk = dashboard ? preloadLazy(dashboard.component) : Promise.resolve();
  const status = client.prefetchQuery({
    queryKey: appStatusKeys.status,
    queryFn: async () => (await Promise.all([fetchAppStatus(), chunk]))[0],
  });
  if (dashboard?.key !== 'overview') return status;
  return Promise.all([status, client.prefetchQuery(overviewQuery(DEFAULT_OVERVIEW_RANGE)), client.prefetchQuery(disputesQuery())]).then(() => undefined);
}
