/**
 * API log: every signed call the console made, newest first, in a windowed grid that pages in
 * older calls as you scroll; filters; a detail pane with the request as signed, the response,
 * its signature label and every attempt of the same call; export of the filtered view.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { CallSummary } from '../../../src-shared/journal-views';
import { DashboardPage } from '../../components/dashboard-page';
import { downloadExport } from '../../components/download-export';
import { ExportButtons, ExportFeedback, type ExportFormat } from '../../components/log-list-parts';
import { LogListView, useSelectedRowFromRoute } from '../../components/log-list-view';
import { useDebouncedValue } from '../../components/use-debounced-value';
import type { VirtualColumn } from '../../components/virtual-list';
import { ListTime } from '../../components/list-time';
import { formatDuration } from '../../format/time';
import { useCallArrivals, useCallList, useExportCalls } from '../../queries/calls';
import { CallDetail } from './call-detail';
import { CallFilters, EMPTY_CALL_FILTER, toCallFilter, type CallFilterDraft } from './call-filters';
import '../../components/log-layout.css';
import './api-log.css';

const COLUMNS: readonly VirtualColumn[] = [
  { key: 'started', header: 'Started', width: '125px' },
  { key: 'api', header: 'API', width: 'minmax(130px, 1fr)' },
  { key: 'result', header: 'Result', width: 'minmax(140px, 1.2fr)' },
  { key: 'http', header: 'HTTP', width: '48px' },
  { key: 'signature', header: 'Signature', width: '90px' },
  { key: 'latency', header: 'Latency', width: '72px' },
  { key: 'attempt', header: 'Try', width: '36px' },
  { key: 'trigger', header: 'Trigger', width: '60px' },
  { key: 'ids', header: 'Payment', width: 'minmax(140px, 1.3fr)' },
];

/** With the detail pane open the list is narrower: keep the columns that identify a row. */
const COMPACT_COLUMNS = COLUMNS.filter((c) => ['started', 'api', 'result', 'latency'].includes(c.key));

// Plain text cells keep each scrolled frame cheap; the detail pane has the rich view.
function cell(c: CallSummary, key: string): ReactNode {
  switch (key) {
    case 'started': return <ListTime value={c.startedAt} />;
    case 'api': return c.api;
    case 'result': return c.resultStatus ? `${c.resultStatus} ${c.resultCode ?? ''}` : c.errorCode ?? 'no result';
    case 'http': return c.httpStatus === null ? '—' : String(c.httpStatus);
    case 'signature': return c.responseSignature ?? '—';
    case 'latency': return formatDuration(c.latencyMs);
    case 'attempt': return String(c.attempt);
    case 'trigger': return c.trigger;
    case 'ids': return c.paymentId ?? c.paymentRequestId ?? c.refundRequestId ?? c.captureRequestId ?? '—';
    default: return '';
  }
}

function callRowClass(c: CallSummary): string | undefined {
  if (c.responseSignature === 'invalid' || c.resultStatus === 'F' || (!c.resultStatus && c.errorCode)) return 'row-bad';
  return c.resultStatus === 'U' ? 'row-unknown' : undefined;
}

export default function ApiLogPage() {
  const [draft, setDraft] = useState<CallFilterDraft>(EMPTY_CALL_FILTER);
  const settled = useDebouncedValue(draft, 250);
  const filter = useMemo(() => toCallFilter(settled), [settled]);
  const list = useCallList(filter);
  const [selectedId, setSelectedId] = useSelectedRowFromRoute();
  const [atTop, setAtTop] = useState(true);
  const arrivals = useCallArrivals(atTop, list.reset);
  const exporter = useExportCalls();

  const exportAs = (format: ExportFormat) => exporter.mutate({ filter, format }, { onSuccess: (file) => downloadExport(file) });
  const unfiltered = JSON.stringify(filter) === '{}';

  return (
    <DashboardPage
      title="API log"
      purpose="Every signed call with its request, response and signature label"
      className="api-log-page"
      actions={<ExportButtons pending={exporter.isPending} onExport={exportAs} />}
    >
      <CallFilters draft={draft} onChange={setDraft} />
      <ExportFeedback exporter={exporter} noun="calls" />
      <LogListView
        list={list}
        arrivals={arrivals}
        noun="call"
        label="API calls"
        idPrefix="call"
        loadingText="Loading calls…"
        errorTitle="The API log could not be read"
        empty={unfiltered
          ? { title: 'No calls yet', hint: 'Every signed call to Antom (or the embedded sandbox) is logged here. Create a session (Sessions) or look up a payment (Payments) to make one.' }
          : { title: 'No call matches these filters', hint: 'Clear or loosen the filters to see more.' }}
        columns={COLUMNS}
        compactColumns={COMPACT_COLUMNS}
        cell={cell}
        rowClassName={callRowClass}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onAtTopChange={setAtTop}
        detail={selectedId !== undefined ? <CallDetail id={selectedId} onClose={() => setSelectedId(undefined)} onOpenAttempt={setSelectedId} /> : null}
      />
    </DashboardPage>
  );
}
