/**
 * The journal in one SQLite file, <dataDir>/journal.sqlite3 (better-sqlite3, synchronous API).
 *
 * Durability: WAL mode with synchronous=NORMAL by default. In WAL, a commit is appended to the
 * WAL file before the call returns, so it survives the PROCESS crashing (the OS has the bytes);
 * that is exactly what the receiver's "stored before acknowledged" promise needs. NORMAL skips
 * the fsync per commit, which is what makes thousands of notifications per second possible.
 * synchronous=FULL also survives power loss / an OS crash at the cost of one fsync per commit;
 * pass { synchronous: 'FULL' } for that (bench/journal-bench.ts measures both). Group commit
 * (storeNotifications) keeps FULL affordable too: one fsync per batch, not per notification.
 *
 * Everything written passes through redaction first (redaction/redact-json.ts), and through the
 * key-material guard right before the INSERT.
 */
import type { DisputeView } from '../../../src-shared/dispute-views';
import { disputeFunds, listDisputes } from './dispute-queries';
import { insertReplay, listReplays } from './notification-replays';
import type { NotificationReplayRecord } from '../../../src-shared/journal-views';
import Database from 'better-sqlite3';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ConsoleError } from '../../../src-shared/errors';
import type { CallRecord, CallRecorder } from '../client/call-record';
import { resolveDataDir } from '../data-dir';
import { assertNoKeyMaterial } from '../redaction/key-material-guard';
import { redactJsonText } from '../redaction/redact-json';
import { csvColumnsFor, callExportRow, notificationExportRow } from './export-rows';
import { toCsv, toJsonArray } from './export-format';
import { callWhere, ftsQuery, notificationWhere, pagedSelect, type RelatedIds, type SqlWhere } from './journal-filters';
import { ID_COLUMN_NAMES } from './journal-id-columns';
import { RELATED_ID_CAP, RELATED_IDS_SELECT, relatedIdsParams } from './sqlite-related-ids';
import { disputesOfRows, groupPaymentRows, PAYMENT_LINK_COLUMNS, type PaymentRows } from './payment-groups';
import type { PaymentSummary } from '../../../src-shared/payment-summary';
import {
  CALL_SUMMARY_COLUMNS, NOTIFICATION_SUMMARY_COLUMNS, toAttempt, toCallDetail, toCallSummary, toNotificationSummary, verifiedContentOf,
  type AttemptRow, type CallRow, type IdRow, type NotificationRow,
} from './journal-rows';
import type { Journal, JournalCounts, JournalReadiness, NotificationAnswerItem, StoreOptions } from './journal';
import type { ForwardState, ForwardStatusView } from '../../../src-shared/journal-views';
import { assertForwardable, type ClaimForwardsOptions, type ForwardAttemptInput, type ForwardJob, type RecordForwardOptions } from './forward-outbox';
import {
  claimDueForwardRows, enqueueForwardRows, forwardStatusRows, outboxDepthRows, recordForwardAttemptRow, resendForwardRows, type ForwardEnqueueItem,
} from './sqlite-forward-outbox';
import type {
  CallDetail, CallFilter, CallSummary, ExportFormat, FindByIdResult, JournalSettings, MismatchFlag, NotificationAnswerRecord,
  NotificationDetail, NotificationFilter, NotificationRetryInfo, NotificationSummary, Page, PageRequest, PaymentTimeline, PruneResult,
  ReceivedNotification, StoredNotificationRef, TimeRange,
} from './journal-types';
import { assertKnownVersion, migrate, SCHEMA_VERSION } from './migrations';
import { ACKNOWLEDGEMENT_BODY, isAcknowledgement } from '../../../src-shared/acknowledgement';
import { findMismatches } from './mismatches';
import { awaitingCaptureCandidates, overviewStats, type AwaitingCaptureCandidate, type OverviewRange } from './overview-queries';
import type { OverviewStats } from '../../../src-shared/contract';
import { headersJson, prepareNotificationBody } from './notification-body';
import { journalTransactions, summarisePayment } from './payment-summary';
import { retryInfo } from './retry-schedule';
import { sqliteRequestIdLedger } from './sqlite-request-id-ledger';
import type { AuditTrail } from './audit/audit-trail';
import { sqliteAuditTrail } from './audit/sqlite-audit-trail';
import type { RequestIdLedger } from '../client/request-id-ledger';
import { FULL_JOURNAL_CAPABILITIES, type JournalAccess } from '../../../src-shared/journal-access';
import { callEvent, collapsePolls, notificationEvent, sortEvents } from './timeline-events';
import type { PaymentListFilter, PaymentListPage, PaymentListPageRequest, PaymentSort } from '../../../src-shared/payments-list';
import { paymentExportQuery, paymentPage, PaymentSqlParams, toPaymentListItem, upsertPaymentSql, type PaymentRowSql, type PaymentSqlRunner } from './payments-queries';
import { paymentExportRow, PAYMENT_CSV_COLUMNS } from './payment-export';
import { derivedAt, idRowOf, idRowOfKey, pendingRefOf, QUEUE_ROWS, refreshPlan, REFRESH_CHUNK, seedOfPendingRef, seedsAPayment } from './payment-list-row';

export const JOURNAL_FILE_NAME = 'journal.sqlite3';

export interface JournalOpenOptions {
  /** The app's data directory (created if missing). Default: resolveDataDir(). */
  dataDir?: string;
  /** File name inside dataDir, or an absolute path. Default journal.sqlite3. */
  file?: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** Called when the client's recorder could not write a call (the recorder itself never throws). */
  onRecordError?: (error: unknown, call: CallRecord) => void;
}

const DEFAULT_SETTINGS: JournalSettings = { retentionDays: 90, notificationExpectedMinutes: 5 };
const TIMELINE_ROW_CAP = 5_000;
/** At most this many payments per looked-up ID (a referenceOrderId reused without end). */
const RESOLVE_PAYMENT_CAP = 50;
/** closeOver statement shapes kept prepared (a drain's chunks repeat a handful). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The journal holds request and notification bodies (buyers' names, amounts), so it is the owner's
 * alone, like profiles.json. SQLite gives its -wal and -shm files the main file's mode, so the
 * main file is narrowed before WAL is switched on; a journal left 0644 by an older console (or its
 * sidecars) is narrowed at open too.
 */
function restrictToOwner(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (path !== file && !existsSync(path)) continue;
    // A file the user shares on purpose (another owner, a read-only mount) still opens.
    try {
      chmodSync(path, 0o600);
    } catch {
      /* not ours to narrow */
    }
  }
}

