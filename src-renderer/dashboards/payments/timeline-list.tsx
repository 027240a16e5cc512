/** The payment's story in time order: calls and notifications, each with its result. */
import type { TimelineEvent, TimelineEventKind } from '../../../src-shared/journal-views';
import { routeHref } from '../../app/router';
import { Money } from '../../components/money';
import { ResultBadge } from '../../components/result-badge';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { collapsePollRuns } from './poll-runs';

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

const API_FOR_KIND: Partial<Record<TimelineEventKind, 'createPaymentSession' | 'inquiryPayment' | 'capture' | 'cancel' | 'refund' | 'inquiryRefund'>> = {
  session: 'createPaymentSession', inquiry: 'inquiryPayment', capture: 'capture', cancel: 'cancel', refund: 'refund', 'refund-inquiry': 'inquiryRefund',
};

export function TimelineList({ events }: { events: TimelineEvent[] }) {
  return (
    <ol className="timeline" aria-label="Payment timeline">
      {collapsePollRuns(events).map((item) => {
        if (item.kind === 'poll-run') {
          return (
            <li key={`poll-${item.from}`} className="timeline-event kind-inquiry poll-run" data-kind="poll-run">
              <span className="timeline-icon" aria-hidden="true">?</span>
              <div className="timeline-body">
                <div className="timeline-line">
                  <strong>Polling: {item.events.length} inquiries</strong>
                  <Time value={item.from} /> to <Time value={item.to} timeOnly />
                </div>
                <p className="timeline-summary">Status {item.statuses.join(' → ')}</p>
                <details className="small">
                  <summary>Each inquiry</summary>
                  <ul>
                    {item.events.map((e) => (
                      <li key={e.ref}><Time value={e.at} timeOnly /> {e.summary} <a href={routeHref('api-log', { id: String(e.ref) })}>Open call</a></li>
                    ))}
                  </ul>
                </details>
              </div>
            </li>
          );
        }
        const event = item.event;
        const kind = KIND[event.kind];
        return (
          <li key={`${event.source}-${event.ref}-${event.at}`} className={`timeline-event kind-${event.kind}`} data-kind={event.kind}>
            <span className="timeline-icon" aria-hidden="true">{kind.icon}</span>
            <div className="timeline-body">
              <div className="timeline-line">
                <strong>{event.kind === 'notification' && event.notifyType ? event.notifyType : kind.label}</strong>
                <Time value={event.at} />
                <ResultBadge status={event.resultStatus} code={event.resultCode} api={API_FOR_KIND[event.kind]} />
                {event.status ? <StatusBadge status={event.status} /> : null}
                {event.amount ? <Money amount={event.amount} /> : null}
              </div>
              <p className="timeline-summary">{event.summary}</p>
              {event.source === 'notification' ? (
                <p className="timeline-meta small">
                  <StatusBadge status={event.verification ?? 'UNKNOWN'} label={event.verification === 'verified' ? 'signature verified' : event.verification === 'rejected' ? 'signature rejected' : 'not checked'} />{' '}
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
