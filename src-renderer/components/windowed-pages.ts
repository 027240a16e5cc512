/**
 * useWindowedPages: the page cache behind a windowed list. Only the pages around the rows in
 * view hold their rows; a page scrolled out of range is released and fetched again when it comes
 * back into view, so the heap stays flat however far the operator scrolls (100,000 notifications,
 * 1,000,000 payments).
 *
 * API (pair it with <VirtualList> of ./virtual-list):
 *
 *   const pages = useWindowedPages<Row>({
 *     listKey,                      // string identity of the list (e.g. JSON of the filter): a change starts over
 *     pageSize: 500,
 *     fetchPage: ({ pageIndex, cursor }) => Promise<{ items: Row[]; nextCursor: string | undefined }>,
 *     totalRows,                    // optional: when the server knows the total, rows are addressed by index
 *     keepPages: 1,                 // optional: pages kept on each side of the ones in view
 *   });
 *   pages.rows.count / pages.rows.at(i)  // rows known so far; at() is undefined while i's page is (re)loading
 *   pages.hasMore                   // cursor mode: another page exists beyond rows.count
 *   pages.setRange(first, last)     // VirtualList's onRangeChange: loads what is in view, releases the rest
 *   pages.status / error / refetch  // 'pending' until page 0 arrives; 'error' when a page in view failed
 *   pages.reset()                   // drop everything and start again from page 0 (new rows on top)
 *
 * Two ways to address pages:
 * - cursor (no totalRows): keyset cursors, newest first, as the journal logs page. Page i needs
 *   page i-1's nextCursor, so pages are discovered in order; the cursor and row count of every
 *   page seen are kept (a few bytes each) so a released page can be fetched again directly.
 * - index (totalRows given): every page can be fetched by its index, e.g. LIMIT/OFFSET or a
 *   server-side position; the scroll extent is the whole list from the start.
 *
 * Why not React Query's infinite query: it keeps every page it has loaded for as long as the list
 * is open (45 MB after 100,000 notifications), and per-page queries can only be released by time,
 * not by distance from the viewport.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface WindowedPage<Row> {
  items: Row[];
  nextCursor: string | undefined;
}

export interface WindowedPagesOptions<Row> {
  listKey: string;
  pageSize: number;
  fetchPage: (request: { pageIndex: number; cursor: string | undefined }) => Promise<WindowedPage<Row>>;
  totalRows?: number;
  keepPages?: number;
}

export interface WindowedRows<Row> {
  count: number;
  at: (index: number) => Row | undefined;
}

export interface WindowedPages<Row> {
  rows: WindowedRows<Row>;
  hasMore: boolean;
  status: 'pending' | 'error' | 'success';
  error: unknown;
  /** A page in view is on its way (first load, next page, or one released and wanted again). */
  isFetching: boolean;
  setRange: (first: number, last: number) => void;
  refetch: () => void;
  reset: () => void;
}

/** What stays known about a page after its rows are released: enough to fetch it again. */
interface PageMeta {
  count: number;
  nextCursor: string | undefined;
}

interface CacheState<Row> {
  generation: number;
  /** Rows of the pages currently held (a handful). */
  items: Map<number, Row[]>;
  /** Every page seen in this generation (cursor mode relies on these being pages 0..n-1). */
  meta: Map<number, PageMeta>;
  inFlight: Set<number>;
  errors: Map<number, unknown>;
  range: { firstPage: number; lastPage: number };
}

function emptyCache<Row>(generation: number): CacheState<Row> {
  return { generation, items: new Map(), meta: new Map(), inFlight: new Set(), errors: new Map(), range: { firstPage: 0, lastPage: 0 } };
}

