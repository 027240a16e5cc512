/** The payment's story in time order: calls and notifications, each with its result. */
import type { TimelineEvent, TimelineEventKind } from '../../../src-shared/journal-views';
import type { CodeField, KnowledgeScope } from '../../../src-shared/knowledge';
import type { AntomApiName } from '../../../src-shared/vocabulary';
import { routeHref } from '../../app/router';
import { ClaimedBadge, VerificationBadge } from '../../components/claimed-badge';
import { FailureExplanation } from '../../components/failure-explanation';
import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';

const KIND: Record<TimelineEventKind, { icon: string; label: string }> = {
  session: { icon: '◆', label: 'Session created' },
  inquiry: { icon: '?', label: 'Inquiry' },
  notification: { icon: '✉', label: 'Notification' },
  capture: { icon: '⇣', label: 'Capture' },
  cancel: { icon: '✕', label: 'Cancel' },
  refund: { icon: '↺', label: 'Refund' },
  'refund-inquiry': { icon: '?', label: 'Refund inquiry' },
  dispute: { icon: '⚑', label: 'Dispute' },
};

const API_FOR_KIND: Partial<Record<TimelineEventKind, AntomApiName>> = {
  session: 'createPaymentSession', inquiry: 'inquiryPayment', capture: 'capture', cancel: 'cancel', refund: 'refund', 'refund-inquiry': 'inquiryRefund',
};

const NOTIFY_SCOPE = { PAYMENT_RESULT: 'notifyPayment', PAYMENT_PENDING: 'notifyPayment', CAPTURE_RESULT: 'notifyCapture', REFUND_RESULT: 'notifyRefund', NOTIFY_DISPUTE: 'notifyDispute', NOTIFY_DEFENSE_DOCUMENT: 'notifyDefenseDocument' } as const;

function scopeOf(event: TimelineEvent): KnowledgeScope | undefined {
  if (event.source === 'notification') return event.notifyType && event.notifyType !== 'UNKNOWN' ? NOTIFY_SCOPE[event.notifyType] : undefined;
  return API_FOR_KIND[event.kind];
}

/** A payment's own failure (notifyPayment, an inquiry's status) is a paymentResultCode, not an API result. */
function paymentResultField(event: TimelineEvent): CodeField {
  const scope = scopeOf(event);
  return scope === 'notifyPayment' || scope === 'inquiryPayment' ? 'paymentResultCode' : 'result';
}

export function TimelineList({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="timeline" aria-label="Payment timeline">
      {events.map((event) => {
        const kind = KIND[event.kind];
        const unverified = event.source === 'notification' && event.verification !== 'verified';
        return (
          <li key={`${event.source}-${event.ref}-${event.at}`} className={`timeline-event kind-${event.kind}${unverified ? ' rejected' : ''}`} data-kind={event.kind}>
            <span className="timeline-icon" aria-hidden="true">{unverified ? '⚠' : kind.icon}</span>
            <div className="timeline-body">
              <div className="timeline-line">
                <strong>{event.kind === 'notification' && event.notifyType ? event.notifyType : kind.label}{unverified ? ' (rejected)' : ''}</strong>
                <Time value={event.at} />
                {unverified ? (
                  <ClaimedBadge status={event.resultStatus} code={event.resultCode} paymentStatus={event.status} />
                ) : (
                  <>
                    <ResultBadge status={event.resultStatus} code={event.resultCode} api={API_FOR_KIND[event.kind]} />
                    {event.status ? <StatusBadge status={event.status} /> : null}
                  </>
                )}
                {event.amount ? <Money amount={event.amount} /> : null}
              </div>
              <p className="timeline-summary">{event.summary}</p>
              {!unverified && event.resultStatus === 'F' && event.resultCode ? <FailureExplanation code={event.resultCode} scope={scopeOf(event)} field={paymentResultField(event)} /> : null}
              {event.source === 'notification' ? (
                <p className="timeline-meta small">
                  <VerificationBadge verification={event.verification} label={event.verification === 'verified' ? 'signature verified' : event.verification === 'rejected' ? 'signature rejected' : 'not checked'} />{' '}
                  {event.acknowledged ? <StatusBadge status="ACKNOWLEDGED" label="acknowledged" /> : <StatusBadge status="PENDING" label="not acknowledged" />}{' '}
                  {event.attempts && event.attempts.length > 0 ? (
                    <span className="muted">
                      {event.attempts.length} attempt{event.attempts.length === 1 ? '' : 's'}:{' '}
                      {event.attempts.map((a, i) => (
                        <span key={`${a.at}-${i}`}>
                          {i > 0 ? ', ' : ''}
                          <Time value={a.at} timeOnly /> → {a.answerStatus ?? 'no answer'}
                        </span>
                      ))}
                    </span>
                  ) : null}{' '}
                  <a href={routeHref('notifications', { id: String(event.ref) })}>Open notification</a>
                </p>
              ) : (
                <p className="timeline-meta small">
                  <a href={routeHref('api-log', { id: String(event.ref) })}>Open call</a>
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
