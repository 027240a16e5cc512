/**
 * An Antom result: S/F/U, the code, and what it means on hover (and for screen readers via the
 * title). The explanation comes from the shared knowledge base, so it runs without a round trip.
 */
import { explainResultCode, type CodeField, type KnowledgeApi } from '../../src-shared/knowledge';

const STATUS_WORDS: Record<string, string> = { S: 'success', F: 'failed', U: 'unknown' };

export function ResultBadge({ status, code, api, field, showCode = true }: { status: string | null | undefined; code: string | null | undefined; api?: KnowledgeApi; field?: CodeField; showCode?: boolean }) {
  if (!status && !code) return <span className="muted">—</span>;
  const explanation = code ? explainResultCode(code, api, field) : undefined;
  const tone = status === 'S' ? 'ok' : status === 'F' ? 'bad' : 'pending';
  const title = explanation ? `${explanation.meaning}\nNext: ${explanation.nextAction}` : undefined;
  return (
    <span className={`result-badge badge ${tone}`} title={title} data-result-status={status ?? undefined}>
      <span className="result-status" aria-label={status ? `result ${STATUS_WORDS[status] ?? status}` : undefined}>{status ?? '?'}</span>
      {showCode && code ? <code className="result-code">{code}</code> : null}
    </span>
  );
}
