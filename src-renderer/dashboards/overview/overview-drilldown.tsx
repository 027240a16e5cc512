/**
 * Overview's money per currency and status mix, every figure a link to the Payments list filtered
 * to exactly the payments it counts (?status=&currency=&since=&until=, the list's own params).
 * The figures come from the same derived summaries as each payment's page (core summarisePayment).
 */
import type { OverviewStats } from '../../../src-shared/contract';
import { routeHref } from '../../app/router';
import { StatusBadge } from '../../components/status-badge';

/** The Payments list filtered to one slice of the range. */
export function paymentsListHref(stats: Pick<OverviewStats, 'since' | 'until'>, filter: { status?: string; currency?: string }): string {
  return routeHref('payments', { status: filter.status, currency: filter.currency, since: stats.since, until: stats.until });
}

const MONEY_FIGURES = [
  ['authorised', 'Gross authorised', 'Everything Antom authorised, including what was later cancelled'],
  ['captured', 'Captured', 'Taken from authorisations, or paid outright'],
  ['refunded', 'Refunded', 'Given back'],
  ['net', 'Net', 'Captured minus refunded minus charged back'],
] as const;

export function OverviewMoney({ stats }: { stats: OverviewStats }) {
  if (stats.moneyByCurrency.length === 0) return null;
  return (
    <section className="panel overview-money" aria-label="Money per currency">
      <h3>Money per currency</h3>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">Money per currency in this range; each figure opens the matching payments</caption>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">Payments</th>
              {MONEY_FIGURES.map(([key, label, meaning]) => <th key={key} scope="col" className="num" title={meaning}>{label}</th>)}
              <th scope="col" className="num">Released</th>
            </tr>
          </thead>
          <tbody>
            {stats.moneyByCurrency.map((m) => {
              const href = paymentsListHref(stats, { currency: m.currency });
              return (
                <tr key={m.currency}>
                  <th scope="row"><a href={href}>{m.currency}</a></th>
                  <td className="num"><a href={href}>{m.payments}</a></td>
                  {MONEY_FIGURES.map(([key]) => <td key={key} className="num"><a href={href} aria-label={`${m[key].display} ${key}, open the ${m.currency} payments`}>{m[key].display}</a></td>)}
                  <td className="num"><a href={paymentsListHref(stats, { currency: m.currency, status: 'CANCELLED' })}>{m.released.display}</a></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">Released: authorised, then cancelled or expired without capture. Charged back is counted in Net.</p>
    </section>
  );
}

/** The status mix as links (the chart above it draws the same numbers). */
export function StatusMixLinks({ stats }: { stats: OverviewStats }) {
  if (stats.paymentsByStatus.length === 0) return null;
  return (
    <ul className="link-list status-mix" aria-label="Payments by status: open the list">
      {stats.paymentsByStatus.map((s) => (
        <li key={s.status}>
          <a href={paymentsListHref(stats, { status: s.status })}><StatusBadge status={s.status} /> {s.count}</a>
        </li>
      ))}
    </ul>
  );
}
