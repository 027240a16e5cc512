/**
 * The compact time of a log row ("11-22 00:31:35", local time; UTC on hover): the windowed lists
 * render dozens of rows per frame, so this is a plain <time> with one cached formatter rather
 * than the richer <Time> component.
 */
import { formatUtcTime, parseTime } from '../format/time';

const LIST_TIME = new Intl.DateTimeFormat(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function ListTime({ value }: { value: string }) {
  const date = parseTime(value);
  if (!date) return <>{value}</>;
  return (
    <time dateTime={date.toISOString()} title={formatUtcTime(date)}>
      {LIST_TIME.format(date)}
    </time>
  );
}
