/**
 * Wrapping a journal export as a file the page can save: a timestamped name and a row count.
 */
import type { ExportFile } from '../../../src-shared/contract';

/** notifications-2026-11-22T0815.csv: sortable, no characters a file system refuses. */
function exportFilename(kind: 'notifications' | 'calls' | 'payments' | 'audit', format: 'csv' | 'json', now: Date = new Date()): string {
  const iso = now.toISOString();
  return `${kind}-${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}.${format}`;
}

/** Records in CSV text, header excluded; quoted fields may hold line breaks, so count outside quotes only. */
function csvRecordCount(csv: string): number {
  let records = 0;
  let quoted = false;
  let sawContent = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      if (sawContent) records++;
      sawContent = false;
      continue;
    }
    if (ch !== '\r') sawContent = true;
  }
  if (sawContent) records++;
  return Math.max(records - 1, 0);
}

export function exportFile(kind: 'notifications' | 'calls' | 'payments' | 'audit', format: 'csv' | 'json', content: string, now?: Date): ExportFile {
  const rows = format === 'json' ? (JSON.parse(content) as unknown[]).length : csvRecordCount(content);
  return { filename: exportFilename(kind, format, now), mimeType: format === 'json' ? 'application/json' : 'text/csv', content, rows };
}
