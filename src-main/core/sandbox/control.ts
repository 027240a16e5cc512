/**
 * The in-process control surface: the buyer's side, faults, snapshots, notifications, time.
 * The HTTP routes under /__sandbox/ call exactly these methods.
 */
import { ConsoleError } from '../../../src-shared/errors';
import type { Amount } from '../../../src-shared/money';
import { applyBuyerOutcome, paymentStatus, type BuyerAction } from './state/payments';
import { sumMinor, type PaymentRecord, type SandboxContext } from './state/store';
import { isoSeconds, MAX_OFFSET_MS } from './sandbox-clock';
import { normaliseFaults, type FaultBox, type FaultInput, type FaultSpec } from './faults';
import type { NotificationSnapshot, Notifier } from './notifier';
import type { BuyerOutcome } from './scenarios';
import { deductedMinor, disputesOf, frozenMinor, judgeNow, raiseDispute, snapshotDispute, type DisputeSnapshot, type RaiseDisputeOptions } from './state/disputes';
import type { DisputeJudgedResult } from './dispute-scenarios';

interface OperationSnapshot {
  requestId: string;
  id: string;
  amount: Amount;
  status: 'SUCCESS' | 'PROCESSING' | 'FAIL';
  resultCode: string;
  createdAt: string;
  finishedAt: string | undefined;
}

export interface PaymentSnapshot {
  clientId: string;
  paymentId: string;
  paymentRequestId: string;
  /** What inquiryPayment reports. */
  paymentStatus: 'SUCCESS' | 'FAIL' | 'PROCESSING' | 'PENDING' | 'CANCELLED';
  /** Finer than paymentStatus: SESSION = waiting for the buyer. */
  state: PaymentRecord['state'];
  resultCode: string;
  resultMessage: string;
  amount: Amount;
  paymentMethodType: string;
  isAuthorization: boolean;
  notifyUrl: string | undefined;
  paymentSessionId: string;
  createdAt: string;
  sessionExpiresAt: string;
  paymentTime: string | undefined;
  authExpiresAt: string | undefined;
  cancelTime: string | undefined;
  cancelledBy: 'buyer' | 'merchant' | undefined;
  capturedValue: string;
  refundedValue: string;
  captures: OperationSnapshot[];
  refunds: OperationSnapshot[];
  /** Minor units held back by open chargebacks (released when judged or withdrawn). */
  frozenValue: string;
  /** Minor units taken back by chargebacks judged ACCEPT_BY_MERCHANT. */
  chargebackValue: string;
  disputes: DisputeSnapshot[];
}

interface SandboxInfo {
  baseUrl: string;
  antomPublicKey: string;
  timeScale: number;
  notifyUrl: string | undefined;
  /** Sandbox "now" (ISO, seconds) and how far advanceTime has moved it ahead of the wall clock. */
  now: string;
  clockOffsetMs: number;
}

export interface SandboxControl {
  /** The buyer acts on a session (by paymentId or paymentRequestId). Outcome defaults to the amount scenario, else success. */
  pay(id: string, action?: { outcome?: BuyerOutcome; resultCode?: string; resultMessage?: string }): PaymentSnapshot;
  getPayment(id: string): PaymentSnapshot;
  listPayments(): PaymentSnapshot[];
  /** Replace the active faults. */
  setFaults(faults: FaultInput | FaultInput[]): FaultSpec[];
  addFaults(faults: FaultInput | FaultInput[]): FaultSpec[];
  clearFaults(): void;
  listFaults(): Array<FaultSpec & { remaining: number | null }>;
  listNotifications(): NotificationSnapshot[];
  getNotification(id: string): NotificationSnapshot;
  /** Send one notification now, outside the schedule (works on acknowledged ones too). */
  resendNotification(id: string): Promise<NotificationSnapshot>;
  /** Resolves when no notification attempt is pending or in flight. */
  notificationsSettled(): Promise<void>;
  /** Default notify URL for payments/refunds that carry none; undefined clears it. */
  setNotifyUrl(url: string | undefined): void;
  /** Jump the sandbox clock forward (sandbox ms) and run whatever became due. */
  advanceTime(ms: number): void;
  registerMerchant(clientId: string, merchantPublicKeyBase64: string, regionSign?: string): void;
  info(): SandboxInfo;
  /** Open a dispute on a captured payment (by paymentId or paymentRequestId): notifyDispute DISPUTE_CREATED. */
  raiseDispute(paymentId: string, options?: RaiseDisputeOptions): DisputeSnapshot;
  listDisputes(): DisputeSnapshot[];
  getDispute(disputeId: string): DisputeSnapshot;
  /** Judge an open or defended dispute now (default: its scenario's result): notifyDispute DISPUTE_JUDGED. */
  judgeDispute(disputeId: string, judgedResult?: DisputeJudgedResult): DisputeSnapshot;
}

