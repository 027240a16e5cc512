/**
 * One box for any ID: paymentRequestId, paymentId, captureRequestId, refundId, referenceOrderId...
 * One payment found: open it in Payments. Several (or only calls/notifications): list them.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FindByIdResult } from '../../src-shared/journal-views';
import { errorShapeOf, getBridge, unwrap } from '../bridge/client';
import { ErrorPanel } from '../components/error-panel';
import { Time } from '../components/time';
import { ResultBadge } from '../components/result-badge';
import { StatusBadge } from '../components/status-badge';
import { searchKeys } from '../queries/search';
import { navigate, routeHref, useRoute } from './router';

export interface GlobalSearchHandle {
  focus: () => void;
}

type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching'; id: string }
  | { kind: 'results'; result: FindByIdResult }
  | { kind: 'error'; error: ReturnType<typeof errorShapeOf> };

export const GlobalSearch = forwardRef<GlobalSearchHandle>(function GlobalSearch(_props, ref) {
  const client = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }), []);
  // Results belong to the page they were asked from: any navigation (a result link, the
  // dashboard list, a shortcut, Back) closes them instead of leaving them over the next page.
  const route = useRoute();
  const where = `${route.key}?${route.params.toString()}`;
  useEffect(() => {
    setState((current) => (current.kind === 'results' || current.kind === 'error' ? { kind: 'idle' } : current));
  }, [where]);

  const search = async () => {
    const id = text.trim();
    if (!id) return;
    setState({ kind: 'searching', id });
    try {
      const result = await client.fetchQuery({ queryKey: searchKeys.find(id), queryFn: async () => unwrap(await getBridge().findById({ id })), staleTime: 0 });
      const only = result.payments.length === 1 ? result.payments[0] : undefined;
      if (only) {
        setState({ kind: 'idle' });
        navigate('payments', { id: only.paymentId ?? only.paymentRequestId ?? id });
        return;
      }
      setState({ kind: 'results', result });
    } catch (error) {
      setState({ kind: 'error', error: errorShapeOf(error) });
    }
  };

  const close = () => setState({ kind: 'idle' });

  return (
    <div className="global-search" onKeyDown={(e) => { if (e.key === 'Escape' && state.kind !== 'idle') { e.stopPropagation(); close(); } }}>
      <form role="search" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <label htmlFor="global-search-input" className="visually-hidden">Search any ID</label>
        <input
          ref={inputRef}
          id="global-search-input"
          type="search"
          placeholder="Search any ID (/)"
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          aria-keyshortcuts="/"
        />
        <button type="submit" disabled={state.kind === 'searching'}>{state.kind === 'searching' ? 'Searching…' : 'Search'}</button>
      </form>
      {state.kind === 'error' ? (
        <div className="search-results" role="region" aria-label="Search results">
          <ErrorPanel title="The search failed" error={state.error} onRetry={() => void search()} />
          <button type="button" onClick={close}>Close</button>
        </div>
      ) : null}
      {state.kind === 'results' ? <SearchResults result={state.result} onClose={close} /> : null}
    </div>
  );
});

function SearchResults({ result, onClose }: { result: FindByIdResult; onClose: () => void }) {
  const nothing = result.payments.length === 0 && result.calls.length === 0 && result.notifications.length === 0;
  return (
    <div className="search-results" role="region" aria-label="Search results">
      <div className="search-results-head">
        <strong>Results for <code>{result.id}</code></strong>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {nothing ? (
        <p className="muted">Nothing in the journal mentions this ID. Check for typos; IDs are matched exactly, and old records may have been pruned (Settings → retention).</p>
      ) : null}
      {result.payments.length > 0 ? (
        <>
          <h3>Payments ({result.payments.length})</h3>
          <ul className="link-list">
            {result.payments.map((p, i) => {
              const key = p.paymentId ?? p.paymentRequestId ?? result.id;
              // summaries[i] is the same payment, derived by the one function in core.
              const summary = result.summaries[i];
              return (
                <li key={`${p.paymentRequestId}|${p.paymentId}`}>
                  <a href={routeHref('payments', { id: key })} onClick={onClose}>
                    {p.paymentRequestId ?? '(no request ID)'} · {p.paymentId ?? '(no payment ID yet)'}
                  </a>
                  {summary ? <> <StatusBadge status={summary.state} /> {summary.amount?.display ?? ''} {summary.updatedAt ? <Time value={summary.updatedAt} /> : null}</> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {result.calls.length > 0 ? (
        <>
          <h3>API calls ({result.calls.length})</h3>
          <ul className="link-list">
            {result.calls.slice(0, 10).map((c) => (
              <li key={c.id}>
                <a href={routeHref('api-log', { id: String(c.id) })} onClick={onClose}>{c.api}</a> <ResultBadge status={c.resultStatus} code={c.resultCode} api={c.api} /> <Time value={c.startedAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.notifications.length > 0 ? (
        <>
          <h3>Notifications ({result.notifications.length})</h3>
          <ul className="link-list">
            {result.notifications.slice(0, 10).map((n) => (
              <li key={n.id}>
                <a href={routeHref('notifications', { id: String(n.id) })} onClick={onClose}>{n.notifyType}</a> {n.verification} <Time value={n.receivedAt} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
