/**
 * The local notification receiver (issue 3, section 2): the HTTP server. Plain node:http, no
 * framework, so the exact bytes Antom signed are the bytes we verify and store.
 *
 * Pipeline per request: raw body (size-capped, here) -> classify: verify over our own path and
 * parse (request-classification.ts) -> WRITE DURABLY, then answer (group-commit.ts). Only a
 * verified, parsed, committed notification gets Antom's fixed acknowledgement; everything else
 * gets a non-success answer so Antom resends.
 *
 * Decisions where the issue was silent:
 *  - Paths: the configured path and any path below it (`/antom/notify/sandbox-eu`) are served, so
 *    one receiver can give each profile its own notify URL. The signature is always checked over
 *    the path (+query) actually requested. Other paths get 404 and are not stored (port probes
 *    are not notifications).
 *  - Only POST; anything else gets 405 and is not stored.
 *  - Oversized bodies (> maxBodyBytes) get 413 and are stored as rejected 'oversized' with the
 *    headers, the first OVERSIZED_PREFIX_BYTES bytes and the sizes in rejectDetail.
 *  - What unverified senders can make us store is bounded (rejected-body-budget.ts): a rejected
 *    body is kept as a 4 KiB prefix with its size and hash, and at most 100 rejected records are
 *    stored a minute; the rest get the same answer and are only counted.
 *  - Every verified notification is stored and acknowledged, whatever its type (issue 8 §3):
 *    notifyDispute / notifyDefenseDocument are read (dispute-notification.ts), and a JSON object
 *    the console cannot read is stored as notifyType UNKNOWN with the IDs found and why
 *    (`unrecognised`). Answering it with an error would only make Antom resend it for 24 hours;
 *    the operator reads it in the journal. Only a verified body that is not JSON, or not a JSON
 *    object, is rejected (not a notification at all).
 *  - Duplicates (same dedupKey) are acknowledged: the journal stores them as attempts of the
 *    first one, so acknowledging them again applies nothing twice.
 *  - Storing before answering, group commit and what "acknowledged" means: group-commit.ts.
 *  - Behind a proxy that rewrites the path (signedPath): Antom signed the PUBLIC path, so the
 *    signature is checked over signedPath + whatever follows the receiver's own path, and that
 *    public path is what the record keeps as receiverPath (the path Antom posted to; replay
 *    relies on it being the signed one).
 *  - As a service (intake-service.ts): operational endpoints on the same port (service-endpoints.ts)
 *    are answered before the notify-path match; every answered POST is reported to `observer`.
 *  - Closing: the listening socket closes at once; requests already on a connection are stored
 *    and answered, each answer with `Connection: close` so keep-alive senders let go; whatever is
 *    still open after `graceMs` is cut off (its answer, if it comes later, is withdrawn as
 *    undelivered: nothing cut off is recorded as acknowledged).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { ConsoleError } from '../../../src-shared/errors';
import type { ReceivedNotification, StoredNotificationRef } from '../journal/journal-types';
import type { NotificationSink } from './notification-sink';
import type { ResolveVerifier } from './verify-notification';
import { METHOD_NOT_ALLOWED, NOT_FOUND, STORE_FAILED, rejectionAnswer } from './notification-answers';
import type { IntakeObserver, StoreHealth } from './intake-events';
import { assertNotServicePath, type ServiceEndpoints } from './service-endpoints';
import { createRequestClassifier, type IncomingPost } from './request-classification';
import { createGroupCommit, sendAnswer, type PendingAnswer } from './group-commit';
import { startPaymentsDrainer, type PaymentsDrainer } from './payments-drainer';
import { REJECTED_BODY_PREFIX_BYTES, createRejectedBudget } from './rejected-body-budget';

const DEFAULT_NOTIFY_PATH = '/antom/notify';
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** How much of an oversized body is kept, enough to see what it was (the same as any rejected body). */
const OVERSIZED_PREFIX_BYTES = REJECTED_BODY_PREFIX_BYTES;
/** An oversized sender is drained (so it can read our 413) up to this much, then cut off. */
const OVERSIZED_DRAIN_LIMIT = 4 * 1024 * 1024;
/** How long close() lets open connections finish before cutting them off. */
const DEFAULT_CLOSE_GRACE_MS = 2000;

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
  /** The public path Antom signs when a proxy rewrites it to `path` (--signed-path). */
  signedPath?: string;
  /** Told of every answered notification POST (the intake service's log and metrics). */
  observer?: IntakeObserver;
  /** The journal's health (the intake service): store failures ask it whether the database is down. */
  storeHealth?: StoreHealth;
  /** /healthz, /readyz, /metrics on the same port (the intake service). */
  serviceEndpoints?: ServiceEndpoints;
  /** A store not committed within this long is answered as failed (group-commit.ts); default: no limit. */
  storeTimeoutMs?: number;
  /**
   * Who derives the Payments list rows stored notifications queue: by default the receiver's own
   * drainer on this event loop (when the sink can refresh queued payments). Given, e.g. a drain
   * on another thread (payments-drain-thread.ts), the receiver wakes it after each commit and
   * closes it when the receiver closes.
   */
  paymentsDrainer?: PaymentsDrainer;
}

