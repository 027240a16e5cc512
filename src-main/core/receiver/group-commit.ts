/**
 * Group commit: store classified POSTs durably, THEN answer them.
 *
 *  - Requests whose bodies complete in the same event-loop turn are stored with one
 *    storeNotifications transaction (setImmediate), then each gets its answer. As many batches
 *    are in flight as the journal takes (sink.concurrentStores: 1 for SQLite, whose commit is
 *    done before the next turn anyway; 3 for PostgreSQL, where one batch can be sent while
 *    another waits for its flush to disk, which took the pg-intake bench from about 1,400 to
 *    1,600/s): what arrives while they commit waits for the next batch. If the batch
 *    transaction fails, each record is retried on its own so one bad record cannot sink the
 *    others; a record that still cannot be stored gets 500 (no acknowledgement).
 *  - The answer is decided before the write, so it is committed WITH the notification (on its
 *    attempt; an acknowledgement also sets acknowledged = 1) and written to the socket right after
 *    that commit, in the same event-loop turn. One transaction per batch instead of two.
 *    The guarantee: nothing is acknowledged before it is durably stored.
 *  - What "acknowledged" in the journal means: the acknowledgement bytes were handed to the
 *    socket. If the connection closes before that ('close' without the response finishing), the
 *    answer is withdrawn again (sink.markAnswersUndelivered, best effort, batched per turn): the
 *    attempt shows no answer, as the sender saw it. The one case left overstated is a crash in the
 *    microseconds between the commit and the socket write: the row says acknowledged though Antom
 *    got nothing, so Antom resends and the resend is stored (and acknowledged) as an attempt of
 *    it. Nothing is lost; only that first attempt's answer is recorded as sent. Every other answer
 *    to a stored POST (401, 400, 413) is recorded the same way, on its attempt.
 *  - Each stored record's id is returned in the X-Antom-Ops-Notification-Id header, so tools
 *    (replay, tests, the bench) can find exactly the row an answer belongs to.
 *  - The database down (intake service, journal-health.ts): a failed batch asks the store's
 *    health whether the journal is reachable at all. If not, the whole batch is answered 503 at
 *    once (retrying each record against a stopped server only adds load and latency); the next
 *    batch tries the database again, so intake recovers by itself as soon as it is back.
 *  - Every answer is reported to the observer (intake-events.ts): outcome, latency, store time.
 */
