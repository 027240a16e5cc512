/**
 * What the receiver needs from storage. SqliteJournal (src-main/core/journal/sqlite-journal.ts)
 * satisfies this structurally; the receiver depends on the interface so it can be exercised
 * against any durable store and so the journal file can evolve without touching the receiver.
 *
 * Contract the receiver relies on: `storeNotification` / `storeNotifications` are synchronous
 * and the rows are COMMITTED when they return. That is what makes "write before answering"
 * true: the acknowledgement is only written to the socket after one of them has returned.
 */
import type { ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';

/** What the receiver sent back, recorded by markAcknowledged. */
export interface NotificationAnswer {
  httpStatus: number;
  body: string;
  /** ISO-8601 UTC: when the answer's bytes were handed to the socket. */
  sentAt: string;
}

/** The fields replay needs from a stored notification (the journal's record has more). */
export interface StoredNotificationForReplay {
  id: number;
  receiverPath: string;
  headers: Record<string, string>;
  /** Exact bytes, unless the journal had to mask personal data (then bodyExact is false). */
  rawBody: Buffer;
  bodyExact?: boolean;
  profile: string | null | undefined;
}

export interface NotificationSink {
  storeNotification(n: ReceivedNotification): StoredNotificationRef;
  /** One transaction for the whole batch; refs come back in the same order. */
  storeNotifications(batch: readonly ReceivedNotification[]): StoredNotificationRef[];
  /**
   * Record the answer sent for a stored POST. Only Antom's fixed acknowledgement marks the
   * notification acknowledged; any other answer is recorded on the attempt. attemptId is the
   * ref's attemptId, so a resend's answer is recorded against that POST.
   */
  markAcknowledged(id: number, answer: NotificationAnswer, attemptId?: number): void;
  /** The same for many answers in one transaction; used when present. */
  markAcknowledgedMany?(items: readonly { id: number; answer: NotificationAnswer; attemptId?: number | undefined }[]): void;
  getNotification(id: number): StoredNotificationForReplay | undefined;
  close(): void;
}
