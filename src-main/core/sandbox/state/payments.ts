/**
 * Payment lifecycle (API-FACTS c.1, c.2, c.4, c.7, f.2): session creation, the buyer's side,
 * expiry, inquiry and cancel.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import { answer, failure, rejection, result, SUCCESS_RESULT, type AntomAnswer, type AntomResult } from '../antom-answer';
import { ParamIllegal, type Fields } from '../body-fields';
import { newAntomId, newSessionId, newSessionKey, SESSION_DATA_THIRD_PART } from '../ids';
import { encodePaymentSessionData } from '../../../../src-shared/antom/payment-session-data-encode';
import { isoSeconds } from '../sandbox-clock';
import { amountScenario, ID_SCENARIOS, NOMINAL, type BuyerOutcome } from '../scenarios';
import { sameAmount, SandboxStore, sumMinor, type PaymentRecord, type SandboxContext } from './store';
import { raiseScenarioDispute } from './disputes';
import { autoCapture } from './captures-refunds';

export function createPaymentSession(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const productCode = f.string('productCode', 32);
  if (productCode !== 'CASHIER_PAYMENT') throw new ParamIllegal('productCode', 'productCode must be CASHIER_PAYMENT for createPaymentSession.');
  const paymentRequestId = f.string('paymentRequestId', 64);
  const order = f.object('order');
  order.optionalString('referenceOrderId', 64);
  order.optionalString('orderDescription', 256);
  order.optionalAmount('orderAmount');
  const amount = f.amount('paymentAmount');
  f.url('paymentRedirectUrl', 2048);
  const notifyUrl = f.optionalUrl('paymentNotifyUrl', 2048);
  // Optional (seeds 000/002/003): only a merchant with several settlement currencies needs it.
  f.optionalObject('settlementStrategy')?.optionalString('settlementCurrency', 3);
  const paymentMethodType = f.object('paymentMethod').string('paymentMethodType', 64);
  const factor = f.optionalObject('paymentFactor');
  const isAuthorization = factor?.optionalBoolean('isAuthorization') ?? false;
  const captureMode = factor?.optionalString('captureMode', 16) === 'MANUAL' ? 'MANUAL' : 'AUTOMATIC';
  f.optionalString('productScene', 32);
  const requestedExpiry = f.optionalTime('paymentSessionExpiryTime');

  const existing = ctx.store.paymentsByRequest.get(SandboxStore.key(clientId, paymentRequestId));
  if (existing) return replayCreate(ctx, existing, amount.amount);

  const scenario = amountScenario('createPaymentSession', amount.amount.value);
  if (scenario?.type === 'reject') return rejection(scenario);

  const now = ctx.clock.now();
  if (requestedExpiry !== undefined && requestedExpiry <= now) {
    throw new ParamIllegal('paymentSessionExpiryTime', 'paymentSessionExpiryTime must be in the future (at most 1 hour after creation).');
  }
  // Unpaid orders close after 14 minutes unless the merchant asks for another time, which
  // Antom allows up to 1 hour after creation (see NOMINAL).
  const latest = now + ctx.expiryScaled(NOMINAL.sessionMaxLifetimeMs);
  const sessionExpiresAt = requestedExpiry !== undefined ? Math.min(now + ctx.expiryScaled(requestedExpiry - now), latest) : now + ctx.expiryScaled(NOMINAL.sessionLifetimeMs);
  const paymentId = newAntomId('payment', now);
  const sessionId = newSessionId();
  const sessionData = encodePaymentSessionData({
    sessionKey: newSessionKey(),
    regionSign: ctx.regionSignFor(clientId),
    thirdPart: SESSION_DATA_THIRD_PART,
    clientId,
    config: {
      productScene: 'CASHIER_PAYMENT',
      paymentMethodCategoryType: paymentMethodType === 'CARD' ? 'CARD' : 'APM',
      productSceneVersion: '1.0',
    },
  });
  const createAnswer = answer(SUCCESS_RESULT, {
    paymentSessionId: sessionId,
    paymentSessionData: sessionData,
    paymentSessionExpiryTime: isoSeconds(sessionExpiresAt),
  });
  const payment: PaymentRecord = {
    clientId, paymentRequestId, paymentId,
    amount: amount.amount, minor: amount.minor,
    paymentMethodType, isAuthorization, captureMode, notifyUrl,
    createdAt: now, sessionId, sessionData, sessionExpiresAt,
    state: 'SESSION', resultCode: 'PAYMENT_IN_PROCESS', resultMessage: 'The payment session is waiting for the buyer.',
    paymentTime: undefined, authExpiresAt: undefined, cancelTime: undefined, cancelledBy: undefined,
    createAnswer, captures: [], refunds: [], cancelTimers: [],
  };
  ctx.store.addPayment(payment);
  payment.cancelTimers.push(ctx.clock.schedule(sessionExpiresAt - now, () => expireIfDue(ctx, payment)));
  return createAnswer;
}

/**
 * A repeated paymentRequestId (f.2): different amount -> REPEAT_REQ_INCONSISTENT; open session ->
 * the same answer; paid or being paid -> PAYMENT_IN_PROCESS (U, "inquire"); closed (failed,
 * cancelled, expired) -> ORDER_IS_CLOSED (F, "use a new paymentRequestId").
 */
