/**
 * Payment lifecycle (API-FACTS c.1, c.2, c.4, c.7, f.2): session creation, the buyer's side,
 * expiry, inquiry and cancel.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import { answer, failure, result, SUCCESS_RESULT, type AntomAnswer, type AntomResult } from '../antom-answer';
import { ParamIllegal, type Fields } from '../body-fields';
import { newAntomId, newSessionId } from '../ids';
import { isoSeconds } from '../sandbox-clock';
import { amountScenario, ID_SCENARIOS, NOMINAL, type BuyerOutcome } from '../scenarios';
import { sameAmount, SandboxStore, sumMinor, type PaymentRecord, type SandboxContext } from './store';
import { raiseScenarioDispute } from './disputes';

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
  const settlementCurrency = f.object('settlementStrategy').string('settlementCurrency', 3);
  if (!/^[A-Z]{3}$/.test(settlementCurrency)) throw new ParamIllegal('settlementStrategy.settlementCurrency', 'settlementStrategy.settlementCurrency must be a 3-letter ISO 4217 code.');
  const paymentMethodType = f.object('paymentMethod').string('paymentMethodType', 64);
  const isAuthorization = f.optionalObject('paymentFactor')?.optionalBoolean('isAuthorization') ?? false;
  const requestedExpiry = f.optionalTime('paymentSessionExpiryTime');

  const existing = ctx.store.paymentsByRequest.get(SandboxStore.key(clientId, paymentRequestId));
  if (existing) return replayCreate(ctx, existing, amount.amount);

  const scenario = amountScenario('createPaymentSession', amount.amount.value);
  if (scenario?.type === 'reject') return failure(scenario.resultCode, scenario.resultMessage);

  const now = ctx.clock.now();
  const defaultExpiry = now + ctx.expiryScaled(NOMINAL.sessionLifetimeMs);
  if (requestedExpiry !== undefined && requestedExpiry <= now) {
    throw new ParamIllegal('paymentSessionExpiryTime', 'paymentSessionExpiryTime must be in the future (at most 1 hour after creation).');
  }
  const sessionExpiresAt = Math.min(requestedExpiry ?? defaultExpiry, defaultExpiry);
  const paymentId = newAntomId('payment', now);
  const sessionId = newSessionId();
  // Shaped like Antom's "<base64>&&SG&&111": opaque to the merchant, handed to the client SDK.
  const sessionData = `${Buffer.from(JSON.stringify({ sessionId, paymentId, sandbox: true })).toString('base64')}&&SG&&111`;
  const createAnswer = answer(SUCCESS_RESULT, {
    paymentSessionId: sessionId,
    paymentSessionData: sessionData,
    paymentSessionExpiryTime: isoSeconds(sessionExpiresAt),
  });
  const payment: PaymentRecord = {
    clientId, paymentRequestId, paymentId,
    amount: amount.amount, minor: amount.minor,
    paymentMethodType, isAuthorization, notifyUrl,
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
  // Dispute amount scenarios (dispute-scenarios.ts): an auto-captured payment is disputable once paid.
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

/** The paymentStatus Antom would report. */
export function paymentStatus(payment: PaymentRecord): 'SUCCESS' | 'FAIL' | 'PROCESSING' | 'CANCELLED' {
  return payment.state === 'SESSION' ? 'PROCESSING' : payment.state;
}

export function inquiryFields(payment: PaymentRecord): Record<string, unknown> {
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
 * cancel (c.4): open sessions, PROCESSING payments and uncaptured authorisations can be
 * cancelled; a captured or plain successful payment is past the cancel window (refund it
 * instead); a failed one cannot be cancelled. Cancelling twice answers S again. No notification.
 */
export function cancelPayment(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  f.optionalString('merchantAccountId', 32);
  const payment = ctx.store.findPayment(clientId, lookupIds(f));
  if (!payment) return NOT_FOUND();
  expireIfDue(ctx, payment);
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
      const captured = sumMinor(payment.captures, ['SUCCESS', 'PROCESSING']);
      if (!payment.isAuthorization || captured > 0n) {
        return failure('CANCEL_WINDOW_EXCEED', payment.isAuthorization
          ? 'The authorisation has already been captured; refund it instead.'
          : 'The payment already succeeded; refund it instead.');
      }
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
