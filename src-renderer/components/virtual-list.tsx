/**
 * A windowed grid on @tanstack/react-virtual: fixed row height, only the rows in view (plus an
 * overscan margin) are in the DOM, so 1,000,000 rows cost the same to scroll as 30. The rows are
 * an ARIA grid (role="grid", aria-rowcount counts every known row) so screen readers and role
 * locators see a table; the keyboard moves an active row (arrows, Page Up/Down, Home/End) and
 * Enter opens it. Positions are set through React style props (CSSOM), which the strict CSP allows.
 *
 * API, with the page cache of ./windowed-pages (which releases pages scrolled out of view):
 *
 *   const pages = useWindowedPages<Row>({ listKey, pageSize, fetchPage, totalRows? });
 *   <VirtualList
 *     label="Payments" idPrefix="payment" columns={[{ key, header, width }]}
 *     rowCount={pages.rows.count} hasMore={pages.hasMore}
 *     onRangeChange={pages.setRange}           // rows in view (overscan included): load / release pages
 *     renderCells={(i) => cells of pages.rows.at(i)}   // only called for rows that are loaded
 *     isLoaded={(i) => pages.rows.at(i) !== undefined} // others show a "Loading…" placeholder row
 *     rowKey={(i) => id} isSelected={(i) => ...} onSelect={(i) => ...}
 *     onAtTopChange?  rowClassName?  scrollResetKey?  rowHeight? (30)  overscan? (3)
 *   />
 *
 * components/log-list-view.tsx wires the two for the journal logs. The .vl-viewport element is
 * the scroller (the UI bench drives it). Rows fit Chrome's ~33,500,000 px element height up to
 * ~1,100,000 rows at 30 px.
 *
 * Measured against the hand-written window it replaced (same page cache, same bench, 100,000
 * notifications): equal or better frame times (p50 16.7 ms, p95 83-100 ms vs 99.9 ms on the loaded
 * 2-core machine) once the memoised options were stable, and 5.0 MB of heap after scrolling all
 * rows vs 4.2 MB. Figures in the README's Benchmarks section.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { columnsMinWidth } from './virtual-list-width';
import './virtual-list.css';

export interface VirtualColumn {
  key: string;
  header: string;
  /** CSS grid track, e.g. "160px" or "minmax(120px, 1fr)". */
  width: string;
}

interface VirtualListProps {
  /** Accessible name of the grid. */
  label: string;
  columns: readonly VirtualColumn[];
  /** Rows known so far (loaded or not). */
  rowCount: number;
  /** More rows exist beyond rowCount (a trailing "loading" row is shown; it is inside the range). */
  hasMore: boolean;
  rowHeight?: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** One cell per column, in column order; called only for loaded rows. */
  renderCells: (index: number) => ReactNode[];
  /** Whether row `index` has its data (else a placeholder row is drawn while its page loads). */
  isLoaded?: (index: number) => boolean;
  /** Stable key for row `index` (its id), so React reuses DOM nodes while scrolling. */
  rowKey: (index: number) => string | number;
  /** Whether row `index` is the open one (by identity, so it survives new rows arriving on top). */
  isSelected: (index: number) => boolean;
  onSelect: (index: number) => void;
  /** The rows rendered (first..last inclusive, overscan and the trailing loading row included). */
  onRangeChange?: (first: number, last: number) => void;
  /** Lets the owner know whether the user is looking at the newest rows (scrolled to the top). */
  onAtTopChange?: (atTop: boolean) => void;
  /** Extra class on a row (e.g. rejected notifications). */
  rowClassName?: (index: number) => string | undefined;
  idPrefix: string;
  /** Changing this scrolls back to the first row (e.g. after "Show new rows"). */
  scrollResetKey?: number;
}

const DEFAULT_ROW_HEIGHT = 30;

