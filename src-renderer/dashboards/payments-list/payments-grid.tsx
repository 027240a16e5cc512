/**
 * The windowed grid of payments (@tanstack/react-virtual). Rows are 30 px so a million of them
 * (30,000,000 px) stay under Chromium's largest element height (about 33.5 million px). Cells
 * are plain text: dozens of rows are re-rendered per frame while scrolling. The first cell is a
 * link to the payment's detail, so every row is reachable by keyboard; a click anywhere on the
 * row follows it.
 *
 * What keeps a fling (the bench moves 3,000 px, 100 rows, a frame) inside a frame:
 * - rows are keyed by a slot (useRowSlots), not by index: a row that stays in view keeps its
 *   slot, and the rows a frame brings in take over the slots (so the DOM nodes) of those that
 *   left, so React changes text in place instead of removing and building ~40 rows of 11 cells
 *   every frame of a fling;
 * - each row is size, layout and paint contained (payments-list.css);
 * - pages are not fetched while the viewport moves more than a page between two looks
 *   (payment-pages.ts): they would land out of view;
 * - a row's cells are a memoised component of the payment (its texts are worked out once per
 *   payment), so a page landing or the parent re-rendering redraws no row whose payment is the same;
 * - the virtualizer renders after the scroll events of a frame (no flushSync per event) with a
 *   small overscan, and its options keep their identity between renders.
 */
import { memo, useCallback, useEffect, useRef, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaymentListItem } from '../../../src-shared/payments-list';
import { routeHref, navigate } from '../../app/router';
import type { PaymentPages } from './payment-pages';
import { assignRowSlots } from './row-slots';

const ROW_HEIGHT = 30;

