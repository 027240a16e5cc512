/**
 * Disputes in the sandbox: raising one on a captured payment, notifyDispute on Antom's resend
 * schedule, the defense deadline on the sandbox clock, and acceptDispute, supplyDefenseDocument,
 * downloadDisputeEvidence with the result codes of Antom's reference tables.
 *
 * Lifecycle (CHARGEBACK):
 *   raised (DISPUTE_CREATED, funds frozen) -> 24 h before the deadline DEFENSE_DUE_ALERT
 *   -> accepted (acceptDispute; DISPUTE_JUDGED ACCEPT_BY_MERCHANT, funds deducted)
 *    | defended (supplyDefenseDocument; DEFENSE_SUPPLIED, later DISPUTE_JUDGED with the scenario's result)
 *    | deadline passed with no answer (DISPUTE_JUDGED ACCEPT_BY_MERCHANT; later calls TIME_EXCEEDS_LIMIT)
 *    | withdrawn by the buyer (DISPUTE_CANCELLED, funds released).
 * COMPLIANCE_REQUEST: no funds are frozen; each upload is validated (VALIDATE_SUCCESS / VALIDATE_FAIL);
 * after VALIDATE_FAIL the merchant may upload again, up to DISPUTE_NOMINAL.complianceUploads.
 * Where Antom's pages are silent (what follows an accept, what an ignored deadline does, an
 * unknown disputeId), the choice is written down in docs/sandbox-scenarios.md.
 */
import { ConsoleError } from '../../../../src-shared/errors';
import type { Amount } from '../../../../src-shared/money';
import { answer, failure, SUCCESS_RESULT, type AntomAnswer } from '../antom-answer';
import { ParamIllegal, type Fields } from '../body-fields';
import { DISPUTE_NOMINAL, disputeScenario, type DisputeJudgedResult, type DisputeScenario, type DisputeType } from '../dispute-scenarios';
import { evidenceFormatOf, evidenceTemplatePdf } from '../evidence-template';
import { newAntomId } from '../ids';
import { isoSeconds } from '../sandbox-clock';
import { sumMinor, type PaymentRecord, type SandboxContext } from './store';

type DisputeState = 'AWAITING_RESPONSE' | 'ACCEPTED' | 'DEFENDED' | 'JUDGED' | 'CANCELLED';

export interface DisputeRecord {
  clientId: string;
  disputeId: string;
  paymentId: string;
  paymentRequestId: string;
  disputeType: DisputeType;
  amount: Amount;
  minor: bigint;
  reasonCode: string;
  reasonMsg: string;
  createdAt: number;
  defenseDueAt: number;
  state: DisputeState;
  /** What DISPUTE_JUDGED says after a defense. */
  judgedAfterDefense: DisputeJudgedResult;
  judgedResult: DisputeJudgedResult | undefined;
  judgedAt: number | undefined;
  resolvedAt: number | undefined;
  uploads: Array<{ at: number; base64: string }>;
  notifyUrl: string | undefined;
}

export interface RaiseDisputeOptions {
  disputeType?: DisputeType;
  judgedAfterDefense?: DisputeJudgedResult;
  reasonCode?: string;
  reasonMsg?: string;
  /** Minor units; defaults to the captured amount. */
  value?: string;
  buyerCancels?: boolean;
}

const DEFAULT_SCENARIO: DisputeScenario = { amountEndsWith: '', disputeType: 'CHARGEBACK', judgedAfterDefense: 'ACCEPT_BY_CUSTOMER', reasonCode: '13.1', reasonMsg: 'Merchandise/Services Not Received' };

/** Captured money of a payment: successful captures, or the whole amount once an auto-captured payment succeeded. */
function capturedMinor(payment: PaymentRecord): bigint {
  if (payment.state !== 'SUCCESS') return 0n;
  return payment.isAuthorization ? sumMinor(payment.captures, ['SUCCESS']) : payment.minor;
}

