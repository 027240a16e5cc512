import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import type { InquiryTransaction } from './inquiry-view';

/** transactions[] of the last inquiry: captures, refunds, cancels Antom knows about. */
export function TransactionsTable({ transactions, source = 'inquiry' }: { transactions: InquiryTransaction[]; source?: 'inquiry' | 'journal' }) {
  if (transactions.length === 0) return <p className="muted">The last inquiry listed no transactions (captures, refunds, cancels appear here once made).</p>;
  return (
    // Focusable so keyboard users can scroll it sideways at narrow widths (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={source === 'journal' ? 'Captures and refunds' : 'Transactions'}>
      <table className="data">
        <caption>{source === 'journal' ? 'Captures and refunds recorded in the journal' : 'Transactions from the last inquiry'}</caption>
        <thead>
          <tr>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Transaction ID</th>
            <th scope="col">Time</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {transactions.map((t, i) => (
            <tr key={t.transactionId ?? i}>
              <td>{t.transactionType ?? '—'}</td>
              <td><StatusBadge status={t.transactionStatus} /></td>
              <td className="num"><Money amount={t.transactionAmount} /></td>
              <td>
                <code>{t.transactionId ?? '—'}</code>
                {t.transactionRequestId && t.transactionRequestId !== t.transactionId ? <div className="muted small">request <code>{t.transactionRequestId}</code></div> : null}
              </td>
              <td><Time value={t.transactionTime} /></td>
              <td><ResultBadge status={t.resultStatus} code={t.resultCode} field="transactionResult" /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