export interface NotificationReceiver {
  url: string;
  host: string;
  port: number;
  path: string;
  /** The public path signatures are checked over, when a proxy rewrites it (signedPath). */
  signedPath: string | undefined;
  /** Rejected POSTs answered but not stored because the budget for rejected records was spent. */
  rejectedNotStored(): number;
  /** Stop accepting, store and answer what is in flight; connections still open after graceMs (default 2 s) are cut off. */
  close(options?: { graceMs?: number }): Promise<void>;
}

function isLoopbackHost(host: string): boolean {
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

export async function startNotificationReceiver(options: NotificationReceiverOptions): Promise<NotificationReceiver> {
  const host = options.host ?? '127.0.0.1';
  const basePath = normalisePath(options.path ?? DEFAULT_NOTIFY_PATH);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? (() => new Date());
  const groupCommit = options.groupCommit ?? true;
  const signedPath = options.signedPath === undefined ? undefined : normalisePath(options.signedPath);
  const { sink } = options;
  if (options.serviceEndpoints) assertNotServicePath(basePath);
  // Once closing, every answer asks the sender to close its connection, so keep-alive ends.
  let closingDown = false;
  const closingHeaders = (): Record<string, string> | undefined => (closingDown ? { connection: 'close' } : undefined);
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

  const classifier = createRequestClassifier({ basePath, signedPath, resolveVerifier: options.resolveVerifier, alternatePaths: options.alternatePaths ?? [], now });
  // A journal queues the payments stored notifications name; their list rows are derived in the
  // background once the answers are out: here (payments-drainer.ts) unless the caller gave a drainer.
  const drainer = options.paymentsDrainer ?? (sink.refreshQueuedPayments ? startPaymentsDrainer({
    // Looked up per drain: a console's journal can be switched while it runs (journal-switch.ts).
    journal: { refreshQueuedPayments: (limit) => sink.refreshQueuedPayments?.(limit) ?? Promise.resolve(0) }, onError: reportError,
  }) : undefined);
  const commits = createGroupCommit({
    sink, groupCommit, now, onStored: options.onStored, reportError, afterCommit: drainer ? () => drainer.wake() : undefined,
    observer: options.observer, storeHealth: options.storeHealth, answerHeaders: closingHeaders, storeTimeoutMs: options.storeTimeoutMs,
  });
  const rejectedBudget = createRejectedBudget(now);

  /** Verified records are stored as they are; rejected ones within the budget, bounded; the rest only answered. */
  function storeAndAnswer(p: PendingAnswer): void {
    if (p.record.verification === 'verified') {
      commits.enqueue(p);
      return;
    }
    const record = rejectedBudget.admit(p.record);
    if (record) {
      commits.enqueue({ ...p, record });
      return;
    }
    sendAnswer(p.res, p.answer, p.answer.httpStatus === 413 || closingDown ? { connection: 'close' } : undefined);
    try {
      options.observer?.({ record: p.record, ref: undefined, outcome: 'not-stored', httpStatus: p.answer.httpStatus, acknowledged: false, latencyMs: performance.now() - p.startedAt, storeMs: undefined });
    } catch (error) {
      reportError(error);
    }
  }

  function onRequest(req: IncomingMessage, res: ServerResponse): void {
    const startedAt = performance.now();
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    if (closingDown) res.setHeader('connection', 'close');
    if (options.serviceEndpoints?.handle(req, res)) return;
    const requestPath = req.url ?? '/';
    if (!pathServed(requestPath, basePath)) {
      req.resume();
      sendAnswer(res, NOT_FOUND);
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      sendAnswer(res, METHOD_NOT_ALLOWED, { allow: 'POST' });
      return;
    }
    const headers = flattenHeaders(req);
    const post = (rawBody: Buffer): IncomingPost => ({ requestPath, remoteAddress: req.socket.remoteAddress, headers, rawBody });
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
      const record: ReceivedNotification = { ...classifier.unclassifiedRecord(post(prefix)), rejectReason: 'oversized', rejectDetail: detail };
      // Answer now (the sender may still be writing) and keep draining so it can read the 413.
      storeAndAnswer({ record, res, answer: rejectionAnswer('oversized', detail), startedAt });
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
        classified = classifier.classify(post(Buffer.concat(chunks, received)));
      } catch (error) {
        // A bug in classification must still not acknowledge anything.
        reportError(error);
        sendAnswer(res, STORE_FAILED);
        return;
      }
      storeAndAnswer({ record: classified.record, res, answer: classified.answer, startedAt });
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
    signedPath,
    rejectedNotStored: () => rejectedBudget.notStored(),
    close(closeOptions) {
      closingDown = true;
      closing ??= new Promise<void>((resolve) => {
        let force: NodeJS.Timeout | undefined;
        server.close(() => {
          clearTimeout(force);
          void commits.flush().then(() => {
            // A response's 'close' can come after the server's own; one more turn lets every
            // withdrawn answer be queued before the last of them are recorded.
            setImmediate(() => {
              // The drain's chunk in flight commits before the caller closes the journal.
              void commits.flushUndelivered().then(() => drainer?.close()).then(resolve);
            });
          });
        });
        server.closeIdleConnections();
        // A client holding a request open must not keep the receiver alive forever.
        force = setTimeout(() => server.closeAllConnections(), closeOptions?.graceMs ?? DEFAULT_CLOSE_GRACE_MS);
        force.unref();
      });
      return closing;
    },
  };
}
