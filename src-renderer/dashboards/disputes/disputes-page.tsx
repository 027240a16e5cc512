/**
 * Disputes: chargebacks and compliance requests from notifyDispute, open ones sorted by defense
 * deadline with the time left; for the selected one, accept or defend (with confirmation),
 * evidence download and its history of notifications and calls. Read-only profiles see
 * everything and can download evidence, but cannot accept or defend.
 */
import { useEffect, useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import type { DisputeView } from '../../../src-shared/dispute-views';
import { errorShapeOf } from '../../bridge/client';
import { navigate, routeHref, useRouteParam } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { FieldList } from '../../components/field-list';
import { Loading } from '../../components/loading';
import { Money } from '../../components/money';
import { OutcomeView } from '../../components/outcome-view';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { useProfileMode } from '../../queries/app-status';
import { useDisputes } from '../../queries/disputes';
import { AcceptAction } from './accept-action';
import { DefenseForm } from './defense-form';
import { HOUR_MS, JUDGED_TEXT, msLeft, STATUS_TEXT, statusBadgeWord, timeLeftText } from './dispute-words';
import { EvidenceDownload } from './evidence-download';
import './disputes.css';

const PURPOSE = 'Chargebacks with defense deadlines: accept, defend, download evidence';

/** Re-render every minute so "time left" stays true while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export default function DisputesPage() {
  const mode = useProfileMode();
  const disputes = useDisputes();
  const selected = useRouteParam('id');
  const now = useNow();
  const list = disputes.data ?? [];
  const open = list.filter((d) => d.actionable);
  const closed = list.filter((d) => !d.actionable);
  const current = list.find((d) => d.disputeId === selected);

  return (
    <DashboardPage title="Disputes" purpose={PURPOSE} className="disputes-page">
      {mode.production ? <p className="warning" role="note">Production profile: accepting or defending a dispute asks you to type its disputeId.</p> : null}
      {mode.readOnly ? <p className="notice">The active profile is read-only: you can read disputes and download evidence, but not accept or defend.</p> : null}
      {disputes.isPending ? <Loading what="Loading disputes…" /> : null}
      {disputes.isError ? <ErrorPanel title="The disputes could not be listed" error={errorShapeOf(disputes.error)} onRetry={() => void disputes.refetch()} /> : null}
      {disputes.data && list.length === 0 ? (
        <EmptyState title="No disputes yet">
          <p>
            Disputes appear here when Antom sends notifyDispute to the receiver. On the embedded sandbox, pay a session whose amount ends in
            {' '}<code>81</code>–<code>85</code> (see docs/sandbox-scenarios.md), or raise one on a captured payment with
            {' '}<code>POST /__sandbox/payments/&lt;id&gt;/dispute</code>.
          </p>
        </EmptyState>
      ) : null}
      {disputes.data && list.length > 0 ? (
        <>
          <div className="panel">
            <DisputeTable caption={`Open disputes, soonest deadline first (${open.length})`} rows={open} now={now} selected={selected} open />
            {open.length === 0 ? <p className="muted">No dispute is waiting for an answer.</p> : null}
          </div>
          {current ? <DisputeDetail key={current.disputeId} dispute={current} now={now} readOnly={mode.readOnly} production={mode.production} /> : (
            selected ? <p className="warning" role="note">The journal knows no dispute {selected}.</p> : <p className="muted">Select a dispute to accept it, defend it, download evidence or read its history.</p>
          )}
          <div className="panel">
            <DisputeTable caption={`Answered and closed disputes (${closed.length})`} rows={closed} now={now} selected={selected} open={false} />
            {closed.length === 0 ? <p className="muted">None yet.</p> : null}
          </div>
        </>
      ) : null}
    </DashboardPage>
  );
}

function DisputeTable({ caption, rows, now, selected, open }: { caption: string; rows: DisputeView[]; now: number; selected: string | undefined; open: boolean }) {
  if (rows.length === 0) return <h3>{caption}</h3>;
  return (
    <div className="table-scroll">
      <table className="data disputes-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{open ? 'Time left' : 'Status'}</th>
            <th scope="col">Defense due</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Reason</th>
            <th scope="col">Payment</th>
            <th scope="col">disputeId</th>
            <th scope="col"><span className="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => {
            const left = msLeft(d, now);
            const urgent = open && left !== undefined && left <= 48 * HOUR_MS;
            return (
              <tr key={d.disputeId} className={d.disputeId === selected ? 'selected' : undefined} aria-selected={d.disputeId === selected}>
                <td>
                  {open ? <span className={urgent ? 'time-left urgent' : 'time-left'}>{timeLeftText(left)}</span> : <StatusBadge status={statusBadgeWord(d)} label={d.status === 'JUDGED' && d.judgedResult ? `JUDGED ${d.judgedResult}` : STATUS_TEXT[d.status]} />}
                </td>
                <td><Time value={d.defenseDueTime} /></td>
                <td className="num"><Money amount={d.amount} /></td>
                <td>{d.reasonMsg ?? <span className="muted">—</span>}{d.reasonCode ? <span className="muted small"> ({d.reasonCode})</span> : null}</td>
                <td>{d.paymentId || d.paymentRequestId ? <a href={routeHref('payments', { id: d.paymentId ?? d.paymentRequestId ?? undefined })}><code>{d.paymentRequestId ?? d.paymentId}</code></a> : <span className="muted">—</span>}</td>
                <td><code>{d.disputeId}</code></td>
                <td>
                  <button type="button" aria-label={`Select dispute ${d.disputeId}`} aria-pressed={d.disputeId === selected} onClick={() => navigate('disputes', { id: d.disputeId })}>Select</button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DisputeDetail({ dispute: d, now, readOnly, production }: { dispute: DisputeView; now: number; readOnly: boolean; production: boolean }) {
  const left = msLeft(d, now);
  const [answer, setAnswer] = useState<{ title: string; outcome: CallOutcome<unknown> } | undefined>();
  return (
    <div className="panel dispute-detail" role="region" aria-label={`Dispute ${d.disputeId}`}>
      <div className="payment-head">
        <h3>Dispute <code>{d.disputeId}</code> <StatusBadge status={statusBadgeWord(d)} label={STATUS_TEXT[d.status]} /></h3>
        {d.paymentId || d.paymentRequestId ? <a href={routeHref('payments', { id: d.paymentId ?? d.paymentRequestId ?? undefined })}>Open the payment</a> : null}
      </div>
      <div className="grid-2">
        <FieldList rows={[
          ['Amount', <Money amount={d.amount} />],
          ['Reason', d.reasonMsg ? `${d.reasonMsg}${d.reasonCode ? ` (${d.reasonCode})` : ''}` : d.reasonCode],
          ['Type', d.disputeType],
          ['Raised', <Time value={d.disputeTime} />],
          ['Defense due', d.defenseDueTime ? <><Time value={d.defenseDueTime} />{d.actionable ? <> <span className={left !== undefined && left <= 48 * HOUR_MS ? 'time-left urgent' : 'time-left'}>({timeLeftText(left)})</span></> : null}</> : null],
          ['Judged', d.judgedResult ? <><strong>{d.judgedResult}</strong> <span className="muted small">{JUDGED_TEXT[d.judgedResult] ?? ''}</span></> : null],
          ['Judged at', d.judgedTime ? <Time value={d.judgedTime} /> : null],
          ['Judged amount', d.judgedAmount ? <Money amount={d.judgedAmount} /> : null],
          ['Payment', d.paymentRequestId ?? d.paymentId],
          ['Profile', d.profile],
        ]} />
        <DisputeHistory dispute={d} />
      </div>
      <div className="dispute-actions">
        {d.actionable && !readOnly ? (
          <>
            <DefenseForm disputeId={d.disputeId} production={production} onOutcome={(outcome) => setAnswer({ title: 'Defense result', outcome })} />
            <AcceptAction disputeId={d.disputeId} amount={d.amount} production={production} onOutcome={(outcome) => setAnswer({ title: 'Accept result', outcome })} />
          </>
        ) : (
          <p className="muted">{readOnly ? 'Read-only profile: accept and defend are hidden.' : `Nothing to answer now (${STATUS_TEXT[d.status]}).`}</p>
        )}
        <EvidenceDownload disputeId={d.disputeId} defenseSupplied={d.defenseSupplied} />
      </div>
      {answer ? <OutcomeView outcome={answer.outcome} title={answer.title} /> : null}
    </div>
  );
}

function DisputeHistory({ dispute }: { dispute: DisputeView }) {
  return (
    <div>
      <h4>History</h4>
      <ol className="dispute-history" aria-label={`History of dispute ${dispute.disputeId}`}>
        {dispute.history.map((h) => (
          <li key={`${h.source}-${h.ref}`}>
            <Time value={h.at} /> <span className="history-icon" aria-hidden="true">{h.source === 'notification' ? '✉' : '⇢'}</span>{' '}
            <span title={h.source === 'call' ? `API log call #${h.ref}` : `Notification #${h.ref}`}>{h.summary}</span>
            {h.copies && h.copies > 1 ? <span className="muted small"> ({h.copies} copies)</span> : null}
            {h.verified === false ? <span className="muted small"> (signature verified; type not yet known to the receiver)</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
