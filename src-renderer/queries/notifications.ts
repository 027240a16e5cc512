/**
 * React Query hooks for the notification log: an infinite query paged by keyset cursors (newest
 * first), the detail of one notification, replay and export.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReplayResult } from '../../src-shared/contract';
import type { NotificationFilter, NotificationSummary, Page } from '../../src-shared/journal-views';
import { getBridge, unwrap } from '../bridge/client';
import { pagedRows, useListArrivals } from './paged-log';

const NOTIFICATION_PAGE_SIZE = 500;

/**
 * The list lives under its own prefix: the shell invalidates ['notifications'] on every push,
 * which for an infinite query means refetching every loaded page. The log refreshes its list
 * itself (useNotificationArrivals); details stay under ['notifications'] so pushes refresh them.
 */
const notificationKeys = {
  all: ['notifications'] as const,
  lists: ['notification-log'] as const,
  list: (filter: NotificationFilter) => ['notification-log', filter] as const,
  detail: (id: number) => ['notifications', 'detail', id] as const,
};

export function useNotificationList(filter: NotificationFilter) {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: async ({ pageParam }) =>
      unwrap(await getBridge().listNotifications({ filter, page: { limit: NOTIFICATION_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<NotificationSummary>) => last.nextCursor,
    // Older pages are immutable keyset slices; only the newest changes, and pushes say when.
    staleTime: Infinity,
  });
  const rows = useMemo(() => pagedRows(query.data, NOTIFICATION_PAGE_SIZE), [query.data]);
  return { ...query, rows };
}

export function useNotificationArrivals(atTop: boolean) {
  return useListArrivals('notificationStored', notificationKeys.lists, atTop);
}

export function useNotification(id: number | undefined) {
  return useQuery({
    queryKey: notificationKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await getBridge().getNotification({ id: id ?? 0 })),
    enabled: id !== undefined,
  });
}

export function useReplayNotification() {
  const client = useQueryClient();
  return useMutation<ReplayResult, Error, { id: number; toUrl: string; mode: 'as-received' | 're-signed' }>({
    mutationFn: async (input) => unwrap(await getBridge().replayNotification(input)),
    // main records every replay on the notification: show it in the detail's replay table
    onSettled: (_result, _error, input) => client.invalidateQueries({ queryKey: notificationKeys.detail(input.id) }),
  });
}

export function useExportNotifications() {
  return useMutation({
    mutationFn: async (input: { filter: NotificationFilter; format: 'csv' | 'json' }) => unwrap(await getBridge().exportNotifications(input)),
  });
}