/** Funds a CHARGEBACK holds back until it is judged or withdrawn. */
export function frozenMinor(disputes: Iterable<DisputeRecord>): bigint {
  let total = 0n;
  for (const d of disputes) if (d.disputeType === 'CHARGEBACK' && (d.state === 'AWAITING_RESPONSE' || d.state === 'DEFENDED')) total += d.minor;
  return total;
}

/** Funds taken back from the merchant: chargebacks judged ACCEPT_BY_MERCHANT (accepted, lost, or not answered in time). */
export function deductedMinor(disputes: Iterable<DisputeRecord>): bigint {
  let total = 0n;
  for (const d of disputes) if (d.disputeType === 'CHARGEBACK' && d.judgedResult === 'ACCEPT_BY_MERCHANT') total += d.minor;
  return total;
}

export function disputesOf(ctx: SandboxContext, paymentId: string): DisputeRecord[] {
  return [...ctx.store.disputes.values()].filter((d) => d.paymentId === paymentId);
}

/** Control surface and amount scenarios: open a dispute on a captured payment. */
export function raiseDispute(ctx: SandboxContext, payment: PaymentRecord, options: RaiseDisputeOptions = {}): DisputeRecord {
  const captured = capturedMinor(payment);
  if (captured === 0n) {
    throw new ConsoleError('VALIDATION_FAILED', `Payment ${payment.paymentId} has no captured money to dispute (it is ${payment.state}${payment.isAuthorization ? ', and no capture succeeded' : ''}).`, 'Pay it (and capture it, for an authorisation) first; a buyer can only dispute money that was taken.', { paymentId: payment.paymentId, state: payment.state });
  }
  const minor = options.value !== undefined ? BigInt(options.value) : captured;
  if (minor <= 0n || minor > captured) {
    throw new ConsoleError('VALIDATION_FAILED', `A dispute of ${options.value ?? ''} minor units does not fit payment ${payment.paymentId}: ${captured} was captured.`, `Give a value between 1 and ${captured}, or leave it out to dispute the whole captured amount.`, { field: 'value' });
  }
  const scenario = disputeScenario(payment.amount.value) ?? DEFAULT_SCENARIO;
  const now = ctx.clock.now();
  const dispute: DisputeRecord = {
    clientId: payment.clientId,
    disputeId: newAntomId('dispute', now),
    paymentId: payment.paymentId,
    paymentRequestId: payment.paymentRequestId,
    disputeType: options.disputeType ?? scenario.disputeType,
    amount: { currency: payment.amount.currency, value: minor.toString() },
    minor,
    reasonCode: options.reasonCode ?? scenario.reasonCode,
    reasonMsg: options.reasonMsg ?? scenario.reasonMsg,
    createdAt: now,
    defenseDueAt: now + ctx.clock.scaled(DISPUTE_NOMINAL.defenseWindowMs),
    state: 'AWAITING_RESPONSE',
    judgedAfterDefense: options.judgedAfterDefense ?? scenario.judgedAfterDefense,
    judgedResult: undefined,
    judgedAt: undefined,
    resolvedAt: undefined,
    uploads: [],
    notifyUrl: payment.notifyUrl,
  };
  ctx.store.disputes.set(dispute.disputeId, dispute);
  notifyDispute(ctx, dispute, 'DISPUTE_CREATED');
  const timers = payment.cancelTimers;
  timers.push(ctx.clock.schedule(dispute.defenseDueAt - now - ctx.clock.scaled(DISPUTE_NOMINAL.dueAlertBeforeMs), () => {
    if (dispute.state === 'AWAITING_RESPONSE') notifyDispute(ctx, dispute, 'DEFENSE_DUE_ALERT');
  }));
  timers.push(ctx.clock.schedule(dispute.defenseDueAt - now, () => {
    // Not answered in time: the merchant loses a chargeback by default (sandbox choice).
    if (dispute.state === 'AWAITING_RESPONSE') judge(ctx, dispute, dispute.disputeType === 'CHARGEBACK' ? 'ACCEPT_BY_MERCHANT' : 'VALIDATE_FAIL');
  }));
  if (options.buyerCancels ?? scenario.buyerCancels) {
    timers.push(ctx.clock.schedule(ctx.clock.scaled(DISPUTE_NOMINAL.buyerCancelAfterMs), () => {
      if (dispute.state === 'AWAITING_RESPONSE') {
        dispute.state = 'CANCELLED';
        dispute.resolvedAt = ctx.clock.now();
        notifyDispute(ctx, dispute, 'DISPUTE_CANCELLED');
      }
    }));
  }
  return dispute;
}