interface ControlDeps {
  ctx: SandboxContext;
  faults: FaultBox;
  notifier: Notifier;
  setNotifyUrl(url: string | undefined): void;
  registerMerchant(clientId: string, merchantPublicKeyBase64: string, regionSign?: string): void;
  info(): SandboxInfo;
}

function notFound(what: string, id: string, hint: string): ConsoleError {
  return new ConsoleError('NOT_FOUND', `No ${what} "${id}" in this sandbox.`, hint, { id });
}

function snapshotPayment(p: PaymentRecord, ctx: SandboxContext): PaymentSnapshot {
  const disputes = disputesOf(ctx, p.paymentId);
  const op = (requestId: string, id: string, r: { amount: Amount; status: OperationSnapshot['status']; result: { resultCode: string }; createdAt: number; finishedAt: number | undefined }): OperationSnapshot => ({
    requestId, id, amount: r.amount, status: r.status, resultCode: r.result.resultCode,
    createdAt: isoSeconds(r.createdAt), finishedAt: r.finishedAt === undefined ? undefined : isoSeconds(r.finishedAt),
  });
  return {
    clientId: p.clientId,
    paymentId: p.paymentId,
    paymentRequestId: p.paymentRequestId,
    paymentStatus: paymentStatus(p),
    state: p.state,
    resultCode: p.resultCode,
    resultMessage: p.resultMessage,
    amount: p.amount,
    paymentMethodType: p.paymentMethodType,
    isAuthorization: p.isAuthorization,
    notifyUrl: p.notifyUrl,
    paymentSessionId: p.sessionId,
    createdAt: isoSeconds(p.createdAt),
    sessionExpiresAt: isoSeconds(p.sessionExpiresAt),
    paymentTime: p.paymentTime === undefined ? undefined : isoSeconds(p.paymentTime),
    authExpiresAt: p.authExpiresAt === undefined ? undefined : isoSeconds(p.authExpiresAt),
    cancelTime: p.cancelTime === undefined ? undefined : isoSeconds(p.cancelTime),
    cancelledBy: p.cancelledBy,
    capturedValue: sumMinor(p.captures, ['SUCCESS']).toString(),
    refundedValue: sumMinor(p.refunds, ['SUCCESS']).toString(),
    captures: p.captures.map((c) => op(c.captureRequestId, c.captureId, c)),
    refunds: p.refunds.map((r) => op(r.refundRequestId, r.refundId, r)),
    frozenValue: frozenMinor(disputes).toString(),
    chargebackValue: deductedMinor(disputes).toString(),
    disputes: disputes.map(snapshotDispute),
  };
}

const BUYER_OUTCOMES: readonly BuyerOutcome[] = ['success', 'fail', 'processing', 'cancel', 'expire'];