function whereSql(where: SqlWhere): string {
  return where.clauses.length ? ` WHERE ${where.clauses.join(' AND ')}` : '';
}

export class SqliteJournal implements Journal {
  readonly engine = 'sqlite' as const;
  readonly file: string;
  /** The schema version the file had when opened (0 for a new file). */
  readonly upgradedFrom: number;
  private readonly db: Database.Database;
  private readonly onRecordError: JournalOpenOptions['onRecordError'];
  private readonly stmts: ReturnType<SqliteJournal['prepare']>;
  /** queuePayments' INSERTs by row count (a batch's size repeats, so each is prepared once). */
  private readonly queueStatements = new Map<number, Database.Statement>();
  /** Reads whose SQL is built per call, prepared once per text (statement()). */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly storeBatch: (batch: readonly ReceivedNotification[], answers: readonly (NotificationAnswerRecord | undefined)[] | undefined, forwardTo?: string) => StoredNotificationRef[];

  private constructor(db: Database.Database, file: string, upgradedFrom: number, options: JournalOpenOptions) {
    this.db = db;
    this.file = file;
    this.upgradedFrom = upgradedFrom;
    this.onRecordError = options.onRecordError;
    this.stmts = this.prepare();
    this.storeBatch = db.transaction((items: readonly ReceivedNotification[], answers: readonly (NotificationAnswerRecord | undefined)[] | undefined, forwardTo?: string) => {
      const refs = this.storeItems(items, answers);
      if (forwardTo !== undefined) this.enqueueStored(items, refs, forwardTo);
      return refs;
    });
  }