/** Amount scenario hook: called when a payment's money is captured. */
export function raiseScenarioDispute(ctx: SandboxContext, payment: PaymentRecord): void {
  if (!disputeScenario(payment.amount.value)) return;
  if (disputesOf(ctx, payment.paymentId).length > 0) return; // one scenario dispute per payment
  raiseDispute(ctx, payment);
}

/** Control surface: judge a defended (or open) dispute now instead of waiting. */
export function judgeNow(ctx: SandboxContext, dispute: DisputeRecord, judged?: DisputeJudgedResult): void {
  if (dispute.state !== 'DEFENDED' && dispute.state !== 'AWAITING_RESPONSE') {
    throw new ConsoleError('VALIDATION_FAILED', `Dispute ${dispute.disputeId} is already ${dispute.state}.`, 'Raise a new dispute to judge again.', { disputeId: dispute.disputeId, state: dispute.state });
  }
  judge(ctx, dispute, judged ?? dispute.judgedAfterDefense);
}

function judge(ctx: SandboxContext, dispute: DisputeRecord, judged: DisputeJudgedResult): void {
  const now = ctx.clock.now();
  dispute.judgedResult = judged;
  dispute.judgedAt = now;
  if (judged === 'VALIDATE_FAIL' && dispute.uploads.length < DISPUTE_NOMINAL.complianceUploads && now < dispute.defenseDueAt) {
    // A failed validation can be answered with new material until the deadline.
    dispute.state = 'AWAITING_RESPONSE';
  } else {
    dispute.state = 'JUDGED';
    dispute.resolvedAt = now;
  }
  notifyDispute(ctx, dispute, 'DISPUTE_JUDGED');
}

type DisputeNotificationType = 'DISPUTE_CREATED' | 'DISPUTE_JUDGED' | 'DISPUTE_CANCELLED' | 'DEFENSE_SUPPLIED' | 'DEFENSE_DUE_ALERT';

/** notifyDispute, with the fields of Antom's reference (no notifyType, no result: the reference lists neither). */
function notifyDispute(ctx: SandboxContext, dispute: DisputeRecord, type: DisputeNotificationType): void {
  const judged = type === 'DISPUTE_JUDGED' && dispute.judgedAt !== undefined && dispute.judgedResult !== undefined;
  ctx.notifier.enqueue({
    api: 'notifyDispute',
    label: type,
    clientId: dispute.clientId,
    url: dispute.notifyUrl ?? ctx.defaultNotifyUrl(),
    body: {
      paymentRequestId: dispute.paymentRequestId,
      disputeId: dispute.disputeId,
      paymentId: dispute.paymentId,
      disputeTime: isoSeconds(dispute.createdAt),
      disputeAmount: dispute.amount,
      disputeNotificationType: type,
      disputeReasonMsg: dispute.reasonMsg,
      ...(judged ? {
        disputeJudgedTime: isoSeconds(dispute.judgedAt!),
        ...(dispute.judgedResult === 'ACCEPT_BY_MERCHANT' ? { disputeJudgedAmount: dispute.amount } : {}),
        disputeJudgedResult: dispute.judgedResult,
      } : {}),
      defenseDueTime: isoSeconds(dispute.defenseDueAt),
      disputeReasonCode: dispute.reasonCode,
      disputeType: dispute.disputeType,
    },
  });
}

