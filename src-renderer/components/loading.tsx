/** A loading line that screen readers announce; say WHAT is loading. */
export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {what}
    </p>
  );
}
