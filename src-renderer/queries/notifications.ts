/**
 * React Query hooks for the notification log: an infinite query paged by keyset cursors (newest
 * first), the detail of one notification, replay and export.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReplayResult } from '../../src-shared/contract';
import type { ForwardStatusView, NotificationFilter, NotificationSummary } from '../../src-shared/journal-views';
import { getBridge, unwrap } from '../bridge/client';
import { useJournalLog, useListArrivals } from './paged-log';

const NOTIFICATION_PAGE_SIZE = 500;

/**
 * The list is not in React Query: its windowed page cache (useJournalLog) releases pages scrolled
 * out of view, and it reloads itself when a notification arrives (useNotificationArrivals).
 * Details stay under ['notifications'] so the shell's push invalidation refreshes them.
 */
const notificationKeys = {
  all: ['notifications'] as const,
  detail: (id: number) => ['notifications', 'detail', id] as const,
};

export function useNotificationList(filter: NotificationFilter) {
  return useJournalLog<NotificationFilter, NotificationSummary>(filter, NOTIFICATION_PAGE_SIZE, async (f, page) =>
    unwrap(await getBridge().listNotifications({ filter: f, page })));
}

export function useNotificationArrivals(atTop: boolean, reload: () => void) {
  return useListArrivals('notificationStored', atTop, reload);
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

/** The relay: send a forward the backend has not accepted again, from now (a new round of Antom's schedule). */
export function useResendForward() {
  const client = useQueryClient();
  return useMutation<ForwardStatusView[], Error, { id: number }>({
    mutationFn: async (input) => unwrap(await getBridge().resendForward(input)),
    onSettled: (_result, _error, input) => client.invalidateQueries({ queryKey: notificationKeys.detail(input.id) }),
  });
}

export function useExportNotifications() {
  return useMutation({
    mutationFn: async (input: { filter: NotificationFilter; format: 'csv' | 'json' }) => unwrap(await getBridge().exportNotifications(input)),
  });
}
