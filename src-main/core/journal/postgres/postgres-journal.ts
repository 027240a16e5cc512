/**
 * The journal on a shared PostgreSQL database (issue 7): several receivers and consoles on one
 * database, the same observable behaviour as the SQLite file (test/core/journal/contract/ runs the
 * same cases on both).
 *
 * What differs from SQLite, and why:
 * - De-duplication is decided by the database: notifications.dedup_key is UNIQUE and a batch is
 *   written by one INSERT ... SELECT FROM unnest(...) ON CONFLICT (dedup_key) DO UPDATE
 *   (attempts + 1) with every POST's attempt row, in a single statement (STORE_BATCH_SQL). Two
 *   receivers storing the same notification at the same moment serialise on the unique key: one
 *   inserts, the other's becomes an attempt of it, exactly as on one receiver.
 * - Group commit: a batch is one transaction (the locks below, the batch statement, COMMIT,
 *   pipelined by postgres.js); storeNotifications resolves after COMMIT, so "stored before
 *   acknowledged" holds. synchronous_commit stays as the server has it (on by default): an
 *   acknowledgement must mean the row is on disk. One statement per batch instead of one per
 *   notification halved the server's and this process's CPU per notification (bench: pg-intake).
 *   Advisory locks per dedup key, taken in one global order, keep two receivers' overlapping
 *   batches from deadlocking; a deadlock or serialisation failure the server reports anyway is
 *   retried (the transaction rolled back whole).
 * - Free-text search: the tsvector `search` column (search-text.ts), written with the row.
 * - prune: VACUUM (not VACUUM FULL, which would lock out the receivers), so the space is reused by
 *   the database rather than handed back to the OS; bytesReclaimed is what the database size shows.
 *
 * Everything written passes the same redaction and key-material guard as the SQLite engine.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ConsoleError } from '../../../../src-shared/errors';
import type { OverviewStats } from '../../../../src-shared/contract';
import type { NotificationReplayRecord } from '../../../../src-shared/journal-views';
import type { CallRecord, CallRecorder } from '../../client/call-record';
import type { RequestIdLedger } from '../../client/request-id-ledger';
import { assertNoKeyMaterial } from '../../redaction/key-material-guard';
import { redactJsonText } from '../../redaction/redact-json';
import { ACKNOWLEDGEMENT_BODY } from '../../receiver/notification-answers';
import { csvColumnsFor, callExportRow, notificationExportRow } from '../export-rows';
import { toCsv, toJsonArray } from '../export-format';
import { normaliseTime } from '../journal-filters';
import { ID_COLUMN_NAMES } from '../journal-id-columns';
import {
  CALL_SUMMARY_COLUMNS, NOTIFICATION_SUMMARY_COLUMNS, toAttempt, toCallDetail, toCallSummary, toNotificationSummary, verifiedContentOf,
  type AttemptRow, type CallRow, type IdRow, type NotificationRow,
} from '../journal-rows';
import type {
  CallDetail, CallFilter, CallSummary, ExportFormat, FindByIdResult, JournalSettings, MismatchFlag, NotificationAnswerRecord, NotificationDetail,
  NotificationFilter, NotificationRetryInfo, NotificationSummary, Page, PageRequest, PaymentTimeline, PruneResult, ReceivedNotification,
  StoredNotificationRef, TimeRange,
} from '../journal-types';
import { findMismatches } from '../mismatches';
import { headersJson, prepareNotificationBody } from '../notification-body';
import {
  candidatesFromRows, overviewFromRows, overviewWindow, type AwaitingCaptureCandidate, type CandidateRow, type OverviewRange,
} from '../overview-queries';
import { DISPUTE_CALL_APIS, DISPUTE_NOTE_WHERE, DISPUTE_ROW_CAP, disputeFunds, foldDisputes, type DisputeCallRow, type DisputeNoteRow } from '../dispute-queries';
import type { DisputeView } from '../../../../src-shared/dispute-views';
import { disputesOfRows, groupPaymentRows, PAYMENT_LINK_COLUMNS, type PaymentRows } from '../payment-groups';
import { journalTransactions, summarisePayment } from '../payment-summary';
import type { PaymentSummary } from '../../../../src-shared/payment-summary';
import { retryInfo } from '../retry-schedule';
import { callEvent, collapsePolls, notificationEvent, sortEvents } from '../timeline-events';
import {
  connectJournalDatabase, describeDatabaseUrl, journalDatabaseError, type JournalSql, type JournalTx, type SqlScalar, type SqlValue,
} from './postgres-connection';
import { callWhere, notificationWhere, pagedSelect, PgWhere, type RelatedIds } from './postgres-filters';
import { RELATED_ID_CAP, RELATED_ROW_CAP } from './postgres-related-ids';
import { migratePostgres, postgresSchemaVersion, type MigrationOutcome } from './postgres-migrate';
import { POSTGRES_SCHEMA_VERSION } from '../migrations/postgres';
import type { Journal, JournalCounts, JournalReadiness, NotificationAnswerItem, StoreOptions } from '../journal';
import type { ForwardState, ForwardStatusView } from '../../../../src-shared/journal-views';
import { assertForwardable, type ClaimForwardsOptions, type ForwardAttemptInput, type ForwardJob, type RecordForwardOptions } from '../forward-outbox';
import {
  claimDueForwardRowsPg, enqueueForwardRowsPg, forwardStatusRowsPg, outboxDepthRowsPg, recordForwardAttemptRowPg, resendForwardRowsPg, type RunQuery,
} from './postgres-forward-outbox';
import { postgresRequestIdLedger } from './postgres-request-id-ledger';
import type { JournalChangeFeed, JournalChangeOptions } from '../journal-changes';
import { startPostgresLiveFeed } from './postgres-live-feed';
import { postgresJournalAccess } from './postgres-capabilities';
import type { JournalAccess } from '../../../../src-shared/journal-access';
import type { AuditTrail } from '../audit/audit-trail';
import { postgresAuditTrail } from '../audit/postgres-audit-trail';
import { searchTokens } from './search-text';
import type { PaymentListFilter, PaymentListPage, PaymentListPageRequest, PaymentSort } from '../../../../src-shared/payments-list';
import { paymentExportQuery, paymentPage, PaymentSqlParams, toPaymentListItem, upsertPaymentArraysSql, type PaymentRowSql, type PaymentSqlRunner } from '../payments-queries';
import { paymentExportRow, PAYMENT_CSV_COLUMNS } from '../payment-export';
import {
  derivedAt, idRowOf, idRowOfKey, PAYMENT_LIST_COLUMNS, paymentNames, pendingRefOf, refreshPlan, REFRESH_CHUNK, seedOfPendingRef, seedsAPayment, type PaymentListRow,
} from '../payment-list-row';

interface PostgresJournalOptions {
  /** postgres:// or postgresql:// URL; PG* variables fill what it leaves out. */
  url: string;
  /** Recorded in schema_migrations for the steps this console runs. */
  consoleVersion?: string;
  /** Pool size (default 4). */
  maxConnections?: number;
  /** The PostgreSQL schema holding the journal's tables; default: the server's search_path (public). */
  schema?: string;
  /** Called when the client's recorder could not write a call (the recorder itself never rejects). */
  onRecordError?: (error: unknown, call: CallRecord) => void;
}

const DEFAULT_SETTINGS: JournalSettings = { retentionDays: 90, notificationExpectedMinutes: 5 };
const TIMELINE_ROW_CAP = RELATED_ROW_CAP;
/** At most this many payments per looked-up ID (a referenceOrderId reused without end); as SQLite. */
const RESOLVE_PAYMENT_CAP = 50;
/** How often a batch is retried when the server aborts it for a deadlock / serialisation failure. */
const CONFLICT_RETRIES = 3;
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
/** How long capabilities() answers from memory. */
const CAPABILITIES_TTL_MS = 5_000;

/** Every column but the search vector (which can be large and is never shown). */
const NOTIFICATION_COLUMNS = `${NOTIFICATION_SUMMARY_COLUMNS}, content_verified, content_verified_is_prefix, headers_json, body`;
const CALL_COLUMNS = `${CALL_SUMMARY_COLUMNS}, url, client_id, request_time, request_body, request_signature_header, response_headers, response_body, error_message`;

const INSERT_CALL_SQL = `INSERT INTO calls (attempt_id, call_id, attempt, started_at, profile, environment, api, url, path, client_id, request_time,
  request_body, request_signature_header, http_status, response_headers, response_body, response_signature, latency_ms, result_status,
  result_code, result_message, error_code, error_message, trigger, ${ID_COLUMN_NAMES.join(', ')}, search, actor_user, actor_host, actor_door)
  VALUES (${Array.from({ length: 24 + ID_COLUMN_NAMES.length }, (_, i) => `$${i + 1}`).join(', ')}, to_tsvector('simple', $${25 + ID_COLUMN_NAMES.length}),
    $${26 + ID_COLUMN_NAMES.length}, $${27 + ID_COLUMN_NAMES.length}, $${28 + ID_COLUMN_NAMES.length})
  ON CONFLICT (attempt_id) DO NOTHING RETURNING id`;