export function createControl(deps: ControlDeps): SandboxControl {
  const { ctx, faults, notifier } = deps;
  const findPayment = (id: string): PaymentRecord => {
    const payment = ctx.store.findAnyPayment(id);
    if (!payment) throw notFound('payment', id, 'Use the paymentId or paymentRequestId of a session created on this sandbox (createPaymentSession).');
    return payment;
  };
  const findDispute = (disputeId: string) => {
    const dispute = ctx.store.disputes.get(disputeId);
    if (!dispute) throw notFound('dispute', disputeId, 'List disputes with GET /__sandbox/disputes, or raise one with POST /__sandbox/payments/<id>/dispute.');
    return dispute;
  };
  const asList = (input: FaultInput | FaultInput[]): FaultSpec[] => {
    try {
      return normaliseFaults(input);
    } catch (error) {
      throw new ConsoleError('VALIDATION_FAILED', `Not a valid fault: ${error instanceof Error ? error.message : String(error)}`, 'See docs/sandbox-scenarios.md for the fault kinds and their fields, e.g. {"kind":"http5xx","status":503,"api":"capture","count":1}.');
    }
  };

  return {
    pay(id, action = {}) {
      const payment = findPayment(id);
      if (action.outcome !== undefined && !BUYER_OUTCOMES.includes(action.outcome)) {
        throw new ConsoleError('VALIDATION_FAILED', `Unknown buyer outcome "${String(action.outcome)}".`, `Use one of: ${BUYER_OUTCOMES.join(', ')}.`);
      }
      const buyerAction: BuyerAction = { outcome: action.outcome, resultCode: action.resultCode, resultMessage: action.resultMessage };
      applyBuyerOutcome(ctx, payment, buyerAction);
      return snapshotPayment(payment, ctx);
    },
    getPayment(id) {
      return snapshotPayment(findPayment(id), ctx);
    },
    listPayments() {
      return [...ctx.store.payments.values()].map((p) => snapshotPayment(p, ctx));
    },
    setFaults(input) {
      faults.set(asList(input));
      return faults.list();
    },
    addFaults(input) {
      faults.add(asList(input));
      return faults.list();
    },
    clearFaults() {
      faults.clear();
    },
    listFaults() {
      return faults.list();
    },
    listNotifications() {
      return notifier.list();
    },
    getNotification(id) {
      const found = notifier.get(id);
      if (!found) throw notFound('notification', id, 'List notifications with GET /__sandbox/notifications and use an id from there.');
      return found;
    },
    async resendNotification(id) {
      const done = await notifier.resend(id, ctx.defaultNotifyUrl());
      if (!done) throw notFound('notification', id, 'List notifications with GET /__sandbox/notifications and use an id from there.');
      return done;
    },
    notificationsSettled() {
      return notifier.settled();
    },
    setNotifyUrl(url) {
      if (url !== undefined) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(url);
        } catch {
          parsed = undefined;
        }
        if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
          throw new ConsoleError('VALIDATION_FAILED', `"${url}" is not an http(s) URL.`, 'Give the full notify URL, e.g. http://127.0.0.1:8788/antom/notify.');
        }
      }
      deps.setNotifyUrl(url);
    },
    advanceTime(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new ConsoleError('VALIDATION_FAILED', 'advanceTime needs a non-negative number of milliseconds.', 'Pass e.g. 3600000 to skip an hour of sandbox time.');
      }
      if (ctx.clock.offset() + ms > MAX_OFFSET_MS) {
        throw new ConsoleError('VALIDATION_FAILED', `advanceTime(${ms}) would move the sandbox clock more than 100 years ahead.`, 'Advance by a realistic amount, e.g. 3600000 for an hour or 604800000 for a week.');
      }
      ctx.clock.advance(ms);
    },
    registerMerchant(clientId, key, regionSign) {
      deps.registerMerchant(clientId, key, regionSign);
    },
    info() {
      return deps.info();
    },
    raiseDispute(id, options = {}) {
      return snapshotDispute(raiseDispute(ctx, findPayment(id), options));
    },
    listDisputes() {
      return [...ctx.store.disputes.values()].map(snapshotDispute);
    },
    getDispute(disputeId) {
      return snapshotDispute(findDispute(disputeId));
    },
    judgeDispute(disputeId, judgedResult) {
      const dispute = findDispute(disputeId);
      judgeNow(ctx, dispute, judgedResult);
      return snapshotDispute(dispute);
    },
  };
}