  /** Synchronous (better-sqlite3); callers outside src-main/core/journal go through openJournal(). */
  static open(options: JournalOpenOptions = {}): SqliteJournal {
    const name = options.file ?? JOURNAL_FILE_NAME;
    const file = isAbsolute(name) ? name : join(resolveDataDir(options.dataDir), name);
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      restrictToOwner(file);
      assertKnownVersion(db, file);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      const from = migrate(db, file);
      return new SqliteJournal(db, file, from, options);
    } catch (error) {
      db?.close();
      if (error instanceof ConsoleError) throw error;
      throw new ConsoleError(
        'JOURNAL_UNREADABLE',
        `The journal ${file} could not be opened: ${error instanceof Error ? error.message : String(error)}.`,
        'If the file is damaged, move it aside (the console starts a fresh journal), or point --data-dir elsewhere. Check that the disk is not full or read-only.',
        { file },
        { cause: error },
      );
    }
  }

  private prepare() {
    const db = this.db;
    const idCols = ID_COLUMN_NAMES.join(', ');
    const idParams = ID_COLUMN_NAMES.map(() => '?').join(', ');
    return {
      insertCall: db.prepare(`INSERT INTO calls (attempt_id, call_id, attempt, started_at, profile, environment, api, url, path, client_id, request_time,
        request_body, request_signature_header, http_status, response_headers, response_body, response_signature, latency_ms, result_status,
        result_code, result_message, error_code, error_message, trigger, ${idCols}, actor_user, actor_host, actor_door)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${idParams}, ?, ?, ?)
        ON CONFLICT(attempt_id) DO NOTHING`),
      insertNotification: db.prepare(`INSERT INTO notifications (dedup_key, first_seen_at, last_seen_at, attempts, receiver_path, remote_address, profile,
        verification, reject_reason, reject_detail, content_verified, content_verified_is_prefix, notify_type, result_status, result_code, status, amount_value,
        amount_currency, headers_json, body, body_exact, body_sha256, body_bytes, acknowledged, acknowledged_at, unrecognised, ${idCols})
        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${idParams})`),
      // Search rows for the notifications a transaction wrote, in ONE statement (why: migrations/sqlite/0003-write-cost.ts).
      indexRange: db.prepare('INSERT INTO notifications_fts(rowid, body) SELECT id, CAST(body AS TEXT) FROM notifications WHERE id BETWEEN ? AND ?'),
      findByDedup: db.prepare<[string], { id: number; attempts: number; body: Buffer }>('SELECT id, attempts, body FROM notifications WHERE dedup_key = ?'),
      addAttempt: db.prepare('UPDATE notifications SET attempts = attempts + 1, last_seen_at = max(last_seen_at, ?) WHERE id = ?'),
      insertAttempt: db.prepare(`INSERT INTO notification_attempts (notification_id, received_at, remote_address, receiver_path, headers_json, body, body_exact,
        body_sha256, verification, reject_reason, answer_status, answer_body, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      latestAttempt: db.prepare<[number], { id: number }>('SELECT id FROM notification_attempts WHERE notification_id = ? ORDER BY (answer_status IS NULL) DESC, id DESC LIMIT 1'),
      answerAttempt: db.prepare('UPDATE notification_attempts SET answer_status = ?, answer_body = ?, answered_at = ? WHERE id = ? AND notification_id = ?'),
      acknowledge: db.prepare('UPDATE notifications SET acknowledged = 1, acknowledged_at = coalesce(acknowledged_at, ?) WHERE id = ?'),
      unanswerAttempt: db.prepare('UPDATE notification_attempts SET answer_status = NULL, answer_body = NULL, answered_at = NULL WHERE id = ? AND notification_id = ?'),
      // After an answer is withdrawn: acknowledged again means "some attempt's acknowledgement was sent".
      reacknowledge: db.prepare(`UPDATE notifications SET (acknowledged, acknowledged_at) = (SELECT count(*) > 0, min(answered_at) FROM notification_attempts
        WHERE notification_id = @id AND answer_status = 200 AND answer_body = @ack) WHERE id = @id`),
      notification: db.prepare<[number], NotificationRow>('SELECT * FROM notifications WHERE id = ?'),
      attempts: db.prepare<[number], AttemptRow>('SELECT * FROM notification_attempts WHERE notification_id = ? ORDER BY id'),
      call: db.prepare<[number], CallRow>('SELECT * FROM calls WHERE id = ?'),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      // The Payments list (schema v7): each write refreshes the rows of the payments it touched.
      pendingPayments: db.prepare<[], { ref: string }>('SELECT ref FROM payments_pending'),
      // Claims a chunk of the queue in one statement (not one DELETE per payment).
      takePendingChunk: db.prepare<[number], { ref: string }>('DELETE FROM payments_pending WHERE ref IN (SELECT ref FROM payments_pending LIMIT ?) RETURNING ref'),
      unqueuePayment: db.prepare('DELETE FROM payments_pending WHERE ref = ?'),
      expiredPayments: db.prepare<[string], { key: string }>('SELECT key FROM payments WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      upsertPayment: db.prepare(upsertPaymentSql('sqlite')),
      deletePayment: db.prepare('DELETE FROM payments WHERE key = ?'),
    };
  }

  /** The file path: SQLite has no password to hide. */
  describe(): string {
    return this.file;
  }

  // ---- writing ---------------------------------------------------------------------------

  /** For the Antom client: one call per attempt. Never rejects (a failed write is reported to onRecordError). */
  recorder(): CallRecorder {
    return {
      record: async (call: CallRecord) => {
        try {
          this.insertCall(call);
        } catch (error) {
          this.onRecordError?.(error, call);
        }
      },
    };
  }

  /** Write one call attempt (redacted). Rejects on failure; the recorder() wrapper does not. Returns the row id. */
  async recordCall(call: CallRecord): Promise<number | undefined> {
    return this.insertCall(call);
  }

  private insertCall(call: CallRecord): number | undefined {
    const request = redactJsonText(call.requestBody).text;
    const response = call.responseBody === undefined ? null : redactJsonText(call.responseBody).text;
    const responseHeaders = call.responseHeaders ? headersJson(call.responseHeaders) : null;
    const errorMessage = call.errorMessage === undefined ? null : redactJsonText(call.errorMessage).text;
    const resultMessage = call.resultMessage === undefined ? null : redactJsonText(call.resultMessage).text;
    assertNoKeyMaterial(request, 'the request body');
    assertNoKeyMaterial(response, 'the response body');
    assertNoKeyMaterial(responseHeaders, 'the response headers');
    assertNoKeyMaterial(call.requestSignatureHeader, 'the signature header');
    assertNoKeyMaterial(errorMessage, 'the error message');
    const ids = call.ids;
    return this.db.transaction(() => {
      const info = this.stmts.insertCall.run(
      call.attemptId, call.callId, call.attempt, call.startedAt, call.profile, call.environment, call.api, call.url, call.path, call.clientId,
      call.requestTime, request, call.requestSignatureHeader, call.httpStatus ?? null, responseHeaders, response, call.responseSignature ?? null,
      Math.round(call.latencyMs), call.resultStatus ?? null, call.resultCode ?? null, resultMessage, call.errorCode ?? null, errorMessage,
      call.trigger, ids.paymentRequestId ?? null, ids.paymentId ?? null, ids.captureRequestId ?? null, ids.captureId ?? null,
      ids.refundRequestId ?? null, ids.refundId ?? null, ids.referenceOrderId ?? null, ids.disputeId ?? null,
      call.actor?.user ?? null, call.actor?.host ?? null, call.actor?.door ?? null,
      );
      if (!info.changes) return undefined;
      this.refreshPayments([idRowOf(ids)], derivedAt([call.startedAt]));
      return Number(info.lastInsertRowid);
    })();
  }

  /**
   * Stored and COMMITTED when this returns. A duplicate becomes an attempt of the first.
   * `answer`: see storeNotifications.
   */
  async storeNotification(n: ReceivedNotification, answer?: NotificationAnswerRecord, options: StoreOptions = {}): Promise<StoredNotificationRef> {
    return this.storeBatch([n], answer ? [answer] : undefined, options.forwardTo)[0]!;
  }

  /**
   * Group commit: the whole batch in one transaction (one WAL append, one fsync under FULL).
   *
   * `answers[i]`, when given, is the answer the caller will send for batch[i] once this returns.
   * It is recorded on the attempt in the SAME transaction (and an acknowledgement marks the
   * notification acknowledged), which saves the receiver a second transaction per batch. This
   * never weakens "stored before acknowledged": the row and its answer commit together, and the
   * answer only goes out after the commit. If the answer then cannot be sent, the caller
   * withdraws it with markAnswersUndelivered. Its `sentAt` is when the answer was decided (the
   * receiver writes it to the socket right after this resolves: here, in the same event-loop turn).
   */
  async storeNotifications(batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[], options: StoreOptions = {}): Promise<StoredNotificationRef[]> {
    return this.storeBatch(batch, answers, options.forwardTo);
  }

  /**
   * Best-effort correction for storeNotifications' answers: these answers were recorded but never
   * reached the sender (the connection closed first). Each attempt's answer is cleared (as if
   * never answered, which is what the sender saw), and the notification stays acknowledged only
   * if another attempt's acknowledgement was sent.
   */
  async markAnswersUndelivered(items: readonly { id: number; attemptId?: number | undefined }[]): Promise<void> {
    this.db.transaction(() => {
      for (const { id, attemptId } of items) {
        if (attemptId !== undefined) this.stmts.unanswerAttempt.run(attemptId, id);
        this.stmts.reacknowledge.run({ id, ack: ACKNOWLEDGEMENT_BODY });
      }
    })();
  }

  /**
   * The relay's outbox rows for a batch just stored, in its transaction: one per verified
   * notification (a resend is an attempt of a row already queued, so ON CONFLICT leaves it). Where
   * personal data was masked in the stored body, the outbox keeps the exact bytes until the backend
   * accepts them (it must verify Antom's signature over them).
   */
  private enqueueStored(items: readonly ReceivedNotification[], refs: readonly StoredNotificationRef[], target: string): void {
    const queue: ForwardEnqueueItem[] = [];
    items.forEach((n, i) => {
      const ref = refs[i];
      if (!ref || n.verification !== 'verified' || ref.duplicateOf !== undefined) return;
      const exact = (this.db.prepare('SELECT body_exact FROM notifications WHERE id = ?').get(ref.id) as { body_exact: number }).body_exact === 1;
      queue.push({ notificationId: ref.id, originalBody: exact ? null : Buffer.from(n.rawBody) });
    });
    if (queue.length > 0) enqueueForwardRows(this.db, queue, target, new Date().toISOString());
  }

  // ---- the relay's outbox (sqlite-forward-outbox.ts) ---------------------------------------

  async enqueueForward(notificationId: number, target: string, now: Date = new Date()): Promise<boolean> {
    const row = this.db.prepare('SELECT verification FROM notifications WHERE id = ?').get(notificationId) as { verification: string } | undefined;
    assertForwardable(notificationId, row?.verification);
    return enqueueForwardRows(this.db, [{ notificationId, originalBody: null }], target, now.toISOString()) > 0;
  }

  async claimDueForwards(options: ClaimForwardsOptions): Promise<ForwardJob[]> {
    return claimDueForwardRows(this.db, options);
  }

  async recordForwardAttempt(job: Pick<ForwardJob, 'outboxId' | 'leaseToken' | 'round' | 'attempt'>, input: ForwardAttemptInput, options?: RecordForwardOptions): Promise<ForwardState | undefined> {
    return recordForwardAttemptRow(this.db, job, input, options);
  }

  async forwardStatus(notificationId: number): Promise<ForwardStatusView[]> {
    return forwardStatusRows(this.db, notificationId);
  }

  async outboxDepth(): Promise<number> {
    return outboxDepthRows(this.db);
  }

  async resendForward(notificationId: number, now?: Date): Promise<ForwardStatusView[]> {
    return resendForwardRows(this.db, notificationId, now);
  }

  /** The body of storeBatch's transaction. */
  private storeItems(items: readonly ReceivedNotification[], answers: readonly (NotificationAnswerRecord | undefined)[] | undefined): StoredNotificationRef[] {
    const refs = items.map((n, i) => this.storeOne(n, answers?.[i]));
    // New notification rows get ids max+1, max+2, ... while this transaction holds the write
    // lock, so [first, last] holds exactly the rows written here. The per-row fallback covers
    // the case where they are not consecutive (SQLite picks random ids once the maximum id is used).
    const created = refs.filter((r) => r.duplicateOf === undefined).map((r) => r.id);
    if (created.length > 0) {
      const first = created[0]!;
      const last = created[created.length - 1]!;
      if (last - first + 1 === created.length) this.stmts.indexRange.run(first, last);
      else for (const id of created) this.stmts.indexRange.run(id, id);
    }
    // The payments new verified notifications name are queued in this same transaction (a resend
    // adds an attempt, which changes no payment; a rejected one proves nothing). Their list rows
    // are derived after the answers are out (refreshQueuedPayments), or by the next list read.
    const queued = new Set<string>();
    items.forEach((n, i) => {
      const ref = refs[i]!.duplicateOf === undefined && n.verification === 'verified' ? pendingRefOf(idRowOf(n.ids)) : undefined;
      if (ref !== undefined) queued.add(ref);
    });
    if (queued.size > 0) this.queuePayments([...queued]);
    return refs;
  }

  private storeOne(n: ReceivedNotification, answer: NotificationAnswerRecord | undefined): StoredNotificationRef {
    const answeredAt = answer ? (answer.sentAt ?? new Date().toISOString()) : null;
    const acknowledged = answer !== undefined && isAcknowledgement(answer.httpStatus, answer.body);
    const body = prepareNotificationBody(n.rawBody, n.contentVerified, n.bodyWhole);
    const storedText = body.stored.toString('utf8');
    const headers = headersJson(n.headers);
    const rejectDetail = n.rejectDetail === undefined ? null : redactJsonText(n.rejectDetail).text;
    const unrecognised = n.unrecognised === undefined ? null : redactJsonText(n.unrecognised).text;
    // The verified content is "<prefix><stored body>" whenever it was built from this body (the
    // receiver always does); then only the prefix is kept and readers append the body again.
    const verifiedPrefix = body.contentVerified !== undefined && body.contentVerified.endsWith(storedText)
      ? body.contentVerified.slice(0, body.contentVerified.length - storedText.length)
      : undefined;
    // Every string is checked once. An exact body is the very text redactJsonText just scrubbed
    // and found clean. A prefix ending in "." (the receiver's: "...<request-time>.") is checked
    // apart from the body, which equals checking their concatenation: "." occurs neither in a
    // PEM header line nor in a base64 DER run, so no match can straddle the join.
    if (!body.exact) assertNoKeyMaterial(storedText, 'the notification body');
    assertNoKeyMaterial(headers, 'the notification headers');
    assertNoKeyMaterial(verifiedPrefix?.endsWith('.') ? verifiedPrefix : body.contentVerified, 'the verified content');
    assertNoKeyMaterial(rejectDetail, 'the reject detail');
    assertNoKeyMaterial(unrecognised, 'the unrecognised note');
    // A rejected POST can claim anything; it never counts as an attempt of a verified notification.
    const dedupKey = n.verification === 'verified' && n.dedupKey ? n.dedupKey : null;
    // NULL body / headers = the same as the notification row's (schema v3), which the first POST always is.
    const attemptRow = (notificationId: number, sameBody: boolean, sameHeaders: boolean): number =>
      Number(this.stmts.insertAttempt.run(notificationId, n.receivedAt, n.remoteAddress ?? null, n.receiverPath, sameHeaders ? null : headers,
        sameBody ? null : body.stored, body.exact ? 1 : 0, body.sha256, n.verification, n.rejectReason ?? null,
        answer?.httpStatus ?? null, answer?.body ?? null, answeredAt).lastInsertRowid);

    if (dedupKey) {
      const first = this.stmts.findByDedup.get(dedupKey);
      if (first) {
        this.stmts.addAttempt.run(n.receivedAt, first.id);
        const attemptId = attemptRow(first.id, first.body.equals(body.stored), false);
        if (acknowledged) this.stmts.acknowledge.run(answeredAt, first.id);
        return { id: first.id, duplicateOf: first.id, attempts: first.attempts + 1, attemptId };
      }
    }
    const ids = n.ids;
    const id = Number(this.stmts.insertNotification.run(
      dedupKey, n.receivedAt, n.receivedAt, n.receiverPath, n.remoteAddress ?? null, n.profile ?? null, n.verification, n.rejectReason ?? null,
      rejectDetail, verifiedPrefix ?? body.contentVerified ?? null, verifiedPrefix === undefined ? 0 : 1, n.notifyType, n.resultStatus ?? null,
      n.resultCode ?? null, n.status ?? null, n.amountValue ?? null, n.amountCurrency ?? null, headers, body.stored, body.exact ? 1 : 0, body.sha256,
      body.bytes, acknowledged ? 1 : 0, acknowledged ? answeredAt : null, unrecognised, ids.paymentRequestId ?? null, ids.paymentId ?? null, ids.captureRequestId ?? null,
      ids.captureId ?? null, ids.refundRequestId ?? null, ids.refundId ?? null, ids.referenceOrderId ?? null, ids.disputeId ?? null,
    ).lastInsertRowid);
    const attemptId = attemptRow(id, true, true);
    return { id, duplicateOf: undefined, attempts: 1, attemptId };
  }

  /**
   * Record what the receiver answered. Only Antom's fixed acknowledgement (HTTP 200, result S /
   * SUCCESS) marks the notification acknowledged; any other answer is recorded on the attempt
   * and leaves it unacknowledged, so callers may pass every answer here.
   */
  async markAcknowledged(id: number, answer: NotificationAnswerRecord, attemptId?: number): Promise<void> {
    await this.markAcknowledgedMany([{ id, answer, attemptId }]);
  }

  /** Many answers in one transaction (the receiver answers a whole group commit at once). */
  async markAcknowledgedMany(items: readonly NotificationAnswerItem[]): Promise<void> {
    this.db.transaction(() => {
      for (const { id, answer, attemptId } of items) {
        const at = answer.sentAt ?? new Date().toISOString();
        const target = attemptId ?? this.stmts.latestAttempt.get(id)?.id;
        if (target !== undefined) this.stmts.answerAttempt.run(answer.httpStatus, answer.body, at, target, id);
        if (isAcknowledgement(answer.httpStatus, answer.body)) this.stmts.acknowledge.run(at, id);
      }
    })();
  }

  // ---- reading ---------------------------------------------------------------------------

  /**
   * An "any ID" page is one statement (the related-ID walk inlined, sqlite-related-ids.ts); only
   * when it comes back empty, which is also what an ID kept in no column (found by text) gives,
   * does the engine resolve the IDs first, and that answer is then the same or more.
   */
  async listNotifications(filter: NotificationFilter = {}, page: PageRequest = {}): Promise<Page<NotificationSummary>> {
    if (!filter.anyId) return this.notificationPage(filter, page, []);
    const inline = this.notificationPage(filter, page, 'inline');
    return inline.items.length > 0 ? inline : this.notificationPage(filter, page, this.relatedIds(filter.anyId));
  }

  private notificationPage(filter: NotificationFilter, page: PageRequest, related: RelatedIds): Page<NotificationSummary> {
    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere(filter, related), page);
    const rows = this.statement(q.sql).all(...q.params) as NotificationRow[];
    return this.toPage(rows, q.limit, toNotificationSummary);
  }

  /** As listNotifications: one statement, the resolved IDs only for an empty page. */
  async listCalls(filter: CallFilter = {}, page: PageRequest = {}): Promise<Page<CallSummary>> {
    if (!filter.anyId) return this.callPage(filter, page, []);
    const inline = this.callPage(filter, page, 'inline');
    return inline.items.length > 0 ? inline : this.callPage(filter, page, this.relatedIds(filter.anyId));
  }

  private callPage(filter: CallFilter, page: PageRequest, related: RelatedIds): Page<CallSummary> {
    const q = pagedSelect('calls', CALL_SUMMARY_COLUMNS, callWhere(filter, related), page);
    const rows = this.statement(q.sql).all(...q.params) as CallRow[];
    return this.toPage(rows, q.limit, toCallSummary);
  }

  private toPage<R extends { id: number }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    return { items: kept.map(map), nextCursor: more ? String(kept[kept.length - 1]!.id) : undefined };
  }

  async getNotification(id: number, now: Date = new Date()): Promise<NotificationDetail | undefined> {
    const row = this.stmts.notification.get(id);
    if (!row) return undefined;
    const attempts = this.stmts.attempts.all(id);
    return {
      ...toNotificationSummary(row),
      headers: JSON.parse(row.headers_json) as Record<string, string>,
      rawBody: row.body,
      body: row.body.toString('utf8'),
      contentVerified: verifiedContentOf(row),
      attemptList: attempts.map(toAttempt),
      retry: this.retryOf(row, now),
      replays: listReplays(this.db, id),
      forwards: forwardStatusRows(this.db, id),
    };
  }

  /** Keep what a replay sent where and what came back (shown in the notification's detail). */
  async recordReplay(notificationId: number, replay: Omit<NotificationReplayRecord, 'id'>): Promise<NotificationReplayRecord> {
    const id = insertReplay(this.db, notificationId, replay);
    return listReplays(this.db, notificationId).find((r) => r.id === id)!;
  }

  async notificationRetryInfo(id: number, now: Date = new Date()): Promise<NotificationRetryInfo | undefined> {
    const row = this.stmts.notification.get(id);
    return row ? this.retryOf(row, now) : undefined;
  }

  private retryOf(row: NotificationRow, now: Date): NotificationRetryInfo {
    return retryInfo({ attempts: row.attempts, firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at, acknowledged: row.acknowledged === 1 }, now);
  }

  async getCall(id: number): Promise<CallDetail | undefined> {
    const row = this.stmts.call.get(id);
    return row ? toCallDetail(row) : undefined;
  }

  /**
   * For the global search box: the payments `anyId` names (every one, when several share it),
   * each summarised, and the calls and notifications of those payments.
   */
  async findById(anyId: string, now: Date = new Date()): Promise<FindByIdResult> {
    const groups = this.resolvePayments(anyId);
    const related = this.relatedIds(anyId);
    const calls = this.callPage({ anyId }, { limit: 100 }, related).items;
    const notifications = this.notificationPage({ anyId }, { limit: 100 }, related).items;
    const summaries = this.summariesOf(groups, now);
    const payments = summaries.map((p) => ({ paymentRequestId: p.paymentRequestId, paymentId: p.paymentId }));
    return { id: anyId, payments, summaries, calls, notifications };
  }

  // ---- timelines and mismatches ----------------------------------------------------------

  /**
   * The payments an ID names, each with all its rows. The seed rows are those carrying the ID in
   * any ID column (or, for an ID kept in no column such as a paymentSessionId, those whose text
   * contains it); seeds are split into payments first, so a referenceOrderId shared by several
   * payments yields each of them. Newest payment first.
   */
  private resolvePayments(id: string): PaymentRows[] {
    const anyIdWhere = `${ID_COLUMN_NAMES.map((c) => `${c} = ?`).join(' OR ')}`;
    let calls = this.statement(`SELECT * FROM calls WHERE ${anyIdWhere} LIMIT ${TIMELINE_ROW_CAP}`).all(...ID_COLUMN_NAMES.map(() => id)) as CallRow[];
    let notes = this.statement(`SELECT * FROM notifications WHERE ${anyIdWhere} LIMIT ${TIMELINE_ROW_CAP}`).all(...ID_COLUMN_NAMES.map(() => id)) as NotificationRow[];
    const phrase = ftsQuery(id);
    if (calls.length === 0 && notes.length === 0 && phrase) {
      calls = this.statement(`SELECT * FROM calls WHERE id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?) LIMIT 100`).all(phrase) as CallRow[];
      notes = this.statement(`SELECT * FROM notifications WHERE id IN (SELECT rowid FROM notifications_fts WHERE notifications_fts MATCH ?) LIMIT 100`).all(phrase) as NotificationRow[];
    }
    const groups = groupPaymentRows(calls, notes).slice(0, RESOLVE_PAYMENT_CAP).map((g) => this.closeOver(g));
    // Seeds of one payment can reach each other only through the closure: merge what became equal.
    const seen = new Set<string>();
    const distinct = groups.filter((g) => {
      // After the closure, two seeds of one payment hold the same rows: keep one.
      const marker = g.calls.length ? `c${Math.min(...g.calls.map((c) => c.id))}` : `n${Math.min(...g.notes.map((n) => n.id))}`;
      if (seen.has(marker)) return false;
      seen.add(marker);
      return true;
    });
    const newest = (g: PaymentRows): string => [...g.calls.map((c) => c.started_at), ...g.notes.map((n) => n.first_seen_at)].sort().at(-1) ?? '';
    return distinct.sort((a, b) => newest(b).localeCompare(newest(a)));
  }

  /** Everything reachable from some rows through payment, capture, refund and dispute IDs. */
  private closeOver(seed: PaymentRows, extra: readonly IdRow[] = []): PaymentRows {
    const linkCols = ID_COLUMN_NAMES.filter((c) => c !== 'reference_order_id');
    let { calls, notes } = seed;
    const sets: Record<string, Set<string>> = Object.fromEntries(linkCols.map((c) => [c, new Set<string>()]));
    // Closure over the link IDs: a refund call links a notifyRefund (which carries no paymentId).
    for (let round = 0; round < 4; round++) {
      let grew = false;
      // A rejected notification proves nothing: its IDs never join one payment to another.
      for (const row of [...extra, ...calls, ...notes.filter((n) => n.verification === 'verified')] as IdRow[]) {
        for (const c of linkCols) {
          const v = row[c];
          if (v && !sets[c]!.has(v)) {
            sets[c]!.add(v);
            grew = true;
          }
        }
      }
      if (!grew && round > 0) break;
      const clauses: string[] = [];
      const params: string[] = [];
      for (const c of linkCols) {
        const values = [...sets[c]!];
        if (values.length) {
          clauses.push(`${c} IN (${values.map(() => '?').join(', ')})`);
          params.push(...values);
        }
      }
      if (clauses.length === 0) break;
      const where = clauses.join(' OR ');
      calls = this.statement(`SELECT * FROM calls WHERE ${where} ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`).all(...params) as CallRow[];
      notes = this.statement(`SELECT * FROM notifications WHERE ${where} ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`).all(...params) as NotificationRow[];
    }
    return { calls, notes };
  }

  /**
   * A read whose SQL is built per call (a filter's WHERE, an ID list's IN), prepared once per text.
   * Shapes repeat (a receiver's drain runs closeOver per chunk with the same few shapes; a lookup
   * walks the same related-ID shapes; a page repeats its filter), and compiling one of these
   * statements cost about as much as running it. Bounded: cleared when full. Not for iterate():
   * a statement being iterated cannot run again until its iterator is done.
   */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Every link ID of the payments `anyId` resolves to (for the "any ID" filters): the walk of
   * sqlite-related-ids.ts, which reads only the ID columns (a filter runs on every keystroke).
   */
  private relatedIds(anyId: string | undefined): string[] {
    if (!anyId) return [];
    const walked = (this.statement(RELATED_IDS_SELECT).all(...relatedIdsParams(anyId)) as { v: string }[]).map((r) => r.v);
    // The walk holds the ID itself first: anything more means rows named it.
    if (walked.length > 1) return walked;
    // An ID kept in no column (a paymentSessionId), or on rows that link nothing else: resolve
    // through the full path (ID columns, then text search), which handles both.
    const ids = new Set<string>();
    for (const g of this.resolvePayments(anyId)) for (const row of [...g.calls, ...g.notes] as IdRow[]) for (const c of PAYMENT_LINK_COLUMNS) if (row[c]) ids.add(row[c]!);
    return [...ids].slice(0, RELATED_ID_CAP);
  }

  private summariesOf(groups: readonly PaymentRows[], now: Date): PaymentSummary[] {
    if (groups.length === 0) return [];
    const disputes = listDisputes(this.db, now);
    const byPaymentId = new Map<string, DisputeView[]>();
    for (const d of disputes) if (d.paymentId) byPaymentId.set(d.paymentId, [...(byPaymentId.get(d.paymentId) ?? []), d]);
    return groups.map((g) => summarisePayment({ calls: g.calls, notes: g.notes, disputes: disputesOfRows(g, byPaymentId) }, now).summary);
  }

  async timeline(paymentRequestIdOrPaymentId: string, now: Date = new Date()): Promise<PaymentTimeline | undefined> {
    return this.paymentTimeline(paymentRequestIdOrPaymentId, now);
  }

  private paymentTimeline(paymentRequestIdOrPaymentId: string, now: Date): PaymentTimeline | undefined {
    const groups = this.resolvePayments(paymentRequestIdOrPaymentId);
    const rows = groups[0];
    if (!rows) return undefined;
    // The payment's own IDs: a rejected notification that names others does not make them its own.
    const trusted = [...rows.calls, ...rows.notes.filter((n) => n.verification === 'verified')];
    const idsOf = (column: 'payment_request_id' | 'payment_id'): string[] => [...new Set(trusted.map((r) => r[column]).filter((v): v is string => Boolean(v)))].sort();
    const paymentRequestIds = idsOf('payment_request_id');
    const paymentIds = idsOf('payment_id');
    const disputes = listDisputes(this.db, now).filter((d) => (d.paymentId !== null && paymentIds.includes(d.paymentId)) || (d.paymentRequestId !== null && paymentRequestIds.includes(d.paymentRequestId)));
    const { summary, facts, derived } = summarisePayment({ calls: rows.calls, notes: rows.notes, disputes }, now);
    const events = collapsePolls(sortEvents([
      ...rows.calls.map(callEvent),
      ...rows.notes.map((n) => notificationEvent(n, this.stmts.attempts.all(n.id))),
    ]));
    const mismatches = findMismatches(facts, derived, { paymentRequestId: paymentRequestIds[0] ?? null, paymentId: paymentIds[0] ?? null }, this.currentSettings().notificationExpectedMinutes, now);
    return {
      query: paymentRequestIdOrPaymentId, paymentRequestIds, paymentIds, events, state: derived.state, money: disputeFunds(disputes, derived.money), mismatches,
      summary, transactions: journalTransactions(facts),
      // An ID several payments share (a reused referenceOrderId): the newest is shown, all are named.
      ...(groups.length > 1 ? { alsoMatches: this.summariesOf(groups, now) } : {}),
    };
  }

  /** Mismatch flags across payments seen in the time range (newest payments first, up to `limit`, default 200). */
  async mismatches(filter: TimeRange & { profile?: string; limit?: number } = {}, now: Date = new Date()): Promise<MismatchFlag[]> {
    const limit = filter.limit ?? 200;
    const callW = callWhere({ since: filter.since, until: filter.until, profile: filter.profile });
    const noteW = notificationWhere({ since: filter.since, until: filter.until, profile: filter.profile, verification: 'verified' });
    const keyExpr = 'coalesce(payment_id, payment_request_id)';
    const sql = `SELECT k FROM (
        SELECT ${keyExpr} AS k, max(id) AS m, 0 AS src FROM calls${whereSql(callW)} GROUP BY k
        UNION ALL SELECT ${keyExpr} AS k, max(id) AS m, 1 AS src FROM notifications${whereSql(noteW)} GROUP BY k
      ) WHERE k IS NOT NULL GROUP BY k ORDER BY max(m) DESC LIMIT ?`;
    const keys = (this.statement(sql).all(...callW.params, ...noteW.params, limit) as { k: string }[]).map((r) => r.k);
    const seen = new Set<string>();
    const flags: MismatchFlag[] = [];
    for (const key of keys) {
      const t = this.paymentTimeline(key, now);
      if (!t) continue;
      const signature = `${t.paymentRequestIds.join(',')}|${t.paymentIds.join(',')}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      flags.push(...t.mismatches);
    }
    return flags;
  }

  // ---- the Payments list (payments-queries.ts, payment-list-row.ts) ----------------------

  async listPayments(filter: PaymentListFilter = {}, sort?: PaymentSort, page: PaymentListPageRequest = {}, now: Date = new Date()): Promise<PaymentListPage> {
    this.refreshDuePayments(now);
    return paymentPage(this.paymentRunner(), filter, sort, page);
  }

  async exportPayments(filter: PaymentListFilter = {}, sort?: PaymentSort, format: ExportFormat = 'csv', now: Date = new Date()): Promise<string> {
    this.refreshDuePayments(now);
    const p = new PaymentSqlParams('sqlite');
    const sql = paymentExportQuery(filter, sort ?? 'created-desc', p);
    const rows = this.db.prepare(sql).iterate(...p.values) as IterableIterator<PaymentRowSql>;
    const mapped = mapIterable(rows, (row) => paymentExportRow(toPaymentListItem(row)));
    return format === 'json' ? toJsonArray(mapped) : toCsv(PAYMENT_CSV_COLUMNS, mapped);
  }

  private paymentRunner(): PaymentSqlRunner {
    return {
      params: () => new PaymentSqlParams('sqlite'),
      all: async <T>(sql: string, p: PaymentSqlParams) => this.statement(sql).all(...p.values) as T[],
    };
  }

  /**
   * Derive again, from their rows, the payments `seeds` name (the IDs of rows just written, or a
   * list row's key), and write their list rows. Runs inside the caller's transaction, so a
   * payment's row commits with the write that changed it. A payment first known by its paymentId
   * and later by its paymentRequestId keeps one row.
   */
  private refreshPayments(seeds: readonly IdRow[], now: Date): void {
    const named = seeds.filter(seedsAPayment);
    for (let i = 0; i < named.length; i += REFRESH_CHUNK) {
      const chunk = named.slice(i, i + REFRESH_CHUNK);
      const plan = refreshPlan(this.closeOver({ calls: [], notes: [] }, chunk), chunk, now);
      for (const key of plan.deleteKeys) this.stmts.deletePayment.run(key);
      for (const row of plan.upserts) this.stmts.upsertPayment.run(row);
    }
  }

  /** Queue payments for a later refresh (refs from pendingRefOf), one multi-row INSERT per QUEUE_ROWS refs. */
  private queuePayments(refs: readonly string[]): void {
    for (let i = 0; i < refs.length; i += QUEUE_ROWS) {
      const chunk = refs.slice(i, i + QUEUE_ROWS);
      let insert = this.queueStatements.get(chunk.length);
      if (!insert) {
        insert = this.db.prepare(`INSERT INTO payments_pending (ref) VALUES ${chunk.map(() => '(?)').join(', ')} ON CONFLICT DO NOTHING`);
        this.queueStatements.set(chunk.length, insert);
      }
      insert.run(...chunk);
    }
  }

  /**
   * Derive up to `limit` queued payments (payments_pending: what stored notifications named, and an
   * older journal's backfill) and take them off the queue, in one transaction. Returns how many
   * were taken: a full `limit` means more may be waiting.
   */
  async refreshQueuedPayments(limit: number, now: Date = new Date()): Promise<number> {
    return this.db.transaction(() => {
      const refs = this.stmts.takePendingChunk.all(limit).map((r) => r.ref);
      this.refreshPayments(refs.map(seedOfPendingRef), now);
      return refs.length;
    })();
  }

  /**
   * Before a read: payments whose derivation changed with time alone (a session or an
   * authorisation expired since their row was written), and whatever payments_pending still holds
   * (notifications stored since the receiver's last drain; an older journal's backfill), so a read
   * is always complete.
   */
  private refreshDuePayments(now: Date): void {
    const due = this.stmts.expiredPayments.all(now.toISOString()).map((r) => r.key);
    const queued = this.stmts.pendingPayments.all().map((r) => r.ref);
    if (due.length === 0 && queued.length === 0) return;
    this.db.transaction(() => {
      for (const ref of queued) this.stmts.unqueuePayment.run(ref);
      this.refreshPayments([...due.map(idRowOfKey), ...queued.map(seedOfPendingRef)], now);
    })();
  }

  // ---- dashboard aggregates (overview-queries.ts) ----------------------------------------

  async overview(range: OverviewRange): Promise<OverviewStats> {
    return overviewStats(this.db, range);
  }

  /** Disputes from notifyDispute notifications and dispute calls (dispute-queries.ts). */
  async disputes(now: Date = new Date()): Promise<DisputeView[]> {
    return listDisputes(this.db, now);
  }

  async awaitingCaptureCandidates(limit?: number): Promise<AwaitingCaptureCandidate[]> {
    return awaitingCaptureCandidates(this.db, limit);
  }

  // ---- export ----------------------------------------------------------------------------

  async exportNotifications(filter: NotificationFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
    const where = notificationWhere(filter);
    const rows = this.db.prepare(`SELECT * FROM notifications${whereSql(where)} ORDER BY id DESC`).iterate(...where.params) as IterableIterator<NotificationRow>;
    const mapped = mapIterable(rows, notificationExportRow);
    return format === 'json' ? toJsonArray(mapped) : toCsv(csvColumnsFor('notifications'), mapped);
  }

  async exportCalls(filter: CallFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
    const where = callWhere(filter);
    const rows = this.db.prepare(`SELECT * FROM calls${whereSql(where)} ORDER BY id DESC`).iterate(...where.params) as IterableIterator<CallRow>;
    const mapped = mapIterable(rows, callExportRow);
    return format === 'json' ? toJsonArray(mapped) : toCsv(csvColumnsFor('calls'), mapped);
  }

  // ---- settings and retention --------------------------------------------------------------

  async settings(): Promise<JournalSettings> {
    return this.currentSettings();
  }

  private currentSettings(): JournalSettings {
    const num = (key: string, fallback: number): number => {
      const v = this.stmts.getSetting.get(key)?.value;
      return v === undefined ? fallback : Number(v);
    };
    return {
      retentionDays: num('retention_days', DEFAULT_SETTINGS.retentionDays),
      notificationExpectedMinutes: num('notification_expected_minutes', DEFAULT_SETTINGS.notificationExpectedMinutes),
    };
  }

  async setRetentionDays(days: number): Promise<void> {
    if (!Number.isInteger(days) || days < 1 || days > 36_500) {
      throw new ConsoleError('VALIDATION_FAILED', `Retention of ${days} days is not allowed.`, 'Choose a whole number of days from 1 to 36500.', { field: 'retentionDays' });
    }
    this.stmts.setSetting.run('retention_days', String(days));
  }

  async setNotificationExpectedMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1_440) {
      throw new ConsoleError('VALIDATION_FAILED', `${minutes} minutes is not allowed.`, 'Choose a whole number of minutes from 1 to 1440.', { field: 'notificationExpectedMinutes' });
    }
    this.stmts.setSetting.run('notification_expected_minutes', String(minutes));
  }

  /**
   * Delete calls started and notifications last seen before the cutoff (their attempts go by
   * cascade, their search rows by trigger), then give the space back to the OS: VACUUM rewrites
   * the file, wal_checkpoint(TRUNCATE) empties the WAL. Returns counts and bytes reclaimed.
   */
  async prune(options: { olderThanDays?: number; now?: Date } = {}): Promise<PruneResult> {
    const days = options.olderThanDays ?? this.currentSettings().retentionDays;
    if (!Number.isFinite(days) || days < 0) {
      throw new ConsoleError('VALIDATION_FAILED', `"${days}" is not a number of days.`, 'Pass 0 or more days.', { field: 'olderThanDays' });
    }
    const now = options.now ?? new Date();
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const bytesBefore = this.fileBytes();
    const counts = this.db.transaction(() => {
      const attempts = (this.db.prepare('SELECT count(*) AS n FROM notification_attempts WHERE notification_id IN (SELECT id FROM notifications WHERE last_seen_at < ?)').get(cutoff) as { n: number }).n;
      const notifications = this.db.prepare('DELETE FROM notifications WHERE last_seen_at < ?').run(cutoff).changes;
      const calls = this.db.prepare('DELETE FROM calls WHERE started_at < ?').run(cutoff).changes;
      // The audit trail follows the calls it describes (outcomes go by cascade).
      this.db.prepare('DELETE FROM call_intents WHERE intended_at < ?').run(cutoff);
      // Payments that lost rows are derived again from what is left (those left with none leave the list).
      const touched = (this.db.prepare('SELECT key FROM payments WHERE created_at < ?').all(cutoff) as { key: string }[]).map((r) => idRowOfKey(r.key));
      this.refreshPayments(touched, now);
      return { attempts, notifications, calls };
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytesAfter = this.fileBytes();
    return { cutoff, ...counts, bytesBefore, bytesAfter, bytesReclaimed: Math.max(bytesBefore - bytesAfter, 0) };
  }

  /** Size on disk: the database file plus its WAL. */
  async sizeBytes(): Promise<number> {
    return this.fileBytes();
  }

  private fileBytes(): number {
    const size = (p: string): number => {
      try {
        return statSync(p).size;
      } catch {
        return 0;
      }
    };
    return size(this.file) + size(`${this.file}-wal`);
  }

  /** The file is the user's own: no database roles, everything allowed. */
  async capabilities(): Promise<JournalAccess> {
    return { engine: 'sqlite', user: undefined, roles: [], capabilities: { ...FULL_JOURNAL_CAPABILITIES } };
  }

  /** The client's request-ID ledger, in the same file. */
  requestIdLedger(): RequestIdLedger {
    return sqliteRequestIdLedger(this.db);
  }

  /** The audit trail (intents and outcomes of money-moving calls), in the same file. */
  auditTrail(): AuditTrail {
    return sqliteAuditTrail(this.db);
  }

  /** Row counts, for status displays and the benchmark. */
  async counts(): Promise<JournalCounts> {
    const n = (table: string): number => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { calls: n('calls'), notifications: n('notifications'), attempts: n('notification_attempts') };
  }

  /** One file, opened once: there is no connection to renew. */
  async reconnect(): Promise<void> {
    return Promise.resolve();
  }

  /** The file is open and at this console's schema (another console may have upgraded it meanwhile). */
  async readiness(): Promise<JournalReadiness> {
    try {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version === SCHEMA_VERSION) return { ready: true, schemaVersion: version, knownSchemaVersion: SCHEMA_VERSION };
      return { ready: false, schemaVersion: version, knownSchemaVersion: SCHEMA_VERSION, reason: `The journal file is at schema ${version}; this receiver writes schema ${SCHEMA_VERSION}. Run every console and receiver on this file at the same version.` };
    } catch (error) {
      return { ready: false, schemaVersion: undefined, knownSchemaVersion: SCHEMA_VERSION, reason: `The journal file cannot be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
