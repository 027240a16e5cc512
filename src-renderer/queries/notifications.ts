/**
 * React Query hooks for the notification log. The list is an infinite query paged by keyset
 * cursors (newest first); every page has the same size, so row i lives at
 * pages[i / PAGE_SIZE].items[i % PAGE_SIZE] and 100,000 loaded rows are never copied into one array.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReplayResult } from '../../src-shared/contract';
import type { NotificationFilter, NotificationSummary, Page } from '../../src-shared/journal-views';
import { subscribePush } from '../app/push';
import { getBridge, unwrap } from '../bridge/client';

export const NOTIFICATION_PAGE_SIZE = 500;

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (filter: NotificationFilter) => ['notifications', 'list', filter] as const,
  detail: (id: number) => ['notifications', 'detail', id] as const,
};

export interface PagedRows<T> {
  count: number;
  at: (index: number) => T | undefined;
}

/** Random access over equal-sized pages without flattening them. */
export function pagedRows<T>(data: InfiniteData<Page<T>> | undefined, pageSize: number): PagedRows<T> {
  const pages = data?.pages ?? [];
  const lastPage = pages[pages.length - 1];
  const count = pages.length === 0 || !lastPage ? 0 : (pages.length - 1) * pageSize + lastPage.items.length;
  return {
    count,
    at: (index) => pages[Math.floor(index / pageSize)]?.items[index % pageSize],
  };
}

export function useNotificationList(filter: NotificationFilter) {
  const query = useInfiniteQuery({
    queryKey: notificationKeys.list(filter),
    queryFn: async ({ pageParam }) =>
      unwrap(await getBridge().listNotifications({ filter, page: { limit: NOTIFICATION_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<NotificationSummary>) => last.nextCursor,
    // Pages are immutable keyset slices; only the newest page changes, and pushes say when.
    staleTime: Infinity,
  });
  const rows = useMemo(() => pagedRows(query.data, NOTIFICATION_PAGE_SIZE), [query.data]);
  return { ...query, rows };
}

export function useNotification(id: number | undefined) {
  return useQuery({
    queryKey: notificationKeys.detail(id ?? 0),
    queryFn: async () => unwrap(await getBridge().getNotification({ id: id ?? 0 })),
    enabled: id !== undefined,
  });
}

export function useReplayNotification() {
  return useMutation<ReplayResult, Error, { id: number; toUrl: string; mode: 'as-received' | 're-signed' }>({
    mutationFn: async (input) => unwrap(await getBridge().replayNotification(input)),
  });
}

export function useExportNotifications() {
  return useMutation({
    mutationFn: async (input: { filter: NotificationFilter; format: 'csv' | 'json' }) => unwrap(await getBridge().exportNotifications(input)),
  });
}

/**
 * New notifications pushed by main. While the operator looks at the newest rows the list
 * refreshes itself (a burst is coalesced into one refetch); once they have scrolled away it only
 * counts what arrived, so rows never jump under the pointer, and `showNewest` brings them in.
 */
export function useNotificationArrivals(atTop: boolean) {
  const client = useQueryClient();
  const [pending, setPending] = useState(0);
  const atTopRef = useRef(atTop);
  atTopRef.current = atTop;
  const timer = useRef<number | undefined>(undefined);

  // Keep only the newest page before refetching: an infinite query refetches every loaded page,
  // and after a long scroll that would be hundreds of requests to pick up one new row.
  const refresh = useCallback(() => {
    setPending(0);
    client.setQueriesData<InfiniteData<Page<NotificationSummary>, string | undefined>>({ queryKey: ['notifications', 'list'] }, (data) =>
      data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void client.invalidateQueries({ queryKey: notificationKeys.all });
  }, [client]);

  useEffect(() => {
    const unsubscribe = subscribePush('notificationStored', () => {
      if (!atTopRef.current) {
        setPending((n) => n + 1);
        return;
      }
      if (timer.current !== undefined) return;
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        refresh();
      }, 300);
    });
    return () => {
      unsubscribe();
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [refresh]);

  return { pending, refresh };
}
