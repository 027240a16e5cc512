import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import type { InquiryTransaction } from './inquiry-view';

/**
 * transactions[] of the last inquiry: captures, refunds, cancels Antom knows about. It sits in the
 * payment's narrow right-hand column, so each transaction's time goes under its type, and the
 * Result column shows only when some transaction has a result (the journal's list never does):
 * six columns there cut the last one off at 1440 px and broke an ID over four lines.
 */
export function TransactionsTable({ transactions, source = 'inquiry' }: { transactions: InquiryTransaction[]; source?: 'inquiry' | 'journal' }) {
  if (transactions.length === 0) return <p className="muted">The last inquiry listed no transactions (captures, refunds, cancels appear here once made).</p>;
  const withResult = transactions.some((t) => t.resultStatus !== undefined || t.resultCode !== undefined);
  return (
    // Focusable so keyboard users can scroll it sideways at narrow widths (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={source === 'journal' ? 'Captures and refunds' : 'Transactions'}>
      <table className="data">
        <caption>{source === 'journal' ? 'Captures and refunds recorded in the journal' : 'Transactions from the last inquiry'}</caption>
        <thead>
          <tr>
            <th scope="col">Type and time</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col">Transaction ID</th>
            {withResult ? <th scope="col">Result</th> : null}
          </tr>
        </thead>
        <tbody>
          {transactions.map((t, i) => (
            <tr key={t.transactionId ?? i}>
              <td>
                {t.transactionType ?? '—'}
                <div className="muted small"><Time value={t.transactionTime} /></div>
              </td>
              <td><StatusBadge status={t.transactionStatus} /></td>
              <td className="num"><Money amount={t.transactionAmount} /></td>
              <td>
                <code>{t.transactionId ?? '—'}</code>
                {t.transactionRequestId && t.transactionRequestId !== t.transactionId ? <div className="muted small">request <code>{t.transactionRequestId}</code></div> : null}
              </td>
              {withResult ? <td><ResultBadge status={t.resultStatus} code={t.resultCode} field="transactionResult" /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
