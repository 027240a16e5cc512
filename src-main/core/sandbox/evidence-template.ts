/**
 * The "dispute evidence template" the sandbox hands out for downloadDisputeEvidence
 * (DISPUTE_EVIDENCE_TEMPLATE): Antom's is a pre-filled merchant letter; the sandbox's is a real,
 * one-page PDF with the dispute's facts, so a download can be opened in any PDF viewer.
 */

/** PDF string literal: backslash, parentheses escaped; non-ASCII replaced (the base font is Latin-1 only). */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
}

export function evidenceTemplatePdf(lines: readonly string[]): Buffer {
  const content = ['BT', '/F1 12 Tf', '14 TL', '56 780 Td', ...lines.map((l) => `(${pdfText(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** disputeEvidenceFormat of an uploaded document, from its first bytes (WORD, PDF, ZIP, JPG per Antom's reference). */
export function evidenceFormatOf(bytes: Buffer): 'WORD' | 'PDF' | 'ZIP' | 'JPG' | undefined {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'PDF';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPG';
  // .docx is a ZIP whose first entry is [Content_Types].xml or word/...; .doc is an OLE2 file.
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const head = bytes.subarray(0, 2048).toString('latin1');
    return head.includes('word/') ? 'WORD' : 'ZIP';
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'WORD';
  return undefined;
}