/**
 * Column by column, what one stored POST binds: the batch statement gets each as ONE array
 * parameter ($1 = every POST's dedup key, $2 = every POST's received_at, ...), in this order, and
 * unnests them back into rows. storeParams() builds one row's values in the same order.
 */
const STORE_COLUMNS: readonly (readonly [name: string, type: string])[] = [
  ['dedup_key', 'text'], ['received_at', 'text'], ['receiver_path', 'text'], ['remote_address', 'text'], ['profile', 'text'],
  ['verification', 'text'], ['reject_reason', 'text'], ['reject_detail', 'text'], ['content_verified', 'text'],
  ['content_verified_is_prefix', 'smallint'], ['notify_type', 'text'], ['result_status', 'text'], ['result_code', 'text'], ['status', 'text'],
  ['amount_value', 'text'], ['amount_currency', 'text'], ['headers_json', 'text'], ['body_hex', 'text'], ['body_exact', 'smallint'],
  ['body_sha256', 'text'], ['body_bytes', 'integer'], ['acknowledged', 'smallint'], ['acknowledged_at', 'text'], ['unrecognised', 'text'],
  ...ID_COLUMN_NAMES.map((c) => [c, 'text'] as const), ['search_text', 'text'],
  ['answer_status', 'integer'], ['answer_body', 'text'], ['answered_at', 'text'],
];

/**
 * A whole batch of POSTs (each dedup key at most once: storeNotifications splits repeats into
 * later "waves") in ONE statement, so a group commit costs one parse/plan and one round trip
 * however many notifications it holds:
 * - `d`: the POSTs, one row each, numbered in arrival order (ord);
 * - `n`: every notification row inserted, or for a resend of a verified notification (decided by
 *   the unique dedup_key) attempts + 1 on the first one; rows are inserted in ord order, so ids
 *   follow arrival as on SQLite;
 * - `m`: each POST matched to its notification row: keyed POSTs by their dedup key (unique within
 *   the statement); unkeyed ones (rejected POSTs) are always new rows, whose identity values were
 *   drawn in the order the INSERT consumed them (ORDER BY ord), so the k-th unkeyed POST is the
 *   k-th unkeyed row by id (RETURNING itself promises no order, so none is relied on);
 * - `a`: one attempt row per POST (headers_json / body NULL when equal to the notification's: the
 *   first POST, a resend with the same bytes, as in the SQLite engine's schema v3); notification_id
 *   is unique within the statement, so it matches each attempt back to its POST.
 * xmax = 0 holds only for a freshly inserted row (an ON CONFLICT update sets it). A further write
 * in the same transaction (e.g. an outbox row per inserted notification) can join the result on ord.
 */
const STORE_BATCH_SQL = `
WITH d AS (
  SELECT d.*, decode(d.body_hex, 'hex') AS body FROM unnest(${STORE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
    WITH ORDINALITY AS d(${STORE_COLUMNS.map(([name]) => name).join(', ')}, ord)
), n AS (
  INSERT INTO notifications (dedup_key, first_seen_at, last_seen_at, receiver_path, remote_address, profile, verification, reject_reason,
    reject_detail, content_verified, content_verified_is_prefix, notify_type, result_status, result_code, status, amount_value, amount_currency,
    headers_json, body, body_exact, body_sha256, body_bytes, acknowledged, acknowledged_at, unrecognised, ${ID_COLUMN_NAMES.join(', ')}, search)
  SELECT dedup_key, received_at, received_at, receiver_path, remote_address, profile, verification, reject_reason,
    reject_detail, content_verified, content_verified_is_prefix, notify_type, result_status, result_code, status, amount_value, amount_currency,
    headers_json, body, body_exact, body_sha256, body_bytes, acknowledged, acknowledged_at, unrecognised, ${ID_COLUMN_NAMES.join(', ')},
    to_tsvector('simple', search_text)
  FROM d ORDER BY ord
  ON CONFLICT (dedup_key) DO UPDATE SET
    attempts = notifications.attempts + 1,
    last_seen_at = greatest(notifications.last_seen_at, excluded.last_seen_at),
    acknowledged = CASE WHEN excluded.acknowledged = 1 THEN 1 ELSE notifications.acknowledged END,
    acknowledged_at = CASE WHEN excluded.acknowledged = 1 THEN coalesce(notifications.acknowledged_at, excluded.acknowledged_at) ELSE notifications.acknowledged_at END
  RETURNING id, dedup_key, attempts, (xmax = 0) AS inserted, body
), m AS (
  SELECT d.ord, n.id, n.attempts, n.inserted, n.body AS row_body FROM d JOIN n ON n.dedup_key = d.dedup_key
  UNION ALL
  SELECT k.ord, r.id, r.attempts, r.inserted, r.body FROM
    (SELECT ord, row_number() OVER (ORDER BY ord) AS k FROM d WHERE dedup_key IS NULL) AS k
    JOIN (SELECT id, attempts, inserted, body, row_number() OVER (ORDER BY id) AS k FROM n WHERE dedup_key IS NULL) AS r USING (k)
), a AS (
  INSERT INTO notification_attempts (notification_id, received_at, remote_address, receiver_path, headers_json, body, body_exact, body_sha256,
    verification, reject_reason, answer_status, answer_body, answered_at)
  SELECT m.id, d.received_at, d.remote_address, d.receiver_path, CASE WHEN m.inserted THEN NULL ELSE d.headers_json END,
    CASE WHEN m.row_body = d.body THEN NULL ELSE d.body END, d.body_exact, d.body_sha256, d.verification, d.reject_reason,
    d.answer_status, d.answer_body, d.answered_at
  FROM m JOIN d USING (ord) ORDER BY m.ord
  RETURNING id, notification_id
)
SELECT m.ord, m.id, m.attempts, m.inserted, a.id AS attempt_id FROM m JOIN a ON a.notification_id = m.id ORDER BY m.ord`;

interface StoreResultRow {
  /** 1-based position in the statement's arrays. */
  ord: number;
  id: number;
  attempts: number;
  inserted: boolean;
  attempt_id: number;
}

/**
 * A value as an element of an array parameter. Bodies travel as hex text, decoded by the statement:
 * postgres.js types an array parameter by its first element and would declare a list of Buffers
 * as one bytea, which the statement cannot take as bytea[].
 */
function asArrayElement(value: SqlScalar): SqlScalar {
  return Buffer.isBuffer(value) ? value.toString('hex') : value;
}

/**
 * The batch split so that no statement holds one dedup key twice (ON CONFLICT may not touch a row
 * twice in one statement): wave k holds each key's k-th occurrence, unkeyed POSTs go in wave 0.
 * A repeat inside a batch is then an attempt of the row its first occurrence wrote, as on SQLite.
 */
function wavesOf(keys: readonly (string | null)[]): number[][] {
  const seen = new Map<string, number>();
  const waves: number[][] = [];
  keys.forEach((key, index) => {
    const wave = key === null ? 0 : (seen.get(key) ?? 0);
    if (key !== null) seen.set(key, wave + 1);
    (waves[wave] ??= []).push(index);
  });
  return waves;
}

function isAcknowledgement(answer: NotificationAnswerRecord): boolean {
  if (answer.httpStatus !== 200) return false;
  if (answer.body === ACKNOWLEDGEMENT_BODY) return true;
  try {
    const result = (JSON.parse(answer.body) as { result?: { resultStatus?: unknown; resultCode?: unknown } }).result;
    return result?.resultStatus === 'S' && result.resultCode === 'SUCCESS';
  } catch {
    return false;
  }
}

/** A dedup key's advisory lock id: the first 8 bytes of its SHA-256 as a signed bigint (decimal text). */
function dedupLockId(key: string): string {
  return createHash('sha256').update(`antom-ops dedup ${key}`).digest().readBigInt64BE(0).toString();
}

/** A payment name's advisory lock id (see refreshPayments): as dedupLockId, in its own namespace. */
function paymentLockId(name: string): string {
  return createHash('sha256').update(`antom-ops payment ${name}`).digest().readBigInt64BE(0).toString();
}

function byLockId(a: string, b: string): number {
  return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
}

/**
 * A chunk's list rows in ONE statement (one array per column): one parse/plan/execute and one
 * round trip per chunk instead of one per payment, which was most of the drain's cost in this
 * process and in the server (bench: pg-intake).
 */
