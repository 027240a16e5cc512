/**
 * A windowed grid: fixed row height, only the rows in view (plus an overscan margin) are in the
 * DOM, so 100,000 rows cost the same to scroll as 30. The rows are an ARIA grid (role="grid",
 * aria-rowcount counts every row, loaded or not) so screen readers and role locators see a
 * table; the keyboard moves an active row (arrows, Page Up/Down, Home/End) and Enter opens it.
 *
 * Positions are set through React style props (CSSOM), which the strict CSP allows.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
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
  /** Rows loaded so far. */
  rowCount: number;
  /** More rows exist beyond rowCount (a trailing "loading" row is shown and onNearEnd fires). */
  hasMore: boolean;
  rowHeight?: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** One cell per column, in column order. */
  renderCells: (index: number) => ReactNode[];
  /** Stable key for row `index` (its id), so React reuses DOM nodes while scrolling. */
  rowKey: (index: number) => string | number;
  /** Whether row `index` is the open one (by identity, so it survives new rows arriving on top). */
  isSelected: (index: number) => boolean;
  onSelect: (index: number) => void;
  /** Called when the viewport comes within `overscan` rows of the end of the loaded rows. */
  onNearEnd?: () => void;
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
    label, columns, rowCount, hasMore, renderCells, rowKey, isSelected, onSelect, onNearEnd, onAtTopChange, rowClassName, idPrefix, scrollResetKey,
  } = props;
  const rowHeight = props.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const overscan = props.overscan ?? 10;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(400);
  const [activeIndex, setActiveIndex] = useState<number | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return undefined;
    setViewportHeight(element.clientHeight || 400);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (scrollResetKey === undefined || !viewport.current) return;
    viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [scrollResetKey]);

  useEffect(() => () => {
    if (frame.current !== undefined) cancelAnimationFrame(frame.current);
  }, []);

  // One state update per animation frame however many scroll events the wheel produces.
  const onScroll = useCallback(() => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      const element = viewport.current;
      if (element) setScrollTop(element.scrollTop);
    });
  }, []);

  const totalRows = rowCount + (hasMore ? 1 : 0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(totalRows, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);

  useEffect(() => {
    if (hasMore && onNearEnd && last >= rowCount) onNearEnd();
  }, [hasMore, onNearEnd, last, rowCount]);

  const atTop = scrollTop < rowHeight;
  useEffect(() => {
    onAtTopChange?.(atTop);
  }, [atTop, onAtTopChange]);

  const scrollIntoView = (index: number) => {
    const element = viewport.current;
    if (!element) return;
    const top = index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = top + rowHeight - element.clientHeight;
  };

  const moveTo = (index: number) => {
    if (rowCount === 0) return;
    const next = Math.max(0, Math.min(rowCount - 1, index));
    setActiveIndex(next);
    scrollIntoView(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = activeIndex ?? -1;
    const page = Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
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
  for (let index = first; index < last; index += 1) {
    const top = index * rowHeight;
    if (index >= rowCount) {
      rows.push(
        <div key="loading-more" role="row" aria-rowindex={index + 2} className="vl-row vl-loading" style={{ transform: `translateY(${top}px)`, height: rowHeight }}>
          <div role="gridcell" aria-colspan={columns.length}>Loading older rows…</div>
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
        key={rowKey(index)}
        id={`${idPrefix}-row-${index}`}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selected}
        className={classes.join(' ')}
        style={{ transform: `translateY(${top}px)`, height: rowHeight, gridTemplateColumns: template }}
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
      // Rows loaded so far plus the header: the total is unknown until the last page arrives.
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
      <div ref={viewport} className="vl-viewport" onScroll={onScroll} role="rowgroup">
        <div className="vl-spacer" style={{ height: totalRows * rowHeight }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
