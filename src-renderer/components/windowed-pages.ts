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
 * The bookkeeping is a plain class (WindowedPageCache, unit-tested under Node); the hook only
 * re-renders when it changes.
 *
 * Why not React Query's infinite query: it keeps every page it has loaded for as long as the list
 * is open (45 MB after 100,000 notifications), and per-page queries can only be released by time,
 * not by distance from the viewport.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

export interface WindowedPage<Row> {
  items: Row[];
  nextCursor: string | undefined;
}

type FetchWindowedPage<Row> = (request: { pageIndex: number; cursor: string | undefined }) => Promise<WindowedPage<Row>>;

interface WindowedPagesOptions<Row> {
  listKey: string;
  pageSize: number;
  fetchPage: FetchWindowedPage<Row>;
  totalRows?: number;
  keepPages?: number;
}

interface WindowedRows<Row> {
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

/** One run of the list (from a reset to the next). */
class Generation<Row> {
  /** Rows of the pages currently held (a handful). */
  readonly items = new Map<number, Row[]>();
  /** Every page seen (cursor mode relies on these being pages 0..n-1). */
  readonly meta = new Map<number, PageMeta>();
  readonly inFlight = new Set<number>();
  readonly errors = new Map<number, unknown>();
  range = { firstPage: 0, lastPage: 0 };
}

interface WindowedPageCacheOptions<Row> {
  pageSize: number;
  fetchPage: FetchWindowedPage<Row>;
  totalRows?: number | undefined;
  keepPages?: number | undefined;
  /** Called after every change a view should show (a page arrived, failed, or was released). */
  onChange: () => void;
}

export class WindowedPageCache<Row> {
  private current = new Generation<Row>();
  /** The list started over (reset): its first page is on its way while the old rows still show. */
  private pending: Generation<Row> | undefined;
  private readonly pageSize: number;
  private readonly totalRows: number | undefined;
  private readonly keepPages: number;
  private readonly fetchPage: FetchWindowedPage<Row>;
  private readonly onChange: () => void;

  constructor(options: WindowedPageCacheOptions<Row>) {
    this.pageSize = options.pageSize;
    this.totalRows = options.totalRows;
    this.keepPages = options.keepPages ?? 1;
    this.fetchPage = options.fetchPage;
    this.onChange = options.onChange;
  }

  /** Rows known: the total in index mode, else the rows of every page discovered so far. */
  get count(): number {
    if (this.totalRows !== undefined) return this.totalRows;
    let count = 0;
    for (let pageIndex = 0; ; pageIndex += 1) {
      const meta = this.current.meta.get(pageIndex);
      if (!meta) return count;
      count += meta.count;
    }
  }

  get hasMore(): boolean {
    if (this.totalRows !== undefined) return false;
    const known = this.current.meta.size;
    return known === 0 || this.current.meta.get(known - 1)?.nextCursor !== undefined;
  }

  /** Pages holding rows right now (what the memory goal is about). */
  get heldPages(): number[] {
    return [...this.current.items.keys()].sort((a, b) => a - b);
  }

  get isFetching(): boolean {
    return this.current.inFlight.size > 0 || this.pending !== undefined;
  }

  /** The first failure among the pages in view (or the first page), if any. */
  get error(): unknown {
    const { firstPage, lastPage } = this.current.range;
    for (let pageIndex = firstPage; pageIndex <= lastPage; pageIndex += 1) {
      if (this.current.errors.has(pageIndex)) return this.current.errors.get(pageIndex);
    }
    return this.current.errors.get(0);
  }

  get status(): 'pending' | 'error' | 'success' {
    if (this.error !== undefined) return 'error';
    return this.current.meta.has(0) ? 'success' : 'pending';
  }

