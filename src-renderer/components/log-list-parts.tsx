/**
 * The pieces the API log and the notifications log share around their windowed lists: export
 * buttons and what the export did, the toolbar (rows loaded, new arrivals, keyboard help), the
 * list/detail split that Esc closes, and the detail pane's frame. One place, so both logs keep
 * behaving alike.
 */
import type { ReactNode } from 'react';
import type { ExportFile } from '../../src-shared/contract';
import { errorShapeOf } from '../bridge/client';
import { ErrorPanel } from './error-panel';
import { Loading } from './loading';

export type ExportFormat = 'csv' | 'json';

/** The part of an export mutation these pieces read. */
interface ExportProgress {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: ExportFile | undefined;
}

export function ExportButtons({ pending, onExport }: { pending: boolean; onExport: (format: ExportFormat) => void }) {
  return (
    <>
      <button type="button" onClick={() => onExport('csv')} disabled={pending}>Export CSV</button>
      <button type="button" onClick={() => onExport('json')} disabled={pending}>Export JSON</button>
    </>
  );
}

/** `noun` is plural: "calls", "notifications". */
export function ExportFeedback({ exporter, noun }: { exporter: ExportProgress; noun: string }) {
  return (
    <>
      {exporter.isError ? <ErrorPanel title="Export failed" error={errorShapeOf(exporter.error)} /> : null}
      {exporter.data ? <p className="muted" role="status">Exported {exporter.data.rows} {noun} to {exporter.data.filename}.</p> : null}
    </>
  );
}

/** `noun` is singular ("call", "notification"); counts other than one add an s. */
export function LogListToolbar({ loading, count, hasMore, noun, arrivalsPending, onShowArrivals }: {
  loading: boolean;
  count: number;
  hasMore: boolean;
  noun: string;
  arrivalsPending: number;
  onShowArrivals: () => void;
}) {
  return (
    <div className="list-toolbar">
      <span role="status" aria-live="polite">
        {loading ? '' : `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'} loaded${hasMore ? ' (scroll for older ones)' : ''}`}
      </span>
      {arrivalsPending > 0 ? (
        <button type="button" className="new-arrivals" onClick={onShowArrivals}>
          Show {arrivalsPending} new {noun}{arrivalsPending === 1 ? '' : 's'}
        </button>
      ) : null}
      <span className="muted keyboard-help">Keys: Tab to the list, ↑/↓ Page Up/Down Home/End to move, Enter to open, Esc to close details.</span>
    </div>
  );
}

/** The list beside its detail pane; Esc anywhere inside closes the pane. */
export function ListDetailSplit({ detailOpen, onCloseDetail, children }: { detailOpen: boolean; onCloseDetail: () => void; children: ReactNode }) {
  return (
    <div
      className={`split${detailOpen ? ' with-detail' : ''}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && detailOpen) onCloseDetail();
      }}
    >
      {children}
    </div>
  );
}

/** The part of a detail query the pane reads. */
interface DetailQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/** The detail pane beside a log: heading, "Close details", then loading, the error, or the body. */
export function DetailPane<T>({ headingId, heading, noun, detail, onClose, children }: {
  headingId: string;
  heading: string;
  /** Singular, for "Loading the call…" and "The call could not be read". */
  noun: string;
  detail: DetailQuery<T>;
  onClose: () => void;
  children: (data: T) => ReactNode;
}) {
  return (
    <aside className="detail-pane" aria-labelledby={headingId}>
      <div className="detail-head">
        <h3 id={headingId}>{heading}</h3>
        <button type="button" onClick={onClose}>Close details</button>
      </div>
      {detail.isPending ? <Loading what={`Loading the ${noun}…`} /> : null}
      {detail.isError ? <ErrorPanel title={`The ${noun} could not be read`} error={errorShapeOf(detail.error)} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? children(detail.data) : null}
    </aside>
  );
}
