/**
 * The journal as the rest of the console sees it: one asynchronous interface, whatever engine
 * holds the rows. The embedded SQLite file (sqlite-journal.ts) is the zero-setup default; a
 * shared PostgreSQL database is the second engine. Callers get a Journal from openJournal()
 * (open-journal.ts) and never name an engine's class, so the engine can change under them.
 *
 * Why asynchronous although SQLite is not: PostgreSQL drivers are. SQLite keeps its synchronous
 * better-sqlite3 calls inside; its promises are already settled when returned, so a caller that
 * awaits them sees the same order of effects as before (notably: a notification is committed
 * before the receiver's acknowledgement is written).
 *
 * Contract every engine keeps (test/core/journal/contract/ runs the same cases on each):
 *  - storeNotification(s) resolve only once the rows are COMMITTED; a resend (same dedupKey of a
 *    verified notification) becomes an attempt of the first, decided by the database itself.
 *  - Everything written is redacted and checked for key material first.
 *  - recorder().record never rejects (a failed write goes to onRecordError).
 */
import type { CallRecord, CallRecorder } from '../client/call-record';
import type { RequestIdLedger } from '../client/request-id-ledger';
import type { OverviewStats } from '../../../src-shared/contract';
import type { JournalAccess } from '../../../src-shared/journal-access';
import type { DisputeView } from '../../../src-shared/dispute-views';
import type { NotificationReplayRecord } from '../../../src-shared/journal-views';
import type {
  CallDetail, CallFilter, CallSummary, ExportFormat, FindByIdResult, JournalSettings, MismatchFlag, NotificationAnswerRecord,
  NotificationDetail, NotificationFilter, NotificationRetryInfo, NotificationSummary, Page, PageRequest, PaymentTimeline, PruneResult,
  ReceivedNotification, StoredNotificationRef, TimeRange,
} from './journal-types';
import type { AwaitingCaptureCandidate, OverviewRange } from './overview-queries';
import type { JournalChangeFeed, JournalChangeOptions } from './journal-changes';
import type { ForwardState, ForwardStatusView } from '../../../src-shared/journal-views';
import type { ClaimForwardsOptions, ForwardAttemptInput, ForwardJob, RecordForwardOptions } from './forward-outbox';
import type { PaymentListFilter, PaymentListPage, PaymentListPageRequest, PaymentSort } from '../../../src-shared/payments-list';
import type { AuditTrail } from './audit/audit-trail';

type JournalEngine = 'sqlite' | 'postgres';

/** An answer recorded against a stored notification (and the attempt it answered, when known). */
export interface NotificationAnswerItem {
  id: number;
  answer: NotificationAnswerRecord;
  attemptId?: number | undefined;
}

/** Can the store take writes now, at this console's schema? (A receiver's /readyz.) */
export interface JournalReadiness {
  ready: boolean;
  /** The store's schema version; undefined when it could not be reached. */
  schemaVersion: number | undefined;
  /** The schema version this console writes. */
  knownSchemaVersion: number;
  /** Why it is not ready, in words an operator can act on (never a password). */
  reason?: string;
}

/** How a batch is stored (besides its answers). */
export interface StoreOptions {
  /**
   * The relay (`listen --forward-to URL`): queue every verified notification of the batch for this
   * backend in the SAME transaction (once per notification and target; a resend queues nothing).
   */
  forwardTo?: string | undefined;
}

/** Row counts, for status displays and the benchmark. */
export interface JournalCounts {
  calls: number;
  notifications: number;
  attempts: number;
}

export interface Journal {
  /** Which engine holds the rows. */
  readonly engine: JournalEngine;
  /** Group-commit batches a receiver may have in flight at once (NotificationSink.concurrentStores); absent = 1. */
  readonly concurrentStores?: number;
  /** Where the rows are, for display: a file path, or a database URL WITHOUT its password. */
  describe(): string;
  /**
   * Shared engines only (PostgreSQL): deliver what OTHER processes commit from now on, as push
   * events (journal-changes.ts). Absent on the SQLite file, which only its own console writes live.
   */
  watchChanges?(options: JournalChangeOptions): Promise<JournalChangeFeed>;

  // ---- writing ---------------------------------------------------------------------------

  /** For the Antom client: one call per attempt. Its record() never rejects. */
  recorder(): CallRecorder;
  /** Write one call attempt (redacted). Rejects on failure. The row id, or undefined if this attempt was already stored. */
  recordCall(call: CallRecord): Promise<number | undefined>;
  /** Stored and COMMITTED when the promise resolves. A duplicate becomes an attempt of the first. */
  storeNotification(n: ReceivedNotification, answer?: NotificationAnswerRecord, options?: StoreOptions): Promise<StoredNotificationRef>;
  /**
   * Group commit: the whole batch in one transaction. answers[i], when given, is the answer the
   * caller sends for batch[i] once this resolves, committed with it (an acknowledgement marks
   * the notification acknowledged). refs come back in batch order.
   */
  storeNotifications(batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[], options?: StoreOptions): Promise<StoredNotificationRef[]>;
  /** Best effort: these recorded answers never reached the sender; clear them (acknowledged only if another attempt's acknowledgement went out). */
  markAnswersUndelivered(items: readonly { id: number; attemptId?: number | undefined }[]): Promise<void>;
  /** Record what was answered; only Antom's fixed acknowledgement marks the notification acknowledged. */
  markAcknowledged(id: number, answer: NotificationAnswerRecord, attemptId?: number): Promise<void>;
  /** Many answers in one transaction. */
  markAcknowledgedMany(items: readonly NotificationAnswerItem[]): Promise<void>;
  /** Keep what a replay sent where and what came back (shown in the notification's detail). */
  recordReplay(notificationId: number, replay: Omit<NotificationReplayRecord, 'id'>): Promise<NotificationReplayRecord>;