  at(index: number): Row | undefined {
    return this.current.items.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Rows first..last are in view: load their pages, release pages beyond keepPages of them. */
  setRange(first: number, last: number): void {
    const firstPage = Math.max(0, Math.floor(first / this.pageSize));
    const lastPage = Math.max(firstPage, Math.floor(last / this.pageSize));
    const run = this.current;
    if (run.range.firstPage === firstPage && run.range.lastPage === lastPage) return;
    run.range = { firstPage, lastPage };
    const held = run.items.size;
    this.release(run);
    this.loadRange(run);
    if (run.items.size !== held) this.onChange();
  }

  /** Starts over from the first page; the old rows stay until it has arrived (no empty flash). */
  reset(): void {
    const next = new Generation<Row>();
    this.pending = next;
    this.load(next, 0);
  }

  /** Forgets failures and asks again for the pages in view. */
  refetch(): void {
    this.current.errors.clear();
    this.loadRange(this.current);
    this.onChange();
  }

  private pageExists(run: Generation<Row>, pageIndex: number): boolean {
    if (pageIndex < 0) return false;
    if (this.totalRows !== undefined) return pageIndex * this.pageSize < this.totalRows;
    if (pageIndex === 0) return true;
    return run.meta.get(pageIndex - 1)?.nextCursor !== undefined;
  }

  private release(run: Generation<Row>): void {
    for (const pageIndex of [...run.items.keys()]) {
      if (pageIndex < run.range.firstPage - this.keepPages || pageIndex > run.range.lastPage + this.keepPages) run.items.delete(pageIndex);
    }
  }

  private loadRange(run: Generation<Row>): void {
    for (let pageIndex = run.range.firstPage; pageIndex <= run.range.lastPage; pageIndex += 1) this.load(run, pageIndex);
  }

  private load(run: Generation<Row>, pageIndex: number): void {
    if (run.items.has(pageIndex) || run.inFlight.has(pageIndex) || run.errors.has(pageIndex) || !this.pageExists(run, pageIndex)) return;
    const cursor = pageIndex === 0 ? undefined : run.meta.get(pageIndex - 1)?.nextCursor;
    run.inFlight.add(pageIndex);
    const settle = (apply: () => void) => {
      run.inFlight.delete(pageIndex);
      if (this.pending === run) {
        run.range = this.current.range; // the rows in view stay the rows in view
        this.current = run;
        this.pending = undefined;
      }
      if (this.current !== run) return; // superseded by a reset meanwhile
      apply();
      this.release(run);
      // A page's cursor may be what a page in view was waiting for (cursor mode discovers in order).
      this.loadRange(run);
      this.onChange();
    };
    this.fetchPage({ pageIndex, cursor }).then(
      (page) => settle(() => {
        run.meta.set(pageIndex, { count: page.items.length, nextCursor: page.nextCursor });
        run.items.set(pageIndex, page.items);
      }),
      (error: unknown) => settle(() => run.errors.set(pageIndex, error)),
    );
  }
}

export function useWindowedPages<Row>(options: WindowedPagesOptions<Row>): WindowedPages<Row> {
  const { listKey, pageSize, totalRows, keepPages } = options;
  // Bumped whenever the cache changes; the view below is rebuilt from it.
  const [version, setVersion] = useState(0);
  const fetchRef = useRef(options.fetchPage);
  fetchRef.current = options.fetchPage;
  const cache = useMemo(
    () => new WindowedPageCache<Row>({ pageSize, totalRows, keepPages, fetchPage: (request) => fetchRef.current(request), onChange: () => setVersion((v) => v + 1) }),
    [pageSize, totalRows, keepPages],
  );

  // A new list (filter changed) starts over from its first page.
  useEffect(() => {
    cache.reset();
  }, [cache, listKey]);

  return useMemo<WindowedPages<Row>>(() => ({
    rows: { count: cache.count, at: (index) => cache.at(index) },
    hasMore: cache.hasMore,
    status: cache.status,
    error: cache.error,
    isFetching: cache.isFetching,
    setRange: (first, last) => cache.setRange(first, last),
    refetch: () => cache.refetch(),
    reset: () => cache.reset(),
    // `version` stands for every change inside the cache.
  }), [cache, version]);
}