/** The caller's own dispute, or undefined (Antom has no documented code for an unknown disputeId). */
function ownDispute(ctx: SandboxContext, clientId: string, f: Fields): DisputeRecord {
  const disputeId = f.string('disputeId', 64);
  const dispute = ctx.store.disputes.get(disputeId);
  if (!dispute || dispute.clientId !== clientId) throw new ParamIllegal('disputeId', `No dispute with disputeId ${disputeId} exists for this merchant.`);
  return dispute;
}

function resolution(dispute: DisputeRecord, at: number): AntomAnswer {
  return answer(SUCCESS_RESULT, { disputeId: dispute.disputeId, disputeResolutionTime: isoSeconds(at) });
}

const TIME_EXCEEDS_LIMIT = (d: DisputeRecord) => failure('TIME_EXCEEDS_LIMIT', `The defense period of dispute ${d.disputeId} ended at ${isoSeconds(d.defenseDueAt)}; it can no longer be accepted or defended.`);
const REPEAT_REQUEST = (d: DisputeRecord) => failure('REPEAT_REQUEST', `Dispute ${d.disputeId} was already ${d.state === 'ACCEPTED' ? 'accepted' : d.state === 'DEFENDED' || d.uploads.length > 0 ? 'defended' : d.state.toLowerCase()}.`);

export function acceptDispute(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const dispute = ownDispute(ctx, clientId, f);
  if (dispute.state !== 'AWAITING_RESPONSE' || dispute.uploads.length > 0) {
    if (dispute.state === 'JUDGED' && dispute.uploads.length === 0 && ctx.clock.now() >= dispute.defenseDueAt) return TIME_EXCEEDS_LIMIT(dispute);
    return REPEAT_REQUEST(dispute);
  }
  if (ctx.clock.now() >= dispute.defenseDueAt) return TIME_EXCEEDS_LIMIT(dispute);
  const now = ctx.clock.now();
  dispute.state = 'ACCEPTED';
  dispute.resolvedAt = now;
  // Antom's pages do not say which notification follows an accept; the sandbox closes the
  // dispute with DISPUTE_JUDGED ACCEPT_BY_MERCHANT so the merchant's books show the deduction.
  dispute.judgedResult = 'ACCEPT_BY_MERCHANT';
  dispute.judgedAt = now;
  notifyDispute(ctx, dispute, 'DISPUTE_JUDGED');
  return resolution(dispute, now);
}

export function supplyDefenseDocument(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const dispute = ownDispute(ctx, clientId, f);
  const evidence = f.string('disputeEvidence', 1_000_000);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(evidence) || Buffer.from(evidence, 'base64').length === 0) {
    throw new ParamIllegal('disputeEvidence', 'disputeEvidence must be the document encoded in Base64.');
  }
  const compliance = dispute.disputeType === 'COMPLIANCE_REQUEST';
  if (compliance && dispute.state === 'DEFENDED') {
    return failure('NOT_ALLOW_IN_CURRENT_STATUS', `The material uploaded for dispute ${dispute.disputeId} has not been verified yet; wait for DISPUTE_JUDGED before uploading again.`);
  }
  if (dispute.state !== 'AWAITING_RESPONSE') {
    if (dispute.state === 'JUDGED' && dispute.uploads.length === 0 && ctx.clock.now() >= dispute.defenseDueAt) return TIME_EXCEEDS_LIMIT(dispute);
    if (compliance && dispute.state === 'JUDGED' && dispute.judgedResult === 'VALIDATE_FAIL') {
      return ctx.clock.now() >= dispute.defenseDueAt ? TIME_EXCEEDS_LIMIT(dispute) : failure('DEFENSE_EXCEED_LIMIT', `Dispute ${dispute.disputeId} has had ${dispute.uploads.length} uploads, the most allowed.`);
    }
    return REPEAT_REQUEST(dispute);
  }
  if (ctx.clock.now() >= dispute.defenseDueAt) return TIME_EXCEEDS_LIMIT(dispute);
  const now = ctx.clock.now();
  dispute.uploads.push({ at: now, base64: evidence });
  dispute.state = 'DEFENDED';
  notifyDispute(ctx, dispute, 'DEFENSE_SUPPLIED');
  const payment = ctx.store.payments.get(dispute.paymentId);
  const verdict = dispute.judgedAfterDefense;
  payment?.cancelTimers.push(ctx.clock.schedule(ctx.clock.scaled(DISPUTE_NOMINAL.judgeAfterDefenseMs), () => {
    if (dispute.state === 'DEFENDED') judge(ctx, dispute, verdict);
  }));
  return resolution(dispute, now);
}

