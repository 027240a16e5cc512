import type { MoneySummary } from '../../../src-shared/journal-views';
import { Money } from '../../components/money';

/** Authorised / captured / refunded / remaining / uncaptured, in display units. */
export function MoneySummaryTable({ money, released }: { money: MoneySummary; released?: MoneySummary['authorised'] | null | undefined }) {
  const rows: Array<[string, MoneySummary['authorised'], string]> = [
    ['Authorised', money.authorised, 'What the buyer approved'],
    ['Captured', money.captured, 'Taken from the authorisation (or paid outright)'],
    ['Refunded', money.refunded, 'Given back'],
    ['Remaining', money.remaining, 'Captured minus refunded: what the merchant still holds'],
    ['Uncaptured', money.uncaptured, 'Still capturable'],
  ];
  // A cancelled (or expired) authorisation's rest is released to the buyer, not capturable.
  if (released && BigInt(released.value) > 0n) rows.push(['Released', released, 'Authorised but cancelled or expired: never to be captured']);
  if (money.disputeFrozen) rows.push(['Frozen by disputes', money.disputeFrozen, 'Held back by open chargebacks until they are judged']);
  if (money.chargedBack) rows.push(['Charged back', money.chargedBack, 'Taken back by disputes the merchant lost or accepted']);
  return (
    <table className="data money-summary">
      <caption>Money ({money.currency})</caption>
      <thead>
        <tr>
          <th scope="col">Amount</th>
          <th scope="col" className="num">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, amount, meaning]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num"><Money amount={amount} /></td>
            <td className="muted">{meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
