/**
 * What the two journal logs (Notifications, API log) share: random access over equal-sized
 * cursor pages, and picking up new rows announced by a push without refetching every page.
 */
import { useQueryClient, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../src-shared/journal-views';
import { subscribePush, type PushName } from '../app/push';

export interface PagedRows<T> {
  count: number;
  at: (index: number) => T | undefined;
}

/**
 * Row i lives at pages[i / pageSize].items[i % pageSize] (every page but the last is full), so
 * 100,000 loaded rows are never copied into one array as pages arrive.
 */
export function pagedRows<T>(data: InfiniteData<Page<T>> | undefined, pageSize: number): PagedRows<T> {
  const pages = data?.pages ?? [];
  const lastPage = pages[pages.length - 1];
  const count = pages.length === 0 || !lastPage ? 0 : (pages.length - 1) * pageSize + lastPage.items.length;
  return {
    count,
    at: (index) => pages[Math.floor(index / pageSize)]?.items[index % pageSize],
  };
}

/**
 * New rows pushed by main. While the operator looks at the newest rows the list refreshes itself
 * (a burst is coalesced into one refetch); once they have scrolled away it only counts what
 * arrived, so rows never jump under the pointer, and `refresh` brings them in.
 */
export function useListArrivals(push: PushName, listKey: QueryKey, atTop: boolean) {
  const client = useQueryClient();
  const [pending, setPending] = useState(0);
  const atTopRef = useRef(atTop);
  atTopRef.current = atTop;
  const timer = useRef<number | undefined>(undefined);
  const keyText = JSON.stringify(listKey);

  // Keep only the newest page before refetching: an infinite query refetches every loaded page,
  // and after a long scroll that would be hundreds of requests to pick up one new row.
  const refresh = useCallback(() => {
    setPending(0);
    const queryKey = JSON.parse(keyText) as QueryKey;
    client.setQueriesData<InfiniteData<Page<unknown>, string | undefined>>({ queryKey }, (data) =>
      data && data.pages.length > 1 ? { pages: data.pages.slice(0, 1), pageParams: data.pageParams.slice(0, 1) } : data,
    );
    void client.invalidateQueries({ queryKey });
  }, [client, keyText]);

  useEffect(() => {
    const unsubscribe = subscribePush(push, () => {
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
  }, [push, refresh]);

  return { pending, refresh };
}
