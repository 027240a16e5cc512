/**
 * capture, refund and inquiryRefund (API-FACTS c.3, c.5, c.6, c.8, c.9, f.2).
 *
 * Replays: a captureRequestId / refundRequestId seen before with the same key fields answers as
 * the first request did (for an accepted operation, from its current state, so a retry after
 * CAPTURE_IN_PROCESS sees the settled result); with different key fields it is
 * REPEAT_REQ_INCONSISTENT.
 */
import { answer, failure, rejection, result, SUCCESS_RESULT, type AntomAnswer, type AntomResult } from '../antom-answer';
import type { Fields, ParsedAmount } from '../body-fields';
import { newAntomId } from '../ids';
import { isoSeconds } from '../sandbox-clock';
import { amountScenario, NOMINAL, type ScenarioEffect } from '../scenarios';
import { expireIfDue } from './payments';
import { raiseScenarioDispute } from './disputes';
import { SandboxStore, sumMinor, type CaptureRecord, type PaymentRecord, type RefundRecord, type SandboxContext } from './store';

const ORDER_NOT_EXIST = () => failure('ORDER_NOT_EXIST', 'No payment exists for this paymentId.');

function fingerprint(paymentId: string, amount: ParsedAmount): string {
  return `${paymentId}|${amount.amount.currency}|${amount.amount.value}`;
}

type InProcess = Extract<ScenarioEffect, { type: 'inProcess' }>;
type OperationOutcome = Pick<CaptureRecord & RefundRecord, 'status' | 'result' | 'createdAt' | 'finishedAt'>;

/** A new capture or refund is settled at once, or answers U (…_IN_PROCESS) until its scenario settles it. */
function openingOutcome(inProcess: InProcess | undefined, now: number): OperationOutcome {
  return {
    status: inProcess ? 'PROCESSING' : 'SUCCESS',
    result: inProcess ? result(inProcess.resultCode, 'U', inProcess.resultMessage) : SUCCESS_RESULT,
    createdAt: now,
    finishedAt: inProcess ? undefined : now,
  };
}

/**
 * Notify a settled operation now; an in-process one settles to its scenario's final status after
 * `nominalMs` (clock-scaled) and is notified then. The timer joins the payment's, so it is
 * cancelled with them.
 */
function settleThenNotify<R extends OperationOutcome>(
  ctx: SandboxContext,
  payment: PaymentRecord,
  record: R,
  inProcess: InProcess | undefined,
  nominalMs: number,
  notify: (ctx: SandboxContext, payment: PaymentRecord, record: R) => void,
): void {
  if (!inProcess) {
    notify(ctx, payment, record);
    return;
  }
  payment.cancelTimers.push(ctx.clock.schedule(ctx.clock.scaled(nominalMs), () => {
    record.status = inProcess.finalStatus;
    record.result = inProcess.finalStatus === 'SUCCESS' ? SUCCESS_RESULT : result(inProcess.finalResultCode, 'F', inProcess.finalResultMessage);
    record.finishedAt = ctx.clock.now();
    notify(ctx, payment, record);
  }));
}

// ---------------------------------------------------------------- capture

