/**
 * `antom-ops call <api> --body JSON` speaks Antom's wire bodies; the handler table speaks the
 * contract's operations. This maps one onto the other (captureAmount -> amount, ...) and refuses
 * any field the contract cannot carry, so nothing the user wrote is silently dropped.
 */
import type { AntomApiName } from '../../src-shared/antom-calls';
import { ConsoleError } from '../../src-shared/errors';

/** The production confirmations the CLI takes as flags (the console asks for them in a dialog). */
interface CallConfirmation {
  /** --confirm-amount "USD 12.34": capture and refund on a production profile. */
  amount: string | undefined;
  /** --confirm CANCEL: cancel on a production profile; --confirm DISPUTE_ID: accepting or defending a dispute there. */
  cancel: string | undefined;
}

/** Wire field -> contract input field, per API; createPaymentSession takes the whole body. */
const WIRE_TO_INPUT: Record<Exclude<AntomApiName, 'createPaymentSession'>, Record<string, string>> = {
  inquiryPayment: { paymentRequestId: 'paymentRequestId', paymentId: 'paymentId' },
  capture: { paymentId: 'paymentId', captureAmount: 'amount', captureRequestId: 'captureRequestId', isLastCapture: 'isLastCapture' },
  cancel: { paymentId: 'paymentId', paymentRequestId: 'paymentRequestId' },
  refund: { paymentId: 'paymentId', refundAmount: 'amount', refundRequestId: 'refundRequestId', refundReason: 'refundReason' },
  inquiryRefund: { refundRequestId: 'refundRequestId', refundId: 'refundId' },
  acceptDispute: { disputeId: 'disputeId' },
  supplyDefenseDocument: { disputeId: 'disputeId', disputeEvidence: 'disputeEvidence' },
  downloadDisputeEvidence: { disputeId: 'disputeId', disputeEvidenceType: 'disputeEvidenceType' },
};

/** Operations a production profile confirms with a typed word: CANCEL, or the disputeId. */
const CONFIRMED_BY_WORD: ReadonlySet<AntomApiName> = new Set(['cancel', 'acceptDispute', 'supplyDefenseDocument']);

function refuseFlag(flagName: string, api: AntomApiName, usedBy: string): ConsoleError {
  return new ConsoleError('VALIDATION_FAILED', `--${flagName} does not apply to ${api}.`, `Drop --${flagName}; it confirms ${usedBy} on a production profile.`, { flag: flagName });
}

export function callOperationInput(api: AntomApiName, body: Record<string, unknown>, confirm: CallConfirmation): { operation: AntomApiName; input: Record<string, unknown> } {
  if (confirm.amount !== undefined && api !== 'capture' && api !== 'refund') throw refuseFlag('confirm-amount', api, 'a capture or refund');
  if (confirm.cancel !== undefined && !CONFIRMED_BY_WORD.has(api)) throw refuseFlag('confirm', api, 'a cancel or a dispute answer');
  if (api === 'createPaymentSession') return { operation: api, input: { body } };

  const fields = WIRE_TO_INPUT[api];
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const target = fields[key];
    if (target === undefined) {
      throw new ConsoleError(
        'VALIDATION_FAILED',
        `${api} through the console cannot carry "${key}" from --body; it takes ${Object.keys(fields).join(', ')}.`,
        `Remove "${key}" from --body. The CLI sends what the console sends, so fields the console has no place for are refused rather than dropped.`,
        { field: key, accepted: Object.keys(fields) },
      );
    }
    input[target] = value;
  }
  if (CONFIRMED_BY_WORD.has(api) && confirm.cancel !== undefined) input.confirmation = confirm.cancel;
  if ((api === 'capture' || api === 'refund') && confirm.amount !== undefined) input.confirmation = confirm.amount;
  return { operation: api, input };
}

/** The console's production hint says "type the amount"; on the command line that is a flag. */
export function cliConfirmationHint(error: ConsoleError, api: AntomApiName): ConsoleError {
  if (error.code !== 'VALIDATION_FAILED' || error.details?.field !== 'confirmation') return error;
  const expected = typeof error.details.expected === 'string' ? error.details.expected : undefined;
  const hint = api === 'cancel'
    ? 'Add --confirm CANCEL to cancel this production payment.'
    : api === 'acceptDispute' || api === 'supplyDefenseDocument'
    ? `Add --confirm ${expected ?? 'DISPUTE_ID'} (the disputeId) to answer this production dispute.`
    : `Add --confirm-amount "${expected ?? 'AMOUNT'}" (the amount in display units, optionally with its currency, e.g. "USD 12.34") to confirm.`;
  return new ConsoleError(error.code, error.message, hint, error.details);
}
