/** Words and small calculations the Disputes dashboard and the Overview tile share. */
import type { DisputeStatus, DisputeView } from '../../../src-shared/dispute-views';

export const STATUS_TEXT: Record<DisputeStatus, string> = {
  OPEN: 'Open: answer by the deadline',
  DEADLINE_PASSED: 'Deadline passed',
  DEFENDED: 'Defended: waiting for the judgement',
  ACCEPTED: 'Accepted',
  JUDGED: 'Judged',
  CANCELLED: 'Withdrawn by the buyer',
  RDR_RESOLVED: 'Resolved by RDR',
};

/** The badge tone word StatusBadge understands. */
export function statusBadgeWord(d: DisputeView): string {
  if (d.status === 'OPEN') return 'PENDING';
  if (d.status === 'DEFENDED') return 'PROCESSING';
  if (d.status === 'DEADLINE_PASSED' || d.status === 'ACCEPTED') return 'FAIL';
  if (d.status === 'JUDGED') return d.judgedResult === 'ACCEPT_BY_CUSTOMER' || d.judgedResult === 'VALIDATE_SUCCESS' ? 'SUCCESS' : 'FAIL';
  return d.status === 'CANCELLED' ? 'SUCCESS' : 'PROCESSING';
}

/** What a judged result means for the merchant, in words (Antom reference, notifyDispute.disputeJudgedResult). */
export const JUDGED_TEXT: Record<string, string> = {
  ACCEPT_BY_CUSTOMER: 'Won: the customer is liable; the frozen funds are released to you',
  ACCEPT_BY_MERCHANT: 'Lost: the merchant is liable; the amount is deducted and returned to the buyer',
  VALIDATE_SUCCESS: 'Compliance material verified',
  VALIDATE_FAIL: 'Compliance material failed verification',
};

export const HOUR_MS = 3_600_000;

/** Milliseconds until the defense deadline (negative when past), or undefined when unknown. */
export function msLeft(d: DisputeView, now: number): number | undefined {
  return d.defenseDueTime ? Date.parse(d.defenseDueTime) - now : undefined;
}

/** "2 d 4 h left", "5 h 10 min left", "overdue by 3 h". */
export function timeLeftText(ms: number | undefined): string {
  if (ms === undefined) return 'deadline unknown';
  const abs = Math.abs(ms);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / HOUR_MS);
  const minutes = Math.floor((abs % HOUR_MS) / 60_000);
  const text = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${Math.max(minutes, abs > 0 ? 1 : 0)} min`;
  return ms >= 0 ? `${text} left` : `overdue by ${text}`;
}

/** Open disputes whose deadline falls within `withinMs` from now (the Overview's 48-hour list). */
export function dueSoon(disputes: readonly DisputeView[], now: number, withinMs = 48 * HOUR_MS): DisputeView[] {
  return disputes.filter((d) => {
    const left = msLeft(d, now);
    return d.actionable && left !== undefined && left <= withinMs;
  });
}
