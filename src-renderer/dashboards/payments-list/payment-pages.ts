/**
 * The Payments list's rows as pages that come and go with the viewport (issue 9 §5: the JS heap
 * stays under 100 MB after scrolling a million payments). Only pages near the visible range are
 * kept; the rest are released and fetched again when scrolled back to. What is always kept is
 * small: the total, and the keyset cursor that starts each page seen so far (a string per 100
 * rows), so returning to any page is one indexed query.
 *
 * A page whose cursor is unknown (a scrollbar jump) is fetched from the nearest known cursor
 * with `skip`, in hops of at most MAX_SKIP rows, so no query walks more than that.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { PaymentListItem, PaymentListView } from '../../../src-shared/payments-list';
import { getBridge, unwrap, errorShapeOf } from '../../bridge/client';
import type { ConsoleErrorShape } from '../../../src-shared/errors';

const PAGE_SIZE = 100;
/** Pages kept on each side of the visible ones. */
const KEEP_AROUND = 2;
/** The contract's bound on skip, rounded down to whole pages. */
const MAX_SKIP = 199_900;
const FETCH_EVERY_MS = 50;

function maxPageOf(total: number | undefined): number {
  return total === undefined ? 0 : Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
}

interface PageState {
  total: number | undefined;
  pages: Map<number, PaymentListItem[]>;
  /** cursors.get(p): the cursor that starts page p (page 0 starts with none). */
  cursors: Map<number, string>;
  inFlight: Set<number>;
  error: ConsoleErrorShape | undefined;
}

export interface PaymentPages {
  total: number | undefined;
  error: ConsoleErrorShape | undefined;
  /** The row at `index`, or undefined while its page loads. */
  row(index: number): PaymentListItem | undefined;
  /** Tell the pages which rows are on screen: loads what is near, releases what is far. */
  setVisible(first: number, last: number): void;
  /** Pages held right now (the bench and the tests read it). */
  heldPages(): number;
  /** The index of the first row on screen. */
  firstVisible(): number;
  /** Read the list again from its first page (after new activity). */
  reload(): void;
}

