/**
 * Bounds what unverified senders can make the journal store (issue 10 §2). Anyone who can reach
 * the receiver can POST; before this, each rejected POST was stored whole (up to 256 KB, plus its
 * search index), so 200 of them grew the data directory by 50 MB in two seconds.
 *
 * The bound, two parts:
 *  1. A rejected body is kept as its first REJECTED_BODY_PREFIX_BYTES bytes (4 KiB: enough to see
 *     what it was and which IDs it names), with the size and SHA-256 of the whole body; the row
 *     says the body is not exact. The verified content is cut the same way.
 *  2. At most 100 rejected records are stored per minute and 2,000 per day (REJECTED_WINDOWS).
 *     Past that, rejected POSTs get the same answer but are not stored, only counted; the next
 *     rejected record stored says how many were not. A record costs about 8 KiB on disk (4 KiB
 *     body, headers, search index, attempt row), so a flood adds at most about 1 MB a minute and
 *     16 MB a day, however fast it comes (plus SQLite's WAL, which is reused after each checkpoint).
 *
 * Why nothing is lost: a rejection is never acknowledged, so a genuine Antom notification that was
 * rejected (wrong key, wrong path) is resent by Antom; once the configuration is fixed, the resend
 * verifies and is stored whole. Verified notifications are never cut or capped: only Antom can
 * send them.
 */
import { createHash } from 'node:crypto';
import type { ReceivedNotification } from '../journal/journal-types';

export const REJECTED_BODY_PREFIX_BYTES = 4096;

/** One limit: at most `max` rejected records stored per `ms`. */
interface RejectedWindow {
  ms: number;
  max: number;
}

/**
 * 100 a minute lets a misconfigured profile's real notifications (each resent by Antom) be seen;
 * 2,000 a day caps what a sustained flood can add (about 16 MB a day at most).
 */
const REJECTED_WINDOWS: readonly RejectedWindow[] = [
  { ms: 60_000, max: 100 },
  { ms: 86_400_000, max: 2_000 },
];
export const REJECTED_RECORDS_PER_WINDOW = REJECTED_WINDOWS[0]!.max;

/**
 * The record with a body cut to the prefix (when longer), its whole size and hash kept.
 * Verified records come back unchanged.
 */
export function boundRejectedBody(record: ReceivedNotification): ReceivedNotification {
  if (record.verification !== 'rejected' || record.rawBody.length <= REJECTED_BODY_PREFIX_BYTES) return record;
  const whole = record.rawBody;
  const prefix = Buffer.from(whole.subarray(0, REJECTED_BODY_PREFIX_BYTES));
  let contentVerified = record.contentVerified;
  if (contentVerified !== undefined) {
    // "POST <path>\n<client-id>.<request-time>." + body: keep the part before the body, then the same prefix.
    const text = whole.toString('utf8');
    const head = contentVerified.endsWith(text) ? contentVerified.slice(0, contentVerified.length - text.length) : undefined;
    contentVerified = head === undefined ? undefined : head + prefix.toString('utf8');
  }
  return {
    ...record,
    rawBody: prefix,
    contentVerified,
    bodyWhole: { bytes: whole.length, sha256: createHash('sha256').update(whole).digest('hex') },
  };
}

interface RejectedBudget {
  /**
   * May this rejected record be stored? When it may, returns the record to store (with a note of
   * how many were not stored since the last one); when not, undefined and the POST is counted.
   */
  admit(record: ReceivedNotification): ReceivedNotification | undefined;
  /** Rejected POSTs answered but not stored, since the receiver started. */
  notStored(): number;
}

export function createRejectedBudget(now: () => Date, windows: readonly RejectedWindow[] = REJECTED_WINDOWS): RejectedBudget {
  const state = windows.map((w) => ({ ...w, start: Number.NEGATIVE_INFINITY, stored: 0 }));
  let skippedSinceLastStored = 0;
  let skippedTotal = 0;
  return {
    admit(record) {
      const t = now().getTime();
      for (const w of state) {
        // A clock stepping back starts a fresh window rather than freezing the budget.
        if (t - w.start >= w.ms || t < w.start) {
          w.start = t;
          w.stored = 0;
        }
      }
      const full = state.find((w) => w.stored >= w.max);
      if (full) {
        skippedSinceLastStored++;
        skippedTotal++;
        return undefined;
      }
      for (const w of state) w.stored++;
      const bounded = boundRejectedBody(record);
      if (skippedSinceLastStored === 0) return bounded;
      const limits = state.map((w) => `${w.max} per ${describeMs(w.ms)}`).join(', ');
      const note = `${skippedSinceLastStored} more rejected POST(s) before this one were answered but not stored (rejected records kept: at most ${limits}).`;
      skippedSinceLastStored = 0;
      return { ...bounded, rejectDetail: bounded.rejectDetail === undefined ? note : `${bounded.rejectDetail} ${note}` };
    },
    notStored: () => skippedTotal,
  };
}

function describeMs(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${ms / 1000} s`;
}
