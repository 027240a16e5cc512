/**
 * Paste a log line or a JSON answer: every known code in it explained, and every ID the journal
 * knows linked to its payment.
 */
import { useId, useState, type FormEvent } from 'react';
import { routeHref } from '../../app/router';
import { errorShapeOf } from '../../bridge/client';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { useExplainLog } from '../../queries/troubleshoot';
import { CodeEntryCard } from './code-entry-card';

export function ExplainLog() {
  const id = useId();
  const [text, setText] = useState('');
  const explain = useExplainLog();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) explain.mutate(text);
  };
  const result = explain.data;
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Explain a log</h3>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-text`}>Log line or JSON</label>
          <textarea
            id={`${id}-text`}
            className="wide"
            rows={6}
            placeholder={'2026-05-01 10:02:03 capture paymentId=2026050112345 resultCode=UNKNOWN_EXCEPTION\n{"result":{"resultCode":"PAYMENT_IN_PROCESS","resultStatus":"U"}}'}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p className="field-help">Codes are explained for the API named in the text (a /payments/capture path picks the capture meaning). IDs the journal knows link to their payment.</p>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={explain.isPending || text.trim() === ''}>{explain.isPending ? 'Explaining…' : 'Explain'}</button>
        </div>
      </form>
      {explain.isError ? <ErrorPanel title="The log could not be explained" error={errorShapeOf(explain.error)} /> : null}
      {result ? (
        <div className="explain-result" role="region" aria-label="Explanation">
          {result.ids.length > 0 ? (
            <>
              <h4>Payments mentioned</h4>
              <ul className="link-list">
                {result.ids.map((found) => (
                  <li key={found.id}>
                    <code>{found.id}</code>:{' '}
                    {found.payments.length === 0
                      ? 'in the journal, not tied to a payment'
                      : found.payments.map((p, i) => {
                          const key = p.paymentId ?? p.paymentRequestId;
                          return key ? (
                            <a key={i} href={routeHref('payments', { id: key })}>
                              Open payment {p.paymentRequestId ?? p.paymentId}
                            </a>
                          ) : null;
                        })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>Codes found</h4>
          {result.codes.length === 0 ? (
            <EmptyState title="No known code in this text">Codes look like UPPER_CASE_WITH_UNDERSCORES (e.g. ORDER_NOT_EXIST) or SUCCESS. Paste the full response or log line.</EmptyState>
          ) : (
            <div className="code-list">
              {result.codes.map((mention) => <CodeEntryCard key={mention.code} entry={mention.explanation} label={mention.label} />)}
            </div>
          )}
        </div>
      ) : null}
    </section>
  );
}