export function useWindowedPages<Row>(options: WindowedPagesOptions<Row>): WindowedPages<Row> {
  const { listKey, pageSize, totalRows } = options;
  const keepPages = options.keepPages ?? 1;
  const fetchRef = useRef(options.fetchPage);
  fetchRef.current = options.fetchPage;
  const cache = useRef<CacheState<Row>>(emptyCache(0));
  /** The list started over (reset, new filter): fetching its first page while the old one shows. */
  const pendingReset = useRef<CacheState<Row> | undefined>(undefined);
  // Bumped whenever the cache changes; the rows view below is rebuilt from it.
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);

  /** Pages that exist as far as we know: all of them by index, else those whose cursor is known. */
  const pageExists = useCallback((pageIndex: number): boolean => {
    const c = cache.current;
    if (pageIndex < 0) return false;
    if (totalRows !== undefined) return pageIndex * pageSize < totalRows;
    if (pageIndex === 0) return true;
    const previous = c.meta.get(pageIndex - 1);
    return previous !== undefined && previous.nextCursor !== undefined;
  }, [pageSize, totalRows]);

  const release = useCallback(() => {
    const c = cache.current;
    for (const pageIndex of [...c.items.keys()]) {
      if (pageIndex < c.range.firstPage - keepPages || pageIndex > c.range.lastPage + keepPages) c.items.delete(pageIndex);
    }
  }, [keepPages]);

  const load = useCallback((pageIndex: number, target: CacheState<Row> = cache.current) => {
    if (target.items.has(pageIndex) || target.inFlight.has(pageIndex) || target.errors.has(pageIndex)) return;
    if (target === cache.current && !pageExists(pageIndex)) return;
    const cursor = pageIndex === 0 ? undefined : target.meta.get(pageIndex - 1)?.nextCursor;
    target.inFlight.add(pageIndex);
    const settle = (apply: () => void) => {
      target.inFlight.delete(pageIndex);
      // A list that started over replaces the one on screen only once its first page is in,
      // so "new rows" and a changed filter never flash an empty list.
      if (pendingReset.current === target) {
        target.range = cache.current.range; // the rows in view stay the rows in view
        cache.current = target;
        pendingReset.current = undefined;
      }
      if (cache.current !== target) return; // superseded meanwhile
      apply();
      release();
      // A page's cursor may be what a page in view was waiting for (cursor mode discovers in order).
      for (let next = target.range.firstPage; next <= target.range.lastPage; next += 1) load(next);
      bump();
    };
    fetchRef.current({ pageIndex, cursor }).then(
      (page) => settle(() => {
        target.meta.set(pageIndex, { count: page.items.length, nextCursor: page.nextCursor });
        target.items.set(pageIndex, page.items);
      }),
      (error: unknown) => settle(() => target.errors.set(pageIndex, error)),
    );
  }, [pageExists, release, bump]);

  /** Loads the pages in range (and the next one past the known rows, when it is in view). */
  const loadRange = useCallback(() => {
    const { firstPage, lastPage } = cache.current.range;
    for (let pageIndex = firstPage; pageIndex <= lastPage; pageIndex += 1) load(pageIndex);
  }, [load]);

  const setRange = useCallback((first: number, last: number) => {
    const c = cache.current;
    const firstPage = Math.max(0, Math.floor(first / pageSize));
    const lastPage = Math.max(firstPage, Math.floor(Math.max(first, last) / pageSize));
    if (c.range.firstPage === firstPage && c.range.lastPage === lastPage) return;
    c.range = { firstPage, lastPage };
    const held = c.items.size;
    release();
    loadRange();
    if (c.items.size !== held) bump();
  }, [pageSize, release, loadRange, bump]);

  const reset = useCallback(() => {
    const next = emptyCache<Row>(cache.current.generation + 1);
    pendingReset.current = next;
    load(0, next);
  }, [load]);

  const refetch = useCallback(() => {
    cache.current.errors.clear();
    loadRange();
    bump();
  }, [loadRange, bump]);

  // A new list (filter changed) starts over from its first page.
  useEffect(() => {
    reset();
  }, [listKey, totalRows, reset]);

  const c = cache.current;
  const rows = useMemo<WindowedRows<Row>>(() => {
    let count: number;
    if (totalRows !== undefined) {
      count = totalRows;
    } else {
      count = 0;
      for (let pageIndex = 0; c.meta.has(pageIndex); pageIndex += 1) count += c.meta.get(pageIndex)?.count ?? 0;
    }
    const items = c.items;
    return { count, at: (index) => items.get(Math.floor(index / pageSize))?.[index % pageSize] };
    // `version` stands for every change to the cache held in the ref.
  }, [version, c, pageSize, totalRows]);

  const knownPages = c.meta.size;
  const lastKnown = c.meta.get(knownPages - 1);
  const hasMore = totalRows === undefined && (knownPages === 0 || lastKnown?.nextCursor !== undefined);
  let error: unknown;
  for (let pageIndex = c.range.firstPage; pageIndex <= c.range.lastPage + 1 && error === undefined; pageIndex += 1) error = c.errors.get(pageIndex);
  if (error === undefined) error = c.errors.get(0);
  const status = error !== undefined ? 'error' : c.meta.has(0) ? 'success' : 'pending';
  return { rows, hasMore, status, error, isFetching: c.inFlight.size > 0, setRange, refetch, reset };
}
