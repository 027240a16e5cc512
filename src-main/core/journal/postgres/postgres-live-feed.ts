/**
 * Live updates from a shared PostgreSQL journal: LISTEN on the channel the 0005-live-notify
 * triggers NOTIFY on, read each announced row by id, and hand it on as a push event.
 *
 * Why this shape:
 * - No polling: rows are read only when a NOTIFY names them (primary-key lookups), so an idle
 *   console costs the server one idle connection, whatever the table's size.
 * - Rows are read by the ids the NOTIFYs carry, not "everything after the cursor": two writers'
 *   transactions can commit out of id order (id 11 before id 10), and a cursor alone would step
 *   over 10 for good.
 * - A catch-up cursor (the highest id delivered, per kind) recovers what was written while the
 *   LISTEN connection was down: postgres.js re-LISTENs after a reconnect and calls onlisten, and
 *   the feed then reads `WHERE id > cursor` once (in pages). It starts a little below the cursor
 *   (CATCH_UP_OVERLAP ids, never below where the feed started) because of the same out-of-order
 *   commits; ids already delivered are remembered (SEEN_LIMIT) and skipped.
 * - Rows written by this journal's own connection pool are skipped (the NOTIFY names the writer's
 *   application_name): this process already pushed them when it wrote them. A row of our own
 *   written while the LISTEN connection was down is pushed a second time by the catch-up, which
 *   only costs the page one more refresh.
 */
import { NOTIFICATION_VERIFICATIONS, type NotificationVerification } from '../../../../src-shared/vocabulary';
import type { JournalChange, JournalChangeFeed, JournalChangeOptions } from '../journal-changes';
import type { JournalSql } from './postgres-connection';

/** The channel prefix the 0005-live-notify trigger uses; the schema follows it. */
const CHANNEL_PREFIX = 'antom_ops_journal:';
/** How far below the cursor a reconnect's catch-up looks again (commits out of id order). */
const CATCH_UP_OVERLAP = 1_000;
/** Delivered ids remembered per kind, so a catch-up never delivers one twice. */
const SEEN_LIMIT = 4 * CATCH_UP_OVERLAP;
const PAGE = 500;
/** A read that failed (server restarting, pool busy) is tried again after this long. */
const RETRY_MS = 1_000;

type FeedKind = 'call' | 'notification';

interface NotifyPayload {
  k: FeedKind;
  id: number;
  o: string | null;
}

function parsePayload(text: string): NotifyPayload | undefined {
  try {
    const value = JSON.parse(text) as { k?: unknown; id?: unknown; o?: unknown };
    if ((value.k !== 'call' && value.k !== 'notification') || typeof value.id !== 'number' || !Number.isSafeInteger(value.id)) return undefined;
    return { k: value.k, id: value.id, o: typeof value.o === 'string' ? value.o : null };
  } catch {
    return undefined;
  }
}

function verificationOf(value: string): NotificationVerification {
  return (NOTIFICATION_VERIFICATIONS as readonly string[]).includes(value) ? (value as NotificationVerification) : 'rejected';
}

interface CallChangeRow { id: number; api: string; payment_id: string | null; payment_request_id: string | null; result_status: string | null }
interface NotificationChangeRow {
  id: number; notification_id: number; notify_type: string; verification: string; payment_id: string | null; payment_request_id: string | null; duplicate: boolean;
}

const CALL_COLUMNS = 'id, api, payment_id, payment_request_id, result_status';
/** One row per POST: the attempt's id orders them; `duplicate` = not the notification's first POST. */
const NOTIFICATION_SELECT = `SELECT a.id, n.id AS notification_id, n.notify_type, n.verification, n.payment_id, n.payment_request_id,
  a.id > (SELECT min(f.id) FROM notification_attempts f WHERE f.notification_id = a.notification_id) AS duplicate
  FROM notification_attempts a JOIN notifications n ON n.id = a.notification_id`;

/** Reads of one kind: by announced ids, and everything after a cursor (a page at a time). */
interface KindReader {
  byIds(sql: JournalSql, ids: readonly number[]): Promise<Array<{ id: number; change: JournalChange }>>;
  after(sql: JournalSql, cursor: number): Promise<Array<{ id: number; change: JournalChange }>>;
  maxId(sql: JournalSql): Promise<number>;
}

function callChange(r: CallChangeRow): { id: number; change: JournalChange } {
  return { id: r.id, change: { kind: 'callRecorded', payload: { api: r.api, paymentId: r.payment_id, paymentRequestId: r.payment_request_id, resultStatus: r.result_status } } };
}

function notificationChange(r: NotificationChangeRow): { id: number; change: JournalChange } {
  return {
    id: r.id,
    change: {
      kind: 'notificationStored',
      payload: {
        id: r.notification_id, notifyType: r.notify_type, verification: verificationOf(r.verification), paymentId: r.payment_id,
        paymentRequestId: r.payment_request_id, duplicate: r.duplicate,
      },
    },
  };
}

