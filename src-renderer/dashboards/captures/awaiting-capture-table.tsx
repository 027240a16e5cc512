import type { AwaitingCapture } from '../../../src-shared/contract';
import { Money } from '../../components/money';
import { Time } from '../../components/time';
import { formatRelative } from '../../format/time';

/** Authorised card payments with money still to capture; authorisations expire, so the expiry shows. */
export function AwaitingCaptureTable({ rows, selected, onSelect }: { rows: AwaitingCapture[]; selected: string | undefined; onSelect: (paymentId: string) => void }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>Authorised payments awaiting capture ({rows.length})</caption>
        <thead>
          <tr>
            {/* The action first: at 900 px the table scrolls sideways and the button must not be off to the right. */}
            <th scope="col"><span className="visually-hidden">Action</span></th>
            <th scope="col">paymentRequestId</th>
            <th scope="col">paymentId</th>
            <th scope="col" className="num">Authorised</th>
            <th scope="col" className="num">Captured</th>
            <th scope="col" className="num">Uncaptured</th>
            <th scope="col">Authorisation expires</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.paymentId} aria-selected={row.paymentId === selected} className={row.paymentId === selected ? 'selected' : undefined}>
              <td>
                <button type="button" aria-label={`Select payment ${row.paymentRequestId ?? row.paymentId}`} onClick={() => onSelect(row.paymentId)} aria-pressed={row.paymentId === selected}>
                  Select
                </button>
              </td>
              <td><code>{row.paymentRequestId ?? '—'}</code></td>
              <td><code>{row.paymentId}</code></td>
              <td className="num"><Money amount={row.authorised} /></td>
              <td className="num"><Money amount={row.captured} /></td>
              <td className="num"><strong><Money amount={row.uncaptured} /></strong></td>
              <td>{row.authExpiryTime ? <><Time value={row.authExpiryTime} /> <span className="muted small">({formatRelative(row.authExpiryTime)})</span></> : <span className="muted">unknown</span>}</td>
              <td><Time value={row.lastSeenAt} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
