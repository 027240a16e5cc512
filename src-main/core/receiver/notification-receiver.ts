/**
 * The local notification receiver (issue 3, section 2): plain node:http, no framework, so the
 * exact bytes Antom signed are the bytes we verify and store.
 *
 * Pipeline per request: raw body (size-capped) -> verify over our own path -> parse -> WRITE
 * DURABLY -> answer. Only a verified, parsed, committed notification gets Antom's fixed
 * acknowledgement; everything else gets a non-success answer so Antom resends.
 *
 * Decisions where the issue was silent:
 *  - Paths: the configured path and any path below it (`/antom/notify/sandbox-eu`) are served, so
 *    one receiver can give each profile its own notify URL. The signature is always checked over
 *    the path (+query) actually requested. Other paths get 404 and are not stored (port probes
 *    are not notifications).
 *  - Only POST; anything else gets 405 and is not stored.
 *  - Oversized bodies (> maxBodyBytes) get 413 and are stored as rejected 'oversized' with the
 *    headers, the first OVERSIZED_PREFIX_BYTES bytes and the sizes in rejectDetail.
 *  - A verified JSON body with an unknown notifyType, or missing its result/ID, is stored as
 *    rejected 'not-a-notification' and NOT acknowledged: acknowledging tells Antom we handled it,
 *    while leaving it unacknowledged keeps Antom's 24 h resend window open for a console that
 *    understands it. Nothing is lost either way: it is in the journal.
 *  - Duplicates (same dedupKey) are acknowledged: the journal stores them as attempts of the
 *    first one, so acknowledging them again applies nothing twice.
 *  - The answer is decided before the write, so it is committed WITH the notification (on its
 *    attempt; an acknowledgement also sets acknowledged = 1) and written to the socket right after
 *    that commit, in the same event-loop turn. One transaction per batch instead of two (the
 *    second, recording answers after they were sent, cost a commit per batch and two row updates
 *    per notification).
 *    The guarantee is unchanged: nothing is acknowledged before it is durably stored.
 *    What "acknowledged" in the journal means: the acknowledgement bytes were handed to the
 *    socket. If the connection closes before that ('close' without the response finishing), the
 *    answer is withdrawn again (sink.markAnswersUndelivered, best effort, batched per turn):
 *    the attempt shows no answer, as the sender saw it. The one case left overstated is a crash in
 *    the microseconds between the commit and the socket write: the row says acknowledged though
 *    Antom got nothing, so Antom resends and the resend is stored (and acknowledged) as an
 *    attempt of it. Nothing is lost; only that first attempt's answer is recorded as sent.
 *    Every other answer to a stored POST (401, 400, 413) is recorded the same way, on its attempt.
 *  - Group commit: requests whose bodies complete in the same event-loop turn are stored with one
 *    storeNotifications transaction (setImmediate), then each gets its answer. If the batch
 *    transaction fails, each record is retried on its own so one bad record cannot sink the
 *    others; a record that still cannot be stored gets 500 (no acknowledgement).
 *  - Each stored record's id is returned in the X-Antom-Ops-Notification-Id header, so tools
 *    (replay, tests, the bench) can find exactly the row an answer belongs to.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { ConsoleError } from '../../../src-shared/errors';
import type { ReceivedNotification, RejectReason, StoredNotificationRef } from '../journal/journal-types';
import type { NotificationAnswer, NotificationSink } from './notification-sink';
import { verifyNotification, type ResolveVerifier } from './verify-notification';
import { parseNotificationBody } from './parse-notification';
import { ACKNOWLEDGEMENT, METHOD_NOT_ALLOWED, NOT_FOUND, STORE_FAILED, rejectionAnswer, type Answer } from './notification-answers';

export const DEFAULT_NOTIFY_PATH = '/antom/notify';
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** How much of an oversized body is kept, enough to see what it was. */
export const OVERSIZED_PREFIX_BYTES = 4096;
/** An oversized sender is drained (so it can read our 413) up to this much, then cut off. */
const OVERSIZED_DRAIN_LIMIT = 4 * 1024 * 1024;
export const NOTIFICATION_ID_HEADER = 'x-antom-ops-notification-id';

