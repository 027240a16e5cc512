/**
 * Files in and out of the Disputes dashboard: reading a chosen defense document into Base64
 * (Antom's disputeEvidence is Base64, at most 1,000,000 characters), judging what can be
 * previewed, and saving downloaded evidence with an extension that matches its format.
 */

/** 1,000,000 Base64 characters hold at most 750,000 bytes. */
export const MAX_EVIDENCE_BYTES = 750_000;

/** The formats Antom names for dispute evidence (downloadDisputeEvidence.disputeEvidenceFormat). */
const ANTOM_FORMATS: ReadonlyArray<{ format: string; test: RegExp }> = [
  { format: 'PDF', test: /(^application\/pdf$)|\.pdf$/i },
  { format: 'JPG', test: /(^image\/jpe?g$)|\.jpe?g$/i },
  { format: 'WORD', test: /(msword|officedocument\.wordprocessingml)|\.docx?$/i },
  { format: 'ZIP', test: /(^application\/(x-)?zip)|\.zip$/i },
];

export interface ChosenDocument {
  name: string;
  type: string;
  size: number;
  base64: string;
  /** PDF, JPG, WORD or ZIP when the file is one of Antom's evidence formats. */
  antomFormat: string | undefined;
  preview: { kind: 'image'; dataUrl: string } | { kind: 'text'; text: string; truncated: boolean } | { kind: 'none' };
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / (1024 * 1024)).toFixed(2)} MB`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const TEXT_PREVIEW_CHARS = 4000;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function isText(type: string, name: string): boolean {
  return type.startsWith('text/') || type === 'application/json' || /\.(txt|csv|json|md|log)$/i.test(name);
}

export async function readDocument(file: File): Promise<ChosenDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const base64 = toBase64(bytes);
  const type = file.type || 'unknown';
  const antomFormat = ANTOM_FORMATS.find((f) => f.test.test(file.type) || f.test.test(file.name))?.format;
  let preview: ChosenDocument['preview'] = { kind: 'none' };
  if (IMAGE_TYPES.has(file.type)) preview = { kind: 'image', dataUrl: `data:${file.type};base64,${base64}` };
  else if (isText(file.type, file.name)) {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, TEXT_PREVIEW_CHARS * 4));
    preview = { kind: 'text', text: text.slice(0, TEXT_PREVIEW_CHARS), truncated: text.length > TEXT_PREVIEW_CHARS || bytes.length > TEXT_PREVIEW_CHARS * 4 };
  }
  return { name: file.name, type, size: bytes.length, base64, antomFormat, preview };
}

const EXTENSION: Record<string, { ext: string; mime: string }> = {
  PDF: { ext: 'pdf', mime: 'application/pdf' },
  JPG: { ext: 'jpg', mime: 'image/jpeg' },
  WORD: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  ZIP: { ext: 'zip', mime: 'application/zip' },
};

/** Save Base64 evidence as a file; a Blob URL on <a download> is a download, not a navigation. */
export function saveEvidence(base64: string, format: string | undefined, baseName: string): string {
  const kind = (format && EXTENSION[format]) || { ext: 'bin', mime: 'application/octet-stream' };
  const filename = `${baseName}.${kind.ext}`;
  const url = URL.createObjectURL(new Blob([fromBase64(base64)], { type: kind.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
  return filename;
}