function replayCreate(ctx: SandboxContext, payment: PaymentRecord, amount: { currency: string; value: string }): AntomAnswer {
  if (!sameAmount(payment.amount, amount)) {
    return failure('REPEAT_REQ_INCONSISTENT', `paymentRequestId ${payment.paymentRequestId} was already used with a different paymentAmount.`);
  }
  expireIfDue(ctx, payment);
  switch (payment.state) {
    case 'SESSION':
      return payment.createAnswer;
    case 'SUCCESS':
    case 'PROCESSING':
      return answer(result('PAYMENT_IN_PROCESS', 'U', 'This paymentRequestId is already paid or being paid; inquire with inquiryPayment.'));
    default:
      return failure('ORDER_IS_CLOSED', 'This paymentRequestId belongs to a closed transaction; use a new paymentRequestId.');
  }
}

/** An unpaid session past its expiry closes as FAIL / ORDER_IS_CLOSED and is notified. */
export function expireIfDue(ctx: SandboxContext, payment: PaymentRecord): void {
  if (payment.state === 'SESSION' && ctx.clock.now() >= payment.sessionExpiresAt) {
    settle(ctx, payment, 'FAIL', result('ORDER_IS_CLOSED', 'F', 'The payment session expired before the buyer paid.'));
  }
}

export interface BuyerAction {
  outcome?: BuyerOutcome | undefined;
  resultCode?: string | undefined;
  resultMessage?: string | undefined;
}

