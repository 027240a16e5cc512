/**
 * One CallOutcome as an operator needs it: the result and what it means, whether the answer's
 * signature checked out, attempts and latency, warnings, the response, and the signed request.
 */
import type { CallOutcome } from '../../src-shared/call-outcome';
import { prettyJson } from '../format/json';
import { formatDuration } from '../format/time';
import { CodeBlock } from './code-block';
import { ResultBadge } from './result-badge';
import { SignedRequestView } from './signed-request-view';
import { StatusBadge } from './status-badge';

const SIGNATURE_LABELS: Record<CallOutcome<unknown>['responseSignature'], { text: string; tone: string; title: string }> = {
  verified: { text: 'Response signature verified', tone: 'VERIFIED', title: 'The answer was signed with the Antom public key of this profile.' },
  unverified: { text: 'Response signature not checked', tone: 'UNVERIFIED', title: 'No Antom public key is configured (or no signature came back): an S or U is treated as unknown.' },
  invalid: { text: 'Response signature INVALID', tone: 'INVALID', title: 'The answer does not verify with the Antom public key: do not trust it.' },
};

export function OutcomeView({ outcome, title, showRequest = true }: { outcome: CallOutcome<unknown>; title?: string; showRequest?: boolean }) {
  const signature = SIGNATURE_LABELS[outcome.responseSignature];
  const downgraded = outcome.reportedResultStatus !== outcome.resultStatus;
  return (
    <div className="outcome" role="group" aria-label={title ?? `${outcome.api} outcome`} data-result-status={outcome.resultStatus}>
      {title ? <h4>{title}</h4> : null}
      <div className="outcome-head">
        <ResultBadge status={outcome.resultStatus} code={outcome.resultCode} api={outcome.api} />
        <StatusBadge status={signature.tone} label={signature.text} title={signature.title} />
        <span className="muted">
          HTTP {outcome.httpStatus} · {formatDuration(outcome.latencyMs)} · {outcome.attempts} attempt{outcome.attempts === 1 ? '' : 's'}
        </span>
      </div>
      {outcome.resultMessage ? <p className="outcome-message">{outcome.resultMessage}</p> : null}
      <dl className="outcome-explanation">
        <dt>Meaning</dt>
        <dd>{outcome.explanation.meaning}</dd>
        <dt>Next</dt>
        <dd>{outcome.explanation.nextAction}</dd>
      </dl>
      {downgraded ? (
        <p className="warning" role="note">
          Antom reported {outcome.reportedResultStatus}; the console treats it as {outcome.resultStatus} because the response signature could not be verified.
        </p>
      ) : null}
      {outcome.warnings.length > 0 ? (
        <ul className="warnings" aria-label="Warnings">
          {outcome.warnings.map((warning) => (
            <li key={warning} className="warning">{warning}</li>
          ))}
        </ul>
      ) : null}
      {outcome.inquiry ? (
        <div className="follow-up">
          <h5>Follow-up inquiry (the outcome was unknown, so the console asked instead of resending)</h5>
          {outcome.inquiry.ok ? (
            <OutcomeView outcome={outcome.inquiry.outcome} showRequest={false} />
          ) : (
            <p className="warning">{outcome.inquiry.error.message} {outcome.inquiry.error.hint}</p>
          )}
        </div>
      ) : null}
      <CodeBlock label="Response body" text={prettyJson(outcome.responseBody)} />
      {showRequest ? (
        <details className="request-details">
          <summary>Signed request (content to sign, headers, body)</summary>
          <SignedRequestView request={outcome} />
        </details>
      ) : null}
    </div>
  );
}
