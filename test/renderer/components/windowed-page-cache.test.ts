/**
 * The page cache behind the windowed lists (components/windowed-pages.ts): pages in view load,
 * pages scrolled away are released and fetched again by their remembered cursor, a reset keeps
 * the old rows until the new first page is in, failures surface and can be retried.
 */
import { describe, expect, it } from 'vitest';
import { WindowedPageCache, type WindowedPage } from '../../../src-renderer/components/windowed-pages';

const PAGE = 10;

/** A keyset-paged source of `total` rows (row i is the number i), cursors are "after:<index>". */
function source(total: number) {
  const requests: Array<{ pageIndex: number; cursor: string | undefined }> = [];
  let failNext = false;
  const fetchPage = (request: { pageIndex: number; cursor: string | undefined }): Promise<WindowedPage<number>> => {
    requests.push(request);
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('journal unavailable'));
    }
    const start = request.cursor ? Number(request.cursor.slice('after:'.length)) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(PAGE, total - start)) }, (_, i) => start + i);
    const end = start + items.length;
    return Promise.resolve({ items, nextCursor: end < total ? `after:${end}` : undefined });
  };
  return { fetchPage, requests, failNextRequest: () => { failNext = true; } };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function cursorCache(total: number) {
  const src = source(total);
  let changes = 0;
  const cache = new WindowedPageCache<number>({ pageSize: PAGE, fetchPage: src.fetchPage, keepPages: 1, onChange: () => { changes += 1; } });
  return { cache, src, changes: () => changes };
}

/** Scrolls like the grid does: the range includes the trailing "loading" row at index count. */
async function scrollTo(cache: WindowedPageCache<number>, first: number, rowsInView = 5) {
  cache.setRange(first, Math.min(first + rowsInView, cache.count));
  await settled();
  await settled();
}

describe('WindowedPageCache (cursor pages)', () => {
  it('loads the first page on reset and reports pending until it is in', async () => {
    const { cache, changes } = cursorCache(35);
    expect(cache.status).toBe('pending');
    cache.reset();
    expect(cache.status).toBe('pending');
    await settled();
    expect(cache.status).toBe('success');
    expect(cache.count).toBe(10);
    expect(cache.hasMore).toBe(true);
    expect(cache.at(3)).toBe(3);
    expect(changes()).toBeGreaterThan(0);
  });

  it('discovers pages in order as the range reaches the end, and stops at the last one', async () => {
    const { cache } = cursorCache(35);
    cache.reset();
    await settled();
    for (let first = 0; cache.hasMore; first += 5) await scrollTo(cache, first);
    expect(cache.count).toBe(35);
    expect(cache.hasMore).toBe(false);
    expect(cache.at(34)).toBe(34);
  });

  it('releases pages beyond keepPages of the view and refetches them by their cursor', async () => {
    const { cache, src } = cursorCache(100);
    cache.reset();
    await settled();
    for (let first = 0; first <= 90; first += 5) await scrollTo(cache, first);
    expect(cache.count).toBe(100);
    // In view: page 9 (rows 90..95); kept: page 8. Everything before is released.
    expect(cache.heldPages).toEqual([8, 9]);
    expect(cache.at(5)).toBeUndefined();

    const before = src.requests.length;
    await scrollTo(cache, 42);
    expect(cache.at(42)).toBe(42);
    expect(src.requests.slice(before)).toEqual([{ pageIndex: 4, cursor: 'after:40' }]);
    // Page 8 is now more than one page away from the view: released.
    expect(cache.heldPages).toEqual([4]);
    await scrollTo(cache, 0);
    expect(cache.heldPages).toEqual([0]);
  });

  it('holds a bounded number of pages however far it scrolls (the memory goal)', async () => {
    const { cache } = cursorCache(5_000);
    cache.reset();
    await settled();
    let most = 0;
    for (let first = 0; first < 5_000; first += 7) {
      await scrollTo(cache, first);
      most = Math.max(most, cache.heldPages.length);
    }
    expect(cache.count).toBe(5_000);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('keeps the old rows on a reset until the new first page has arrived', async () => {
    const { cache, src } = cursorCache(30);
    cache.reset();
    await settled();
    expect(cache.at(0)).toBe(0);
    cache.reset();
    // Still the old rows, no empty flash.
    expect(cache.status).toBe('success');
    expect(cache.at(0)).toBe(0);
    await settled();
    expect(cache.count).toBe(10);
    expect(src.requests.filter((r) => r.pageIndex === 0)).toHaveLength(2);
  });

  it('ignores the answer of a list that was reset again before it arrived', async () => {
    const { cache, src } = cursorCache(30);
    cache.reset();
    cache.reset();
    await settled();
    expect(src.requests).toHaveLength(2);
    expect(cache.count).toBe(10);
    expect(cache.heldPages).toEqual([0]);
  });

  it('reports a failed page as an error and loads it on refetch', async () => {
    const { cache, src } = cursorCache(30);
    src.failNextRequest();
    cache.reset();
    await settled();
    expect(cache.status).toBe('error');
    expect((cache.error as Error).message).toBe('journal unavailable');
    cache.refetch();
    await settled();
    expect(cache.status).toBe('success');
    expect(cache.at(9)).toBe(9);
  });

  it('reports an empty list as success with no rows and nothing more to load', async () => {
    const { cache } = cursorCache(0);
    cache.reset();
    await settled();
    expect(cache.status).toBe('success');
    expect(cache.count).toBe(0);
    expect(cache.hasMore).toBe(false);
  });
});

describe('WindowedPageCache (pages by index, total known)', () => {
  it('fetches any page directly and never more than the total', async () => {
    const requests: number[] = [];
    const cache = new WindowedPageCache<number>({
      pageSize: PAGE,
      totalRows: 1_000_000,
      onChange: () => undefined,
      fetchPage: ({ pageIndex }) => {
        requests.push(pageIndex);
        return Promise.resolve({ items: Array.from({ length: PAGE }, (_, i) => pageIndex * PAGE + i), nextCursor: undefined });
      },
    });
    cache.reset();
    await settled();
    expect(cache.count).toBe(1_000_000);
    expect(cache.hasMore).toBe(false);
    cache.setRange(654_321, 654_340);
    await settled();
    expect(cache.at(654_330)).toBe(654_330);
    expect(requests).toEqual([0, 65_432, 65_433, 65_434]);
    cache.setRange(999_995, 1_000_010);
    await settled();
    expect(requests.slice(-1)).toEqual([99_999]);
    expect(cache.heldPages).toEqual([99_999]);
  });
});
