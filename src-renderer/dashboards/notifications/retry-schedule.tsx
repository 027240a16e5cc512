/**
 * Antom's resend schedule beside what actually arrived: which of the eight sends came (and when),
 * and when the next one is due while the notification stays unacknowledged.
 */
import type { NotificationAttemptRecord, NotificationRetryInfo } from '../../../src-shared/journal-views';
import { Time } from '../../components/time';
import { formatRelative } from '../../format/time';
import { ANTOM_RETRY_DELAYS_SECONDS, delayLabel } from './notification-words';

export function RetrySchedule({ retry, attempts }: { retry: NotificationRetryInfo; attempts: readonly NotificationAttemptRecord[] }) {
  // Attempts come newest or oldest first depending on the query; the schedule reads oldest first.
  const ordered = [...attempts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  return (
    <div className="retry-schedule">
      <p>
        {retry.acknowledged
          ? 'Acknowledged: Antom stops resending.'
          : retry.nextRetryDueAt
            ? <>Not acknowledged: Antom's next resend is due <Time value={retry.nextRetryDueAt} /> ({formatRelative(retry.nextRetryDueAt)}){retry.overdue ? <strong className="overdue"> — overdue: Antom should have resent by now; check the notify URL is reachable</strong> : null}. {retry.retriesLeft} resend{retry.retriesLeft === 1 ? '' : 's'} left.</>
            : 'Not acknowledged and no resends left: Antom has given up. Inquire the payment (Payments) to learn its final state.'}
      </p>
      <table className="compact">
        <caption>Antom resends an unacknowledged notification up to 8 times within 24 h</caption>
        <thead>
          <tr>
            <th scope="col">Send</th>
            <th scope="col">After previous</th>
            <th scope="col">Received</th>
            <th scope="col">Our answer</th>
          </tr>
        </thead>
        <tbody>
          {ANTOM_RETRY_DELAYS_SECONDS.map((delay, index) => {
            const attempt = ordered[index];
            const isNext = !attempt && index === ordered.length && retry.nextRetryDueAt !== null;
            return (
              <tr key={index} className={attempt ? 'sent' : isNext ? 'next' : 'future'}>
                <td>{index + 1}</td>
                <td>{delayLabel(delay)}</td>
                <td>{attempt ? <Time value={attempt.receivedAt} /> : isNext && retry.nextRetryDueAt ? <>due <Time value={retry.nextRetryDueAt} /></> : <span className="muted">—</span>}</td>
                <td>{attempt ? (attempt.answerStatus === null ? 'no answer' : `HTTP ${attempt.answerStatus}`) : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
