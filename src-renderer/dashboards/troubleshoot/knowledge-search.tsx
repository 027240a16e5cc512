/**
 * Search the code knowledge base: runs in the page over the shared data (no round trip), so it
 * answers as you type.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { ALL_CODE_ENTRIES, searchKnowledge, type CodeEntry } from '../../../src-shared/knowledge';
import { EmptyState } from '../../components/empty-state';
import { CodeEntryCard } from './code-entry-card';

const KINDS: ReadonlyArray<readonly [CodeEntry['kind'] | '', string]> = [
  ['', 'All codes'],
  ['api-result', 'API result codes'],
  ['payment-result', 'Payment result codes'],
  ['sdk-event', 'Client SDK event codes'],
  ['dispute-value', 'Dispute notification values'],
];
const SHOWN = 30;

export function KnowledgeSearch() {
  const id = useId();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<CodeEntry['kind'] | ''>('');
  const deferred = useDeferredValue(query);
  const results = useMemo(() => {
    const entries = deferred.trim() === '' ? ALL_CODE_ENTRIES : searchKnowledge(deferred, ALL_CODE_ENTRIES.length).map((hit) => hit.entry);
    return entries.filter((entry) => kind === '' || entry.kind === kind);
  }, [deferred, kind]);

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Code knowledge base</h3>
      <p className="muted small">
        {ALL_CODE_ENTRIES.length} Antom result codes, client SDK event codes and dispute notification values, with what they mean and what to do next. Search by code or by words (e.g. "risk", "expired", "capture").
      </p>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-q`}>Search codes</label>
          <input id={`${id}-q`} type="search" placeholder="UNKNOWN_EXCEPTION, SDK_PAYMENT_CANCEL, insufficient…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CodeEntry['kind'] | '')}>
            {KINDS.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </select>
        </div>
      </div>
      <p className="small" role="status" aria-live="polite">
        {results.length === 0 ? '' : results.length > SHOWN ? `${results.length} codes match; the first ${SHOWN} are shown. Type more to narrow down.` : `${results.length} code${results.length === 1 ? '' : 's'} match.`}
      </p>
      {results.length === 0 ? (
        <EmptyState title="No code matches">
          The console knows the codes in the Antom docs of 2024 and the official SDKs. Try fewer words, or look the code up on docs.antom.com.
        </EmptyState>
      ) : (
        <div className="code-list">
          {results.slice(0, SHOWN).map((entry, index) => <CodeEntryCard key={`${entry.code}-${entry.field}-${index}`} entry={entry} />)}
        </div>
      )}
    </section>
  );
}