import type { ServerResponse } from 'node:http';
import type { ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';
import { ACKNOWLEDGEMENT, STORE_FAILED, STORE_UNAVAILABLE, type Answer } from './notification-answers';
import { StoreTimeoutError, type IntakeObserver, type IntakeOutcome, type StoreHealth } from './intake-events';
import type { NotificationAnswer, NotificationSink } from './notification-sink';

const NOTIFICATION_ID_HEADER = 'x-antom-ops-notification-id';
const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** A classified POST waiting to be stored and answered. */
export interface PendingAnswer {
  record: ReceivedNotification;
  res: ServerResponse;
  answer: Answer;
  /** performance.now() when the request arrived (for the answer's latency). */
  startedAt: number;
  /** performance.now() when the complete record was queued for the journal (set by enqueue). */
  queuedAt?: number;
}

interface GroupCommitOptions {
  sink: NotificationSink;
  /** false = commit each notification on its own (the benchmark's baseline). */
  groupCommit: boolean;
  now: () => Date;
  onStored?: (ref: StoredNotificationRef, notification: ReceivedNotification) => void;
  reportError: (error: unknown) => void;
  /** Told of every answer written (outcome, latency). */
  observer?: IntakeObserver | undefined;
  /** Told of store failures and successes; decides whether a failed batch is retried record by record. */
  storeHealth?: StoreHealth | undefined;
  /** Extra headers on every answer (e.g. `connection: close` while the receiver shuts down). */
  answerHeaders?: () => Record<string, string> | undefined;
  /**
   * A store not committed within this long is answered as failed (the intake service: a database
   * that stopped answering must not hold every sender forever). If it commits later after all, its
   * answers are withdrawn as undelivered: the sender was told 503, never acknowledged.
   */
  storeTimeoutMs?: number | undefined;
  /** After a commit's answers are written (the receiver wakes its Payments list drainer). */
  afterCommit?: (() => void) | undefined;
}

interface GroupCommit {
  /** Store (in this turn's batch) and answer once committed. */
  enqueue(p: PendingAnswer): void;
  /** Store and answer everything queued, after the batches in flight (the receiver's close). Never rejects. */
  flush(): Promise<void>;
  /** Record the withdrawals collected so far now (the receiver's close). Never rejects. */
  flushUndelivered(): Promise<void>;
}

/** false when the response could not be written at all (the connection is already gone). */
export function sendAnswer(res: ServerResponse, answer: Answer, extraHeaders?: Record<string, string>, onFinish?: () => void): boolean {
  // The socket can be destroyed (the sender reset it while we were storing) before the response knows.
  if (res.writableEnded || res.destroyed || res.socket?.destroyed) return false;
  res.writeHead(answer.httpStatus, { 'content-type': JSON_CONTENT_TYPE, 'content-length': answer.bytes, ...extraHeaders });
  res.end(answer.body, onFinish);
  return true;
}

export function createGroupCommit(options: GroupCommitOptions): GroupCommit {
  const { sink, now, reportError, storeHealth } = options;

  function observe(p: PendingAnswer, outcome: IntakeOutcome, answer: Answer, ref: StoredNotificationRef | undefined, delivered: boolean, storedAt: number): void {
    if (!options.observer) return;
    const at = performance.now();
    try {
      options.observer({
        record: p.record, ref, outcome, httpStatus: answer.httpStatus,
        acknowledged: delivered && answer === ACKNOWLEDGEMENT,
        latencyMs: at - p.startedAt,
        storeMs: p.queuedAt === undefined ? undefined : storedAt - p.queuedAt,
      });
    } catch (error) {
      reportError(error);
    }
  }
  /** The store, bounded by storeTimeoutMs; a late commit's recorded answers are withdrawn. */
  function storeWithin(store: Promise<StoredNotificationRef[]>): Promise<StoredNotificationRef[]> {
    const limit = options.storeTimeoutMs;
    if (limit === undefined) return store;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new StoreTimeoutError(limit));
      }, limit);
    });
    store.then((refs) => {
      if (timedOut) for (const ref of refs) answerUndelivered(ref);
    }, () => undefined);
    return Promise.race([store, deadline]).finally(() => clearTimeout(timer));
  }
  const headersFor = (p: PendingAnswer, extra?: Record<string, string>): Record<string, string> | undefined => {
    const shared = options.answerHeaders?.();
    const close = p.answer.httpStatus === 413 ? { connection: 'close' } : undefined;
    return shared || close || extra ? { ...shared, ...close, ...extra } : undefined;
  };
  function afterCommit(): void {
    try {
      options.afterCommit?.();
    } catch (error) {
      reportError(error);
    }
  }

  /** Nothing stored: answer the failure (never an acknowledgement). */
  function answerFailure(p: PendingAnswer, answer: Answer, outcome: IntakeOutcome): void {
    const failedAt = performance.now();
    const delivered = sendAnswer(p.res, answer, headersFor(p));
    observe(p, outcome, answer, undefined, delivered, failedAt);
  }

  // Answers committed with their notification but never handed to the socket, withdrawn a turn's worth at a time.
  let undelivered: { id: number; attemptId: number | undefined }[] = [];
  let undeliveredScheduled = false;
  async function flushUndelivered(): Promise<void> {
    undeliveredScheduled = false;
    const batch = undelivered;
    undelivered = [];
    if (batch.length === 0) return;
    try {
      await sink.markAnswersUndelivered(batch);
    } catch (error) {
      reportError(error);
    }
  }
  function answerUndelivered(ref: StoredNotificationRef): void {
    undelivered.push({ id: ref.id, attemptId: ref.attemptId });
    if (!undeliveredScheduled) {
      undeliveredScheduled = true;
      setImmediate(() => void flushUndelivered());
    }
  }

  function answerStored(p: PendingAnswer, ref: StoredNotificationRef, storedAt: number): void {
    const headers = headersFor(p, { [NOTIFICATION_ID_HEADER]: String(ref.id) })!;
    const { res } = p;
    // 'finish' = node:http handed every byte to the socket (it comes before 'close'); a 'close'
    // without it means the connection died first and the sender never got this answer. A write
    // the kernel accepted but the peer then reset is indistinguishable from an answer lost on the
    // network: node:http still reports 'finish', and Antom, having no answer, resends.
    let finished = false;
    const written = sendAnswer(res, p.answer, headers, () => (finished = true));
    if (!written) answerUndelivered(ref);
    else res.once('close', () => {
      if (!finished) answerUndelivered(ref);
    });
    observe(p, 'stored', p.answer, ref, written, storedAt);
    try {
      options.onStored?.(ref, p.record);
    } catch (error) {
      reportError(error);
    }
  }

  /** Never rejects: a record that cannot be stored gets 500. */
  async function storeOne(p: PendingAnswer, answer: NotificationAnswer): Promise<void> {
    let ref: StoredNotificationRef;
    try {
      [ref] = (await storeWithin(sink.storeNotification(p.record, answer).then((r) => [r]))) as [StoredNotificationRef];
    } catch (error) {
      // An unreachable database is logged once by the journal's health, not once per record.
      const unavailable = (await storeHealth?.storeFailed(error)) ?? false;
      if (!unavailable) reportError(error);
      answerFailure(p, unavailable ? STORE_UNAVAILABLE : STORE_FAILED, unavailable ? 'store-unavailable' : 'store-failed');
      return;
    }
    storeHealth?.storeSucceeded();
    answerStored(p, ref, performance.now());
    afterCommit();
  }

  const answerRecord = (answer: Answer, at: string): NotificationAnswer => ({ httpStatus: answer.httpStatus, body: answer.body, sentAt: at });

  /** Never rejects: a batch that cannot be stored is retried record by record. */
  async function commitBatch(batch: PendingAnswer[]): Promise<void> {
    const at = now().toISOString();
    const answers = batch.map((p) => answerRecord(p.answer, at));
    let refs: StoredNotificationRef[];
    try {
      refs = await storeWithin(sink.storeNotifications(batch.map((p) => p.record), answers));
    } catch (error) {
      // The database unreachable: every record would fail the same way, so answer them all now.
      if (storeHealth && (await storeHealth.storeFailed(error))) {
        for (const p of batch) answerFailure(p, STORE_UNAVAILABLE, 'store-unavailable');
        return;
      }
      reportError(error);
      for (const [i, p] of batch.entries()) await storeOne(p, answers[i]!);
      return;
    }
    storeHealth?.storeSucceeded();
    const storedAt = performance.now();
    batch.forEach((p, i) => {
      const ref = refs[i];
      if (ref) answerStored(p, ref, storedAt);
      else answerFailure(p, STORE_FAILED, 'store-failed');
    });
    afterCommit();
  }

  let queue: PendingAnswer[] = [];
  let flushScheduled = false;
  const inFlight = new Set<Promise<void>>();
  // Read per batch: the console's sink is the journal in use, which Settings can switch.
  const maxInFlight = (): number => Math.max(1, Math.floor(sink.concurrentStores ?? 1));
  // While the journal has as many batches in flight as it takes, nothing is scheduled: the end of
  // one schedules the next batch.
  function scheduleFlush(): void {
    if (flushScheduled || inFlight.size >= maxInFlight()) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      if (inFlight.size < maxInFlight()) startBatch();
    });
  }
  /** Commit everything queued now as one batch. */
  function startBatch(): void {
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const done: Promise<void> = commitBatch(batch).catch(reportError).finally(() => {
      inFlight.delete(done);
      if (queue.length > 0) scheduleFlush();
    });
    inFlight.add(done);
  }
  /** Until nothing is queued or in flight: the batches in flight finish, what queued meanwhile is committed. */
  async function flush(): Promise<void> {
    for (;;) {
      if (queue.length > 0 && inFlight.size < maxInFlight()) startBatch();
      else if (inFlight.size > 0) await Promise.race(inFlight);
      else return;
    }
  }

  function enqueue(p: PendingAnswer): void {
    p.queuedAt = performance.now();
    if (!options.groupCommit) {
      storeOne(p, answerRecord(p.answer, now().toISOString())).catch(reportError);
      return;
    }
    queue.push(p);
    scheduleFlush();
  }

  return { enqueue, flush, flushUndelivered };
}
