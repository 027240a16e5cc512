/**
 * The journal's storage interface. Only SQLite is built (sqlite-journal.ts), but the receiver,
 * the client recorder, the timelines and the CLI depend on this interface so a shared team store
 * could be added later without touching them.
 */
import type { CallIds, CallRecorder } from '../client/call-record';
import type {
  CallFilter, CallDetail, ExportFormat, FindByIdResult, JournalSettings, MismatchFlag, NotificationAnswerRecord, NotificationDetailView,
  NotificationFilter, NotificationRetryInfo, NotificationSummary, NotificationVerification, NotifyType, Page, PageRequest,
  PaymentTimeline, PruneResult, RejectReason, TimeRange, CallSummary,
} from '../../../src-shared/journal-views';

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
}

export interface StoredNotificationRef {
  id: number;
  /** id of the first notification with the same dedupKey, when this one is a duplicate attempt. */
  duplicateOf: number | undefined;
  attempts: number;
  /** notification_attempts.id of this POST, so its answer can be recorded against it. */
  attemptId?: number;
}

// ---------------------------------------------------------------------------------------------
// The Journal interface (queries, timelines, exports, retention). Everything below is additive.
// ---------------------------------------------------------------------------------------------

/**
 * The journal as the rest of the console sees it. SqliteJournal is the only implementation; a
 * shared team store would implement the same interface.
 */
export interface Journal {
  recorder(): CallRecorder;
  storeNotification(n: ReceivedNotification): StoredNotificationRef;
  storeNotifications(batch: readonly ReceivedNotification[]): StoredNotificationRef[];
  markAcknowledged(id: number, answer: NotificationAnswerRecord, attemptId?: number): void;
  listNotifications(filter?: NotificationFilter, page?: PageRequest): Page<NotificationSummary>;
  getNotification(id: number): NotificationDetail | undefined;
  notificationRetryInfo(id: number, now?: Date): NotificationRetryInfo | undefined;
  listCalls(filter?: CallFilter, page?: PageRequest): Page<CallSummary>;
  getCall(id: number): CallDetail | undefined;
  findById(anyId: string): FindByIdResult;
  timeline(paymentRequestIdOrPaymentId: string, now?: Date): PaymentTimeline | undefined;
  mismatches(filter?: TimeRange & { profile?: string; limit?: number }, now?: Date): MismatchFlag[];
  exportNotifications(filter: NotificationFilter, format: ExportFormat): string;
  exportCalls(filter: CallFilter, format: ExportFormat): string;
  settings(): JournalSettings;
  setRetentionDays(days: number): void;
  setNotificationExpectedMinutes(minutes: number): void;
  prune(options?: { olderThanDays?: number; now?: Date }): PruneResult;
  close(): void;
}
