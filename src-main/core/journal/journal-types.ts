/**
 * The journal's record types. The Journal interface itself is in journal.ts.
 */
import type { CallIds } from '../client/call-record';
import type { NotificationDetailView, NotificationVerification, NotifyType, RejectReason } from '../../../src-shared/journal-views';

// The view types live in src-shared so the renderer can display them; re-exported for core code.
export * from '../../../src-shared/journal-views';

/** A notification with the exact bytes stored (or the redacted body when bodyExact is false). */
export interface NotificationDetail extends NotificationDetailView {
  rawBody: Buffer;
}


/** One HTTP POST received by the notification receiver, before classification. */
export interface ReceivedNotification {
  receivedAt: string;             // ISO-8601 UTC
  receiverPath: string;           // path (+query) the receiver was called on
  remoteAddress: string | undefined;
  headers: Record<string, string>;// lower-case names; raw values
  rawBody: Buffer;                // exact bytes
  profile: string | undefined;    // profile whose Antom public key was used
  verification: NotificationVerification;
  rejectReason: RejectReason | undefined;
  rejectDetail: string | undefined; // human explanation, e.g. the verifier's reason
  contentVerified: string | undefined; // the exact content-to-verify string that was checked
  notifyType: NotifyType;
  /** Dedup key: notifyType + the main ID (paymentId / captureId / refundId) + status; undefined when rejected/unparsable. */
  dedupKey: string | undefined;
  ids: CallIds;
  resultStatus: string | undefined;
  resultCode: string | undefined;
  /** paymentStatus-like status the notification asserts: SUCCESS / FAIL / PENDING / PROCESSING. */
  status: string | undefined;
  amountValue: string | undefined;
  amountCurrency: string | undefined;
  /** A verified notification the console could not read (notifyType UNKNOWN): why. */
  unrecognised?: string | undefined;
  /**
   * Set when rawBody is only the first part of what was received (a rejected body is kept as a
   * bounded prefix: receiver/rejected-body-budget.ts): the size and SHA-256 of the whole body.
   */
  bodyWhole?: { bytes: number; sha256: string } | undefined;
}

export interface StoredNotificationRef {
  id: number;
  /** id of the first notification with the same dedupKey, when this one is a duplicate attempt. */
  duplicateOf: number | undefined;
  attempts: number;
  /** notification_attempts.id of this POST, so its answer can be recorded against it. */
  attemptId?: number;
}