const UPSERT_PAYMENTS_SQL = upsertPaymentArraysSql();

/** The rows as upsertPaymentArraysSql's column arrays, each key once (its last row, as one upsert after another would leave it). */
function paymentUpsertColumns(rows: readonly PaymentListRow[]): SqlValue[] {
  const byKey = new Map<string, PaymentListRow>();
  for (const row of rows) byKey.set(row.key, row);
  const distinct = [...byKey.values()];
  return PAYMENT_LIST_COLUMNS.map((c) => distinct.map((row) => {
    const v = row[c];
    return typeof v === 'bigint' ? v.toString() : v;
  }));
}

/** The list's parameters as the driver binds them (a bigint amount as decimal text). */
function bindable(p: PaymentSqlParams): SqlValue[] {
  return p.values.map((v) => (typeof v === 'bigint' ? v.toString() : v));
}

function sqlStateOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

function idParams(ids: ReceivedNotification['ids'] | CallRecord['ids']): SqlScalar[] {
  return [ids.paymentRequestId ?? null, ids.paymentId ?? null, ids.captureRequestId ?? null, ids.captureId ?? null,
    ids.refundRequestId ?? null, ids.refundId ?? null, ids.referenceOrderId ?? null, ids.disputeId ?? null];
}

export class PostgresJournal implements Journal {
  readonly engine = 'postgres' as const;
  /**
   * Group-commit transactions in flight at once (NotificationSink.concurrentStores): while one
   * waits for its commit to reach the disk, the next is sent. Two receivers on one database already
   * commit side by side, so the unique keys settle a resend split across two batches the same way.
   * Three of the pool's four connections, so a drain or a read still finds one.
   */
  readonly concurrentStores = 3;
  /** What open() found and did: schema version before and after. */
  readonly migration: MigrationOutcome;
  private readonly url: string;
  /** Replaced by reconnect(); everything reads it at query time. */
  private sql: JournalSql;
  private readonly options: PostgresJournalOptions;
  private readonly onRecordError: PostgresJournalOptions['onRecordError'];
  /** This instance's application_name: the live feed skips the rows its own pool wrote (0005-live-notify). */
  private readonly origin: string;
  private closed = false;
  private access: { at: number; value: JournalAccess } | undefined;

  private constructor(sql: JournalSql, options: PostgresJournalOptions, migration: MigrationOutcome, origin: string) {
    this.sql = sql;
    this.origin = origin;
    this.options = options;
    this.url = options.url;
    this.onRecordError = options.onRecordError;
    this.migration = migration;
  }

  /** Connect, migrate (refusing a database from a newer console), and return the journal. */
  static async open(options: PostgresJournalOptions): Promise<PostgresJournal> {
    const origin = `antom-ops ${process.pid}/${randomBytes(3).toString('hex')}`;
    const sql = PostgresJournal.connect(options, origin);
    try {
      const migration = await migratePostgres(sql, options.url, options.consoleVersion ?? 'unknown');
      return new PostgresJournal(sql, options, migration, origin);
    } catch (error) {
      await sql.end({ timeout: 1 }).catch(() => undefined);
      throw journalDatabaseError(error, options.url, 'be opened');
    }
  }

  /** Rows other processes commit (any receiver's notifications, any console's calls), as push events. */
  watchChanges(options: JournalChangeOptions): Promise<JournalChangeFeed> {
    return startPostgresLiveFeed(this.sql, this.origin, options);
  }

  /** The application_name carries the origin so the live feed can tell this pool's own rows apart. */
  private static connect(options: PostgresJournalOptions, origin: string): JournalSql {
    return connectJournalDatabase(options.url, {
      applicationName: origin,
      ...(options.maxConnections !== undefined ? { max: options.maxConnections } : {}),
      ...(options.schema !== undefined ? { schema: options.schema } : {}),
    });
  }

  /**
   * A fresh connection pool; the old one is ended (what is still waiting on it fails, as it would
   * with the server gone). postgres.js 3.4.9 can leave a pooled connection unable to write after
   * the server dropped it mid-write (porsager/postgres#1154, #1208: a buffered write survives the
   * close), so the intake service starts afresh once the database is found down rather than trust
   * a pool that lived through it.
   */
  async reconnect(): Promise<void> {
    if (this.closed) return;
    const old = this.sql;
    this.sql = PostgresJournal.connect(this.options, this.origin);
    await old.end({ timeout: 1 }).catch(() => undefined);
  }

  /** The database URL without its password. */
  describe(): string {
    return describeDatabaseUrl(this.url);
  }

  /** Run a query, turning driver errors into ConsoleErrors that name the server (not its password). */
  private async query<T>(text: string, params: readonly SqlValue[] = [], on: JournalSql | JournalTx = this.sql, prepare = true): Promise<T[]> {
    try {
      return (await on.unsafe(text, params as SqlValue[], { prepare })) as unknown as T[];
    } catch (error) {
      throw journalDatabaseError(error, this.url, 'answer a query');
    }
  }

