/**
 * notifyPayment / notifyCapture / notifyRefund delivery, on Antom's resend schedule
 * (API-FACTS f.1): attempts at 0 s, 2 min, 10 min, 10 min, 1 h, 2 h, 6 h, 15 h after the
 * previous one, each divided by timeScale, until the receiver acknowledges with HTTP 200 and
 * result SUCCESS/S. Every attempt is recorded so the console (and tests) can see exactly what
 * the receiver answered.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isoSeconds, type Cancel, type SandboxClock } from './sandbox-clock';
import { newNotificationId } from './ids';
import { isAcknowledgement } from '../../../src-shared/acknowledgement';

export const RESEND_DELAYS_MS: readonly number[] = [0, 2 * 60e3, 10 * 60e3, 10 * 60e3, 60 * 60e3, 2 * 3600e3, 6 * 3600e3, 15 * 3600e3];

/** A receiver that hangs must not stall the schedule forever. Real time, not scaled. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_CHARS = 4096;

type NotifyApi = 'notifyPayment' | 'notifyCapture' | 'notifyRefund' | 'notifyDispute';

interface NotificationAttempt {
  attempt: number;
  trigger: 'schedule' | 'resend';
  at: string;
  httpStatus?: number;
  responseBody?: string;
  error?: string;
  acknowledged: boolean;
}

type NotificationState = 'pending' | 'acknowledged' | 'gave-up' | 'no-url';

export interface NotificationSnapshot {
  id: string;
  api: NotifyApi;
  notifyType: string;
  clientId: string;
  url: string | undefined;
  body: string;
  createdAt: string;
  state: NotificationState;
  acknowledged: boolean;
  attempts: NotificationAttempt[];
  nextAttemptAt: string | undefined;
  paymentId: string;
  captureId?: string;
  refundId?: string;
}

interface NotificationInput {
  api: NotifyApi;
  clientId: string;
  url: string | undefined;
  /** The payment it belongs to; given apart from the body, which for notifyRefund carries none. */
  paymentId?: string;
  /** notifyDispute has no notifyType field (Antom's reference); its disputeNotificationType goes here as the label. */
  body: Record<string, unknown> & { notifyType?: string; paymentId?: string };
  label?: string;
  captureId?: string;
  refundId?: string;
}

type NotificationSigner = (path: string, clientId: string, requestTime: string, body: string) => string;

interface Record_ extends NotificationSnapshot {
  scheduledCount: number;
  cancelNext: Cancel | undefined;
  sending: number;
}

export class Notifier {
  private readonly records = new Map<string, Record_>();
  private readonly inFlight = new Set<ClientRequest>();
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(
    private readonly clock: SandboxClock,
    private readonly sign: NotificationSigner,
    private readonly log: (line: string) => void,
  ) {}

  enqueue(input: NotificationInput): NotificationSnapshot {
    const record: Record_ = {
      id: newNotificationId(),
      api: input.api,
      notifyType: input.body.notifyType ?? input.label ?? input.api,
      clientId: input.clientId,
      url: input.url,
      body: JSON.stringify(input.body),
      createdAt: isoSeconds(this.clock.now()),
      state: input.url ? 'pending' : 'no-url',
      acknowledged: false,
      attempts: [],
      nextAttemptAt: undefined,
      paymentId: input.paymentId ?? input.body.paymentId ?? '',
      ...(input.captureId ? { captureId: input.captureId } : {}),
      ...(input.refundId ? { refundId: input.refundId } : {}),
      scheduledCount: 0,
      cancelNext: undefined,
      sending: 0,
    };
    this.records.set(record.id, record);
    if (record.url) this.scheduleNext(record);
    else this.log(`${record.api} ${record.id} not sent: no notify URL (set one with setNotifyUrl or paymentNotifyUrl)`);
    return snapshot(record);
  }

  list(): NotificationSnapshot[] {
    return [...this.records.values()].map(snapshot);
  }

  get(id: string): NotificationSnapshot | undefined {
    const record = this.records.get(id);
    return record ? snapshot(record) : undefined;
  }

