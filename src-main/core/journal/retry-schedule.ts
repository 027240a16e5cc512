/**
 * Antom's resend schedule for a notification that was not acknowledged (API-FACTS f.1): at most
 * 8 sends; each one this long after the previous: 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h.
 * The first entry (0 s) is the original send, so after N attempts the next is due
 * SCHEDULE[N] after the last one, and there is none after the 8th.
 */
import type { NotificationRetryInfo } from './journal-types';

const MIN = 60_000;
export const ANTOM_RETRY_INTERVALS_MS: readonly number[] = [0, 2 * MIN, 10 * MIN, 10 * MIN, 60 * MIN, 120 * MIN, 360 * MIN, 900 * MIN];
const ANTOM_MAX_ATTEMPTS = ANTOM_RETRY_INTERVALS_MS.length;

export function retryInfo(input: { attempts: number; firstSeenAt: string; lastSeenAt: string; acknowledged: boolean }, now: Date): NotificationRetryInfo {
  const retriesLeft = Math.max(ANTOM_MAX_ATTEMPTS - input.attempts, 0);
  let nextRetryDueAt: string | null = null;
  if (!input.acknowledged && input.attempts < ANTOM_MAX_ATTEMPTS) {
    const interval = ANTOM_RETRY_INTERVALS_MS[Math.max(input.attempts, 0)]!;
    nextRetryDueAt = new Date(Date.parse(input.lastSeenAt) + interval).toISOString();
  }
  return {
    attempts: input.attempts,
    firstSeenAt: input.firstSeenAt,
    lastSeenAt: input.lastSeenAt,
    acknowledged: input.acknowledged,
    nextRetryDueAt,
    overdue: nextRetryDueAt !== null && Date.parse(nextRetryDueAt) < now.getTime(),
    retriesLeft: input.acknowledged ? 0 : retriesLeft,
  };
}

/** The relay forwards to the merchant's backend on Antom's own schedule (issue 7 §3): the same 8 sends, the same gaps. */
export const FORWARD_MAX_ATTEMPTS = ANTOM_MAX_ATTEMPTS;

/**
 * When the relay's next send is due after `attemptsMade` sends, the last at `lastSentAt`: the gap
 * Antom would wait; null after the 8th (the forward is given up). `timeScale` shrinks the gaps
 * for tests (0.001 turns 2 min into 120 ms); the default 1 is the production schedule.
 */
export function nextForwardAttemptAt(attemptsMade: number, lastSentAt: string, timeScale = 1): string | null {
  if (attemptsMade >= FORWARD_MAX_ATTEMPTS) return null;
  const gap = ANTOM_RETRY_INTERVALS_MS[Math.max(attemptsMade, 0)]! * timeScale;
  return new Date(Date.parse(lastSentAt) + Math.round(gap)).toISOString();
}
