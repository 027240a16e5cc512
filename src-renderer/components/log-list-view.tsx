/**
 * The body every journal log shows under its filters: the toolbar, the loading / error / empty
 * states, and the windowed grid beside its detail pane. The API log and the notifications log
 * differ only in their columns, words and detail pane, so they pass those in and keep behaving
 * alike (paging older rows in as you scroll, "Show new" scrolling back to the newest rows).
 */
import { useCallback, useState, type ReactNode } from 'react';
import { useRouteParam } from '../app/router';
import { errorShapeOf } from '../bridge/client';
import { EmptyState } from './empty-state';
import { ErrorPanel } from './error-panel';
import { Loading } from './loading';
import { ListDetailSplit, LogListToolbar } from './log-list-parts';
import { VirtualList, type VirtualColumn } from './virtual-list';
import type { WindowedPages } from './windowed-pages';

/** The row a log opens on: `?id=` of the route (a link from elsewhere), else none. */
export function useSelectedRowFromRoute(): [number | undefined, (id: number | undefined) => void] {
  const routeId = Number(useRouteParam('id'));
  return useState<number | undefined>(Number.isInteger(routeId) && routeId > 0 ? routeId : undefined);
}

interface LogListViewProps<Row extends { id: number }> {
  list: WindowedPages<Row>;
  arrivals: { pending: number; refresh: () => void };
  /** Singular: "call", "notification". */
  noun: string;
  /** Accessible name of the grid and the id prefix of its rows. */
  label: string;
  idPrefix: string;
  loadingText: string;
  errorTitle: string;
  empty: { title: string; hint: string };
  columns: readonly VirtualColumn[];
  /** The narrower set shown while the detail pane is open. */
  compactColumns: readonly VirtualColumn[];
  /** Plain cells keep each scrolled frame cheap; the detail pane has the rich view. */
  cell: (row: Row, columnKey: string) => ReactNode;
  rowClassName?: (row: Row) => string | undefined;
  selectedId: number | undefined;
  onSelect: (id: number | undefined) => void;
  onAtTopChange: (atTop: boolean) => void;
  /** The detail pane of the selected row. */
  detail: ReactNode;
}

export function LogListView<Row extends { id: number }>(props: LogListViewProps<Row>) {
  const { list, arrivals, noun, selectedId, onSelect, cell } = props;
  const { rows, hasMore } = list;
  const [scrollResetKey, setScrollResetKey] = useState(0);

  const columns = selectedId !== undefined ? props.compactColumns : props.columns;
  const renderCells = useCallback((index: number) => {
    const row = rows.at(index);
    return row ? columns.map((column) => cell(row, column.key)) : [];
  }, [rows, columns, cell]);

  const rowClassName = props.rowClassName;
  return (
    <>
      <LogListToolbar
        loading={list.status === 'pending'}
        count={rows.count}
        hasMore={hasMore}
        noun={noun}
        arrivalsPending={arrivals.pending}
        onShowArrivals={() => { arrivals.refresh(); setScrollResetKey((k) => k + 1); }}
      />

      {list.status === 'pending' ? <Loading what={props.loadingText} /> : null}
      {list.status === 'error' ? <ErrorPanel title={props.errorTitle} error={errorShapeOf(list.error)} onRetry={list.refetch} /> : null}
      {list.status === 'success' && rows.count === 0 ? <EmptyState title={props.empty.title}>{props.empty.hint}</EmptyState> : null}

      {rows.count > 0 ? (
        <ListDetailSplit detailOpen={selectedId !== undefined} onCloseDetail={() => onSelect(undefined)}>
          <VirtualList
            label={props.label}
            idPrefix={props.idPrefix}
            columns={columns}
            rowCount={rows.count}
            hasMore={hasMore}
            renderCells={renderCells}
            isLoaded={(index) => rows.at(index) !== undefined}
            rowKey={(index) => rows.at(index)?.id ?? `missing-${index}`}
            isSelected={(index) => rows.at(index)?.id === selectedId}
            onSelect={(index) => onSelect(rows.at(index)?.id)}
            onRangeChange={list.setRange}
            onAtTopChange={props.onAtTopChange}
            scrollResetKey={scrollResetKey}
            {...(rowClassName ? { rowClassName: (index: number) => { const row = rows.at(index); return row ? rowClassName(row) : undefined; } } : {})}
          />
          {selectedId !== undefined ? props.detail : null}
        </ListDetailSplit>
      ) : null}
    </>
  );
}