  /**
   * Send one now, outside the schedule (the console's replay). Works on acknowledged
   * notifications too; a notification that never had a URL takes `fallbackUrl`.
   */
  async resend(id: string, fallbackUrl: string | undefined): Promise<NotificationSnapshot | undefined> {
    const record = this.records.get(id);
    if (!record) return undefined;
    if (!record.url) {
      if (!fallbackUrl) return snapshot(record);
      record.url = fallbackUrl;
    }
    await this.attempt(record, 'resend');
    return snapshot(record);
  }

  /** Resolves when no notification has an attempt pending or in flight. */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const record of this.records.values()) {
      record.cancelNext?.();
      record.cancelNext = undefined;
      record.nextAttemptAt = undefined;
    }
    for (const req of this.inFlight) req.destroy();
    this.inFlight.clear();
    this.wake();
  }

  private isSettled(): boolean {
    // 'pending' lasts from enqueue until acknowledged or given up, across the gaps between attempts.
    for (const r of this.records.values()) if (r.sending > 0 || r.state === 'pending') return false;
    return true;
  }

  private wake(): void {
    if (!this.closed && !this.isSettled()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private scheduleNext(record: Record_): void {
    if (this.closed || record.acknowledged) return;
    const index = record.scheduledCount;
    const nominal = RESEND_DELAYS_MS[index];
    if (nominal === undefined) {
      record.state = 'gave-up';
      record.nextAttemptAt = undefined;
      this.log(`${record.api} ${record.id} gave up after ${index} scheduled attempts`);
      return;
    }
    const delay = this.clock.scaled(nominal);
    record.nextAttemptAt = isoSeconds(this.clock.now() + delay);
    record.cancelNext = this.clock.schedule(delay, () => {
      record.cancelNext = undefined;
      record.nextAttemptAt = undefined;
      record.scheduledCount += 1;
      void this.attempt(record, 'schedule').then(() => {
        if (!record.acknowledged) this.scheduleNext(record);
        this.wake();
      });
    });
  }

  private attempt(record: Record_, trigger: 'schedule' | 'resend'): Promise<void> {
    const url = record.url;
    if (this.closed || !url) return Promise.resolve();
    const target = new URL(url);
    // Signed over the receiver's own path, query included (API-FACTS a.6).
    const path = `${target.pathname}${target.search}`;
    const requestTime = isoSeconds(this.clock.now());
    const signature = this.sign(path, record.clientId, requestTime, record.body);
    const entry: NotificationAttempt = { attempt: record.attempts.length + 1, trigger, at: requestTime, acknowledged: false };
    record.attempts.push(entry);
    record.sending += 1;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = Buffer.from(record.body, 'utf8');

    return new Promise<void>((resolve) => {
      let done = false;
      const finish = (update: Partial<NotificationAttempt>) => {
        if (done) return;
        done = true;
        Object.assign(entry, update);
        if (entry.acknowledged) {
          record.acknowledged = true;
          record.state = 'acknowledged';
          record.cancelNext?.();
          record.cancelNext = undefined;
          record.nextAttemptAt = undefined;
        }
        record.sending -= 1;
        this.inFlight.delete(req);
        this.log(`${record.api} ${record.id} attempt ${entry.attempt} -> ${entry.httpStatus ?? entry.error}${entry.acknowledged ? ' (acknowledged)' : ''}`);
        resolve();
        this.wake();
      };
      const req = send(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'content-length': String(body.length),
          'client-id': record.clientId,
          'request-time': requestTime,
          signature,
        },
        timeout: ATTEMPT_TIMEOUT_MS,
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          finish({ httpStatus: res.statusCode, responseBody: text.slice(0, MAX_ANSWER_CHARS), acknowledged: isAcknowledgement(res.statusCode, text) });
        });
        res.on('error', (error) => finish({ httpStatus: res.statusCode, error: error.message }));
      });
      this.inFlight.add(req);
      req.on('timeout', () => req.destroy(new Error(`no answer within ${ATTEMPT_TIMEOUT_MS} ms`)));
      req.on('error', (error) => finish({ error: this.closed ? 'sandbox closed' : error.message }));
      req.end(body);
    });
  }
}

function snapshot(r: Record_): NotificationSnapshot {
  const { scheduledCount: _s, cancelNext: _c, sending: _n, ...rest } = r;
  return { ...rest, attempts: r.attempts.map((a) => ({ ...a })) };
}
