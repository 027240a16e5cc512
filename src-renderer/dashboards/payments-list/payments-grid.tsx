/**
 * The windowed grid of payments (@tanstack/react-virtual). Rows are 30 px so a million of them
 * (30,000,000 px) stay under Chromium's largest element height (about 33.5 million px). Cells
 * are plain text: dozens of rows are re-rendered per frame while scrolling. The first cell is a
 * link to the payment's detail, so every row is reachable by keyboard; a click anywhere on the
 * row follows it.
 */
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaymentListItem } from '../../../src-shared/payments-list';
import { routeHref, navigate } from '../../app/router';
import { ListTime } from '../../components/list-time';
import type { PaymentPages } from './payment-pages';

export const ROW_HEIGHT = 30;

const COLUMNS: readonly { key: string; header: string; width: string }[] = [
  { key: 'payment', header: 'Payment', width: 'minmax(140px, 1.6fr)' },
  { key: 'status', header: 'Status', width: '132px' },
  { key: 'amount', header: 'Amount', width: '105px' },
  { key: 'method', header: 'Method', width: '85px' },
  { key: 'created', header: 'Created', width: '100px' },
  { key: 'updated', header: 'Updated', width: '100px' },
  { key: 'captured', header: 'Captured', width: '95px' },
  { key: 'refunded', header: 'Refunded', width: '95px' },
  { key: 'disputes', header: 'Disputes', width: '60px' },
  { key: 'profile', header: 'Profile', width: 'minmax(80px, 0.8fr)' },
  { key: 'actor', header: 'Last actor', width: '70px' },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

const ACTOR_WORDS: Record<string, string> = { antom: 'Antom', user: 'you', poller: 'poller', retry: 'retry', cli: 'CLI', test: 'test' };

function Row({ p }: { p: PaymentListItem }) {
  return (
    <>
      <span className="vl-cell" role="cell"><a href={routeHref('payments', { id: p.key })} className="mono">{p.key}</a></span>
      <span className="vl-cell" role="cell"><span className={`badge ${toneOf(p.status)}`}>{p.status.replace(/_/g, ' ')}</span></span>
      <span className="vl-cell num" role="cell">{p.amount?.display ?? '—'}</span>
      <span className="vl-cell" role="cell">{p.method ?? '—'}</span>
      <span className="vl-cell" role="cell"><ListTime value={p.createdAt} /></span>
      <span className="vl-cell" role="cell"><ListTime value={p.updatedAt} /></span>
      <span className="vl-cell num" role="cell">{p.captured?.display ?? '—'}</span>
      <span className="vl-cell num" role="cell">{p.refunded && p.refunded.value !== '0' ? p.refunded.display : '—'}</span>
      <span className="vl-cell num" role="cell">{p.disputes ? String(p.disputes) : '—'}</span>
      <span className="vl-cell" role="cell">{p.profile ?? '—'}</span>
      <span className="vl-cell" role="cell">{ACTOR_WORDS[p.lastActor] ?? p.lastActor}</span>
    </>
  );
}

const GOOD = new Set(['PAID', 'CAPTURED', 'AUTHORISED', 'REFUNDED']);
const BAD = new Set(['FAILED', 'CANCELLED', 'EXPIRED']);
function toneOf(status: string): string {
  return GOOD.has(status) ? 'ok' : BAD.has(status) ? 'bad' : 'pending';
}

export function PaymentsGrid({ pages, label }: { pages: PaymentPages; label: string }) {
  const viewport = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => viewport.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.setVisible(first, last), [pages, first, last]);

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
          {items.map((item) => {
            const p = pages.row(item.index);
            return (
              <div
                key={item.key}
                className={`vl-row${p ? '' : ' vl-loading'}`}
                role="row"
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, gridTemplateColumns: TEMPLATE }}
                onClick={p ? (e) => { if (!(e.target instanceof HTMLAnchorElement)) navigate('payments', { id: p.key }); } : undefined}
              >
                {p ? <Row p={p} /> : <span className="vl-cell" role="cell">Loading…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
