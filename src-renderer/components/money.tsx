import { formatAmount, type WireAmount } from '../format/money';

/** An amount in display units per currency ("USD 40.00", "JPY 1,000"); minor units on hover. */
export function Money({ amount, className }: { amount: WireAmount | null | undefined; className?: string }) {
  if (!amount) return <span className="muted">—</span>;
  return (
    <span className={`money${className ? ` ${className}` : ''}`} title={`${amount.value} minor units of ${amount.currency}`}>
      {formatAmount(amount)}
    </span>
  );
}