  // ---- the relay's outbox (listen --forward-to URL; forward-outbox.ts) ----------------------

  /** Queue a stored, verified notification for `target` once; false when it already was. */
  enqueueForward(notificationId: number, target: string, now?: Date): Promise<boolean>;
  /** Due forwards for `target`, each leased to the caller (several receivers never take the same row at once). */
  claimDueForwards(options: ClaimForwardsOptions): Promise<ForwardJob[]>;
  /** Keep one send and its answer; the row becomes delivered, due again on Antom's schedule, or given up. */
  recordForwardAttempt(job: Pick<ForwardJob, 'outboxId' | 'leaseToken' | 'round' | 'attempt'>, input: ForwardAttemptInput, options?: RecordForwardOptions): Promise<ForwardState | undefined>;
  /** The notification's forwards with every send (none when it was never forwarded). */
  forwardStatus(notificationId: number): Promise<ForwardStatusView[]>;
  /** Forwards still waiting to be accepted (the forward queue depth metric). */
  outboxDepth(): Promise<number>;
  /** Re-queue, from now, a forward the backend has not accepted (a new round of Antom's schedule). */
  resendForward(notificationId: number, now?: Date): Promise<ForwardStatusView[]>;

  // ---- reading ---------------------------------------------------------------------------

  listNotifications(filter?: NotificationFilter, page?: PageRequest): Promise<Page<NotificationSummary>>;
  getNotification(id: number, now?: Date): Promise<NotificationDetail | undefined>;
  notificationRetryInfo(id: number, now?: Date): Promise<NotificationRetryInfo | undefined>;
  listCalls(filter?: CallFilter, page?: PageRequest): Promise<Page<CallSummary>>;
  getCall(id: number): Promise<CallDetail | undefined>;
  /** Everything that mentions `anyId` in any ID column: for the global search box. */
  findById(anyId: string): Promise<FindByIdResult>;
  /** One payment's calls and notifications in order, its derived state and its mismatch flags. */
  timeline(paymentRequestIdOrPaymentId: string, now?: Date): Promise<PaymentTimeline | undefined>;
  /** Mismatch flags across payments seen in the time range (newest payments first, up to `limit`, default 200). */
  mismatches(filter?: TimeRange & { profile?: string; limit?: number }, now?: Date): Promise<MismatchFlag[]>;
  overview(range: OverviewRange): Promise<OverviewStats>;
  awaitingCaptureCandidates(limit?: number): Promise<AwaitingCaptureCandidate[]>;
  /** Disputes from notifyDispute notifications and dispute calls, open ones first. */
  disputes(now?: Date): Promise<DisputeView[]>;
  /**
   * The Payments list: one keyset page of payment summaries (schema v6 `payments`), brought up
   * to date with every committed row first. Default sort created-desc, 100 rows a page.
   */
  listPayments(filter?: PaymentListFilter, sort?: PaymentSort, page?: PaymentListPageRequest, now?: Date): Promise<PaymentListPage>;
  /**
   * Derive up to `limit` of the payments stored notifications queued (payments_pending) and take
   * them off the queue, in one transaction; returns how many were taken (a full `limit`: more wait).
   * The receivers call it after their answers are out; a list read drains whatever is left.
   */
  refreshQueuedPayments(limit: number, now?: Date): Promise<number>;
  /** Every payment matching the filter, in list order, as CSV (or a JSON array). */
  exportPayments(filter?: PaymentListFilter, sort?: PaymentSort, format?: ExportFormat, now?: Date): Promise<string>;
  exportNotifications(filter?: NotificationFilter, format?: ExportFormat): Promise<string>;
  exportCalls(filter?: CallFilter, format?: ExportFormat): Promise<string>;

  // ---- settings, retention, status -------------------------------------------------------

  settings(): Promise<JournalSettings>;
  setRetentionDays(days: number): Promise<void>;
  setNotificationExpectedMinutes(minutes: number): Promise<void>;
  /** Delete calls started and notifications last seen before the cutoff, and give the space back. */
  prune(options?: { olderThanDays?: number; now?: Date }): Promise<PruneResult>;
  /** Bytes the journal takes in its store (file + WAL for SQLite, the database for PostgreSQL). */
  sizeBytes(): Promise<number>;
  counts(): Promise<JournalCounts>;
  /** Reachable and migrated to exactly this console's schema? Never rejects: an unreachable store is `ready: false`. */
  readiness(): Promise<JournalReadiness>;
  /** Drop pooled connections and start afresh (PostgreSQL, after the server went away); nothing for SQLite. */
  reconnect(): Promise<void>;
  /**
   * What this connection may do (record money-moving calls, inquiries, settings, ...): asked of
   * the database on each call (privileges can change while connected). SQLite: everything.
   */
  capabilities(): Promise<JournalAccess>;
  /** The client's request-ID ledger, kept in the same store so it survives restarts. */
  requestIdLedger(): RequestIdLedger;
  /** Intents and outcomes of money-moving calls (audit/audit-trail.ts), in the same store. */
  auditTrail(): AuditTrail;

  close(): Promise<void>;
}