export interface NotificationReceiverOptions {
  host?: string;
  port?: number;
  path?: string;
  /** Binding anything but loopback (for a tunnel) must be asked for explicitly. */
  allowNonLoopback?: boolean;
  maxBodyBytes?: number;
  resolveVerifier: ResolveVerifier;
  sink: NotificationSink;
  /** Called after a record (verified or rejected) is committed; e.g. to push it to the UI. */
  onStored?: (ref: StoredNotificationRef, notification: ReceivedNotification) => void;
  /** Store failures and best-effort follow-ups that failed; the receiver itself keeps running. */
  onError?: (error: unknown) => void;
  now?: () => Date;
  /** Extra paths a wrong-path diagnosis should try (e.g. other receivers' notify paths). */
  alternatePaths?: readonly string[];
  /** false = commit each notification on its own (the benchmark's baseline). Default true. */
  groupCommit?: boolean;
}

export interface NotificationReceiver {
  url: string;
  host: string;
  port: number;
  path: string;
  close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

function normalisePath(path: string): string {
  if (!path.startsWith('/')) {
    throw new ConsoleError('VALIDATION_FAILED', `The receiver path "${path}" does not start with "/".`, 'Give a path such as /antom/notify.');
  }
  if (path.includes('?') || path.includes('#')) {
    throw new ConsoleError('VALIDATION_FAILED', `The receiver path "${path}" contains a query or fragment.`, 'Give only the path, e.g. /antom/notify; register notify URLs without query strings.');
  }
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function pathServed(requestPath: string, basePath: string): boolean {
  const pathname = requestPath.split('?', 1)[0] ?? '';
  if (basePath === '/') return true;
  return pathname === basePath || pathname.startsWith(`${basePath}/`);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

interface Pending {
  record: ReceivedNotification;
  res: ServerResponse;
  answer: Answer;
}

export async function startNotificationReceiver(options: NotificationReceiverOptions): Promise<NotificationReceiver> {
  const host = options.host ?? '127.0.0.1';
  const basePath = normalisePath(options.path ?? DEFAULT_NOTIFY_PATH);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date());
  const groupCommit = options.groupCommit ?? true;
  const { sink } = options;
  const reportError = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // a failing error reporter must not take the receiver down
    }
  };

  if (!isLoopbackHost(host) && !options.allowNonLoopback) {
    throw new ConsoleError(
      'BIND_REFUSED',
      `The notification receiver will not listen on ${host}: only loopback is allowed by default, because anyone who can reach the port can send notifications.`,
      'Use 127.0.0.1, or opt in explicitly (allowNonLoopback / --allow-non-loopback) when a tunnel must reach another interface.',
      { host },
    );
  }

  // Rule 2 of the wrong-key/body-changed diagnosis: keys that verified something, per client-id.
  // Keys are compared by their SPKI bytes, so a resolver that re-parses the key each time still works.
  const fingerprints = new WeakMap<KeyObject, string>();
  const fingerprint = (key: KeyObject): string => {
    let fp = fingerprints.get(key);
    if (fp === undefined) {
      fp = key.export({ format: 'der', type: 'spki' }).toString('base64');
      fingerprints.set(key, fp);
    }
    return fp;
  };
  const provenKeys = new Map<string, Set<string>>();
  const keyProvenFor = (clientId: string, key: KeyObject) => provenKeys.get(clientId)?.has(fingerprint(key)) ?? false;

  /** A POST as it arrived, before verification and parsing fill in what it is (rejected until proven). */
  function unclassifiedRecord(req: IncomingMessage, requestPath: string, headers: Record<string, string>, rawBody: Buffer): ReceivedNotification {
    return {
      receivedAt: now().toISOString(),
      receiverPath: requestPath,
      remoteAddress: req.socket.remoteAddress,
      headers,
      rawBody,
      profile: undefined,
      verification: 'rejected',
      rejectReason: undefined,
      rejectDetail: undefined,
      contentVerified: undefined,
      notifyType: 'UNKNOWN',
      dedupKey: undefined,
      ids: {},
      resultStatus: undefined,
      resultCode: undefined,
      status: undefined,
      amountValue: undefined,
      amountCurrency: undefined,
    };
  }

