/** One audit entry in full: who, what, the intent as recorded before sending, and how it ended. */
import { AUDIT_OUTCOME_WORDS, type AuditEntry } from '../../../src-shared/audit-views';
import { CALL_ID_NAMES } from '../../../src-shared/journal-views';
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import { routeHref } from '../../app/router';
import { FieldList } from '../../components/field-list';
import { DetailPane } from '../../components/log-list-parts';
import { ResultBadge } from '../../components/result-badge';
import { Time } from '../../components/time';

export function amountText(entry: AuditEntry): string {
  if (!entry.amount) return '';
  return isKnownCurrency(entry.amount.currency) ? formatMinorUnits(entry.amount.value, entry.amount.currency) : `${entry.amount.currency} ${entry.amount.value}`;
}

/** What the operator should do about an outcome that is not a plain answer. */
const OUTCOME_ADVICE: Partial<Record<AuditEntry['outcome'], string>> = {
  pending: 'The intent was recorded and the call may have been sent, but no outcome was recorded (the console stopped, or it is still in flight). Inquire before doing anything else; a resend must reuse the same request ID.',
  unknown: 'The call was sent but no usable answer came back. Antom may or may not have acted: inquire, and resend only with the same request ID.',
  U: 'Antom answered U (unknown). Inquire before acting; a resend must reuse the same request ID.',
  'not-sent': 'The intent was recorded but the call was stopped before any byte reached Antom: no money moved.',
};

export function AuditDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const detail = { isPending: false, isError: false, error: undefined, data: entry, refetch: () => undefined };
  const paymentKey = entry.paymentId ?? entry.paymentRequestId;
  return (
    <DetailPane headingId="audit-detail-heading" heading={`Audit #${entry.id}: ${entry.operation}`} noun="audit entry" detail={detail} onClose={onClose}>
      {(e) => (
        <div className="detail-body">
          <FieldList
            rows={[
              ['Person', <strong>{e.person}</strong>],
              ['Sent from', e.actor.door],
              ['Profile', `${e.profile} (${e.environment})`],
              ['Operation', <code>{e.operation}</code>],
              ['Amount', amountText(e)],
              ['Recorded before sending', <Time value={e.intendedAt} />],
              ['Outcome', <span className={`audit-outcome outcome-${e.outcome}`}>{AUDIT_OUTCOME_WORDS[e.outcome]}</span>],
              ['Result', e.resultStatus || e.resultCode ? <ResultBadge status={e.resultStatus} code={e.resultCode} api={e.operation} /> : e.errorCode],
              ['Completed', e.completedAt ? <Time value={e.completedAt} /> : null],
              ['Attempts', e.attempts === null ? null : String(e.attempts)],
              [e.requestIdField ?? 'Request ID', e.requestId ? <code>{e.requestId}</code> : null],
              ...CALL_ID_NAMES.filter((name) => e[name] && e[name] !== e.requestId).map((name) => [name, <code>{e[name]}</code>] as const),
              ['Resend of', e.resendOf === null ? null : `#${e.resendOf} (same request)`],
              ['Call', <code>{e.callId}</code>],
            ]}
          />
          {OUTCOME_ADVICE[e.outcome] ? <div className={`verdict ${e.outcome === 'not-sent' ? 'ok' : 'bad'}`}><p>{OUTCOME_ADVICE[e.outcome]}</p></div> : null}
          {paymentKey ? <p><a href={routeHref('payments', { id: paymentKey })}>Open the payment timeline</a></p> : null}
        </div>
      )}
    </DetailPane>
  );
}