/** The buyer's side, driven by the control surface. */
export function applyBuyerOutcome(ctx: SandboxContext, payment: PaymentRecord, action: BuyerAction): void {
  expireIfDue(ctx, payment);
  const scenario = amountScenario('pay', payment.amount.value);
  const scenarioBuyer = scenario?.type === 'buyer' ? scenario : undefined;
  const outcome: BuyerOutcome = action.outcome ?? (action.resultCode ? 'fail' : scenarioBuyer?.outcome ?? 'success');

  const allowed = payment.state === 'SESSION' || (payment.state === 'PROCESSING' && (outcome === 'success' || outcome === 'fail'));
  if (!allowed) {
    const why = payment.state === 'FAIL' && payment.resultCode === 'ORDER_IS_CLOSED' ? 'its session expired' : `it is already ${payment.state}`;
    throw new ConsoleError('VALIDATION_FAILED', `The buyer cannot "${outcome}" payment ${payment.paymentId}: ${why}.`, 'Create a new payment session (new paymentRequestId) and drive that one.', { paymentId: payment.paymentId, state: payment.state });
  }

  switch (outcome) {
    case 'success':
      settle(ctx, payment, 'SUCCESS', SUCCESS_RESULT);
      return;
    case 'fail': {
      const code = action.resultCode ?? (scenarioBuyer?.outcome === 'fail' ? scenarioBuyer.resultCode : undefined) ?? 'USER_BALANCE_NOT_ENOUGH';
      const message = action.resultMessage ?? (scenarioBuyer?.resultCode === code ? scenarioBuyer.resultMessage : undefined) ?? defaultFailMessage(code);
      settle(ctx, payment, 'FAIL', result(code, 'F', message));
      return;
    }
    case 'processing': {
      payment.state = 'PROCESSING';
      payment.resultCode = 'PAYMENT_IN_PROCESS';
      payment.resultMessage = 'The buyer submitted the payment; the result is pending.';
      notifyPayment(ctx, payment, 'PAYMENT_PENDING', SUCCESS_RESULT);
      payment.cancelTimers.push(ctx.clock.schedule(ctx.clock.scaled(NOMINAL.processingToFinalMs), () => {
        if (payment.state === 'PROCESSING') settle(ctx, payment, 'SUCCESS', SUCCESS_RESULT);
      }));
      return;
    }
    case 'cancel':
      payment.cancelledBy = 'buyer';
      payment.cancelTime = ctx.clock.now();
      settle(ctx, payment, 'CANCELLED', result('ORDER_IS_CANCELED', 'F', 'The buyer cancelled the payment.'));
      return;
    case 'expire':
      // Abandoned: the session runs out now instead of at its expiry time.
      payment.sessionExpiresAt = Math.min(payment.sessionExpiresAt, ctx.clock.now());
      settle(ctx, payment, 'FAIL', result('ORDER_IS_CLOSED', 'F', 'The payment session expired before the buyer paid.'));
      return;
  }
}

function defaultFailMessage(code: string): string {
  return code === 'USER_BALANCE_NOT_ENOUGH' ? 'The buyer balance is not enough.' : `The payment failed (${code}).`;
}

/** Move to a final state and send notifyPayment (PAYMENT_RESULT). */
function settle(ctx: SandboxContext, payment: PaymentRecord, state: 'SUCCESS' | 'FAIL' | 'CANCELLED', res: AntomResult): void {
  const now = ctx.clock.now();
  payment.state = state;
  payment.resultCode = res.resultCode;
  payment.resultMessage = res.resultMessage;
  if (state === 'SUCCESS') {
    payment.paymentTime = now;
    if (payment.isAuthorization) {
      payment.authExpiresAt = payment.paymentRequestId.startsWith(ID_SCENARIOS.authExpiresImmediately) ? now : now + ctx.expiryScaled(NOMINAL.authLifetimeMs);
    }
  }
  notifyPayment(ctx, payment, 'PAYMENT_RESULT', res);
  // captureMode AUTOMATIC (the default): Antom captures the whole authorisation itself, then
  // sends notifyCapture and lists the CAPTURE in inquiryPayment (seed 003, capture result step).
  if (state === 'SUCCESS' && payment.isAuthorization && payment.captureMode === 'AUTOMATIC' && payment.authExpiresAt !== now) {
    autoCapture(ctx, payment);
  }
  // Dispute amount scenarios (dispute-scenarios.ts): a payment without authorisation is captured
  // when paid, so it is disputable at once (automatic captures raise theirs in autoCapture).
  if (state === 'SUCCESS' && !payment.isAuthorization) raiseScenarioDispute(ctx, payment);
}

function notifyPayment(ctx: SandboxContext, payment: PaymentRecord, notifyType: 'PAYMENT_RESULT' | 'PAYMENT_PENDING', res: AntomResult): void {
  ctx.notifier.enqueue({
    api: 'notifyPayment',
    clientId: payment.clientId,
    url: payment.notifyUrl ?? ctx.defaultNotifyUrl(),
    body: {
      notifyType,
      result: res,
      ...paymentFields(payment),
    },
  });
}