  function classify(req: IncomingMessage, headers: Record<string, string>, rawBody: Buffer): { record: ReceivedNotification; answer: Answer } {
    const requestPath = req.url ?? '/';
    const base = unclassifiedRecord(req, requestPath, headers, rawBody);
    const verdict = verifyNotification({
      requestPath,
      basePath,
      headers,
      rawBody,
      resolveVerifier: options.resolveVerifier,
      alternatePaths: options.alternatePaths ?? [],
      keyProvenFor,
    });
    const reject = (record: ReceivedNotification, reason: RejectReason, detail: string) => ({
      record: { ...record, verification: 'rejected' as const, rejectReason: reason, rejectDetail: detail },
      answer: rejectionAnswer(reason, detail),
    });
    if (!verdict.verified) {
      // Still parse what we can: a rejected record that shows its paymentId is far easier to act on.
      const parsed = parseNotificationBody(rawBody);
      const fields = parsed.ok ? parsed.notification : parsed.partial;
      return reject(
        { ...base, profile: verdict.profile, contentVerified: verdict.contentVerified, ids: fields.ids ?? {}, notifyType: parsed.ok ? parsed.notification.notifyType : 'UNKNOWN', resultStatus: fields.resultStatus, resultCode: fields.resultCode, status: fields.status, amountValue: fields.amountValue, amountCurrency: fields.amountCurrency },
        verdict.reason,
        verdict.detail,
      );
    }
    let keys = provenKeys.get(verdict.clientId);
    if (!keys) provenKeys.set(verdict.clientId, (keys = new Set()));
    keys.add(fingerprint(verdict.key));
    const signed = { ...base, profile: verdict.profile, contentVerified: verdict.contentVerified };
    const parsed = parseNotificationBody(rawBody);
    if (!parsed.ok) {
      return reject({ ...signed, ids: parsed.partial.ids ?? {}, resultStatus: parsed.partial.resultStatus, resultCode: parsed.partial.resultCode }, parsed.reason, parsed.detail);
    }
    const n = parsed.notification;
    return {
      record: { ...signed, verification: 'verified', notifyType: n.notifyType, dedupKey: n.dedupKey, ids: n.ids, resultStatus: n.resultStatus, resultCode: n.resultCode, status: n.status, amountValue: n.amountValue, amountCurrency: n.amountCurrency },
      answer: ACKNOWLEDGEMENT,
    };
  }

  // ---- answering and the acknowledgement bookkeeping ----

  // Answers committed with their notification but never handed to the socket, withdrawn a turn's worth at a time.
  let undelivered: { id: number; attemptId: number | undefined }[] = [];
  let undeliveredScheduled = false;
  function flushUndelivered(): void {
    undeliveredScheduled = false;
    const batch = undelivered;
    undelivered = [];
    if (batch.length === 0) return;
    try {
      sink.markAnswersUndelivered(batch);
    } catch (error) {
      reportError(error);
    }
  }
  function answerUndelivered(ref: StoredNotificationRef): void {
    undelivered.push({ id: ref.id, attemptId: ref.attemptId });
    if (!undeliveredScheduled) {
      undeliveredScheduled = true;
      setImmediate(flushUndelivered);
    }
  }

  const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

  /** false when the response could not be written at all (the connection is already gone). */
  function send(res: ServerResponse, answer: Answer, extraHeaders?: Record<string, string>, onFinish?: () => void): boolean {
    // The socket can be destroyed (the sender reset it while we were storing) before the response knows.
    if (res.writableEnded || res.destroyed || res.socket?.destroyed) return false;
    res.writeHead(answer.httpStatus, { 'content-type': JSON_CONTENT_TYPE, 'content-length': answer.bytes, ...extraHeaders });
    res.end(answer.body, onFinish);
    return true;
  }

  function answerStored(p: Pending, ref: StoredNotificationRef): void {
    const headers: Record<string, string> = { [NOTIFICATION_ID_HEADER]: String(ref.id) };
    if (p.answer.httpStatus === 413) headers.connection = 'close';
    const { res } = p;
    // 'finish' = node:http handed every byte to the socket (it comes before 'close'); a 'close'
    // without it means the connection died first and the sender never got this answer. A write
    // the kernel accepted but the peer then reset is indistinguishable from an answer lost on the
    // network: node:http still reports 'finish', and Antom, having no answer, resends.
    let finished = false;
    if (!send(res, p.answer, headers, () => (finished = true))) answerUndelivered(ref);
    else res.once('close', () => {
      if (!finished) answerUndelivered(ref);
    });
    try {
      options.onStored?.(ref, p.record);
    } catch (error) {
      reportError(error);
    }
  }

  function storeOne(p: Pending, answer: NotificationAnswer): void {
    let ref: StoredNotificationRef;
    try {
      ref = sink.storeNotification(p.record, answer);
    } catch (error) {
      reportError(error);
      send(p.res, STORE_FAILED, p.answer.httpStatus === 413 ? { connection: 'close' } : undefined);
      return;
    }
    answerStored(p, ref);
  }