export function usePaymentPages(view: PaymentListView): PaymentPages {
  const state = useRef<PageState>(fresh());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 0]);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const fetchTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(fetchTimer.current), []);
  // fetchPage and ensure call each other; the ref breaks the cycle of their dependencies.
  const ensureRef = useRef<(range: [number, number]) => void>(() => undefined);

  const fetchPage = useCallback(async (page: number, gen: number): Promise<void> => {
    const s = state.current;
    if (s.inFlight.has(page) || s.pages.has(page)) return;
    // Flung past already: a page that left the neighbourhood before its turn is not fetched.
    if (!isWanted(page)) return;
    s.inFlight.add(page);
    try {
      // Walk from the nearest page start we know, hopping at most MAX_SKIP rows per request.
      let from = nearestKnown(s.cursors, page);
      while (from < page) {
        if (gen !== generation.current || !isWanted(page)) return;
        const hop = Math.min(page - from, MAX_SKIP / PAGE_SIZE);
        const cursor = s.cursors.get(from);
        const result = unwrap(await getBridge().listPayments({
          filter: view.filter, sort: view.sort,
          page: { limit: PAGE_SIZE, skip: hop * PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(from === 0 && s.total === undefined ? { withTotal: true } : {}) },
        }));
        if (gen !== generation.current) return;
        if (result.total !== undefined) s.total = result.total;
        const landed = from + hop;
        if (landed === page) {
          storePage(s, page, result.items, result.nextCursor);
          return;
        }
        // An intermediate hop: only its end cursor is worth keeping.
        if (!result.nextCursor) return;
        s.cursors.set(landed + 1, result.nextCursor);
        from = landed + 1;
      }
      const cursor = s.cursors.get(page);
      const result = unwrap(await getBridge().listPayments({
        filter: view.filter, sort: view.sort,
        page: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(s.total === undefined ? { withTotal: true } : {}) },
      }));
      if (gen !== generation.current) return;
      if (result.total !== undefined) s.total = result.total;
      storePage(s, page, result.items, result.nextCursor);
    } catch (error) {
      if (gen === generation.current) s.error = errorShapeOf(error);
    } finally {
      if (gen === generation.current) {
        s.inFlight.delete(page);
        bump();
        // The viewport may have moved on while this page loaded.
        ensureRef.current(visible.current);
      }
    }
  }, [view]);

  // Look at the viewport every FETCH_EVERY_MS while it moves. While it moves by more than a page
  // between two looks (a fling or a scrollbar drag), a page fetched now would be out of view
  // before it landed, and its query, transfer and parse would take time from the frames being
  // scrolled: wait for the next look. Slower scrolling, and the look after the viewport stops,
  // fetch what is on screen and a page each side.
  const lastLook = useRef<number | undefined>(undefined);
  const armFetch = useCallback((): void => {
    if (fetchTimer.current !== undefined) return;
    fetchTimer.current = window.setTimeout(() => {
      fetchTimer.current = undefined;
      const [f, l] = visible.current;
      const moved = lastLook.current === undefined ? 0 : Math.abs(f - lastLook.current);
      lastLook.current = f;
      if (moved > PAGE_SIZE) {
        armFetch();
        return;
      }
      const from = Math.max(0, Math.floor(f / PAGE_SIZE) - 1);
      const to = Math.min(Math.floor(l / PAGE_SIZE) + 1, maxPageOf(state.current.total));
      for (let page = from; page <= to; page++) void fetchPage(page, generation.current);
    }, FETCH_EVERY_MS);
  }, [fetchPage]);

  const isWanted = (page: number): boolean => {
    const [first, last] = visible.current;
    return page >= Math.floor(first / PAGE_SIZE) - 1 - KEEP_AROUND && page <= Math.floor(last / PAGE_SIZE) + 1 + KEEP_AROUND;
  };

  const ensure = useCallback(([first, last]: [number, number]): void => {
    const s = state.current;
    const firstPage = Math.max(0, Math.floor(first / PAGE_SIZE) - 1);
    const lastPage = Math.floor(last / PAGE_SIZE) + 1;
    // Released pages are out of view by definition: nothing on screen changes, so no re-render
    // (one per scrolled frame, when it did).
    for (const page of [...s.pages.keys()]) {
      if (page < firstPage - KEEP_AROUND || page > lastPage + KEEP_AROUND) s.pages.delete(page);
    }
    armFetch();
  }, [armFetch]);
  ensureRef.current = ensure;

  useEffect(() => {
    generation.current++;
    state.current = fresh();
    bump();
    void fetchPage(0, generation.current);
  }, [fetchPage]);

  const s = state.current;
  return {
    total: s.total,
    error: s.error,
    row: (index) => s.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    setVisible: (first, last) => {
      if (visible.current[0] === first && visible.current[1] === last) return;
      visible.current = [first, last];
      ensure([first, last]);
    },
    heldPages: () => s.pages.size,
    firstVisible: () => visible.current[0],
    reload: () => {
      // Soft: the rows on screen stay until the fresh first page and total arrive (no flicker).
      const gen = ++generation.current;
      void (async () => {
        try {
          const result = unwrap(await getBridge().listPayments({ filter: view.filter, sort: view.sort, page: { limit: PAGE_SIZE, withTotal: true } }));
          if (gen !== generation.current) return;
          const next = fresh();
          next.total = result.total;
          storePage(next, 0, result.items, result.nextCursor);
          state.current = next;
        } catch (error) {
          if (gen === generation.current) state.current.error = errorShapeOf(error);
        }
        bump();
        ensure(visible.current);
      })();
    },
  };
}

function fresh(): PageState {
  return { total: undefined, pages: new Map(), cursors: new Map(), inFlight: new Set(), error: undefined };
}

function storePage(s: PageState, page: number, items: PaymentListItem[], nextCursor: string | undefined): void {
  s.pages.set(page, items);
  if (nextCursor) s.cursors.set(page + 1, nextCursor);
  s.error = undefined;
}

/** The highest page at or below `page` whose start is known (page 0 always is). */
function nearestKnown(cursors: Map<number, string>, page: number): number {
  let best = 0;
  for (const known of cursors.keys()) if (known <= page && known > best) best = known;
  return best;
}
