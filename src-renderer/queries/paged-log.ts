/**
 * What the two journal logs (Notifications, API log) share: a windowed page cache over keyset
 * cursor pages (components/windowed-pages: pages out of view are released), and picking up new
 * rows announced by a push without refetching every page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../src-shared/journal-views';
import { useWindowedPages, type WindowedPages } from '../components/windowed-pages';
import { subscribePush, type PushName } from '../app/push';

/**
 * A journal log for `filter`: pages of `pageSize` rows, newest first, fetched by cursor as they
 * come into view and released once scrolled well away.
 */
export function useJournalLog<Filter, Row>(
  filter: Filter,
  pageSize: number,
  list: (filter: Filter, page: { limit: number; cursor?: string }) => Promise<Page<Row>>,
): WindowedPages<Row> {
  const listRef = useRef(list);
  listRef.current = list;
  const filterText = JSON.stringify(filter);
  const fetchPage = useCallback(
    ({ cursor }: { pageIndex: number; cursor: string | undefined }) =>
      listRef.current(JSON.parse(filterText) as Filter, { limit: pageSize, ...(cursor ? { cursor } : {}) }),
    [filterText, pageSize],
  );
  return useWindowedPages<Row>({ listKey: filterText, pageSize, fetchPage });
}

/**
 * New rows pushed by main. While the operator looks at the newest rows the list starts over from
 * its newest page (a burst is coalesced into one reload); once they have scrolled away it only
 * counts what arrived, so rows never jump under the pointer, and `refresh` brings them in.
 */
export function useListArrivals(push: PushName, atTop: boolean, reload: () => void) {
  const [pending, setPending] = useState(0);
  const atTopRef = useRef(atTop);
  atTopRef.current = atTop;
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const timer = useRef<number | undefined>(undefined);

  const refresh = useCallback(() => {
    setPending(0);
    reloadRef.current();
  }, []);

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
