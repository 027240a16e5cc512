/**
 * Group commit: store classified POSTs durably, THEN answer them.
 *
 *  - Requests whose bodies complete in the same event-loop turn are stored with one
 *    storeNotifications transaction (setImmediate), then each gets its answer. One batch is in
 *    flight at a time: what arrives while the journal commits waits for the next batch (with
 *    SQLite the commit is done before the next turn, so batches are what they always were; an
 *    engine that answers over the network gets larger batches under load). If the batch
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
 */
import type { ServerResponse } from 'node:http';
import type { ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';
import { STORE_FAILED, type Answer } from './notification-answers';
import type { NotificationAnswer, NotificationSink } from './notification-sink';

const NOTIFICATION_ID_HEADER = 'x-antom-ops-notification-id';
const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

/** A classified POST waiting to be stored and answered. */
export interface PendingAnswer {
  record: ReceivedNotification;
  res: ServerResponse;
  answer: Answer;
}

interface GroupCommitOptions {
  sink: NotificationSink;
  /** false = commit each notification on its own (the benchmark's baseline). */
  groupCommit: boolean;
  now: () => Date;
  onStored?: (ref: StoredNotificationRef, notification: ReceivedNotification) => void;
  reportError: (error: unknown) => void;
}

interface GroupCommit {
  /** Store (in this turn's batch) and answer once committed. */
  enqueue(p: PendingAnswer): void;
  /** Store and answer everything queued now, after the batch in flight (the receiver's close). Never rejects. */
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
  const { sink, now, reportError } = options;

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

  function answerStored(p: PendingAnswer, ref: StoredNotificationRef): void {
    const headers: Record<string, string> = { [NOTIFICATION_ID_HEADER]: String(ref.id) };
    if (p.answer.httpStatus === 413) headers.connection = 'close';
    const { res } = p;
    // 'finish' = node:http handed every byte to the socket (it comes before 'close'); a 'close'
    // without it means the connection died first and the sender never got this answer. A write
    // the kernel accepted but the peer then reset is indistinguishable from an answer lost on the
    // network: node:http still reports 'finish', and Antom, having no answer, resends.
    let finished = false;
    if (!sendAnswer(res, p.answer, headers, () => (finished = true))) answerUndelivered(ref);
    else res.once('close', () => {
      if (!finished) answerUndelivered(ref);
    });
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
      ref = await sink.storeNotification(p.record, answer);
    } catch (error) {
      reportError(error);
      sendAnswer(p.res, STORE_FAILED, p.answer.httpStatus === 413 ? { connection: 'close' } : undefined);
      return;
    }
    answerStored(p, ref);
  }

  const answerRecord = (answer: Answer, at: string): NotificationAnswer => ({ httpStatus: answer.httpStatus, body: answer.body, sentAt: at });

  /** Never rejects: a batch that cannot be stored is retried record by record. */
  async function commitBatch(batch: PendingAnswer[]): Promise<void> {
    const at = now().toISOString();
    const answers = batch.map((p) => answerRecord(p.answer, at));
    let refs: StoredNotificationRef[];
    try {
      refs = await sink.storeNotifications(batch.map((p) => p.record), answers);
    } catch (error) {
      reportError(error);
      for (const [i, p] of batch.entries()) await storeOne(p, answers[i]!);
      return;
    }
    batch.forEach((p, i) => {
      const ref = refs[i];
      if (ref) answerStored(p, ref);
      else sendAnswer(p.res, STORE_FAILED);
    });
  }

  let queue: PendingAnswer[] = [];
  let flushScheduled = false;
  let inFlight: Promise<void> | undefined;
  // While a batch is in flight nothing is scheduled: its end schedules the next batch.
  function scheduleFlush(): void {
    if (flushScheduled || inFlight) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      if (!inFlight) void flush();
    });
  }
  function flush(): Promise<void> {
    // The batch in flight finishes first; whatever queued meanwhile is the next batch.
    if (inFlight) return inFlight.then(flush);
    const batch = queue;
    queue = [];
    if (batch.length === 0) return Promise.resolve();
    inFlight = commitBatch(batch).catch(reportError).finally(() => {
      inFlight = undefined;
      if (queue.length > 0) scheduleFlush();
    });
    return inFlight;
  }

  function enqueue(p: PendingAnswer): void {
    if (!options.groupCommit) {
      storeOne(p, answerRecord(p.answer, now().toISOString())).catch(reportError);
      return;
    }
    queue.push(p);
    scheduleFlush();
  }

  return { enqueue, flush, flushUndelivered };
}
