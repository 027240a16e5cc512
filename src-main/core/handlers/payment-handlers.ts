/**
 * Signed Antom calls for the active profile, plus the embedded sandbox's buyer. Read-only and
 * production confirmation are checked here, in main, before any byte is signed. Antom's F and U
 * answers are outcomes (CallOutcome), not errors; the UI shows them with their explanation.
 */
import type { HandlerTable, OperationName, ProfileSummary, SandboxPaymentView } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import type { CreatePaymentSessionInput } from '../client';
import type { PaymentSnapshot } from '../sandbox/control';
import { payOverControl } from '../sandbox/control-client';
import type { HandlerContext } from './handler-context';
import { activeProfile, assertAmountConfirmed, assertCancelConfirmed, assertWritable, guardedClient } from './money-guards';
import { assertJournalAllows } from './journal-role-guards';

type PaymentHandlers = Pick<HandlerTable, 'createPaymentSession' | 'inquiryPayment' | 'capture' | 'cancel' | 'refund' | 'inquiryRefund' | 'sandboxBuyerAction'>;

function needOneId(what: string, fields: string): ConsoleError {
  return new ConsoleError('VALIDATION_FAILED', `${what} needs ${fields}.`, `Enter ${fields} of the payment (find it on the Payments page).`, { field: fields });
}

function sandboxView(p: PaymentSnapshot): SandboxPaymentView {
  return {
    paymentId: p.paymentId,
    paymentRequestId: p.paymentRequestId,
    paymentStatus: p.paymentStatus,
    state: p.state,
    resultCode: p.resultCode,
    amount: { currency: p.amount.currency, value: p.amount.value },
    isAuthorization: p.isAuthorization,
    capturedValue: p.capturedValue,
    refundedValue: p.refundedValue,
  };
}

export function paymentHandlers(ctx: HandlerContext): PaymentHandlers {
  const trigger = ctx.scope.trigger ?? 'user';
  const guarded = (operation: OperationName, confirm?: (profile: ProfileSummary) => void) => guardedClient(ctx, operation, confirm);

  return {
    async createPaymentSession({ body }) {
      const client = await guarded('createPaymentSession');
      // The client validates the body against Antom's rules before signing (AMOUNT_INVALID, VALIDATION_FAILED).
      return client.createPaymentSession(body as CreatePaymentSessionInput, { trigger });
    },

    async inquiryPayment({ paymentRequestId, paymentId, trigger: asked }) {
      if (!paymentRequestId && !paymentId) throw needOneId('An inquiry', 'a paymentRequestId or a paymentId');
      await assertJournalAllows(ctx, 'inquiryPayment');
      const client = await ctx.clientFor((await activeProfile(ctx)).name);
      const body = { ...(paymentRequestId ? { paymentRequestId } : {}), ...(paymentId ? { paymentId } : {}) };
      return client.inquiryPayment(body, { trigger: asked ?? trigger });
    },

    async capture({ paymentId, amount, captureRequestId, isLastCapture, confirmation }) {
      const client = await guarded('capture', (profile) => assertAmountConfirmed(profile, amount, confirmation));
      return client.capture({
        paymentId,
        captureAmount: { currency: amount.currency, value: amount.value },
        ...(captureRequestId ? { captureRequestId } : {}),
        ...(isLastCapture !== undefined ? { isLastCapture } : {}),
      }, { trigger });
    },

    async cancel({ paymentId, paymentRequestId, confirmation }) {
      const client = await guarded('cancel', (profile) => {
        if (!paymentRequestId && !paymentId) throw needOneId('A cancel', 'a paymentRequestId or a paymentId');
        assertCancelConfirmed(profile, confirmation);
      });
      return client.cancel({ ...(paymentId ? { paymentId } : {}), ...(paymentRequestId ? { paymentRequestId } : {}) }, { trigger });
    },

    async refund({ paymentId, amount, refundRequestId, refundReason, confirmation }) {
      const client = await guarded('refund', (profile) => assertAmountConfirmed(profile, amount, confirmation));
      return client.refund({
        paymentId,
        refundAmount: { currency: amount.currency, value: amount.value },
        ...(refundRequestId ? { refundRequestId } : {}),
        ...(refundReason ? { refundReason } : {}),
      }, { trigger });
    },

    async inquiryRefund({ refundRequestId, refundId }) {
      if (!refundRequestId && !refundId) throw needOneId('A refund inquiry', 'a refundRequestId or a refundId');
      await assertJournalAllows(ctx, 'inquiryRefund');
      const client = await ctx.clientFor((await activeProfile(ctx)).name);
      return client.inquiryRefund({ ...(refundRequestId ? { refundRequestId } : {}), ...(refundId ? { refundId } : {}) }, { trigger });
    },

    async sandboxBuyerAction({ id, outcome, resultCode }) {
      const profile = await activeProfile(ctx);
      assertWritable(profile, 'sandboxBuyerAction');
      await assertJournalAllows(ctx, 'sandboxBuyerAction');
      if (profile.environment !== 'embedded') {
        throw new ConsoleError('VALIDATION_FAILED', `Profile "${profile.name}" is not the embedded sandbox; only there can the console act as the buyer.`, 'Switch to the embedded sandbox profile, or pay with a real sandbox wallet/card for an Antom sandbox profile.', { profile: profile.name });
      }
      const action = { outcome, ...(resultCode ? { resultCode } : {}) };
      if (ctx.sandbox) return sandboxView(ctx.sandbox.control.pay(id, action));
      // The CLI door: the sandbox runs in the console's (or `antom-ops sandbox start`'s) process.
      const elsewhere = ctx.sandboxBaseUrl();
      if (!elsewhere) {
        throw new ConsoleError('NOT_FOUND', 'The embedded sandbox is not running.', 'Restart the console (npm start / npm run preview) so it starts the embedded sandbox, or run `antom-ops sandbox start`.');
      }
      return payOverControl(elsewhere, id, action);
    },
  };
}
