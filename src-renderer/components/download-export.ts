/**
 * Save an export (CSV/JSON text built by main) as a file. A Blob URL on an <a download> is a
 * download, not a navigation, so the CSP (no connect/frame to blob:) and the navigation guards
 * do not apply; the URL is revoked once the click has been handled.
 */
import type { ExportFile } from '../../src-shared/contract';

export function downloadExport(file: ExportFile): void {
  const blob = new Blob([file.content], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; revoking on the next task keeps it valid until then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