export function downloadDisputeEvidence(ctx: SandboxContext, clientId: string, f: Fields): AntomAnswer {
  const dispute = ownDispute(ctx, clientId, f);
  const type = f.string('disputeEvidenceType', 64);
  if (type === 'DISPUTE_EVIDENCE_TEMPLATE') {
    const pdf = evidenceTemplatePdf([
      'Merchant letter (sandbox dispute evidence template)',
      '',
      `Dispute ID: ${dispute.disputeId}`,
      `Dispute type: ${dispute.disputeType}`,
      `Reason: ${dispute.reasonCode} ${dispute.reasonMsg}`,
      `Disputed amount: ${dispute.amount.currency} ${dispute.amount.value} (minor units)`,
      `Dispute time: ${isoSeconds(dispute.createdAt)}`,
      `Defense due: ${isoSeconds(dispute.defenseDueAt)}`,
      `Payment ID: ${dispute.paymentId}`,
      `Payment request ID: ${dispute.paymentRequestId}`,
      '',
      'Describe the goods or service, how and when they were delivered,',
      'and attach proof (receipts, tracking, correspondence).',
    ]);
    return answer(SUCCESS_RESULT, { disputeEvidence: pdf.toString('base64'), disputeEvidenceFormat: 'PDF' });
  }
  if (type === 'DISPUTE_EVIDENCE_FILE') {
    const last = dispute.uploads[dispute.uploads.length - 1];
    if (!last) throw new ParamIllegal('disputeEvidenceType', `No defense document was uploaded for dispute ${dispute.disputeId}; download DISPUTE_EVIDENCE_TEMPLATE instead.`);
    const format = evidenceFormatOf(Buffer.from(last.base64, 'base64'));
    return answer(SUCCESS_RESULT, { disputeEvidence: last.base64, ...(format ? { disputeEvidenceFormat: format } : {}) });
  }
  throw new ParamIllegal('disputeEvidenceType', 'disputeEvidenceType must be DISPUTE_EVIDENCE_TEMPLATE or DISPUTE_EVIDENCE_FILE.');
}

/** What the control surface shows of a dispute. */
export interface DisputeSnapshot {
  disputeId: string;
  paymentId: string;
  paymentRequestId: string;
  disputeType: DisputeType;
  state: DisputeState;
  amount: Amount;
  reasonCode: string;
  reasonMsg: string;
  disputeTime: string;
  defenseDueTime: string;
  judgedResult: DisputeJudgedResult | undefined;
  judgedTime: string | undefined;
  uploads: number;
}

export function snapshotDispute(d: DisputeRecord): DisputeSnapshot {
  return {
    disputeId: d.disputeId, paymentId: d.paymentId, paymentRequestId: d.paymentRequestId, disputeType: d.disputeType, state: d.state,
    amount: d.amount, reasonCode: d.reasonCode, reasonMsg: d.reasonMsg, disputeTime: isoSeconds(d.createdAt), defenseDueTime: isoSeconds(d.defenseDueAt),
    judgedResult: d.judgedResult, judgedTime: d.judgedAt === undefined ? undefined : isoSeconds(d.judgedAt), uploads: d.uploads.length,
  };
}
