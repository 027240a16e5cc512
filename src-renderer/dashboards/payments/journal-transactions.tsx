/**
 * The payment's captures, refunds and cancels as the journal knows them (calls and verified
 * notifications), shown as soon as the detail opens: no "Inquire now" needed. Antom's own list
 * (transactions[] of an inquiry) is shown beside it once an inquiry has answered.
 */
import type { TimelineEvent } from '../../../src-shared/journal-views';
import { routeHref } from '../../app/router';
import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';

const TYPE_OF: Record<string, string> = { capture: 'Capture', refund: 'Refund', cancel: 'Cancel', 'refund-inquiry': 'Refund (inquiry)', CAPTURE_RESULT: 'Capture (notification)', REFUND_RESULT: 'Refund (notification)' };

export function journalTransactions(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => e.kind === 'capture' || e.kind === 'refund' || e.kind === 'cancel' || e.kind === 'refund-inquiry'
    || (e.kind === 'notification' && e.verification === 'verified' && (e.notifyType === 'CAPTURE_RESULT' || e.notifyType === 'REFUND_RESULT')));
}

export function JournalTransactions({ events }: { events: readonly TimelineEvent[] }) {
  const rows = journalTransactions(events);
  if (rows.length === 0) return <p className="muted">No capture, refund or cancel is recorded for this payment.</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>Captures, refunds and cancels recorded in the journal</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Result</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Time</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={`${e.source}-${e.ref}`}>
              <td>{TYPE_OF[e.kind === 'notification' ? e.notifyType ?? '' : e.kind] ?? e.kind}</td>
              <td>{e.status ? <StatusBadge status={e.status} /> : <ResultBadge status={e.resultStatus} code={e.resultCode} />}</td>
              <td className="num">{e.amount ? <Money amount={e.amount} /> : '—'}</td>
              <td><Time value={e.at} /></td>
              <td>{e.source === 'call' ? <a href={routeHref('api-log', { id: String(e.ref) })}>call #{e.ref}</a> : <a href={routeHref('notifications', { id: String(e.ref) })}>notification #{e.ref}</a>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