const COLUMNS: readonly { key: string; header: string; width: string }[] = [
  { key: 'payment', header: 'Payment', width: 'minmax(170px, 2fr)' },
  // Wide enough for the longest badge, PARTIALLY REFUNDED (cut at 112 px); Method and Disputes
  // gave the width, so the row's minimum (and the fit at 1440 px) is unchanged.
  { key: 'status', header: 'Status', width: '134px' },
  { key: 'amount', header: 'Amount', width: '105px' },
  { key: 'method', header: 'Method', width: '56px' },
  { key: 'created', header: 'Created', width: '108px' },
  { key: 'updated', header: 'Updated', width: '108px' },
  { key: 'captured', header: 'Captured', width: '90px' },
  { key: 'refunded', header: 'Refunded', width: '90px' },
  { key: 'disputes', header: 'Disputes', width: '68px' },
  { key: 'profile', header: 'Profile', width: 'minmax(72px, 0.8fr)' },
  { key: 'actor', header: 'Last actor', width: 'minmax(80px, 0.8fr)' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

const ACTOR_WORDS: Record<string, string> = { antom: 'Antom', user: 'you', poller: 'poller', retry: 'retry', cli: 'CLI', test: 'test' };

/** Cell text, worked out once per row while its page is held (not on every scrolled frame). */
interface RowText {
  href: string;
  status: string;
  tone: string;
  amount: string;
  method: string;
  created: string;
  createdIso: string;
  updated: string;
  updatedIso: string;
  captured: string;
  refunded: string;
  disputes: string;
  profile: string;
  actor: string;
}

// The same compact local time as the other logs (components/list-time.tsx), formatted once per row.
const LIST_TIME = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const texts = new WeakMap<PaymentListItem, RowText>();

function timeText(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : LIST_TIME.format(d);
}

function textOf(p: PaymentListItem): RowText {
  let t = texts.get(p);
  if (!t) {
    t = {
      href: routeHref('payments', { id: p.key }), status: p.status.replace(/_/g, ' '), tone: toneOf(p.status), amount: p.amount?.display ?? '—', method: p.method ?? '—',
      created: timeText(p.createdAt), createdIso: p.createdAt, updated: timeText(p.updatedAt), updatedIso: p.updatedAt, captured: p.captured?.display ?? '—',
      refunded: p.refunded && p.refunded.value !== '0' ? p.refunded.display : '—', disputes: p.disputes ? String(p.disputes) : '—', profile: p.profile ?? '—',
      actor: ACTOR_WORDS[p.lastActor] ?? p.lastActor,
    };
    texts.set(p, t);
  }
  return t;
}

const RowCells = memo(function RowCells({ p }: { p: PaymentListItem }) {
  const t = textOf(p);
  return (
    <>
      <span className="vl-cell" role="cell"><a href={t.href} className="mono">{p.key}</a></span>
      <span className="vl-cell" role="cell"><span className={`badge ${t.tone}`}>{t.status}</span></span>
      <span className="vl-cell num" role="cell">{t.amount}</span>
      <span className="vl-cell" role="cell">{t.method}</span>
      <span className="vl-cell" role="cell"><time dateTime={t.createdIso} title={t.createdIso}>{t.created}</time></span>
      <span className="vl-cell" role="cell"><time dateTime={t.updatedIso} title={t.updatedIso}>{t.updated}</time></span>
      <span className="vl-cell num" role="cell">{t.captured}</span>
      <span className="vl-cell num" role="cell">{t.refunded}</span>
      <span className="vl-cell num" role="cell">{t.disputes}</span>
      <span className="vl-cell" role="cell">{t.profile}</span>
      <span className="vl-cell" role="cell">{t.actor}</span>
    </>
  );
});

/**
 * The slots of the rows in view (row-slots.ts). The ref is only a hint for reuse: a render React
 * throws away leaves it ahead, which costs a remount, never a wrong row.
 */
function useRowSlots(indexes: readonly number[]): number[] {
  const previous = useRef<ReadonlyMap<number, number>>(new Map());
  const { slots, next } = assignRowSlots(previous.current, indexes);
  previous.current = next;
  return slots;
}

const LOADING_CELL = <span className="vl-cell" role="cell">Loading…</span>;

function estimateRowSize(): number {
  return ROW_HEIGHT;
}

const GOOD = new Set(['PAID', 'CAPTURED', 'AUTHORISED', 'REFUNDED']);
const BAD = new Set(['FAILED', 'CANCELLED', 'EXPIRED']);
function toneOf(status: string): string {
  return GOOD.has(status) ? 'ok' : BAD.has(status) ? 'bad' : 'pending';
}

export function PaymentsGrid({ pages, label }: { pages: PaymentPages; label: string }) {
  const viewport = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const getScrollElement = useCallback(() => viewport.current, []);
  const virtualizer = useVirtualizer({
    count, getScrollElement, estimateSize: estimateRowSize,
    // As the logs' VirtualList: 3 rows beyond each edge cover a wheel step; a fling's frame
    // renders once after its scroll events instead of inside each of them.
    overscan: 3, useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const slots = useRowSlots(items.map((item) => item.index));
  useEffect(() => pages.setVisible(first, last), [pages, first, last]);
  const rowOf = pages.row;
  const onRowClick = useCallback((e: MouseEvent<HTMLDivElement>) => {
    // The row's payment is read at click time (its slot shows another payment after a scroll).
    const key = e.currentTarget.dataset.key;
    if (key && !(e.target instanceof HTMLAnchorElement)) navigate('payments', { id: key });
  }, []);

  return (
    <div className="vl payments-grid" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div className="vl-head" role="rowgroup">
        <div className="vl-row vl-header-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: TEMPLATE }}>
          {COLUMNS.map((c) => <span key={c.key} className="vl-cell" role="columnheader">{c.header}</span>)}
        </div>
      </div>
      {/* As tall as the rows when they are few, else the room the page leaves. */}
      <div ref={viewport} className="vl-viewport" role="rowgroup" data-testid="payments-viewport" style={{ height: `min(max(300px, calc(100vh - 420px)), ${count * ROW_HEIGHT + 2}px)` }}>
        <div className="vl-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item, n) => {
            const p = rowOf(item.index);
            return (
              <div
                key={slots[n]}
                className={p ? 'vl-row' : 'vl-row vl-loading'}
                role="row"
                aria-rowindex={item.index + 2}
                data-key={p?.key}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: TEMPLATE }}
                onClick={p ? onRowClick : undefined}
              >
                {p ? <RowCells p={p} /> : LOADING_CELL}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
