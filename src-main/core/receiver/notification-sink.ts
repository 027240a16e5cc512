/**
 * What the receiver needs from storage. Every Journal (src-main/core/journal/journal.ts)
 * satisfies this structurally; the receiver depends on the interface so it can be exercised
 * against any durable store and so the journal can evolve without touching the receiver.
 *
 * Contract the receiver relies on: the promises of `storeNotification` / `storeNotifications`
 * resolve only once the rows are COMMITTED. That is what makes "write before answering" true:
 * the acknowledgement is only written to the socket after one of them has resolved.
 * The answer about to be sent is passed along and committed with the row (one transaction per
 * batch, not two); an answer that then could not be sent is withdrawn with markAnswersUndelivered.
 */
import type { NotificationVerification, ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';

/** What the receiver answers, recorded with the notification it answers. */
export interface NotificationAnswer {
  httpStatus: number;
  body: string;
  /** ISO-8601 UTC: when the answer was decided; its bytes go to the socket as soon as the store's commit resolves. */
  sentAt: string;
}

/** The fields replay needs from a stored notification (the journal's record has more). */
interface StoredNotificationForReplay {
  id: number;
  receiverPath: string;
  headers: Record<string, string>;
  /** Exact bytes, unless the journal had to mask personal data (then bodyExact is false). */
  rawBody: Buffer;
  bodyExact?: boolean;
  profile: string | null | undefined;
  /** Only a verified notification may be re-signed: anything else was never proven to come from Antom. */
  verification: NotificationVerification;
}

export interface NotificationSink {
  /**
   * Store one POST and, in the same transaction, the answer that will be sent for it (on its
   * attempt; only Antom's fixed acknowledgement marks the notification acknowledged).
   */
  storeNotification(n: ReceivedNotification, answer: NotificationAnswer): Promise<StoredNotificationRef>;
  /** The same for a batch, in ONE transaction; answers[i] belongs to batch[i]; refs come back in order. */
  storeNotifications(batch: readonly ReceivedNotification[], answers: readonly NotificationAnswer[]): Promise<StoredNotificationRef[]>;
  /**
   * Best effort: these stored answers never reached the sender (the connection closed before
   * their bytes were handed to the socket). attemptId is the ref's attemptId.
   */
  markAnswersUndelivered(items: readonly { id: number; attemptId?: number | undefined }[]): Promise<void>;
  getNotification(id: number): Promise<StoredNotificationForReplay | undefined>;
  /**
   * A journal's (Journal.refreshQueuedPayments): derive up to `limit` payments the stored
   * notifications queued for the Payments list. When the sink has it, the receiver drains the
   * queue in the background after each commit's answers are written (payments-drainer.ts).
   */
  refreshQueuedPayments?(limit: number): Promise<number>;
  /**
   * How many group-commit transactions may be in flight at once (default 1). A database across a
   * network commits one while another waits for its flush to disk; SQLite's transactions run on
   * this thread one after another, so more would only make smaller batches.
   */
  readonly concurrentStores?: number;
  close(): Promise<void>;
}
