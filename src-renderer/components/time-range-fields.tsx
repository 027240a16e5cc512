/**
 * "From" / "Until" inputs in the operator's local time, handed to main as ISO-8601 UTC (what the
 * journal filters take). An empty box means no bound.
 */
import { useId } from 'react';

export interface TimeRangeValue {
  since: string;
  until: string;
}

/** datetime-local text ("2026-05-01T09:30") to ISO UTC, or undefined when empty or unreadable. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function TimeRangeFields({ value, onChange }: { value: TimeRangeValue; onChange: (next: TimeRangeValue) => void }) {
  const id = useId();
  return (
    <>
      <div className="filter-field">
        <label htmlFor={`${id}-since`}>From (local time)</label>
        <input id={`${id}-since`} type="datetime-local" step={1} value={value.since} onChange={(e) => onChange({ ...value, since: e.target.value })} />
      </div>
      <div className="filter-field">
        <label htmlFor={`${id}-until`}>Until (local time)</label>
        <input id={`${id}-until`} type="datetime-local" step={1} value={value.until} onChange={(e) => onChange({ ...value, until: e.target.value })} />
      </div>
    </>
  );
}