export function capture(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const captureRequestId = f.string('captureRequestId', 64);
  const paymentId = f.string('paymentId', 64);
  const amount = f.amount('captureAmount');
  f.optionalBoolean('isLastCapture');

  const key = SandboxStore.key(clientId, captureRequestId);
  const print = fingerprint(paymentId, amount);
  const seen = ctx.store.captureReplays.get(key);
  if (seen) {
    if (seen.fingerprint !== print) {
      return failure('REPEAT_REQ_INCONSISTENT', `captureRequestId ${captureRequestId} was already used with a different paymentId or captureAmount.`);
    }
    if (seen.answer) return seen.answer;
    const payment = ctx.store.payments.get(paymentId);
    const record = payment?.captures.find((c) => c.captureId === seen.captureId);
    if (payment && record) return captureAnswer(payment, record);
  }

  const payment = ctx.store.findPayment(clientId, { paymentId });
  if (!payment) return ORDER_NOT_EXIST();
  expireIfDue(ctx, payment);

  const refusal = captureRefusal(ctx, payment, amount);
  if (refusal) {
    ctx.store.captureReplays.set(key, { fingerprint: print, answer: refusal });
    return refusal;
  }

  const now = ctx.clock.now();
  const scenario = amountScenario('capture', amount.amount.value);
  if (scenario?.type === 'reject') {
    const rejected = rejection(scenario);
    // A U answer settles nothing, so a retry with the same captureRequestId is evaluated afresh.
    if (scenario.resultStatus !== 'U') ctx.store.captureReplays.set(key, { fingerprint: print, answer: rejected });
    return rejected;
  }
  const inProcess = scenario?.type === 'inProcess' ? scenario : undefined;
  const record: CaptureRecord = {
    captureRequestId,
    captureId: newAntomId('capture', now),
    amount: amount.amount,
    minor: amount.minor,
    ...openingOutcome(inProcess, now),
  };
  payment.captures.push(record);
  ctx.store.captureReplays.set(key, { fingerprint: print, captureId: record.captureId });
  settleThenNotify(ctx, payment, record, inProcess, NOMINAL.captureInProcessMs, notifyCapture);
  return captureAnswer(payment, record);
}

/**
 * captureMode AUTOMATIC: Antom captures the full authorised amount right after authorisation.
 * No merchant captureRequestId exists, so the capture carries the paymentRequestId (the
 * sandbox's choice; Antom does not document what it puts there).
 */
export function autoCapture(ctx: SandboxContext, payment: PaymentRecord): void {
  const now = ctx.clock.now();
  const record: CaptureRecord = {
    captureRequestId: payment.paymentRequestId,
    captureId: newAntomId('capture', now),
    amount: payment.amount,
    minor: payment.minor,
    ...openingOutcome(undefined, now),
  };
  payment.captures.push(record);
  notifyCapture(ctx, payment, record);
  if (record.status === 'SUCCESS') raiseScenarioDispute(ctx, payment);
}

function captureRefusal(ctx: SandboxContext, payment: PaymentRecord, amount: ParsedAmount): AntomAnswer | undefined {
  if (payment.state === 'CANCELLED') {
    return payment.isAuthorization
      ? failure('AUTH_CANCELLED', 'The authorisation was cancelled; create a new payment.')
      : failure('ORDER_IS_CANCELED', 'The payment was cancelled; create a new payment.');
  }
  if (!payment.isAuthorization) {
    return failure('ORDER_STATUS_INVALID', 'This payment was not an authorisation (paymentFactor.isAuthorization); it was captured when the buyer paid.');
  }
  if (payment.state !== 'SUCCESS') {
    return failure('ORDER_STATUS_INVALID', `The payment is ${payment.state === 'SESSION' ? 'not paid yet' : payment.state}; only an authorised payment can be captured.`);
  }
  // Currency first: comparing totals across currencies would be meaningless.
  if (amount.amount.currency !== payment.amount.currency) {
    return failure('CURRENCY_NOT_SUPPORT', `captureAmount.currency ${amount.amount.currency} differs from the payment currency ${payment.amount.currency}.`);
  }
  if (payment.authExpiresAt !== undefined && ctx.clock.now() >= payment.authExpiresAt) {
    return failure('AUTH_EXPIRED', `The authorisation expired at ${isoSeconds(payment.authExpiresAt)}; create a new payment.`);
  }
  const captured = sumMinor(payment.captures, ['SUCCESS', 'PROCESSING']);
  if (captured + amount.minor > payment.minor) {
    return failure('CAPTURE_AMOUNT_EXCEED_AUTH_LIMIT', `Captures would total ${captured + amount.minor} but only ${payment.minor} (${payment.amount.currency} minor units) was authorised; ${payment.minor - captured} remains.`);
  }
  return undefined;
}

