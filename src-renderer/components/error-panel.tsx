import type { ConsoleErrorShape } from '../../src-shared/errors';

/** Every failure shows what happened, what to do next, and its stable code for support. */
export function ErrorPanel({ error, onRetry, title }: { error: ConsoleErrorShape; onRetry?: () => void; title?: string }) {
  return (
    <div className="error-panel" role="alert">
      {title ? <h3>{title}</h3> : null}
      <p className="error-message">{error.message}</p>
      <p className="error-hint">{error.hint}</p>
      <p className="error-code">
        Code <code>{error.code}</code>
      </p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