  const answerRecord = (answer: Answer, at: string): NotificationAnswer => ({ httpStatus: answer.httpStatus, body: answer.body, sentAt: at });

  let queue: Pending[] = [];
  let flushScheduled = false;
  function flushQueue(): void {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const at = now().toISOString();
    const answers = batch.map((p) => answerRecord(p.answer, at));
    let refs: StoredNotificationRef[];
    try {
      refs = sink.storeNotifications(batch.map((p) => p.record), answers);
    } catch (error) {
      reportError(error);
      batch.forEach((p, i) => storeOne(p, answers[i]!));
      return;
    }
    batch.forEach((p, i) => {
      const ref = refs[i];
      if (ref) answerStored(p, ref);
      else send(p.res, STORE_FAILED);
    });
  }

  function enqueue(p: Pending): void {
    if (!groupCommit) {
      storeOne(p, answerRecord(p.answer, now().toISOString()));
      return;
    }
    queue.push(p);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushQueue);
    }
  }

  // ---- HTTP ----

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const requestPath = req.url ?? '/';
    if (!pathServed(requestPath, basePath)) {
      req.resume();
      send(res, NOT_FOUND);
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      send(res, METHOD_NOT_ALLOWED, { allow: 'POST' });
      return;
    }
    const headers = flattenHeaders(req);
    const declared = Number(headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let received = 0;
    let oversized = false;

    const rejectOversized = () => {
      oversized = true;
      const all = Buffer.concat(chunks);
      chunks.length = 0;
      const prefix = Buffer.from(all.subarray(0, OVERSIZED_PREFIX_BYTES));
      const sizes = Number.isFinite(declared) ? `declared ${declared} bytes` : `more than ${maxBodyBytes} bytes (chunked)`;
      const detail = `The body is ${sizes}; the receiver accepts at most ${maxBodyBytes} bytes. Only the first ${prefix.length} bytes are kept.`;
      const record: ReceivedNotification = { ...unclassifiedRecord(req, requestPath, headers, prefix), rejectReason: 'oversized', rejectDetail: detail };
      // Answer now (the sender may still be writing) and keep draining so it can read the 413.
      enqueue({ record, res, answer: rejectionAnswer('oversized', detail) });
    };

    if (Number.isFinite(declared) && declared > maxBodyBytes) rejectOversized();
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (oversized) {
        if (received > maxBodyBytes + OVERSIZED_DRAIN_LIMIT) req.socket.destroy();
        return;
      }
      chunks.push(chunk);
      if (received > maxBodyBytes) rejectOversized();
    });
    req.on('end', () => {
      if (oversized) return;
      let classified;
      try {
        classified = classify(req, headers, Buffer.concat(chunks, received));
      } catch (error) {
        // A bug in classification must still not acknowledge anything.
        reportError(error);
        send(res, STORE_FAILED);
        return;
      }
      enqueue({ record: classified.record, res, answer: classified.answer });
    });
  }

  const server = createServer({ keepAlive: true }, onRequest);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new ConsoleError('PORT_IN_USE', `Port ${options.port ?? 0} on ${host} is already in use.`, 'Stop the other receiver or program on that port, or choose another port (--port).', { host, port: options.port }, { cause: error }));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES') {
        reject(new ConsoleError('BIND_REFUSED', `The receiver cannot listen on ${host}:${options.port ?? 0} (${error.code}).`, 'Use an address this machine has and a port above 1023.', { host, port: options.port }, { cause: error }));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port ?? 0, host);
  });
  server.on('error', reportError);

  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}${basePath}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    host: address.address,
    port: address.port,
    path: basePath,
    close() {
      closing ??= new Promise<void>((resolve) => {
        let force: NodeJS.Timeout | undefined;
        server.close(() => {
          clearTimeout(force);
          flushQueue();
          // A response's 'close' can come after the server's own; one more turn lets every
          // withdrawn answer be queued before the last of them are recorded.
          setImmediate(() => {
            flushUndelivered();
            resolve();
          });
        });
        server.closeIdleConnections();
        // A client holding a request open must not keep the receiver alive forever.
        force = setTimeout(() => server.closeAllConnections(), 2000);
        force.unref();
      });
      return closing;
    },
  };
}
