/**
 * Times are shown in the operator's local time; the UTC form goes in the title attribute so a
 * hover gives the value to compare with Antom's logs (which are UTC or +08:00).
 */
const LOCAL = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
const LOCAL_TIME_ONLY = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** Accepts ISO strings and epoch milliseconds (Antom's request-time header) alike. */
export function parseTime(value: string | number | Date): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  const date = typeof value === 'number' || /^\d{10,}$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatLocalTime(value: string | number | Date, timeOnly = false): string {
  const date = parseTime(value);
  if (!date) return String(value);
  return (timeOnly ? LOCAL_TIME_ONLY : LOCAL).format(date);
}

export function formatUtcTime(value: string | number | Date): string {
  const date = parseTime(value);
  return date ? `${date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')} (UTC)` : String(value);
}

/** "3 min ago" / "in 2 h": for expiry and retry times where distance matters more than the clock. */
export function formatRelative(value: string | number | Date, now = Date.now()): string {
  const date = parseTime(value);
  if (!date) return String(value);
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const text = abs < 60 ? `${abs} s` : abs < 3600 ? `${Math.round(abs / 60)} min` : abs < 172_800 ? `${Math.round(abs / 3600)} h` : `${Math.round(abs / 86_400)} d`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
