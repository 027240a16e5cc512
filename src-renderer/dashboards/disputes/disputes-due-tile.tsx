/** The Overview's list of open disputes whose defense deadline falls in the next 48 hours. */
import { routeHref } from '../../app/router';
import { Money } from '../../components/money';
import { useDisputes } from '../../queries/disputes';
import { dueSoon, msLeft, timeLeftText } from './dispute-words';
import './disputes.css';

export function DisputesDueTile() {
  const disputes = useDisputes();
  if (!disputes.data) return null; // loading or failed: the Disputes dashboard says why
  const now = Date.now();
  const due = dueSoon(disputes.data, now);
  return (
    <div className="panel disputes-due" role="region" aria-label="Disputes due in the next 48 hours">
      <h3>Disputes due in the next 48 hours ({due.length})</h3>
      {due.length === 0 ? (
        <p className="muted">No dispute needs an answer in the next 48 hours. <a href={routeHref('disputes')}>All disputes</a></p>
      ) : (
        <ul>
          {due.map((d) => (
            <li key={d.disputeId}>
              <a href={routeHref('disputes', { id: d.disputeId })}><code>{d.disputeId}</code></a> <Money amount={d.amount} />{' '}
              <span className="time-left urgent">{timeLeftText(msLeft(d, now))}</span>
              {d.reasonMsg ? <span className="muted small"> · {d.reasonMsg}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
