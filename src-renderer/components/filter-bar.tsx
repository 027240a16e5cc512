/**
 * The filter bar the API log and the notifications log share: labelled selects and search
 * boxes, the local-time range, and "Clear filters". Also the filter fields both logs read the
 * same way from their drafts, so a result code or an ID is matched alike in both.
 */
import type { ReactNode } from 'react';
import type { TimeRange } from '../../src-shared/journal-views';
import { localInputToIso, TimeRangeFields, type TimeRangeValue } from './time-range-fields';

/** Draft fields (the text in the boxes) that both logs have. */
interface SharedFilterDraft extends TimeRangeValue {
  resultCode: string;
  anyId: string;
  text: string;
}

/**
 * Adds the shared fields to `filter`, after the log's own ones: result codes upper-cased (Antom's
 * codes are), IDs and text trimmed, times as ISO UTC; blank boxes add nothing.
 */
export function addSharedFilters(filter: TimeRange & { resultCode?: string; anyId?: string; text?: string }, draft: SharedFilterDraft): void {
  if (draft.resultCode.trim()) filter.resultCode = draft.resultCode.trim().toUpperCase();
  if (draft.anyId.trim()) filter.anyId = draft.anyId.trim();
  if (draft.text.trim()) filter.text = draft.text.trim();
  const since = localInputToIso(draft.since);
  const until = localInputToIso(draft.until);
  if (since) filter.since = since;
  if (until) filter.until = until;
}

export function FilterBar({ label, range, onRangeChange, active, onClear, children }: {
  label: string;
  range: TimeRangeValue;
  onRangeChange: (range: TimeRangeValue) => void;
  /** Whether anything is set, so "Clear filters" has something to do. */
  active: boolean;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
      <TimeRangeFields value={range} onChange={onRangeChange} />
      <div className="filter-field filter-actions">
        <button type="button" disabled={!active} onClick={onClear}>Clear filters</button>
      </div>
    </form>
  );
}

/** `children` are the <option>s; every one's value must be a V. */
export function FilterSelect<V extends string>({ id, label, value, onChange, children }: {
  id: string;
  label: string;
  value: V;
  onChange: (value: V) => void;
  children: ReactNode;
}) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {children}
      </select>
    </div>
  );
}

export function FilterSearch({ id, label, value, placeholder, onChange }: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" placeholder={placeholder} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
