/**
 * Antom's resend schedule beside what actually arrived: which of the eight sends came (and when),
 * and when the next one is due while the notification stays unacknowledged.
 */
import type { NotificationAttemptRecord, NotificationRetryInfo } from '../../../src-shared/journal-views';
import { CompactTable } from '../../components/compact-table';
import { Time } from '../../components/time';
import { formatRelative } from '../../format/time';
import { ANTOM_RETRY_DELAYS_SECONDS, delayLabel } from './notification-words';

export function RetrySchedule({ retry, attempts }: { retry: NotificationRetryInfo; attempts: readonly NotificationAttemptRecord[] }) {
  // Attempts come newest or oldest first depending on the query; the schedule reads oldest first.
  const ordered = [...attempts].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  /** The send Antom has not made yet but is due next (only while unacknowledged). */
  const isNextSend = (index: number) => !ordered[index] && index === ordered.length && retry.nextRetryDueAt !== null;

  return (
    <div className="retry-schedule">
      <p>
        {retry.acknowledged
          ? 'Acknowledged: Antom stops resending.'
          : retry.nextRetryDueAt
            ? <>Not acknowledged: Antom's next resend is due <Time value={retry.nextRetryDueAt} /> ({formatRelative(retry.nextRetryDueAt)}){retry.overdue ? <strong className="overdue"> — overdue: Antom should have resent by now; check the notify URL is reachable</strong> : null}. {retry.retriesLeft} resend{retry.retriesLeft === 1 ? '' : 's'} left.</>
            : 'Not acknowledged and no resends left: Antom has given up. Inquire the payment (Payments) to learn its final state.'}
      </p>
      <CompactTable
        caption="Antom resends an unacknowledged notification up to 8 times within 24 h"
        headers={['Send', 'After previous', 'Received', 'Our answer']}
        rows={ANTOM_RETRY_DELAYS_SECONDS}
        rowKey={(_delay, index) => index}
        rowProps={(_delay, index) => ({ className: ordered[index] ? 'sent' : isNextSend(index) ? 'next' : 'future' })}
        cells={(delay, index) => {
          const attempt = ordered[index];
          const isNext = isNextSend(index);
          return [
            index + 1,
            delayLabel(delay),
            attempt ? <Time value={attempt.receivedAt} /> : isNext && retry.nextRetryDueAt ? <>due <Time value={retry.nextRetryDueAt} /></> : <span className="muted">—</span>,
            attempt ? (attempt.answerStatus === null ? 'no answer' : `HTTP ${attempt.answerStatus}`) : null,
          ];
        }}
      />
    </div>
  );
}
