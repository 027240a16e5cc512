import { formatLocalTime, formatUtcTime, parseTime } from '../format/time';

/** A time in local time, UTC on hover, machine-readable in dateTime. */
export function Time({ value, timeOnly = false }: { value: string | number | null | undefined; timeOnly?: boolean }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  const date = parseTime(value);
  return (
    <time className="time" dateTime={date?.toISOString()} title={formatUtcTime(value)}>
      {formatLocalTime(value, timeOnly)}
    </time>
  );
}
