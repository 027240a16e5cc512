/**
 * The pieces the API log and the notifications log share around their windowed lists: export
 * buttons and what the export did, the toolbar (rows loaded, new arrivals, keyboard help), and
 * the list/detail split that Esc closes. One place, so both logs keep behaving alike.
 */
import type { ReactNode } from 'react';
import type { ExportFile } from '../../src-shared/contract';
import { errorShapeOf } from '../bridge/client';
import { ErrorPanel } from './error-panel';

export type ExportFormat = 'csv' | 'json';

/** The part of an export mutation these pieces read. */
export interface ExportProgress {
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
