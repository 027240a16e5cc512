/**
 * The journal keeps a short stand-in for dispute documents instead of their Base64 bytes.
 *
 * Why: supplyDefenseDocument sends, and downloadDisputeEvidence answers, a whole document (up to
 * 1,000,000 Base64 characters). Stored verbatim it would bloat every journal export, carry the
 * buyer's personal data (invoices, delivery proofs) past redaction, which reads JSON keys, not
 * documents, and could even trip the key-material guard. The signed bytes sent to Antom are
 * untouched; only the journal copy changes. The stand-in keeps the size and a SHA-256 so two
 * uploads can still be told apart.
 */
import { createHash } from 'node:crypto';
import type { AntomApiName } from './call-record';

const EVIDENCE_FIELD = 'disputeEvidence';

function evidenceStandIn(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const sha = createHash('sha256').update(bytes).digest('hex');
  return `[document: ${bytes.length} bytes, sha256 ${sha}; not stored in the journal]`;
}

/** The body text the journal stores for `api`; other APIs' bodies come back unchanged. */
export function journalCopy(api: AntomApiName, text: string): string {
  if (api !== 'supplyDefenseDocument' && api !== 'downloadDisputeEvidence') return text;
  if (!text.includes(`"${EVIDENCE_FIELD}"`)) return text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return text;
    const record = parsed as Record<string, unknown>;
    const evidence = record[EVIDENCE_FIELD];
    if (typeof evidence !== 'string') return text;
    return JSON.stringify({ ...record, [EVIDENCE_FIELD]: evidenceStandIn(evidence) });
  } catch {
    return text;
  }
}
