/** One code from the knowledge base: meaning, next action, retry guidance, where it applies. */
import type { CodeEntry, CodeExplanation } from '../../../src-shared/knowledge';
import { RETRY_WORDS } from './retry-words';

const KIND_WORDS: Record<CodeEntry['kind'], string> = {
  'api-result': 'API result code',
  'payment-result': 'Payment result code',
  'sdk-event': 'Client SDK event code',
  'dispute-value': 'Dispute notification value',
};

export function CodeEntryCard({ entry, label }: { entry: CodeEntry | CodeExplanation; label?: string }) {
  const explanation = 'match' in entry ? entry : undefined;
  return (
    <article className="code-card" aria-label={`${entry.code}: ${KIND_WORDS[entry.kind]}`}>
      <header className="code-card-head">
        <code className="code-name">{entry.code}</code>
        <span className="badge">{KIND_WORDS[entry.kind]}</span>
        {entry.resultStatus ? <span className={`badge ${entry.resultStatus === 'S' ? 'ok' : entry.resultStatus === 'F' ? 'bad' : 'pending'}`}>resultStatus {entry.resultStatus}</span> : null}
        {label ? <span className="muted small">as {label}</span> : null}
      </header>
      <dl className="code-card-body">
        <dt>Meaning</dt>
        <dd>{entry.meaning}</dd>
        <dt>Next action</dt>
        <dd>{entry.nextAction}</dd>
        <dt>Retry</dt>
        <dd>{RETRY_WORDS[entry.retry]}</dd>
        <dt>Applies to</dt>
        <dd>
          {entry.apis.length > 0 ? entry.apis.join(', ') : 'unknown'}
          {entry.platforms ? ` (${entry.platforms.join(', ')} SDK)` : ''}
          {` · field ${entry.field}`}
        </dd>
        {entry.note ? (
          <>
            <dt>Note</dt>
            <dd>{entry.note}</dd>
          </>
        ) : null}
        {entry.pagesDisagree && entry.pagesDisagree.length > 0 ? (
          <>
            <dt>Pages disagree</dt>
            <dd>
              <ul className="notes">
                {entry.pagesDisagree.map((statement) => (
                  <li key={statement.page}><strong>{statement.page}:</strong> {statement.says}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {explanation && explanation.otherMeanings.length > 0 ? (
          <>
            <dt>Elsewhere</dt>
            <dd>
              <ul className="notes">
                {explanation.otherMeanings.map((other, i) => (
                  <li key={i}>In {other.apis.join(', ')} ({other.field}): {other.meaning}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}