function captureAnswer(payment: PaymentRecord, record: CaptureRecord): AntomAnswer {
  const fields = {
    captureRequestId: record.captureRequestId,
    captureId: record.captureId,
    paymentId: payment.paymentId,
    captureAmount: record.amount,
    ...(record.status === 'SUCCESS' ? { captureTime: isoSeconds(record.finishedAt ?? record.createdAt) } : {}),
  };
  return answer(record.result, fields);
}

function notifyCapture(ctx: SandboxContext, payment: PaymentRecord, record: CaptureRecord): void {
  ctx.notifier.enqueue({
    api: 'notifyCapture',
    clientId: payment.clientId,
    url: payment.notifyUrl ?? ctx.defaultNotifyUrl(),
    captureId: record.captureId,
    body: {
      notifyType: 'CAPTURE_RESULT',
      result: record.result,
      captureRequestId: record.captureRequestId,
      paymentId: payment.paymentId,
      captureId: record.captureId,
      captureAmount: record.amount,
      // Seed 003 shows captureTime on both the successful and the failed capture notification.
      ...(record.finishedAt !== undefined ? { captureTime: isoSeconds(record.finishedAt) } : {}),
    },
  });
  if (record.status === 'SUCCESS') raiseScenarioDispute(ctx, payment);
}

// ---------------------------------------------------------------- refund

export function refund(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const refundRequestId = f.string('refundRequestId', 64);
  const paymentId = f.string('paymentId', 64);
  f.optionalString('referenceRefundId', 64);
  const amount = f.amount('refundAmount');
  f.optionalString('refundReason', 256);
  const refundNotifyUrl = f.optionalUrl('refundNotifyUrl', 1024);

  const key = SandboxStore.key(clientId, refundRequestId);
  const print = fingerprint(paymentId, amount);
  const seen = ctx.store.refundReplays.get(key);
  if (seen) {
    if (seen.fingerprint !== print) {
      return failure('REPEAT_REQ_INCONSISTENT', `refundRequestId ${refundRequestId} was already used with a different paymentId, refundAmount or currency.`);
    }
    if (seen.answer) return seen.answer;
    const record = seen.refundId ? ctx.store.refunds.get(seen.refundId) : undefined;
    if (record) return refundAnswer(record);
  }

  const payment = ctx.store.findPayment(clientId, { paymentId });
  if (!payment) return ORDER_NOT_EXIST();
  expireIfDue(ctx, payment);

  const refusal = refundRefusal(payment, amount) ?? scenarioRejection(amount);
  if (refusal) {
    const status = (refusal.body.result as { resultStatus?: string } | undefined)?.resultStatus;
    if (status !== 'U') ctx.store.refundReplays.set(key, { fingerprint: print, answer: refusal });
    return refusal;
  }

  const now = ctx.clock.now();
  const scenario = amountScenario('refund', amount.amount.value);
  const inProcess = scenario?.type === 'inProcess' ? scenario : undefined;
  const record: RefundRecord = {
    clientId,
    refundRequestId,
    refundId: newAntomId('refund', now),
    paymentId: payment.paymentId,
    amount: amount.amount,
    minor: amount.minor,
    ...openingOutcome(inProcess, now),
    refundNotifyUrl,
  };
  payment.refunds.push(record);
  ctx.store.addRefund(record);
  ctx.store.refundReplays.set(key, { fingerprint: print, refundId: record.refundId });
  settleThenNotify(ctx, payment, record, inProcess, NOMINAL.refundInProcessMs, notifyRefund);
  return refundAnswer(record);
}

function scenarioRejection(amount: ParsedAmount): AntomAnswer | undefined {
  const scenario = amountScenario('refund', amount.amount.value);
  return scenario?.type === 'reject' ? rejection(scenario) : undefined;
}

