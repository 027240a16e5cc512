/**
 * CSV (RFC 4180) and JSON rendering of exported rows. Bodies are redacted again on the way out
 * (idempotent), so an export is never less redacted than the journal.
 *
 * CSV: every field is quoted when it holds a comma, quote, CR or LF; quotes are doubled; lines
 * end with CRLF. Text that a spreadsheet would run as a formula (=, +, @, tab, CR, or "-" not
 * followed by a digit) is prefixed with a single quote: notification bodies come from the
 * network, and support agents open these files in Excel.
 */
import { redact } from '../redaction/redact-json';

export type ExportCell = string | number | boolean | null | undefined;

export function csvCell(value: ExportCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && /^(?:[=+@\t\r]|-(?!\d))/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly ExportCell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function toCsv(columns: readonly string[], rows: Iterable<Record<string, ExportCell>>): string {
  const out: string[] = [csvLine(columns)];
  for (const row of rows) out.push(csvLine(columns.map((c) => row[c])));
  return out.join('');
}

export function toJsonArray(rows: Iterable<Record<string, unknown>>): string {
  const out: string[] = [];
  for (const row of rows) out.push(JSON.stringify(row));
  return `[${out.join(',\n')}]\n`;
}

/** Redact a body for export; undefined/null stay as they are. */
export function exportBody(body: string | null | undefined): string | null {
  return body === null || body === undefined ? null : redact(body);
}
