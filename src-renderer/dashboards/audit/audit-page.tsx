/**
 * Audit: who made which money-moving call (capture, refund, cancel, createPaymentSession and the
 * dispute answers), from which machine and door, recorded BEFORE it was sent, and how it ended.
 * Intents without an outcome are called out ("sent, outcome unknown"), as are those that were
 * never sent. Filters by person (user@host), operation, profile, outcome and time; export.
 *
 * Its own dashboard rather than a tab of the API log: the API log lists every attempt of every
 * call (polls included); this lists one row per decision to move money, which is what a team
 * reviewing "who did what" reads.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { AUDIT_OUTCOME_WORDS, type AuditEntry } from '../../../src-shared/audit-views';
import { DashboardPage } from '../../components/dashboard-page';
import { downloadExport } from '../../components/download-export';
import { ExportButtons, ExportFeedback, type ExportFormat } from '../../components/log-list-parts';
import { LogListView, useSelectedRowFromRoute } from '../../components/log-list-view';
import { ListTime } from '../../components/list-time';
import { useDebouncedValue } from '../../components/use-debounced-value';
import type { VirtualColumn } from '../../components/virtual-list';
import { useAuditArrivals, useAuditList, useExportAudit } from '../../queries/audit';
import { AuditDetail, amountText } from './audit-detail';
import { AuditFilters, EMPTY_AUDIT_FILTER, toAuditFilter, type AuditFilterDraft } from './audit-filters';
import '../../components/log-layout.css';
import './audit.css';

const COLUMNS: readonly VirtualColumn[] = [
  { key: 'when', header: 'Recorded', width: '125px' },
  { key: 'person', header: 'Person', width: 'minmax(130px, 1fr)' },
  { key: 'door', header: 'From', width: '64px' },
  { key: 'operation', header: 'Operation', width: 'minmax(170px, 1.2fr)' },
  { key: 'amount', header: 'Amount', width: '110px' },
  { key: 'outcome', header: 'Outcome', width: 'minmax(170px, 1.2fr)' },
  { key: 'profile', header: 'Profile', width: 'minmax(100px, 0.8fr)' },
  { key: 'target', header: 'Payment / dispute', width: 'minmax(140px, 1.2fr)' },
];

const COMPACT_COLUMNS = COLUMNS.filter((c) => ['when', 'person', 'operation', 'outcome'].includes(c.key));

function outcomeCell(e: AuditEntry): string {
  const words = AUDIT_OUTCOME_WORDS[e.outcome];
  const code = e.resultCode ?? (e.outcome === 'unknown' ? e.errorCode : null);
  return `${words}${code ? ` · ${code}` : ''}${e.resendOf !== null ? ` · resend of #${e.resendOf}` : ''}`;
}

function cell(e: AuditEntry, key: string): ReactNode {
  switch (key) {
    case 'when': return <ListTime value={e.intendedAt} />;
    case 'person': return e.person;
    case 'door': return e.actor.door;
    case 'operation': return e.operation;
    case 'amount': return amountText(e) || '—';
    case 'outcome': return outcomeCell(e);
    case 'profile': return e.profile;
    case 'target': return e.paymentId ?? e.paymentRequestId ?? e.disputeId ?? '—';
    default: return '';
  }
}

function auditRowClass(e: AuditEntry): string | undefined {
  if (e.outcome === 'pending' || e.outcome === 'unknown' || e.outcome === 'U') return 'row-unknown';
  if (e.outcome === 'F' || e.outcome === 'not-sent') return 'row-bad';
  return undefined;
}

export default function AuditPage() {
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_AUDIT_FILTER);
  const settled = useDebouncedValue(draft, 250);
  const filter = useMemo(() => toAuditFilter(settled), [settled]);
  const list = useAuditList(filter);
  const [selectedId, setSelectedId] = useSelectedRowFromRoute();
  const [atTop, setAtTop] = useState(true);
  const arrivals = useAuditArrivals(atTop, list.reset);
  const exporter = useExportAudit();

  const selected = useMemo(() => {
    if (selectedId === undefined) return undefined;
    for (let i = 0; i < list.rows.count; i++) if (list.rows.at(i)?.id === selectedId) return list.rows.at(i);
    return undefined;
  }, [selectedId, list.rows]);

  const exportAs = (format: ExportFormat) => exporter.mutate({ filter, format }, { onSuccess: (file) => downloadExport(file) });
  const unfiltered = JSON.stringify(filter) === '{}';

  return (
    <DashboardPage
      title="Audit"
      purpose="Who moved money: every capture, refund, cancel and session, recorded before it was sent"
      className="audit-page"
      actions={<ExportButtons pending={exporter.isPending} onExport={exportAs} />}
    >
      <AuditFilters draft={draft} onChange={setDraft} />
      <ExportFeedback exporter={exporter} noun="audit entries" />
      <LogListView
        list={list}
        arrivals={arrivals}
        noun="record"
        label="Audit trail"
        idPrefix="audit"
        loadingText="Loading the audit trail…"
        errorTitle="The audit trail could not be read"
        empty={unfiltered
          ? { title: 'No money-moving calls yet', hint: 'Every capture, refund, cancel, payment session and dispute answer is recorded here before it is sent, with who sent it and how it ended.' }
          : { title: 'No audit entry matches these filters', hint: 'Clear or loosen the filters to see more.' }}
        columns={COLUMNS}
        compactColumns={COMPACT_COLUMNS}
        cell={cell}
        rowClassName={auditRowClass}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onAtTopChange={setAtTop}
        detail={selected ? <AuditDetail entry={selected} onClose={() => setSelectedId(undefined)} /> : null}
      />
    </DashboardPage>
  );
}