function refundRefusal(payment: PaymentRecord, amount: ParsedAmount): AntomAnswer | undefined {
  if (payment.state === 'CANCELLED') return failure('ORDER_IS_CANCELED', 'The payment was cancelled; there is nothing to refund.');
  if (payment.state !== 'SUCCESS') {
    return failure('ORDER_STATUS_INVALID', `The payment is ${payment.state === 'SESSION' ? 'not paid yet' : payment.state}; only a successful payment can be refunded.`);
  }
  if (amount.amount.currency !== payment.amount.currency) {
    return failure('CURRENCY_NOT_SUPPORT', `refundAmount.currency ${amount.amount.currency} differs from the payment currency ${payment.amount.currency}.`);
  }
  // For an authorisation only captured money can go back.
  const refundable = payment.isAuthorization ? sumMinor(payment.captures, ['SUCCESS']) : payment.minor;
  if (payment.isAuthorization && refundable === 0n) {
    return failure('ORDER_STATUS_INVALID', 'Nothing has been captured on this authorisation yet; cancel it instead of refunding.');
  }
  const refunded = sumMinor(payment.refunds, ['SUCCESS', 'PROCESSING']);
  if (refunded + amount.minor > refundable) {
    return failure('REFUND_AMOUNT_EXCEED', `Refunds would total ${refunded + amount.minor} but only ${refundable} (${payment.amount.currency} minor units) was ${payment.isAuthorization ? 'captured' : 'paid'}; ${refundable - refunded} remains refundable.`);
  }
  return undefined;
}

function refundAnswer(record: RefundRecord): AntomAnswer {
  return answer(record.result, {
    refundRequestId: record.refundRequestId,
    refundId: record.refundId,
    paymentId: record.paymentId,
    refundAmount: record.amount,
    ...(record.finishedAt !== undefined ? { refundTime: isoSeconds(record.finishedAt) } : {}),
  });
}

function notifyRefund(ctx: SandboxContext, payment: PaymentRecord, record: RefundRecord): void {
  const res: AntomResult = record.result;
  ctx.notifier.enqueue({
    api: 'notifyRefund',
    clientId: payment.clientId,
    url: record.refundNotifyUrl ?? payment.notifyUrl ?? ctx.defaultNotifyUrl(),
    refundId: record.refundId,
    paymentId: payment.paymentId,
    // notifyRefund's reference fields only: no paymentId (Antom does not send one).
    body: {
      notifyType: 'REFUND_RESULT',
      result: res,
      refundStatus: record.status === 'SUCCESS' ? 'SUCCESS' : 'FAIL',
      refundRequestId: record.refundRequestId,
      refundId: record.refundId,
      refundAmount: record.amount,
      ...(record.status === 'SUCCESS' && record.finishedAt !== undefined ? { refundTime: isoSeconds(record.finishedAt) } : {}),
    },
  });
}

// ---------------------------------------------------------------- inquiryRefund

export function inquiryRefund(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const refundId = f.optionalString('refundId', 64);
  const refundRequestId = f.optionalString('refundRequestId', 64);
  f.optionalString('merchantAccountId', 32);
  if (refundId === undefined && refundRequestId === undefined) {
    return failure('PARAM_ILLEGAL', 'refundId or refundRequestId is required.');
  }
  const record = ctx.store.findRefund(clientId, { refundId, refundRequestId });
  if (!record) return failure('ORDER_NOT_EXIST', 'No refund exists for this refundId / refundRequestId.');
  const scenario = amountScenario('inquiryRefund', record.amount.value);
  if (scenario?.type === 'reject') return rejection(scenario);
  return answer(SUCCESS_RESULT, {
    refundId: record.refundId,
    refundRequestId: record.refundRequestId,
    refundAmount: record.amount,
    refundStatus: record.status,
    ...(record.status === 'SUCCESS' && record.finishedAt !== undefined ? { refundTime: isoSeconds(record.finishedAt) } : {}),
  });
}
