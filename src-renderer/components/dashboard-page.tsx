import { useId, type ReactNode } from 'react';

/**
 * Every dashboard's root: <section aria-labelledby> with an <h2> of its title and one line of
 * purpose, so e2e tests and screen readers find each page by its name.
 */
export function DashboardPage({ title, purpose, actions, children, className }: { title: string; purpose?: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const headingId = useId();
  return (
    <section className={`dashboard${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <div className="dashboard-head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {purpose ? <p className="dashboard-purpose muted">{purpose}</p> : null}
        </div>
        {actions ? <div className="dashboard-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