/** The payment as notifyPayment and inquiryPayment both describe it, in the same field order. */
function paymentFields(payment: PaymentRecord) {
  return {
    paymentRequestId: payment.paymentRequestId,
    paymentId: payment.paymentId,
    paymentAmount: payment.amount,
    paymentCreateTime: isoSeconds(payment.createdAt),
    ...(payment.paymentTime !== undefined ? { paymentTime: isoSeconds(payment.paymentTime) } : {}),
    ...(payment.authExpiresAt !== undefined ? { authExpiryTime: isoSeconds(payment.authExpiresAt) } : {}),
    paymentMethodType: payment.paymentMethodType,
  };
}

function lookupIds(f: Fields): { paymentId: string | undefined; paymentRequestId: string | undefined } {
  const paymentId = f.optionalString('paymentId', 64);
  const paymentRequestId = f.optionalString('paymentRequestId', 64);
  if (paymentId === undefined && paymentRequestId === undefined) {
    throw new ParamIllegal('paymentId', 'paymentId or paymentRequestId is required.');
  }
  return { paymentId, paymentRequestId };
}

const NOT_FOUND = () => failure('ORDER_NOT_EXIST', 'No payment exists for this paymentId / paymentRequestId.');

export function inquiryPayment(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  f.optionalString('merchantAccountId', 32);
  const payment = ctx.store.findPayment(clientId, lookupIds(f));
  if (!payment) return NOT_FOUND();
  expireIfDue(ctx, payment);
  return answer(SUCCESS_RESULT, inquiryFields(payment));
}

/**
 * The paymentStatus Antom would report: an open session is PROCESSING; once the buyer has
 * submitted and the final result is awaited (after notifyPayment PAYMENT_PENDING) it is PENDING,
 * "the user has completed the payment, final result awaited" in inquiryPayment's reference.
 */
export function paymentStatus(payment: PaymentRecord): 'SUCCESS' | 'FAIL' | 'PROCESSING' | 'PENDING' | 'CANCELLED' {
  if (payment.state === 'SESSION') return 'PROCESSING';
  return payment.state === 'PROCESSING' ? 'PENDING' : payment.state;
}

function inquiryFields(payment: PaymentRecord): Record<string, unknown> {
  const transactions: Array<Record<string, unknown> & { at: number }> = [];
  for (const c of payment.captures) {
    transactions.push({
      at: c.createdAt,
      transactionType: 'CAPTURE', transactionStatus: c.status, transactionAmount: c.amount,
      transactionRequestId: c.captureRequestId, transactionId: c.captureId,
      transactionTime: isoSeconds(c.finishedAt ?? c.createdAt), transactionResult: c.result,
    });
  }
  for (const r of payment.refunds) {
    transactions.push({
      at: r.createdAt,
      transactionType: 'REFUND', transactionStatus: r.status, transactionAmount: r.amount,
      transactionRequestId: r.refundRequestId, transactionId: r.refundId,
      transactionTime: isoSeconds(r.finishedAt ?? r.createdAt), transactionResult: r.result,
    });
  }
  if (payment.cancelledBy === 'merchant' && payment.cancelTime !== undefined) {
    transactions.push({
      at: payment.cancelTime,
      transactionType: 'CANCEL', transactionStatus: 'SUCCESS', transactionAmount: payment.amount,
      transactionRequestId: payment.paymentRequestId, transactionId: payment.paymentId,
      transactionTime: isoSeconds(payment.cancelTime), transactionResult: SUCCESS_RESULT,
    });
  }
  transactions.sort((a, b) => a.at - b.at);
  return {
    paymentStatus: paymentStatus(payment),
    paymentResultCode: payment.resultCode,
    paymentResultMessage: payment.resultMessage,
    ...paymentFields(payment),
    ...(transactions.length > 0 ? { transactions: transactions.map(({ at: _at, ...t }) => t) } : {}),
  };
}

