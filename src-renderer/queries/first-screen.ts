/**
 * Starts everything the first screen needs at once, before React has rendered anything: the
 * console status, and for the Overview (the default dashboard) its code chunk, its statistics and
 * the disputes-due tile. Without this each waits for the one before it (status, then the chunk,
 * then the Overview's own requests): issue 9 measured ~1 s to an interactive Overview.
 * The hooks later find the answers (or the requests in flight) in the query cache.
 */
import type { QueryClient } from '@tanstack/react-query';
import { parseHash } from '../app/router';
import { appStatusQuery } from './app-status';
import { disputesQuery } from './disputes';
import { DEFAULT_OVERVIEW_RANGE, overviewQuery } from './overview';

export function prefetchFirstScreen(client: QueryClient, hash: string): void {
  void client.prefetchQuery(appStatusQuery());
  const key = parseHash(hash).key;
  // '' falls back to the first dashboard, which is the Overview (app/dashboards.ts).
  if (key !== '' && key !== 'overview') return;
  // A failed chunk load surfaces when the shell renders the lazy page (its error boundary says so).
  void import('../dashboards/overview/overview-page').catch(() => undefined);
  void client.prefetchQuery(overviewQuery(DEFAULT_OVERVIEW_RANGE));
  void client.prefetchQuery(disputesQuery());
}