  private async transaction<T>(work: (tx: JournalTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.sql.begin((tx) => work(tx))) as T;
      } catch (error) {
        // query() wraps driver errors in a ConsoleError; the SQLSTATE is on its cause.
        const state = sqlStateOf(error instanceof ConsoleError ? error.cause : error);
        if (attempt <= CONFLICT_RETRIES && RETRYABLE_SQLSTATES.has(state ?? '')) continue;
        if (error instanceof ConsoleError) throw error;
        throw journalDatabaseError(error, this.url, 'commit a write');
      }
    }
  }

  // ---- writing ---------------------------------------------------------------------------

  recorder(): CallRecorder {
    return {
      record: async (call: CallRecord) => {
        try {
          await this.recordCall(call);
        } catch (error) {
          this.onRecordError?.(error, call);
        }
      },
    };
  }

  async recordCall(call: CallRecord): Promise<number | undefined> {
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
    const params: SqlValue[] = [
      call.attemptId, call.callId, call.attempt, call.startedAt, call.profile, call.environment, call.api, call.url, call.path, call.clientId,
      call.requestTime, request, call.requestSignatureHeader, call.httpStatus ?? null, responseHeaders, response, call.responseSignature ?? null,
      Math.round(call.latencyMs), call.resultStatus ?? null, call.resultCode ?? null, resultMessage, call.errorCode ?? null, errorMessage,
      call.trigger, ...idParams(call.ids), searchTokens(`${request} ${response ?? ''}`),
      call.actor?.user ?? null, call.actor?.host ?? null, call.actor?.door ?? null,
    ];
    // The call and its payment's list row commit together.
    return this.transaction(async (tx) => {
      const [row] = await this.query<{ id: number }>(INSERT_CALL_SQL, params, tx);
      if (row) await this.refreshPayments(tx, [idRowOf(call.ids)], derivedAt([call.startedAt]));
      return row?.id;
    });
  }

  async storeNotification(n: ReceivedNotification, answer?: NotificationAnswerRecord, options: StoreOptions = {}): Promise<StoredNotificationRef> {
    return (await this.storeNotifications([n], answer ? [answer] : undefined, options))[0]!;
  }

  /**
   * Group commit: the batch in ONE transaction, committed when the promise resolves. answers[i]
   * is committed on batch[i]'s attempt (see the SQLite engine: same contract).
   */
  async storeNotifications(batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[], options: StoreOptions = {}): Promise<StoredNotificationRef[]> {
    if (batch.length === 0) return [];
    // Redaction and the key-material guard run before the transaction: a refused row refuses the batch unwritten.
    const params = batch.map((n, i) => this.storeParams(n, answers?.[i]));
    // Rows are written in batch order (ids follow arrival, as on SQLite). Two receivers' batches
    // sharing notifications could still lock those rows in opposite orders and deadlock, so each
    // transaction first takes a transaction-scoped advisory lock per dedup key, in one global
    // order (by lock id): whoever holds a key's lock is the only writer of its row until COMMIT.
    const lockIds = [...new Set(params.map((p) => p[0]).filter((k): k is string => typeof k === 'string').map(dedupLockId))]
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
    const waves = wavesOf(params.map((p) => (typeof p[0] === 'string' ? p[0] : null)));
    const refs = new Array<StoredNotificationRef>(batch.length);
    await this.transaction(async (tx) => {
      // Not awaited one by one: postgres.js pipelines a transaction's queries, in order.
      // One statement takes every lock, in the array's (sorted) order.
      const locks = lockIds.length === 0 ? Promise.resolve() : this.query(
        'SELECT count(pg_advisory_xact_lock(id)) FROM (SELECT id FROM unnest($1::bigint[]) WITH ORDINALITY AS l(id, n) ORDER BY n) AS ordered', [lockIds], tx);
      const writes = waves.map(async (wave) => {
        const columns: SqlValue[] = STORE_COLUMNS.map((_, c) => wave.map((i) => asArrayElement(params[i]![c]!)));
        const rows = await this.query<StoreResultRow>(STORE_BATCH_SQL, columns, tx);
        for (const row of rows) {
          refs[wave[row.ord - 1]!] = { id: row.id, duplicateOf: row.inserted ? undefined : row.id, attempts: row.attempts, attemptId: row.attempt_id };
        }
        if (rows.length !== wave.length) throw new Error(`the batch statement answered ${rows.length} rows for ${wave.length} notifications`);
      });
      // Awaited together, so a failed lock never leaves the writes' rejections unhandled.
      await Promise.all([locks, ...writes]);
      // First of its kind in the journal (not an attempt of a row stored before, nor a repeat in this batch).
      const fresh = refs.map((ref) => ref.duplicateOf === undefined);
      if (options.forwardTo !== undefined) await this.enqueueStored(tx, batch, params, refs, fresh, options.forwardTo);
      // The payments new verified notifications name are queued in this same transaction, one
      // statement (a resend adds an attempt, which changes no payment; a rejected one proves
      // nothing). Their list rows are derived after the answers are out (refreshQueuedPayments),
      // or by the next list read. Sorted: two batches queueing the same payments take the queue's
      // key locks in one order, so they never deadlock.
      const queued = new Set<string>();
      batch.forEach((n, i) => {
        const ref = fresh[i] && n.verification === 'verified' ? pendingRefOf(idRowOf(n.ids)) : undefined;
        if (ref !== undefined) queued.add(ref);
      });
      if (queued.size > 0) {
        await this.query('INSERT INTO payments_pending (ref) SELECT ref FROM unnest($1::text[]) WITH ORDINALITY AS q(ref, n) ORDER BY n ON CONFLICT DO NOTHING', [[...queued].sort()], tx);
      }
    });
    return refs;
  }

  /**
   * The relay's outbox rows for a batch just stored, in its transaction (one more statement, only
   * when forwarding): one per newly stored verified notification; a resend is an attempt of a row
   * already queued. Where personal data was masked in the stored body, the outbox keeps the exact
   * bytes until the backend accepts them (it must verify Antom's signature over them).
   */
  private async enqueueStored(
    tx: JournalTx, batch: readonly ReceivedNotification[], params: readonly SqlScalar[][], refs: readonly StoredNotificationRef[], fresh: readonly boolean[], target: string,
  ): Promise<void> {
    const ids: number[] = [];
    const originals: (Buffer | null)[] = [];
    batch.forEach((n, i) => {
      const ref = refs[i];
      if (!ref || !fresh[i] || n.verification !== 'verified' || ids.includes(ref.id)) return;
      ids.push(ref.id);
      // storeParams' 19th value is body_exact.
      originals.push(params[i]![18] === 1 ? null : Buffer.from(n.rawBody));
    });
    await enqueueForwardRowsPg((text, values = []) => this.query(text, values, tx), ids, originals, target, new Date().toISOString());
  }

  // ---- the relay's outbox (postgres-forward-outbox.ts) --------------------------------------

  private readonly run: RunQuery = (text, params = []) => this.query(text, params);
  private readonly inTransaction = <T>(work: (run: RunQuery) => Promise<T>): Promise<T> =>
    this.transaction((tx) => work((text, params = []) => this.query(text, params, tx)));

  async enqueueForward(notificationId: number, target: string, now: Date = new Date()): Promise<boolean> {
    const [row] = await this.query<{ verification: string }>('SELECT verification FROM notifications WHERE id = $1', [notificationId]);
    assertForwardable(notificationId, row?.verification);
    return (await enqueueForwardRowsPg(this.run, [notificationId], [null], target, now.toISOString())) > 0;
  }

  async claimDueForwards(options: ClaimForwardsOptions): Promise<ForwardJob[]> {
    return claimDueForwardRowsPg(this.run, options);
  }

  async recordForwardAttempt(job: Pick<ForwardJob, 'outboxId' | 'leaseToken' | 'round' | 'attempt'>, input: ForwardAttemptInput, options?: RecordForwardOptions): Promise<ForwardState | undefined> {
    return recordForwardAttemptRowPg(this.inTransaction, job, input, options);
  }

  async forwardStatus(notificationId: number): Promise<ForwardStatusView[]> {
    return forwardStatusRowsPg(this.run, notificationId);
  }

  async outboxDepth(): Promise<number> {
    return outboxDepthRowsPg(this.run);
  }

  async resendForward(notificationId: number, now?: Date): Promise<ForwardStatusView[]> {
    return resendForwardRowsPg(this.inTransaction, this.run, notificationId, now);
  }

  private storeParams(n: ReceivedNotification, answer: NotificationAnswerRecord | undefined): SqlScalar[] {
    const answeredAt = answer ? (answer.sentAt ?? new Date().toISOString()) : null;
    const acknowledged = answer !== undefined && isAcknowledgement(answer);
    const body = prepareNotificationBody(n.rawBody, n.contentVerified, n.bodyWhole);
    const storedText = body.stored.toString('utf8');
    const headers = headersJson(n.headers);
    const rejectDetail = n.rejectDetail === undefined ? null : redactJsonText(n.rejectDetail).text;
    const unrecognised = n.unrecognised === undefined ? null : redactJsonText(n.unrecognised).text;
    // Only the part of the verified content before the body is kept when the rest IS the body.
    const verifiedPrefix = body.contentVerified !== undefined && body.contentVerified.endsWith(storedText)
      ? body.contentVerified.slice(0, body.contentVerified.length - storedText.length)
      : undefined;
    if (!body.exact) assertNoKeyMaterial(storedText, 'the notification body');
    assertNoKeyMaterial(headers, 'the notification headers');
    assertNoKeyMaterial(verifiedPrefix?.endsWith('.') ? verifiedPrefix : body.contentVerified, 'the verified content');
    assertNoKeyMaterial(rejectDetail, 'the reject detail');
    assertNoKeyMaterial(unrecognised, 'the unrecognised note');
    // A rejected POST can claim anything; it never counts as an attempt of a verified notification.
    const dedupKey = n.verification === 'verified' && n.dedupKey ? n.dedupKey : null;
    return [
      dedupKey, n.receivedAt, n.receiverPath, n.remoteAddress ?? null, n.profile ?? null, n.verification, n.rejectReason ?? null, rejectDetail,
      verifiedPrefix ?? body.contentVerified ?? null, verifiedPrefix === undefined ? 0 : 1, n.notifyType, n.resultStatus ?? null, n.resultCode ?? null,
      n.status ?? null, n.amountValue ?? null, n.amountCurrency ?? null, headers, body.stored, body.exact ? 1 : 0, body.sha256, body.bytes,
      acknowledged ? 1 : 0, acknowledged ? answeredAt : null, unrecognised, ...idParams(n.ids), searchTokens(storedText),
      answer?.httpStatus ?? null, answer?.body ?? null, answeredAt,
    ];
  }

  async markAnswersUndelivered(items: readonly { id: number; attemptId?: number | undefined }[]): Promise<void> {
    if (items.length === 0) return;
    await this.transaction(async (tx) => {
      for (const { id, attemptId } of items) {
        if (attemptId !== undefined) {
          await this.query('UPDATE notification_attempts SET answer_status = NULL, answer_body = NULL, answered_at = NULL WHERE id = $1 AND notification_id = $2', [attemptId, id], tx);
        }
        // Acknowledged again means "some attempt's acknowledgement was sent".
        await this.query(`UPDATE notifications SET (acknowledged, acknowledged_at) = (SELECT (count(*) > 0)::int, min(answered_at) FROM notification_attempts
          WHERE notification_id = $1 AND answer_status = 200 AND answer_body = $2) WHERE id = $1`, [id, ACKNOWLEDGEMENT_BODY], tx);
      }
    });
  }

  async markAcknowledged(id: number, answer: NotificationAnswerRecord, attemptId?: number): Promise<void> {
    await this.markAcknowledgedMany([{ id, answer, attemptId }]);
  }

  async markAcknowledgedMany(items: readonly NotificationAnswerItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.transaction(async (tx) => {
      for (const { id, answer, attemptId } of items) {
        const at = answer.sentAt ?? new Date().toISOString();
        // Without an attempt id: the latest unanswered attempt, else the latest one.
        await this.query(`UPDATE notification_attempts SET answer_status = $1, answer_body = $2, answered_at = $3
          WHERE notification_id = $4 AND id = coalesce($5::bigint,
            (SELECT id FROM notification_attempts WHERE notification_id = $4 ORDER BY (answer_status IS NULL) DESC, id DESC LIMIT 1))`,
        [answer.httpStatus, answer.body, at, id, attemptId ?? null], tx);
        if (isAcknowledgement(answer)) {
          await this.query('UPDATE notifications SET acknowledged = 1, acknowledged_at = coalesce(acknowledged_at, $1) WHERE id = $2', [at, id], tx);
        }
      }
    });
  }

  async recordReplay(notificationId: number, replay: Omit<NotificationReplayRecord, 'id'>): Promise<NotificationReplayRecord> {
    // Answers are capped like the SQLite engine's (notification-replays.ts): the first 4 KiB say what they say.
    const answer = replay.answerBody === null ? null : redactJsonText(replay.answerBody.slice(0, 4096)).text;
    const [row] = await this.query<{ id: number }>(
      `INSERT INTO notification_replays (notification_id, sent_at, to_url, mode, http_status, answer_body, latency_ms, acknowledged, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [notificationId, replay.sentAt, replay.toUrl, replay.mode, replay.httpStatus, answer, replay.latencyMs, replay.acknowledged ? 1 : 0, replay.error],
    );
    return (await this.replays(notificationId)).find((r) => r.id === row!.id)!;
  }

  private async replays(notificationId: number): Promise<NotificationReplayRecord[]> {
    const rows = await this.query<{
      id: number; sent_at: string; to_url: string; mode: 'as-received' | 're-signed'; http_status: number | null; answer_body: string | null;
      latency_ms: number; acknowledged: number; error: string | null;
    }>('SELECT id, sent_at, to_url, mode, http_status, answer_body, latency_ms, acknowledged, error FROM notification_replays WHERE notification_id = $1 ORDER BY id', [notificationId]);
    return rows.map((r) => ({
      id: r.id, sentAt: r.sent_at, toUrl: r.to_url, mode: r.mode, httpStatus: r.http_status, answerBody: r.answer_body,
      latencyMs: r.latency_ms, acknowledged: r.acknowledged === 1, error: r.error,
    }));
  }

  // ---- reading ---------------------------------------------------------------------------

  /**
   * An "any ID" page is one statement (the expansion inlined, postgres-related-ids.ts); only when
   * it comes back empty, which is also what an ID kept in no column (found by text) gives, does
   * the engine take the multi-read path, whose answer is then the same or more.
   */
  async listNotifications(filter: NotificationFilter = {}, page: PageRequest = {}): Promise<Page<NotificationSummary>> {
    if (!filter.anyId) return this.notificationPage(filter, page, []);
    const inline = await this.notificationPage(filter, page, 'inline');
    return inline.items.length > 0 ? inline : this.notificationPage(filter, page, await this.relatedIds(filter.anyId));
  }

  private async notificationPage(filter: NotificationFilter, page: PageRequest, related: RelatedIds): Promise<Page<NotificationSummary>> {
    const q = pagedSelect('notifications', NOTIFICATION_SUMMARY_COLUMNS, notificationWhere(filter, new PgWhere(), related), page);
    return this.toPage(await this.query<NotificationRow>(q.sql, q.params), q.limit, toNotificationSummary);
  }

  /** As listNotifications: one statement, the multi-read path only for an empty page. */
  async listCalls(filter: CallFilter = {}, page: PageRequest = {}): Promise<Page<CallSummary>> {
    if (!filter.anyId) return this.callPage(filter, page, []);
    const inline = await this.callPage(filter, page, 'inline');
    return inline.items.length > 0 ? inline : this.callPage(filter, page, await this.relatedIds(filter.anyId));
  }

  private async callPage(filter: CallFilter, page: PageRequest, related: RelatedIds): Promise<Page<CallSummary>> {
    const q = pagedSelect('calls', CALL_SUMMARY_COLUMNS, callWhere(filter, new PgWhere(), related), page);
    return this.toPage(await this.query<CallRow>(q.sql, q.params), q.limit, toCallSummary);
  }

  private toPage<R extends { id: number }, T>(rows: R[], limit: number, map: (row: R) => T): Page<T> {
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    return { items: kept.map(map), nextCursor: more ? String(kept[kept.length - 1]!.id) : undefined };
  }

  private async attemptsOf(ids: readonly number[]): Promise<Map<number, AttemptRow[]>> {
    const byNotification = new Map<number, AttemptRow[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byNotification;
    const rows = await this.query<AttemptRow>('SELECT * FROM notification_attempts WHERE notification_id = ANY($1::bigint[]) ORDER BY id', [ids.map(String)]);
    for (const row of rows) byNotification.get(row.notification_id)?.push(row);
    return byNotification;
  }

  async getNotification(id: number, now: Date = new Date()): Promise<NotificationDetail | undefined> {
    const [row] = await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = $1`, [id]);
    if (!row) return undefined;
    const attempts = (await this.attemptsOf([id])).get(id) ?? [];
    return {
      ...toNotificationSummary(row),
      headers: JSON.parse(row.headers_json) as Record<string, string>,
      rawBody: row.body,
      body: row.body.toString('utf8'),
      contentVerified: verifiedContentOf(row),
      attemptList: attempts.map(toAttempt),
      retry: this.retryOf(row, now),
      replays: await this.replays(id),
      forwards: await forwardStatusRowsPg(this.run, id),
    };
  }

  async notificationRetryInfo(id: number, now: Date = new Date()): Promise<NotificationRetryInfo | undefined> {
    const [row] = await this.query<NotificationRow>('SELECT attempts, first_seen_at, last_seen_at, acknowledged FROM notifications WHERE id = $1', [id]);
    return row ? this.retryOf(row, now) : undefined;
  }

  private retryOf(row: Pick<NotificationRow, 'attempts' | 'first_seen_at' | 'last_seen_at' | 'acknowledged'>, now: Date): NotificationRetryInfo {
    return retryInfo({ attempts: row.attempts, firstSeenAt: row.first_seen_at, lastSeenAt: row.last_seen_at, acknowledged: row.acknowledged === 1 }, now);
  }

  async getCall(id: number): Promise<CallDetail | undefined> {
    const [row] = await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = $1`, [id]);
    return row ? toCallDetail(row) : undefined;
  }

  /**
   * For the global search box: the payments `anyId` names (every one, when several share it),
   * each summarised, and the calls and notifications of those payments (as SQLite).
   */
  async findById(anyId: string, now: Date = new Date()): Promise<FindByIdResult> {
    const groups = await this.resolvePayments(anyId);
    const related = await this.relatedIds(anyId);
    const calls = (await this.callPage({ anyId }, { limit: 100 }, related)).items;
    const notifications = (await this.notificationPage({ anyId }, { limit: 100 }, related)).items;
    const summaries = await this.summariesOf(groups, now);
    const payments = summaries.map((p) => ({ paymentRequestId: p.paymentRequestId, paymentId: p.paymentId }));
    return { id: anyId, payments, summaries, calls, notifications };
  }

  // ---- timelines and mismatches ----------------------------------------------------------

  /**
   * The payments an ID names, each with all its rows; the same resolution as the SQLite engine:
   * seed rows carry the ID in an ID column (or, for an ID kept in none such as a
   * paymentSessionId, contain it as text), are split into payments first (groupPaymentRows), then
   * each payment is closed over its link IDs. Newest payment first.
   */
  private async resolvePayments(id: string): Promise<PaymentRows[]> {
    const anyIdWhere = ID_COLUMN_NAMES.map((c) => `${c} = $1`).join(' OR ');
    let calls = await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE ${anyIdWhere} ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`, [id]);
    let notes = await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE ${anyIdWhere} ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`, [id]);
    if (calls.length === 0 && notes.length === 0) {
      const callText = callWhere({ text: id });
      const noteText = notificationWhere({ text: id });
      if (callText.clauses.length > 0) {
        calls = await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls${callText.sql()} ORDER BY id LIMIT 100`, callText.params);
        notes = await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications${noteText.sql()} ORDER BY id LIMIT 100`, noteText.params);
      }
    }
    const groups: PaymentRows[] = [];
    for (const g of groupPaymentRows(calls, notes).slice(0, RESOLVE_PAYMENT_CAP)) groups.push(await this.closeOver(g));
    // After the closure, two seeds of one payment hold the same rows: keep one.
    const seen = new Set<string>();
    const distinct = groups.filter((g) => {
      const marker = g.calls.length ? `c${Math.min(...g.calls.map((c) => Number(c.id)))}` : `n${Math.min(...g.notes.map((n) => Number(n.id)))}`;
      if (seen.has(marker)) return false;
      seen.add(marker);
      return true;
    });
    const newest = (g: PaymentRows): string => [...g.calls.map((c) => c.started_at), ...g.notes.map((n) => n.first_seen_at)].sort().at(-1) ?? '';
    return distinct.sort((a, b) => newest(b).localeCompare(newest(a)));
  }

  /** Everything reachable from some rows through payment, capture, refund and dispute IDs. */
  private async closeOver(seed: PaymentRows, extra: readonly IdRow[] = [], on: JournalSql | JournalTx = this.sql): Promise<PaymentRows> {
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
      const where = new PgWhere();
      const used = linkCols.filter((c) => sets[c]!.size > 0).map((c) => [c, where.param([...sets[c]!])] as const);
      if (used.length === 0) break;
      // The rows' ids first, one index probe per ID (LATERAL over the unnested list), then the
      // rows by primary key in id order. The plain form (c1 = ANY($1) OR c2 = ANY($2) ...
      // ORDER BY id LIMIT) left the plan to row estimates: on a journal whose statistics were not
      // yet gathered (a new database, the first minute of a busy one) PostgreSQL walked the whole
      // table in id order, filtering, for every chunk the receiver's drain derived. The LIMIT
      // keeps each probe a subquery of its own (not flattened into a hash join over the table).
      const idsOf = (table: string): string => used
        .map(([c, list]) => `SELECT r.id FROM unnest(${list}::text[]) AS k(v), LATERAL (SELECT id FROM ${table} WHERE ${c} = k.v LIMIT ${TIMELINE_ROW_CAP}) AS r`)
        .join(' UNION ');
      calls = await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ANY(ARRAY(${idsOf('calls')})) ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`, where.params, on);
      notes = await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = ANY(ARRAY(${idsOf('notifications')})) ORDER BY id LIMIT ${TIMELINE_ROW_CAP}`, where.params, on);
    }
    return { calls, notes };
  }

  /**
   * Every link ID of the payments `anyId` resolves to (for the "any ID" filters): the same
   * closure as resolvePayments, reading only the ID columns (a filter runs on every keystroke).
   */
  private async relatedIds(anyId: string | undefined): Promise<string[]> {
    if (!anyId) return [];
    const idCols = ID_COLUMN_NAMES.join(', ');
    // Both tables in one statement: each read is one round trip, which is most of a lookup's time.
    const readIds = (where: string, params: readonly SqlValue[]): Promise<IdRow[]> => this.query<IdRow>(
      `(SELECT ${idCols} FROM calls WHERE ${where} LIMIT ${TIMELINE_ROW_CAP}) UNION ALL (SELECT ${idCols} FROM notifications WHERE ${where} LIMIT ${TIMELINE_ROW_CAP})`, params);
    let rows = await readIds(ID_COLUMN_NAMES.map((c) => `${c} = $1`).join(' OR '), [anyId]);
    const ids = new Set<string>();
    if (rows.length === 0) {
      // An ID kept in no column (a paymentSessionId): resolve through the full path (text search).
      for (const g of await this.resolvePayments(anyId)) for (const row of [...g.calls, ...g.notes] as IdRow[]) for (const c of PAYMENT_LINK_COLUMNS) if (row[c]) ids.add(row[c]!);
      return [...ids].slice(0, RELATED_ID_CAP);
    }
    // Until a read adds nothing or the set passes the cap (so every read that goes on adds an ID).
    for (;;) {
      const before = ids.size;
      for (const row of rows) for (const c of PAYMENT_LINK_COLUMNS) if (row[c]) ids.add(row[c]!);
      if (ids.size === before || ids.size > RELATED_ID_CAP) break;
      rows = await readIds(PAYMENT_LINK_COLUMNS.map((c) => `${c} = ANY($1::text[])`).join(' OR '), [[...ids]]);
    }
    return [...ids].slice(0, RELATED_ID_CAP);
  }

  private async summariesOf(groups: readonly PaymentRows[], now: Date): Promise<PaymentSummary[]> {
    if (groups.length === 0) return [];
    const byPaymentId = new Map<string, DisputeView[]>();
    for (const d of await this.disputes(now)) if (d.paymentId) byPaymentId.set(d.paymentId, [...(byPaymentId.get(d.paymentId) ?? []), d]);
    return groups.map((g) => summarisePayment({ calls: g.calls, notes: g.notes, disputes: disputesOfRows(g, byPaymentId) }, now).summary);
  }

  async timeline(paymentRequestIdOrPaymentId: string, now: Date = new Date()): Promise<PaymentTimeline | undefined> {
    const groups = await this.resolvePayments(paymentRequestIdOrPaymentId);
    const rows = groups[0];
    if (!rows) return undefined;
    // The payment's own IDs: a rejected notification that names others does not make them its own.
    const trusted = [...rows.calls, ...rows.notes.filter((n) => n.verification === 'verified')];
    const idsOf = (column: 'payment_request_id' | 'payment_id'): string[] => [...new Set(trusted.map((r) => r[column]).filter((v): v is string => Boolean(v)))].sort();
    const paymentRequestIds = idsOf('payment_request_id');
    const paymentIds = idsOf('payment_id');
    const disputes = (await this.disputes(now)).filter((d) => (d.paymentId !== null && paymentIds.includes(d.paymentId)) || (d.paymentRequestId !== null && paymentRequestIds.includes(d.paymentRequestId)));
    const { summary, facts, derived } = summarisePayment({ calls: rows.calls, notes: rows.notes, disputes }, now);
    const attempts = await this.attemptsOf(rows.notes.map((n) => n.id));
    const events = collapsePolls(sortEvents([
      ...rows.calls.map(callEvent),
      ...rows.notes.map((n) => notificationEvent(n, attempts.get(n.id) ?? [])),
    ]));
    const expected = (await this.settings()).notificationExpectedMinutes;
    const mismatches = findMismatches(facts, derived, { paymentRequestId: paymentRequestIds[0] ?? null, paymentId: paymentIds[0] ?? null }, expected, now);
    return {
      query: paymentRequestIdOrPaymentId, paymentRequestIds, paymentIds, events, state: derived.state, money: disputeFunds(disputes, derived.money), mismatches,
      summary, transactions: journalTransactions(facts),
      // An ID several payments share (a reused referenceOrderId): the newest is shown, all are named.
      ...(groups.length > 1 ? { alsoMatches: await this.summariesOf(groups, now) } : {}),
    };
  }

  /** Disputes from notifyDispute notifications and dispute calls: the same fold as SQLite's (dispute-queries.ts). */
  async disputes(now: Date = new Date()): Promise<DisputeView[]> {
    const notes = await this.query<DisputeNoteRow>(`SELECT id, first_seen_at, verification, reject_reason, profile, body FROM notifications
      WHERE ${DISPUTE_NOTE_WHERE} AND position(convert_to('"disputeNotificationType"', 'UTF8') in body) > 0
      ORDER BY id LIMIT ${DISPUTE_ROW_CAP}`);
    // The API names are the module's own constants, never user input.
    const calls = await this.query<DisputeCallRow>(`SELECT id, call_id, started_at, api, profile, request_body, response_body, result_status, result_code, error_code FROM calls
      WHERE api IN (${DISPUTE_CALL_APIS.map((api) => `'${api}'`).join(', ')}) ORDER BY id LIMIT ${DISPUTE_ROW_CAP}`);
    return foldDisputes({ notes, calls }, now);
  }

  async mismatches(filter: TimeRange & { profile?: string; limit?: number } = {}, now: Date = new Date()): Promise<MismatchFlag[]> {
    const limit = filter.limit ?? 200;
    const where = new PgWhere();
    const callW = callWhere({ since: filter.since, until: filter.until, profile: filter.profile }, where);
    const callSql = callW.sql();
    // The notification filter continues the same parameter list.
    const noteW = new PgWhere();
    noteW.params.push(...where.params);
    notificationWhere({ since: filter.since, until: filter.until, profile: filter.profile, verification: 'verified' }, noteW);
    const keyExpr = 'coalesce(payment_id, payment_request_id)';
    const sql = `SELECT k FROM (
        SELECT ${keyExpr} AS k, max(id) AS m FROM calls${callSql} GROUP BY 1
        UNION ALL SELECT ${keyExpr} AS k, max(id) AS m FROM notifications${noteW.sql()} GROUP BY 1
      ) AS seen WHERE k IS NOT NULL GROUP BY k ORDER BY max(m) DESC LIMIT ${noteW.param(limit)}`;
    const keys = (await this.query<{ k: string }>(sql, noteW.params)).map((r) => r.k);
    const seen = new Set<string>();
    const flags: MismatchFlag[] = [];
    for (const key of keys) {
      const t = await this.timeline(key, now);
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
    await this.refreshDuePayments(now);
    return paymentPage(this.paymentRunner(), filter, sort, page);
  }

  async exportPayments(filter: PaymentListFilter = {}, sort?: PaymentSort, format: ExportFormat = 'csv', now: Date = new Date()): Promise<string> {
    await this.refreshDuePayments(now);
    const p = new PaymentSqlParams('postgres');
    const rows = await this.query<PaymentRowSql>(paymentExportQuery(filter, sort ?? 'created-desc', p), bindable(p));
    const mapped = rows.map((row) => paymentExportRow(toPaymentListItem(row)));
    return format === 'json' ? toJsonArray(mapped) : toCsv(PAYMENT_CSV_COLUMNS, mapped);
  }

  private paymentRunner(): PaymentSqlRunner {
    return {
      params: () => new PaymentSqlParams('postgres'),
      all: <T>(sql: string, p: PaymentSqlParams) => this.query<T>(sql, bindable(p)),
    };
  }

  /**
   * Derive again the payments `seeds` name (the IDs of rows just written, or a list row's key)
   * and write their list rows, inside the caller's transaction.
   *
   * Two receivers (or a receiver and a console) may write rows of one payment at the same moment;
   * each would derive it without the other's uncommitted row, and the later commit would leave a
   * row missing the earlier one's. So the refresh takes a transaction-scoped advisory lock per
   * payment name (paymentRequestId, paymentId) BEFORE it reads the payment's rows: whoever held
   * the lock before has committed, so the read sees its rows. The seeds' own names are locked
   * first (in one global order); names the read turns up that were not locked yet (a refund
   * notification carries no paymentId) are locked in turn and the rows read again.
   */
  private async refreshPayments(tx: JournalTx, seeds: readonly IdRow[], now: Date): Promise<void> {
    const named = seeds.filter(seedsAPayment);
    for (let i = 0; i < named.length; i += REFRESH_CHUNK) {
      const chunk = named.slice(i, i + REFRESH_CHUNK);
      const locked = new Set<string>();
      let fresh = paymentNames({ calls: [], notes: [] }, chunk);
      let rows: PaymentRows = { calls: [], notes: [] };
      for (let round = 0; round < 4; round++) {
        if (fresh.length > 0) {
          for (const name of fresh) locked.add(name);
          const ids = fresh.map(paymentLockId).sort(byLockId);
          await this.query('SELECT count(pg_advisory_xact_lock(id)) FROM (SELECT id FROM unnest($1::bigint[]) WITH ORDINALITY AS l(id, n) ORDER BY n) AS ordered', [ids], tx);
        } else if (round > 0) break;
        rows = await this.closeOver({ calls: [], notes: [] }, chunk, tx);
        fresh = paymentNames(rows, chunk).filter((name) => !locked.has(name));
      }
      const plan = refreshPlan(rows, chunk, now);
      // Pipelined: postgres.js sends a transaction's queries without waiting for each answer.
      await Promise.all([
        // Planned for each call (unnamed statement), never from a cached generic plan: a plan cached
        // while the table was nearly empty scans it whole, and at 20,000 rows that took 17 ms a call
        // (pg_stat_statements, pg-intake bench) where the primary key answers in well under one.
        ...(plan.deleteKeys.length > 0 ? [this.query('DELETE FROM payments WHERE key = ANY($1::text[])', [plan.deleteKeys], tx, false)] : []),
        ...(plan.upserts.length > 0 ? [this.query(UPSERT_PAYMENTS_SQL, paymentUpsertColumns(plan.upserts), tx)] : []),
      ]);
    }
  }

  /**
   * Derive up to `limit` queued payments (payments_pending) and take them off the queue, in one
   * transaction. The claim skips rows another transaction holds (FOR UPDATE SKIP LOCKED), so two
   * receivers draining at once never derive the same payments; the rows go when this commits.
   */
  async refreshQueuedPayments(limit: number, now: Date = new Date()): Promise<number> {
    return this.transaction(async (tx) => {
      const taken = await this.query<{ ref: string }>(`DELETE FROM payments_pending WHERE ref IN
        (SELECT ref FROM payments_pending ORDER BY ref LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING ref`, [limit], tx);
      if (taken.length > 0) await this.refreshPayments(tx, taken.map((r) => seedOfPendingRef(r.ref)), now);
      return taken.length;
    });
  }

  /**
   * Before a read: payments whose derivation changed with time alone (expires_at passed), and
   * whatever payments_pending still holds (notifications stored since a receiver's last drain, an
   * older journal's backfill), derived in one transaction. Unlike the receivers' drain this DELETE
   * waits for rows a drain holds: once it has them, that drain's rows are committed, so the read
   * that follows is complete.
   */
  private async refreshDuePayments(now: Date): Promise<void> {
    const due = await this.query<{ key: string; queued: boolean }>(`SELECT key, false AS queued FROM payments WHERE expires_at IS NOT NULL AND expires_at <= $1
      UNION ALL (SELECT ref AS key, true AS queued FROM payments_pending)`, [now.toISOString()]);
    if (due.length === 0) return;
    await this.transaction(async (tx) => {
      const queued = due.filter((r) => r.queued).map((r) => r.key);
      const taken = queued.length === 0 ? [] : await this.query<{ ref: string }>('DELETE FROM payments_pending WHERE ref = ANY($1::text[]) RETURNING ref', [queued], tx);
      const expired = due.filter((r) => !r.queued).map((r) => idRowOfKey(r.key));
      await this.refreshPayments(tx, [...expired, ...taken.map((r) => seedOfPendingRef(r.ref))], now);
    });
  }

  // ---- dashboard aggregates (the figures come from overview-queries.ts, as for SQLite) ------

  async overview(range: OverviewRange, now: Date = new Date()): Promise<OverviewStats> {
    const window = overviewWindow(range);
    const span = [window.since, window.until];
    const { calls, notes } = await this.paymentRowsTouching(window.since, window.until);
    const disputes = await this.disputes(now);
    const latencies = await this.query<{ started_at: string; latency_ms: number }>('SELECT started_at, latency_ms FROM calls WHERE started_at >= $1 AND started_at < $2', span);
    const topResultCodes = await this.query<{ resultCode: string; resultStatus: string | null; count: number }>(`SELECT result_code AS "resultCode",
        result_status AS "resultStatus", count(*) AS count FROM calls WHERE started_at >= $1 AND started_at < $2 AND result_code IS NOT NULL
      GROUP BY result_code, result_status ORDER BY count DESC, result_code LIMIT 10`, span);
    const [noteCounts] = await this.query<{ verified: number; rejected: number; duplicates: number }>(`SELECT
        count(*) FILTER (WHERE verification = 'verified') AS verified,
        count(*) FILTER (WHERE verification = 'rejected') AS rejected,
        coalesce(sum(attempts - 1), 0)::bigint AS duplicates
      FROM notifications WHERE first_seen_at >= $1 AND first_seen_at < $2`, span);
    const [total] = await this.query<{ n: number }>('SELECT count(*) AS n FROM calls WHERE started_at >= $1 AND started_at < $2', span);
    return overviewFromRows(window, { calls, notes, disputes, latencies, topResultCodes, noteCounts: noteCounts!, callsTotal: total!.n }, now);
  }

  /**
   * The rows of every payment with activity in [since, until): the rows in the range plus the same
   * payments' rows outside it (as overview-queries.ts paymentRowsTouching does for SQLite).
   */
  private async paymentRowsTouching(since: string, until: string): Promise<{ calls: CallRow[]; notes: NotificationRow[] }> {
    const calls = new Map<number, CallRow>();
    const notes = new Map<number, NotificationRow>();
    const addCalls = (rows: readonly CallRow[]): void => { for (const r of rows) calls.set(Number(r.id), r); };
    const addNotes = (rows: readonly NotificationRow[]): void => { for (const r of rows) notes.set(Number(r.id), r); };
    addCalls(await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE started_at >= $1 AND started_at < $2`, [since, until]));
    addNotes(await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE first_seen_at >= $1 AND first_seen_at < $2`, [since, until]));
    for (const column of ['payment_id', 'payment_request_id'] as const) {
      const ids = [...new Set([...calls.values(), ...notes.values()].map((r) => r[column]).filter((v): v is string => Boolean(v)))];
      if (ids.length === 0) continue;
      addCalls(await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls WHERE ${column} = ANY($1::text[])`, [ids]));
      addNotes(await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE ${column} = ANY($1::text[])`, [ids]));
    }
    // Captures and refunds by their own IDs (notifyRefund may carry no paymentId).
    for (const [reqCol, idCol] of [['capture_request_id', 'capture_id'], ['refund_request_id', 'refund_id']] as const) {
      const ids = [...new Set([...calls.values()].flatMap((r) => [r[reqCol], r[idCol]]).filter((v): v is string => Boolean(v)))];
      if (ids.length === 0) continue;
      addNotes(await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE ${reqCol} = ANY($1::text[]) OR ${idCol} = ANY($1::text[])`, [ids]));
    }
    return { calls: [...calls.values()], notes: [...notes.values()] };
  }

  async awaitingCaptureCandidates(limit = 1000): Promise<AwaitingCaptureCandidate[]> {
    const rows = await this.query<CandidateRow>(`SELECT k, profile, at, body FROM (
        SELECT coalesce(payment_id, payment_request_id) AS k, profile, started_at AS at, response_body AS body FROM calls
          WHERE api = 'inquiryPayment' AND result_status = 'S' AND response_body LIKE '%"authExpiryTime"%'
        UNION ALL
        SELECT coalesce(payment_id, payment_request_id) AS k, profile, started_at AS at, NULL AS body FROM calls
          WHERE api = 'createPaymentSession' AND request_body LIKE '%"isAuthorization"%'
        UNION ALL
        SELECT coalesce(payment_id, payment_request_id) AS k, profile, first_seen_at AS at, convert_from(body, 'UTF8') AS body FROM notifications
          WHERE verification = 'verified' AND notify_type = 'PAYMENT_RESULT' AND position('"authExpiryTime"'::bytea IN body) > 0
      ) AS candidates WHERE k IS NOT NULL ORDER BY at DESC LIMIT $1`, [limit * 4]);
    return candidatesFromRows(rows, limit);
  }

  // ---- export ----------------------------------------------------------------------------

  async exportNotifications(filter: NotificationFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
    const where = notificationWhere(filter);
    const rows = await this.query<NotificationRow>(`SELECT ${NOTIFICATION_COLUMNS} FROM notifications${where.sql()} ORDER BY id DESC`, where.params);
    const mapped = rows.map(notificationExportRow);
    return format === 'json' ? toJsonArray(mapped) : toCsv(csvColumnsFor('notifications'), mapped);
  }

  async exportCalls(filter: CallFilter = {}, format: ExportFormat = 'csv'): Promise<string> {
    const where = callWhere(filter);
    const rows = await this.query<CallRow>(`SELECT ${CALL_COLUMNS} FROM calls${where.sql()} ORDER BY id DESC`, where.params);
    const mapped = rows.map(callExportRow);
    return format === 'json' ? toJsonArray(mapped) : toCsv(csvColumnsFor('calls'), mapped);
  }

  // ---- settings, retention, status -------------------------------------------------------

  async settings(): Promise<JournalSettings> {
    const rows = await this.query<{ key: string; value: string }>("SELECT key, value FROM settings WHERE key IN ('retention_days', 'notification_expected_minutes')");
    const value = (key: string, fallback: number): number => {
      const v = rows.find((r) => r.key === key)?.value;
      return v === undefined ? fallback : Number(v);
    };
    return {
      retentionDays: value('retention_days', DEFAULT_SETTINGS.retentionDays),
      notificationExpectedMinutes: value('notification_expected_minutes', DEFAULT_SETTINGS.notificationExpectedMinutes),
    };
  }

  private async setSetting(key: string, value: string): Promise<void> {
    await this.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  async setRetentionDays(days: number): Promise<void> {
    if (!Number.isInteger(days) || days < 1 || days > 36_500) {
      throw new ConsoleError('VALIDATION_FAILED', `Retention of ${days} days is not allowed.`, 'Choose a whole number of days from 1 to 36500.', { field: 'retentionDays' });
    }
    await this.setSetting('retention_days', String(days));
  }

  async setNotificationExpectedMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1_440) {
      throw new ConsoleError('VALIDATION_FAILED', `${minutes} minutes is not allowed.`, 'Choose a whole number of minutes from 1 to 1440.', { field: 'notificationExpectedMinutes' });
    }
    await this.setSetting('notification_expected_minutes', String(minutes));
  }

  async prune(options: { olderThanDays?: number; now?: Date } = {}): Promise<PruneResult> {
    const days = options.olderThanDays ?? (await this.settings()).retentionDays;
    if (!Number.isFinite(days) || days < 0) {
      throw new ConsoleError('VALIDATION_FAILED', `"${days}" is not a number of days.`, 'Pass 0 or more days.', { field: 'olderThanDays' });
    }
    const now = options.now ?? new Date();
    const cutoff = normaliseTime(new Date(now.getTime() - days * 86_400_000).toISOString(), 'cutoff');
    const bytesBefore = await this.sizeBytes();
    const counts = await this.transaction(async (tx) => {
      const [attempts] = await this.query<{ n: number }>(
        'SELECT count(*) AS n FROM notification_attempts WHERE notification_id IN (SELECT id FROM notifications WHERE last_seen_at < $1)', [cutoff], tx);
      const notifications = await this.query<{ id: number }>('DELETE FROM notifications WHERE last_seen_at < $1 RETURNING id', [cutoff], tx);
      const calls = await this.query<{ id: number }>('DELETE FROM calls WHERE started_at < $1 RETURNING id', [cutoff], tx);
      // Payments that lost rows are derived again from what is left (those left with none leave the list).
      const touched = await this.query<{ key: string }>('SELECT key FROM payments WHERE created_at < $1', [cutoff], tx);
      await this.refreshPayments(tx, touched.map((r) => idRowOfKey(r.key)), now);
      // The audit trail follows the calls it describes (outcomes go by cascade).
      await this.query('DELETE FROM call_intents WHERE intended_at < $1', [cutoff], tx);
      return { attempts: attempts!.n, notifications: notifications.length, calls: calls.length };
    });
    // Plain VACUUM: marks the space reusable without locking the receivers out (VACUUM FULL would).
    await this.query('VACUUM (ANALYZE) notifications, notification_attempts, notification_replays, calls, payments');
    const bytesAfter = await this.sizeBytes();
    return { cutoff, ...counts, bytesBefore, bytesAfter, bytesReclaimed: Math.max(bytesBefore - bytesAfter, 0) };
  }

  /** The database's size on the server. */
  async sizeBytes(): Promise<number> {
    const [row] = await this.query<{ n: number }>('SELECT pg_database_size(current_database()) AS n');
    return row!.n;
  }

  async counts(): Promise<JournalCounts> {
    const [row] = await this.query<{ calls: number; notifications: number; attempts: number }>(`SELECT
      (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM notifications) AS notifications,
      (SELECT count(*) FROM notification_attempts) AS attempts`);
    return row!;
  }

  /**
   * One round trip on the pool the writes use: reachable, and migrated to exactly this console's
   * schema (behind: `db migrate` was not run; ahead: a newer console migrated it).
   */
  async readiness(): Promise<JournalReadiness> {
    const known = POSTGRES_SCHEMA_VERSION;
    if (this.closed) return { ready: false, schemaVersion: undefined, knownSchemaVersion: known, reason: 'The journal connection is closed.' };
    let version: number;
    try {
      version = await postgresSchemaVersion(this.sql);
    } catch (error) {
      return { ready: false, schemaVersion: undefined, knownSchemaVersion: known, reason: journalDatabaseError(error, this.url, 'be reached').message };
    }
    if (version === known) return { ready: true, schemaVersion: version, knownSchemaVersion: known };
    const reason = version < known
      ? `The database ${this.describe()} is at schema ${version}; this receiver writes schema ${known}. Run \`antom-ops db migrate --database URL\`.`
      : `The database ${this.describe()} was migrated to schema ${version} by a newer console; this receiver knows up to ${known}. Update this receiver.`;
    return { ready: false, schemaVersion: version, knownSchemaVersion: known, reason };
  }

  /**
   * From the login's privileges and the calls policies (`antom-ops db roles`). Kept for a few
   * seconds: the guard asks before every call (the Payments poller inquires every 2 s), and a
   * grant changed meanwhile is still enforced by the database itself.
   */
  async capabilities(): Promise<JournalAccess> {
    const cached = this.access;
    if (cached && Date.now() - cached.at < CAPABILITIES_TTL_MS) return cached.value;
    try {
      const value = await postgresJournalAccess(this.sql);
      this.access = { at: Date.now(), value };
      return value;
    } catch (error) {
      throw journalDatabaseError(error, this.url, 'tell what this login may do');
    }
  }

  requestIdLedger(): RequestIdLedger {
    return postgresRequestIdLedger(this.sql);
  }

  /** The audit trail (intents and outcomes of money-moving calls), in the same database. */
  auditTrail(): AuditTrail {
    return postgresAuditTrail(this.sql, this.url);
  }

  /** The open connection pool, for db status and tests (same database, same rules). */
  connection(): JournalSql {
    return this.sql;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sql.end({ timeout: 5 });
  }
}
