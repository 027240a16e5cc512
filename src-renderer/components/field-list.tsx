import type { ReactNode } from 'react';

/** A definition list of label/value rows; missing values show a dash rather than an empty gap. */
export function FieldList({ rows }: { rows: ReadonlyArray<readonly [label: string, value: ReactNode]> }) {
  return (
    <dl className="field-list">
      {rows.map(([label, value]) => (
        <div className="field-row" key={label}>
          <dt>{label}</dt>
          <dd>{value === undefined || value === null || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