/**
 * Antom's Cancel page (docs.antom.com/ac/cashierpay/cancel), for a payment that succeeded:
 * - cards: cancellable up to seven days after payment, but never once captured (an automatic
 *   capture, or a card payment made without isAuthorization, is captured at once);
 * - other methods: cancellable until 00:15 (UTC+8) of the day after payment; the buyer is
 *   refunded. A payment that already has refunds is not cancelled (the sandbox's choice).
 */
function paidCancelRefusal(ctx: SandboxContext, payment: PaymentRecord): AntomAnswer | undefined {
  const now = ctx.clock.now();
  const paidAt = payment.paymentTime ?? now;
  if (payment.isAuthorization || payment.paymentMethodType === 'CARD') {
    if (!payment.isAuthorization || sumMinor(payment.captures, ['SUCCESS', 'PROCESSING']) > 0n) {
      return failure('CANCEL_WINDOW_EXCEED', 'The card payment has been captured; a captured payment cannot be cancelled, refund it instead.');
    }
    if (now > paidAt + ctx.expiryScaled(NOMINAL.cardCancelWindowMs)) {
      return failure('CANCEL_WINDOW_EXCEED', `Card payments can be cancelled for 7 days after payment (paid ${isoSeconds(paidAt)}); refund it instead.`);
    }
    return undefined;
  }
  if (now >= apmCancelDeadline(paidAt)) {
    return failure('CANCEL_WINDOW_EXCEED', `This payment could be cancelled until ${isoSeconds(apmCancelDeadline(paidAt))} (00:15 UTC+8 the day after payment); refund it instead.`);
  }
  if (payment.refunds.length > 0) {
    return failure('ORDER_STATUS_INVALID', 'The payment already has refunds; refund the rest instead of cancelling.');
  }
  return undefined;
}

/** 00:15 UTC+8 on the day after the payment's UTC+8 date. */
export function apmCancelDeadline(paidAtMs: number): number {
  const utc8 = 8 * 3600 * 1000;
  const local = new Date(paidAtMs + utc8);
  const nextDayLocalMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  return nextDayLocalMidnight + 15 * 60 * 1000 - utc8;
}

/**
 * cancel (c.4): open sessions, PROCESSING payments, uncaptured card authorisations (7 days) and
 * paid APM payments (until 00:15 UTC+8 the next day) can be cancelled; a captured card payment
 * or one past its window gives CANCEL_WINDOW_EXCEED (refund it instead); a failed one cannot
 * be cancelled. Cancelling twice answers S again. No notification.
 */
export function cancelPayment(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  f.optionalString('merchantAccountId', 32);
  const payment = ctx.store.findPayment(clientId, lookupIds(f));
  if (!payment) return NOT_FOUND();
  expireIfDue(ctx, payment);
  const scenario = amountScenario('cancel', payment.amount.value);
  if (scenario?.type === 'reject') return rejection(scenario);
  const cancelled = () => answer(SUCCESS_RESULT, {
    paymentId: payment.paymentId,
    paymentRequestId: payment.paymentRequestId,
    cancelTime: isoSeconds(payment.cancelTime ?? ctx.clock.now()),
  });
  switch (payment.state) {
    case 'CANCELLED':
      return cancelled();
    case 'SESSION':
    case 'PROCESSING':
      break;
    case 'SUCCESS': {
      const refusal = paidCancelRefusal(ctx, payment);
      if (refusal) return refusal;
      break;
    }
    case 'FAIL':
      return failure('ORDER_STATUS_INVALID', `The payment is FAIL (${payment.resultCode}); there is nothing to cancel.`);
  }
  payment.state = 'CANCELLED';
  payment.cancelledBy = 'merchant';
  payment.cancelTime = ctx.clock.now();
  payment.resultCode = 'ORDER_IS_CANCELED';
  payment.resultMessage = 'The merchant cancelled the payment.';
  return cancelled();
}
