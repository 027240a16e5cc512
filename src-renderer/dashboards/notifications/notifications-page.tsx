/**
 * Notifications: every notification the receiver stored, newest first, in a windowed grid that
 * pages in older rows as you scroll (smooth at 100,000 rows), with filters, a detail pane,
 * replay and export of the filtered view. New arrivals come in through the notificationStored push.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { NotificationSummary } from '../../../src-shared/journal-views';
import { useRouteParam } from '../../app/router';
import { errorShapeOf } from '../../bridge/client';
import { DashboardPage } from '../../components/dashboard-page';
import { downloadExport } from '../../components/download-export';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { ExportButtons, ExportFeedback, ListDetailSplit, LogListToolbar, type ExportFormat } from '../../components/log-list-parts';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { VirtualList, type VirtualColumn } from '../../components/virtual-list';
import { formatAmount } from '../../format/money';
import { ListTime } from '../../components/list-time';
import { useExportNotifications, useNotificationArrivals, useNotificationList } from '../../queries/notifications';
import { NotificationDetail } from './notification-detail';
import { EMPTY_NOTIFICATION_FILTER, NotificationFilters, toNotificationFilter, type NotificationFilterDraft } from './notification-filters';
import { REJECT_REASON_WORDS } from './notification-words';
import '../../components/log-layout.css';
import './notifications.css';

const COLUMNS: readonly VirtualColumn[] = [
  { key: 'received', header: 'Received', width: '125px' },
  { key: 'type', header: 'Type', width: '130px' },
  { key: 'verification', header: 'Verification', width: 'minmax(110px, 1fr)' },
  { key: 'ack', header: 'Ack', width: '50px' },
  { key: 'sends', header: 'Sends', width: '50px' },
  { key: 'result', header: 'Result', width: 'minmax(110px, 1fr)' },
  { key: 'amount', header: 'Amount', width: '110px' },
  { key: 'payment', header: 'Payment ID', width: 'minmax(140px, 1.4fr)' },
];

/** With the detail pane open the list is narrower: keep the columns that identify a row. */
const COMPACT_COLUMNS = COLUMNS.filter((c) => ['received', 'type', 'verification', 'payment'].includes(c.key));

// Cells are mostly plain text (no per-row components): with dozens of rows re-rendered per
// frame while scrolling, the cheapest cell is the smoothest one. The detail pane has the rich view.
function cell(n: NotificationSummary, key: string): ReactNode {
  switch (key) {
    case 'received': return <ListTime value={n.receivedAt} />;
    case 'type': return n.notifyType;
    case 'verification': return n.verification === 'verified' ? 'verified' : `rejected: ${n.rejectReason ? REJECT_REASON_WORDS[n.rejectReason].title : 'unknown'}`;
    case 'ack': return n.acknowledged ? 'yes' : 'no';
    case 'sends': return String(n.attempts);
    case 'result': return [n.resultStatus, n.resultCode].filter(Boolean).join(' ') || '—';
    case 'amount': return n.amount ? formatAmount(n.amount) : '—';
    case 'payment': return n.paymentId ?? n.paymentRequestId ?? n.captureId ?? n.refundId ?? '—';
    default: return null;
  }
}

export default function NotificationsPage() {
  const routeId = Number(useRouteParam('id'));
  const [draft, setDraft] = useState<NotificationFilterDraft>(EMPTY_NOTIFICATION_FILTER);
  const settled = useDebouncedValue(draft, 250);
  const filter = useMemo(() => toNotificationFilter(settled), [settled]);
  const list = useNotificationList(filter);
  const [selectedId, setSelectedId] = useState<number | undefined>(Number.isInteger(routeId) && routeId > 0 ? routeId : undefined);
  const [atTop, setAtTop] = useState(true);
  const [scrollResetKey, setScrollResetKey] = useState(0);
  const arrivals = useNotificationArrivals(atTop);
  const exporter = useExportNotifications();
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  const onNearEnd = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const exportAs = (format: ExportFormat) => {
    exporter.mutate({ filter, format }, { onSuccess: (file) => downloadExport(file) });
  };

  const columns = selectedId !== undefined ? COMPACT_COLUMNS : COLUMNS;
  const renderCells = useCallback((index: number) => {
    const n = rows.at(index);
    return n ? columns.map((c) => cell(n, c.key)) : [];
  }, [rows, columns]);

  return (
    <DashboardPage
      title="Notifications"
      purpose="Every notification received, verified and acknowledged"
      className="notifications-page"
      actions={<ExportButtons pending={exporter.isPending} onExport={exportAs} />}
    >
      <NotificationFilters draft={draft} onChange={setDraft} />
      <ExportFeedback exporter={exporter} noun="notifications" />

      <LogListToolbar
        loading={list.isPending}
        count={rows.count}
        hasMore={Boolean(hasNextPage)}
        noun="notification"
        arrivalsPending={arrivals.pending}
        onShowArrivals={() => { arrivals.refresh(); setScrollResetKey((k) => k + 1); }}
      />

      {list.isPending ? <Loading what="Loading notifications…" /> : null}
      {list.isError ? <ErrorPanel title="The notifications could not be read" error={errorShapeOf(list.error)} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && rows.count === 0 ? (
        <EmptyState title={JSON.stringify(filter) === '{}' ? 'No notifications yet' : 'No notification matches these filters'}>
          {JSON.stringify(filter) === '{}'
            ? 'Notifications appear here as Antom (or the embedded sandbox) posts them to the receiver. Pay a session on the sandbox (Sessions) to get one, or check the receiver URL in Settings.'
            : 'Clear or loosen the filters to see more.'}
        </EmptyState>
      ) : null}

      {list.isSuccess && rows.count > 0 ? (
        <ListDetailSplit detailOpen={selectedId !== undefined} onCloseDetail={() => setSelectedId(undefined)}>
          <VirtualList
            label="Notifications"
            idPrefix="notification"
            columns={columns}
            rowCount={rows.count}
            hasMore={Boolean(hasNextPage)}
            renderCells={renderCells}
            rowKey={(index) => rows.at(index)?.id ?? `missing-${index}`}
            isSelected={(index) => rows.at(index)?.id === selectedId}
            onSelect={(index) => setSelectedId(rows.at(index)?.id)}
            onNearEnd={onNearEnd}
            onAtTopChange={setAtTop}
            scrollResetKey={scrollResetKey}
            rowClassName={(index) => (rows.at(index)?.verification === 'rejected' ? 'row-rejected' : undefined)}
          />
          {selectedId !== undefined ? <NotificationDetail id={selectedId} onClose={() => setSelectedId(undefined)} /> : null}
        </ListDetailSplit>
      ) : null}
    </DashboardPage>
  );
}
