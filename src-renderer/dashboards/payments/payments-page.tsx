/**
 * Payments: find a payment by any of its IDs, follow it with inquiry polling until Antom gives a
 * final status, and read its story: timeline, derived state, money, transactions, mismatches.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import { isCapturable } from '../../../src-shared/payment-summary';
import type { PaymentTimeline } from '../../../src-shared/journal-views';
import type { KnowledgeScope } from '../../../src-shared/knowledge';
import { errorShapeOf } from '../../bridge/client';
import { navigate, routeHref, useRouteParam } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { FailureExplanation } from '../../components/failure-explanation';
import { Loading } from '../../components/loading';
import { OutcomeView } from '../../components/outcome-view';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { useProfileMode } from '../../queries/app-status';
import { useInquiryPayment } from '../../queries/calls-outcomes';
import { FINAL_PAYMENT_STATUSES, paymentKeys, usePaymentPoller, useTimeline } from '../../queries/payments';
import { readInquiry } from './inquiry-view';
import { MoneySummaryTable } from './money-summary';
import { TimelineList } from './timeline-list';
import { TransactionsTable } from './transactions-table';
import { PaymentsList } from '../payments-list/payments-list';
import { isStale } from './staleness';
import { getBridge } from '../../bridge/client';

export default function PaymentsPage() {
  const id = useRouteParam('id');
  const autoPoll = useRouteParam('poll') === '1';
  const [text, setText] = useState(id ?? '');
  useEffect(() => setText(id ?? ''), [id]);

  return (
    <DashboardPage title="Payments" purpose="Every payment the journal knows: filter, sort, share a view; open one to read its story">
      <form className="row find-form" role="search" aria-label="Find a payment" onSubmit={(e) => { e.preventDefault(); if (text.trim()) navigate('payments', { id: text.trim() }); }}>
        <label htmlFor="payment-find-input">paymentRequestId, paymentId or referenceOrderId</label>
        <input id="payment-find-input" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} maxLength={64} size={36} />
        <button type="submit" className="primary">Find payment</button>
      </form>
      {id ? (
        <>
          <p><a href={routeHref('payments')}>← All payments</a></p>
          <PaymentDetail key={id} id={id} autoPoll={autoPoll} />
        </>
      ) : (
        <PaymentsList />
      )}
    </DashboardPage>
  );
}

function newest(a: CallOutcome<unknown> | undefined, b: CallOutcome<unknown> | undefined): CallOutcome<unknown> | undefined {
  if (!a) return b;
  if (!b) return a;
  return Number(b.requestTime) > Number(a.requestTime) ? b : a;
}

/**
 * Why a failed payment failed: the newest failure code Antom stated (the inquiry's
 * paymentResultCode, else a verified notification or call answering F).
 */
function failureOf(data: PaymentTimeline | undefined, snapshot: ReturnType<typeof readInquiry> | undefined): { code: string; scope: KnowledgeScope } | undefined {
  if (!data || data.state !== 'FAILED') return undefined;
  if (snapshot?.paymentStatus === 'FAIL' && snapshot.paymentResultCode) return { code: snapshot.paymentResultCode, scope: 'inquiryPayment' };
  const failed = [...data.events].reverse().find((e) => e.resultStatus === 'F' && e.resultCode && (e.source === 'call' || e.verification === 'verified'));
  if (!failed?.resultCode) return undefined;
  return { code: failed.resultCode, scope: failed.source === 'notification' ? 'notifyPayment' : 'inquiryPayment' };
}

