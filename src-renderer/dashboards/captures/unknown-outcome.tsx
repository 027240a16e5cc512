import type { CallOutcome } from '../../../src-shared/call-outcome';
import type { ConsoleErrorShape } from '../../../src-shared/errors';
import { ErrorPanel } from '../../components/error-panel';
import { OutcomeView } from '../../components/outcome-view';

/** The result of a money-moving call, with the safe retry when the outcome is unknown. */
export function MoneyActionResult({ what, requestIdName, requestId, outcome, error, unknown, busy, onRetry }: {
  what: string;
  requestIdName: string;
  requestId: string | undefined;
  outcome: CallOutcome<unknown> | undefined;
  error: ConsoleErrorShape | undefined;
  unknown: boolean;
  busy: boolean;
  onRetry: () => void;
}) {
  if (!outcome && !error) return null;
  return (
    <div className="money-result">
      {unknown ? (
        <div className="warning unknown-outcome" role="alert">
          <strong>Outcome unknown</strong> — Antom may or may not have done the {what}. Retrying resends the same {requestIdName}{' '}
          <code>{requestId}</code>, so Antom answers with the first attempt's result instead of doing it twice.{' '}
          <button type="button" onClick={onRetry} disabled={busy}>{busy ? 'Retrying…' : 'Retry safely'}</button>
        </div>
      ) : null}
      {error ? <ErrorPanel title={`The ${what} did not complete`} error={error} /> : null}
      {outcome ? <OutcomeView outcome={outcome} title={`${what.charAt(0).toUpperCase()}${what.slice(1)} result`} /> : null}
    </div>
  );
}