const READERS: Record<FeedKind, KindReader> = {
  call: {
    byIds: async (sql, ids) => (await sql.unsafe<CallChangeRow[]>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids as number[]])).map(callChange),
    after: async (sql, cursor) => (await sql.unsafe<CallChangeRow[]>(`SELECT ${CALL_COLUMNS} FROM calls WHERE id > $1 ORDER BY id LIMIT ${PAGE}`, [cursor])).map(callChange),
    maxId: async (sql) => (await sql.unsafe<{ id: number | null }[]>('SELECT max(id) AS id FROM calls'))[0]?.id ?? 0,
  },
  notification: {
    byIds: async (sql, ids) => (await sql.unsafe<NotificationChangeRow[]>(`${NOTIFICATION_SELECT} WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`, [ids as number[]])).map(notificationChange),
    after: async (sql, cursor) => (await sql.unsafe<NotificationChangeRow[]>(`${NOTIFICATION_SELECT} WHERE a.id > $1 ORDER BY a.id LIMIT ${PAGE}`, [cursor])).map(notificationChange),
    maxId: async (sql) => (await sql.unsafe<{ id: number | null }[]>('SELECT max(id) AS id FROM notification_attempts'))[0]?.id ?? 0,
  },
};

/** One kind's delivery state: ids announced but not read yet, the cursor, and what was delivered. */
class KindFeed {
  private readonly pending = new Set<number>();
  private readonly seen = new Set<number>();
  private cursor: number;
  /** Reads run one after another, so changes of one kind are delivered in the order they were read. */
  private chain: Promise<void> = Promise.resolve();
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly sql: JournalSql,
    private readonly reader: KindReader,
    /** Ids up to here existed before the feed started: never delivered. */
    private readonly floor: number,
    private readonly options: JournalChangeOptions,
  ) {
    this.cursor = floor;
  }

  /** A row written by this process: not delivered, but remembered so a catch-up skips it too. */
  ownWrite(id: number): void {
    this.remember(id);
  }

  announced(id: number): void {
    if (this.stopped || id <= this.floor || this.seen.has(id)) return;
    this.pending.add(id);
    // Coalesce a burst of NOTIFYs (a receiver's group commit) into one read.
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.enqueue(() => this.readPending());
    });
  }

  /** After a (re)LISTEN: read whatever was committed while nobody listened. */
  catchUp(afterReconnect: boolean): void {
    const from = afterReconnect ? Math.max(this.floor, this.cursor - CATCH_UP_OVERLAP) : this.cursor;
    this.enqueue(() => this.readAfter(from));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.chain;
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.stopped) return;
      try {
        await work();
      } catch (error) {
        this.options.onError?.(error);
        this.retryLater();
      }
    });
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.enqueue(() => this.readPending());
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  private async readPending(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped) {
      const ids = [...this.pending].slice(0, PAGE);
      const rows = await this.reader.byIds(this.sql, ids);
      // Only once read: a failed read leaves the ids pending for the retry.
      for (const id of ids) this.pending.delete(id);
      this.deliver(rows);
    }
  }

  private async readAfter(from: number): Promise<void> {
    let after = from;
    for (;;) {
      const rows = await this.reader.after(this.sql, after);
      this.deliver(rows);
      if (rows.length < PAGE || this.stopped) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  private deliver(rows: ReadonlyArray<{ id: number; change: JournalChange }>): void {
    for (const { id, change } of rows) {
      this.pending.delete(id);
      if (this.seen.has(id) || this.stopped) continue;
      this.remember(id);
      try {
        this.options.onChange(change);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  private remember(id: number): void {
    this.seen.add(id);
    if (id > this.cursor) this.cursor = id;
    if (this.seen.size > SEEN_LIMIT) {
      // Sets iterate in insertion order: drop the oldest deliveries.
      const drop = this.seen.size - SEEN_LIMIT;
      let n = 0;
      for (const old of this.seen) {
        if (n++ >= drop) break;
        this.seen.delete(old);
      }
    }
  }
}

/**
 * Start listening. `origin` is the application_name of the journal's own connections (their
 * writes are skipped). Resolves once the LISTEN is in place: every row committed after that is
 * delivered, and nothing committed before the call is.
 */
export async function startPostgresLiveFeed(sql: JournalSql, origin: string, options: JournalChangeOptions): Promise<JournalChangeFeed> {
  const [schemaRow] = await sql.unsafe<{ schema: string }[]>('SELECT current_schema() AS schema');
  const channel = `${CHANNEL_PREFIX}${schemaRow?.schema ?? 'public'}`;
  // The floors are read BEFORE listening; the first onlisten's catch-up reads what was committed in between.
  const feeds: Record<FeedKind, KindFeed> = {
    call: new KindFeed(sql, READERS.call, await READERS.call.maxId(sql), options),
    notification: new KindFeed(sql, READERS.notification, await READERS.notification.maxId(sql), options),
  };
  let listens = 0;
  let stopped = false;
  const subscription = await sql.listen(
    channel,
    (text) => {
      const payload = stopped ? undefined : parsePayload(text);
      if (!payload) return;
      if (payload.o === origin) feeds[payload.k].ownWrite(payload.id);
      else feeds[payload.k].announced(payload.id);
    },
    () => {
      const afterReconnect = listens++ > 0;
      feeds.call.catchUp(afterReconnect);
      feeds.notification.catchUp(afterReconnect);
    },
  );
  return {
    async stop() {
      stopped = true;
      await subscription.unlisten().catch((error: unknown) => options.onError?.(error));
      await Promise.all([feeds.call.stop(), feeds.notification.stop()]);
    },
  };
}