function PaymentDetail({ id, autoPoll }: { id: string; autoPoll: boolean }) {
  const client = useQueryClient();
  const mode = useProfileMode();
  const timeline = useTimeline(id);
  const [polling, setPolling] = useState(autoPoll);
  const data = timeline.data ?? undefined;
  // Inquire with the paymentId once known (Antom prefers it), else the request ID; a bare ID
  // the journal has never seen is tried as a paymentRequestId.
  const ids = data
    ? { paymentId: data.paymentIds[0], paymentRequestId: data.paymentRequestIds[0] }
    : timeline.data === null ? { paymentRequestId: id } : undefined;
  const poller = usePaymentPoller(ids, polling);
  const inquire = useInquiryPayment();
  const last = newest(poller.data, inquire.data);
  const snapshot = last ? readInquiry(last.response) : undefined;
  const pollFinal = Boolean(poller.data && FINAL_PAYMENT_STATUSES.has(readInquiry(poller.data.response).paymentStatus ?? ''));
  const pollingActive = polling && !pollFinal;

  // Stale stored state (staleness.ts): ask Antom once in the background, without a button.
  const [background, setBackground] = useState<'idle' | 'asking' | 'done' | 'failed'>('idle');
  const newestAt = data?.events[data.events.length - 1]?.at;
  const stale = data ? isStale(data.state, newestAt, Date.now()) : false;
  useEffect(() => {
    if (!stale || polling || background !== 'idle' || !ids) return;
    setBackground('asking');
    void getBridge()
      .inquiryPayment({ ...(ids.paymentId ? { paymentId: ids.paymentId } : { paymentRequestId: ids.paymentRequestId ?? id }), trigger: 'poller' })
      .then((result) => {
        setBackground(result.ok ? 'done' : 'failed');
        void client.invalidateQueries({ queryKey: paymentKeys.timeline(id) });
      });
  }, [stale, polling, background, ids, id, client]);

  // Each poll answer changes the story; refresh the timeline even when no push arrives.
  useEffect(() => {
    if (poller.dataUpdatedAt) void client.invalidateQueries({ queryKey: paymentKeys.timeline(id) });
  }, [poller.dataUpdatedAt, client, id]);

  if (timeline.isPending) return <Loading what={`Loading the timeline of ${id}…`} />;
  if (timeline.isError) return <ErrorPanel title="The timeline could not be read" error={errorShapeOf(timeline.error)} onRetry={() => void timeline.refetch()} />;

  const captureKey = data?.paymentIds[0];
  const failure = failureOf(data, snapshot);
  const capturable = data ? isCapturable(data.summary) : false;

  return (
    <div className="payment-detail">
      <div className="panel">
        <div className="payment-head">
          <div>
            <h3>
              Payment <code>{data?.paymentRequestIds[0] ?? id}</code>
            </h3>
            <p className="muted small">
              {data ? <>paymentId {data.paymentIds.length > 0 ? data.paymentIds.map((p) => <code key={p}>{p} </code>) : '(not known yet)'}</> : 'The journal has no record of this ID yet.'}
            </p>
          </div>
          {data ? <StatusBadge status={data.state} title="State derived from every call and verified notification" /> : null}
        </div>
        <div className="row polling-controls">
          {pollingActive ? (
            <button type="button" onClick={() => setPolling(false)}>Stop polling</button>
          ) : (
            <button type="button" onClick={() => { setPolling(true); if (pollFinal) void poller.refetch(); }}>Start polling</button>
          )}
          <button type="button" disabled={inquire.isPending || !ids} onClick={() => ids && inquire.mutate(ids.paymentId ? { paymentId: ids.paymentId } : { paymentRequestId: ids.paymentRequestId ?? id })}>
            {inquire.isPending ? 'Inquiring…' : 'Inquire now'}
          </button>
          <span role="status" aria-live="polite" className="poll-indicator">
            {pollingActive ? <><span className="spinner" aria-hidden="true" />polling… (every 2 s until SUCCESS, FAIL or CANCELLED)</> : pollFinal ? 'Polling stopped: final status reached.' : polling ? '' : 'Not polling.'}
          </span>
          {mode.readOnly || !capturable || !captureKey ? null : <a href={routeHref('captures', { id: captureKey })}>Capture, cancel or refund in Captures</a>}
          {!mode.readOnly && data && (data.state === 'PAID' || data.state === 'CAPTURED' || data.state === 'PARTIALLY_REFUNDED') && captureKey ? <a href={routeHref('captures', { id: captureKey })}>Refund in Captures</a> : null}
        </div>
        {background === 'asking' ? <p className="small muted" role="status"><span className="spinner" aria-hidden="true" />The stored state may be out of date: asking Antom in the background…</p> : null}
        {background === 'failed' ? <p className="small muted" role="status">The background inquiry did not answer; the state below is what the journal last recorded.</p> : null}
        {poller.isError ? <ErrorPanel title="The last poll failed (polling continues)" error={errorShapeOf(poller.error)} /> : null}
        {inquire.isError ? <ErrorPanel title="The inquiry failed" error={errorShapeOf(inquire.error)} /> : null}
        {failure ? <FailureExplanation code={failure.code} scope={failure.scope} field="paymentResultCode" lead="The payment failed." /> : null}
        {snapshot ? (
          <p className="small">
            Last inquiry <Time value={last?.requestTime} />: <StatusBadge status={snapshot.paymentStatus ?? 'UNKNOWN'} />
            {snapshot.paymentResultCode ? <> <code>{snapshot.paymentResultCode}</code></> : null}
            {snapshot.authExpiryTime ? <> · authorisation expires <Time value={snapshot.authExpiryTime} /></> : null}
          </p>
        ) : null}
      </div>

      {data?.alsoMatches && data.alsoMatches.length > 1 ? (
        <div className="panel" role="region" aria-label="Payments matching this ID">
          <p className="warning" role="note"><code>{id}</code> names {data.alsoMatches.length} payments (e.g. a reused referenceOrderId). Showing the newest; open another:</p>
          <ul className="link-list">
            {data.alsoMatches.map((p) => (
              <li key={`${p.paymentRequestId ?? ''}|${p.paymentId ?? ''}`}>
                <a href={routeHref('payments', { id: p.paymentId ?? p.paymentRequestId ?? id })}>{p.paymentRequestId ?? '(no request ID)'} · {p.paymentId ?? '(no payment ID yet)'}</a>{' '}
                <StatusBadge status={p.state} /> {p.amount?.display ?? ''} {p.updatedAt ? <Time value={p.updatedAt} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {data && data.mismatches.length > 0 ? (
        <div className="panel mismatches" role="region" aria-label="Mismatches">
          <h3>Mismatches</h3>
          <ul className="warnings">
            {data.mismatches.map((m) => (
              <li key={`${m.kind}-${m.message}`} className="warning" data-kind={m.kind}>
                <strong>{m.kind.replace(/-/g, ' ')}:</strong> {m.message}{m.at ? <> (<Time value={m.at} />)</> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="grid-2">
        <div className="panel">
          <h3>Timeline</h3>
          {data && data.events.length > 0 ? (
            <TimelineList events={data.events} />
          ) : (
            <EmptyState title="No events recorded for this ID">
              <p>Start polling or press Inquire now to ask Antom about it; check the ID if nothing is found.</p>
            </EmptyState>
          )}
        </div>
        <div className="stack">
          <div className="panel">
            {data?.money ? <MoneySummaryTable money={data.money} released={data.summary.released} /> : <p className="muted">No amounts known yet: they appear once a session, inquiry or notification names them.</p>}
          </div>
          <div className="panel">
            <h3>Transactions</h3>
            {snapshot ? (
              <TransactionsTable transactions={snapshot.transactions} />
            ) : data && data.transactions.length > 0 ? (
              <TransactionsTable transactions={data.transactions.map((t) => ({ ...t, resultStatus: undefined, resultCode: undefined }))} source="journal" />
            ) : (
              <p className="muted">No captures or refunds recorded for this payment yet. They appear here from calls, notifications and inquiries as they are journaled.</p>
            )}
          </div>
          {data && data.events.some((e) => e.kind === 'dispute') ? (
            <div className="panel">
              <h3>Disputes</h3>
              <ul className="plain-list">
                {data.events.filter((e) => e.kind === 'dispute').map((e) => (
                  <li key={`${e.source}-${e.ref}`}><Time value={e.at} /> {e.summary} <a href={routeHref('disputes')}>Open Disputes</a></li>
                ))}
              </ul>
            </div>
          ) : null}
          {last ? (
            <details className="panel">
              <summary>Last inquiry in full</summary>
              <OutcomeView outcome={last} />
            </details>
          ) : null}
        </div>
      </div>
    </div>
  );
}
