/**
 * The sandbox's in-memory records. Everything is scoped by client-id, as at Antom: one
 * merchant's paymentRequestId or captureRequestId never collides with another's, and a
 * merchant cannot see another merchant's payments.
 */
import type { Amount } from '../../../../src-shared/money';
import type { AntomAnswer, AntomResult } from '../antom-answer';
import type { SandboxClock } from '../sandbox-clock';
import type { Notifier } from '../notifier';
import type { DisputeRecord } from './disputes';

/** SESSION = created, buyer has not acted yet; inquiryPayment reports it as PROCESSING. */
type PaymentState = 'SESSION' | 'PROCESSING' | 'SUCCESS' | 'FAIL' | 'CANCELLED';
type OperationStatus = 'SUCCESS' | 'PROCESSING' | 'FAIL';

export interface CaptureRecord {
  captureRequestId: string;
  captureId: string;
  amount: Amount;
  minor: bigint;
  status: OperationStatus;
  result: AntomResult;
  createdAt: number;
  /** When it reached SUCCESS or FAIL. */
  finishedAt: number | undefined;
}

export interface RefundRecord {
  clientId: string;
  refundRequestId: string;
  refundId: string;
  paymentId: string;
  amount: Amount;
  minor: bigint;
  status: OperationStatus;
  result: AntomResult;
  createdAt: number;
  finishedAt: number | undefined;
  refundNotifyUrl: string | undefined;
}

export interface PaymentRecord {
  clientId: string;
  paymentRequestId: string;
  paymentId: string;
  amount: Amount;
  minor: bigint;
  paymentMethodType: string;
  isAuthorization: boolean;
  /** paymentFactor.captureMode; AUTOMATIC (Antom's default) captures right after authorisation. */
  captureMode: 'AUTOMATIC' | 'MANUAL';
  notifyUrl: string | undefined;
  createdAt: number;
  sessionId: string;
  sessionData: string;
  sessionExpiresAt: number;
  state: PaymentState;
  resultCode: string;
  resultMessage: string;
  paymentTime: number | undefined;
  authExpiresAt: number | undefined;
  cancelTime: number | undefined;
  cancelledBy: 'buyer' | 'merchant' | undefined;
  /** The exact createPaymentSession answer, replayed while the session is open. */
  createAnswer: AntomAnswer;
  captures: CaptureRecord[];
  refunds: RefundRecord[];
  cancelTimers: Array<() => void>;
}

/** A request ID seen before: its key fields, and either a stored F answer or the record it made. */
interface Replay {
  fingerprint: string;
  answer?: AntomAnswer;
  captureId?: string;
  refundId?: string;
}

export class SandboxStore {
  readonly payments = new Map<string, PaymentRecord>();
  readonly paymentsByRequest = new Map<string, PaymentRecord>();
  readonly captureReplays = new Map<string, Replay>();
  readonly refundReplays = new Map<string, Replay>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly refundsByRequest = new Map<string, RefundRecord>();
  /** By disputeId (state/disputes.ts). */
  readonly disputes = new Map<string, DisputeRecord>();

  static key(clientId: string, requestId: string): string {
    return `${clientId}\n${requestId}`;
  }

  addPayment(payment: PaymentRecord): void {
    this.payments.set(payment.paymentId, payment);
    this.paymentsByRequest.set(SandboxStore.key(payment.clientId, payment.paymentRequestId), payment);
  }

  /** paymentId wins over paymentRequestId, as in inquiryPayment and cancel. */
  findPayment(clientId: string, ids: { paymentId?: string | undefined; paymentRequestId?: string | undefined }): PaymentRecord | undefined {
    return findOwn(this.payments, this.paymentsByRequest, clientId, ids.paymentId, ids.paymentRequestId);
  }

  /** Control surface: by paymentId, or by paymentRequestId of any merchant (newest first). */
  findAnyPayment(id: string): PaymentRecord | undefined {
    const byId = this.payments.get(id);
    if (byId) return byId;
    let found: PaymentRecord | undefined;
    for (const p of this.payments.values()) if (p.paymentRequestId === id) found = p;
    return found;
  }

  addRefund(refund: RefundRecord): void {
    this.refunds.set(refund.refundId, refund);
    this.refundsByRequest.set(SandboxStore.key(refund.clientId, refund.refundRequestId), refund);
  }

  findRefund(clientId: string, ids: { refundId?: string | undefined; refundRequestId?: string | undefined }): RefundRecord | undefined {
    return findOwn(this.refunds, this.refundsByRequest, clientId, ids.refundId, ids.refundRequestId);
  }
}

/**
 * Antom's own id wins over the merchant's request id. Either way a merchant finds only its own
 * records: ids are global, so the record's clientId is checked; request ids are keyed by clientId.
 */
function findOwn<R extends { clientId: string }>(
  byId: ReadonlyMap<string, R>,
  byRequest: ReadonlyMap<string, R>,
  clientId: string,
  id: string | undefined,
  requestId: string | undefined,
): R | undefined {
  if (id !== undefined) {
    const found = byId.get(id);
    return found && found.clientId === clientId ? found : undefined;
  }
  if (requestId !== undefined) return byRequest.get(SandboxStore.key(clientId, requestId));
  return undefined;
}

/** What every state operation needs. */
export interface SandboxContext {
  clock: SandboxClock;
  /** Session and authorisation lifetimes: divided by expiryTimeScale (default timeScale). */
  expiryScaled(nominalMs: number): number;
  store: SandboxStore;
  notifier: Notifier;
  /** The notify URL set by setNotifyUrl, else SandboxOptions.defaultNotifyUrl. */
  defaultNotifyUrl(): string | undefined;
  /** Region sign written into a merchant's paymentSessionData (its registration, else SandboxOptions.regionSign, else SG). */
  regionSignFor(clientId: string): string;
}

export function sumMinor(items: ReadonlyArray<{ minor: bigint; status: OperationStatus }>, statuses: readonly OperationStatus[]): bigint {
  let total = 0n;
  for (const item of items) if (statuses.includes(item.status)) total += item.minor;
  return total;
}

export function sameAmount(a: Amount, b: Amount): boolean {
  return a.currency === b.currency && a.value === b.value;
}
