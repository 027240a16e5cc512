/**
 * Notifications: every notification the receiver stored, newest first, in a windowed grid that
 * pages in older rows as you scroll (smooth at 100,000 rows), with filters, a detail pane,
 * replay and export of the filtered view. New arrivals come in through the notificationStored push.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { NotificationSummary } from '../../../src-shared/journal-views';
import { DashboardPage } from '../../components/dashboard-page';
import { downloadExport } from '../../components/download-export';
import { ExportButtons, ExportFeedback, type ExportFormat } from '../../components/log-list-parts';
import { LogListView, useSelectedRowFromRoute } from '../../components/log-list-view';
import { useDebouncedValue } from '../../components/use-debounced-value';
import type { VirtualColumn } from '../../components/virtual-list';
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
    case 'verification':
      if (n.verification !== 'verified') return `⚠ rejected: ${n.rejectReason ? REJECT_REASON_WORDS[n.rejectReason].title : 'unknown'}`;
      // The relay's backend never took it: as urgent as a rejection, in the same column.
      return n.forwardState === 'given-up' ? '✓ verified · ⚠ backend never accepted' : '✓ verified';
    case 'ack': return n.acknowledged ? 'yes' : 'no';
    case 'sends': return String(n.attempts);
    case 'result': {
      const claimed = [n.resultStatus, n.resultCode].filter(Boolean).join(' ');
      // A rejected notification proves nothing: what it says is a claim, never a result.
      if (n.verification !== 'verified') return claimed ? `claimed ${claimed}, not verified` : '—';
      return claimed || '—';
    }
    case 'amount': return n.amount ? formatAmount(n.amount) : '—';
    case 'payment': return n.paymentId ?? n.paymentRequestId ?? n.captureId ?? n.refundId ?? '—';
    default: return null;
  }
}

export default function NotificationsPage() {
  const [draft, setDraft] = useState<NotificationFilterDraft>(EMPTY_NOTIFICATION_FILTER);
  const settled = useDebouncedValue(draft, 250);
  const filter = useMemo(() => toNotificationFilter(settled), [settled]);
  const list = useNotificationList(filter);
  const [selectedId, setSelectedId] = useSelectedRowFromRoute();
  const [atTop, setAtTop] = useState(true);
  const arrivals = useNotificationArrivals(atTop, list.reset);
  const exporter = useExportNotifications();

  const exportAs = (format: ExportFormat) => exporter.mutate({ filter, format }, { onSuccess: (file) => downloadExport(file) });
  const unfiltered = JSON.stringify(filter) === '{}';

  return (
    <DashboardPage
      title="Notifications"
      purpose="Every notification received, verified and acknowledged"
      className="notifications-page"
      actions={<ExportButtons pending={exporter.isPending} onExport={exportAs} />}
    >
      <NotificationFilters draft={draft} onChange={setDraft} />
      <ExportFeedback exporter={exporter} noun="notifications" />
      <LogListView
        list={list}
        arrivals={arrivals}
        noun="notification"
        label="Notifications"
        idPrefix="notification"
        loadingText="Loading notifications…"
        errorTitle="The notifications could not be read"
        empty={unfiltered
          ? { title: 'No notifications yet', hint: 'Notifications appear here as Antom (or the embedded sandbox) posts them to the receiver. Pay a session on the sandbox (Sessions) to get one, or check the receiver URL in Settings.' }
          : { title: 'No notification matches these filters', hint: 'Clear or loosen the filters to see more.' }}
        columns={COLUMNS}
        compactColumns={COMPACT_COLUMNS}
        cell={cell}
        rowClassName={(n) => (n.verification === 'rejected' ? 'row-rejected' : n.forwardState === 'given-up' ? 'row-forward-failed' : undefined)}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onAtTopChange={setAtTop}
        detail={selectedId !== undefined ? <NotificationDetail id={selectedId} onClose={() => setSelectedId(undefined)} /> : null}
      />
    </DashboardPage>
  );
}