export function VirtualList(props: VirtualListProps) {
  const {
    label, columns, rowCount, hasMore, renderCells, isLoaded, rowKey, isSelected, onSelect, onRangeChange, onAtTopChange, rowClassName, idPrefix, scrollResetKey,
  } = props;
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const viewport = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState<number | undefined>(undefined);
  const totalRows = rowCount + (hasMore ? 1 : 0);
  // Options the virtualizer memoises on must keep their identity: a new estimateSize or getItemKey
  // makes it rebuild its measurement of every row (100,000 objects) on each render, which cost
  // half the frame rate in the bench. Rows are keyed for React below, by id, not through it.
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);

  const virtualizer = useVirtualizer({
    count: totalRows,
    getScrollElement: () => viewport.current,
    estimateSize,
    // A few rows beyond each edge: enough to cover a wheel step before React has drawn the next
    // window. Each extra row is drawn afresh on every frame of a fling (10 per edge cost ~25%
    // more main-thread time per frame than 3 in the UI bench's trace).
    overscan: props.overscan ?? 3,
    // Let React batch the scroll's re-render into the next frame instead of rendering inside every
    // scroll event (flushSync): a fling fires several scroll events per frame.
    useFlushSync: false,
    // Before the first layout the list still draws a screenful (and tests without layout see rows).
    initialRect: { width: 0, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (totalRows > 0) onRangeChange?.(first, last);
  }, [first, last, totalRows, onRangeChange]);

  const atTop = (virtualizer.scrollOffset ?? 0) < rowHeight;
  useEffect(() => {
    onAtTopChange?.(atTop);
  }, [atTop, onAtTopChange]);

  useEffect(() => {
    if (scrollResetKey === undefined) return;
    virtualizer.scrollToOffset(0);
  }, [scrollResetKey, virtualizer]);

  const moveTo = (index: number) => {
    if (rowCount === 0) return;
    const next = Math.max(0, Math.min(rowCount - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = activeIndex ?? -1;
    const page = Math.max(1, Math.floor((viewport.current?.clientHeight ?? 400) / rowHeight) - 1);
    switch (event.key) {
      case 'ArrowDown': moveTo(current + 1); break;
      case 'ArrowUp': moveTo(current - 1); break;
      case 'PageDown': moveTo(current + page); break;
      case 'PageUp': moveTo(current - page); break;
      case 'Home': moveTo(0); break;
      case 'End': moveTo(rowCount - 1); break;
      case 'Enter':
      case ' ':
        if (current >= 0 && current < rowCount) onSelect(current);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const template = columns.map((c) => c.width).join(' ');
  const rows: ReactNode[] = [];
  for (const item of items) {
    const index = item.index;
    const position = { transform: `translateY(${item.start}px)`, height: rowHeight };
    if (index >= rowCount || (isLoaded && !isLoaded(index))) {
      rows.push(
        <div key={index >= rowCount ? 'loading-more' : rowKey(index)} role="row" aria-rowindex={index + 2} className="vl-row vl-loading" style={position}>
          <div role="gridcell" aria-colspan={columns.length}>{index >= rowCount ? 'Loading older rows…' : 'Loading…'}</div>
        </div>,
      );
      continue;
    }
    const cells = renderCells(index);
    const classes = ['vl-row'];
    const selected = isSelected(index);
    if (selected) classes.push('vl-selected');
    if (index === activeIndex) classes.push('vl-active');
    const extra = rowClassName?.(index);
    if (extra) classes.push(extra);
    rows.push(
      <div
        // By id, so React moves DOM nodes with their rows when new rows arrive on top.
        key={rowKey(index)}
        id={`${idPrefix}-row-${index}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        className={classes.join(' ')}
        style={{ ...position, gridTemplateColumns: template }}
        onClick={() => {
          setActiveIndex(index);
          onSelect(index);
        }}
      >
        {cells.map((cell, column) => (
          <div role="gridcell" key={columns[column]?.key ?? column} className="vl-cell">
            {cell}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      className="vl"
      role="grid"
      aria-label={label}
      // Rows known so far plus the header: in cursor mode the total is unknown until the last page arrives.
      aria-rowcount={rowCount + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeIndex !== undefined && activeIndex < rowCount ? `${idPrefix}-row-${activeIndex}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ '--vl-min-width': `${columnsMinWidth(columns)}px` } as CSSProperties}
    >
      <div role="rowgroup" className="vl-head">
        <div role="row" aria-rowindex={1} className="vl-row vl-header-row" style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div role="columnheader" key={column.key} className="vl-cell">
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={viewport} className="vl-viewport" role="rowgroup">
        <div className="vl-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
