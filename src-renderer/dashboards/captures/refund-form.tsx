/** Refund part or all of what was captured; confirmed with the amount; refund inquiry afterwards. */
import { useState } from 'react';
import type { MoneySummary } from '../../../src-shared/journal-views';
import { errorShapeOf } from '../../bridge/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { FormField } from '../../components/form-field';
import { OutcomeView } from '../../components/outcome-view';
import { formatAmount } from '../../format/money';
import { useInquiryRefund, useRefund } from '../../queries/calls-outcomes';
import { amountTypingCheck } from './amount-typing';
import { useAmountEntry, useMoneyAction } from './money-action';
import { MoneyActionResult } from './unknown-outcome';

export function RefundForm({ paymentId, money, production }: { paymentId: string; money: MoneySummary; production: boolean }) {
  const refund = useRefund();
  const inquiry = useInquiryRefund();
  const [reason, setReason] = useState('');
  const refundable = money.remaining;
  const entry = useAmountEntry({ currency: money.currency, limit: refundable, overLimit: `That is more than the ${formatAmount(refundable)} captured and not yet refunded.` });
  const action = useMoneyAction(
    (intent) => refund.mutateAsync({ paymentId, amount: intent.amount, refundRequestId: intent.requestId, ...(reason.trim() ? { refundReason: reason.trim() } : {}), ...(intent.confirmation ? { confirmation: intent.confirmation } : {}) }),
    () => {
      entry.clear();
      setReason('');
    },
  );
  const confirming = entry.confirming;
  const refundId = action.outcome?.requestIds.refundId;

  return (
    <div className="refund-form">
      <h4>Refund</h4>
      <form
        noValidate
        aria-label="Refund payment"
        onSubmit={entry.submit}
      >
        <div className="form-grid">
          <FormField label={`Refund amount (${money.currency})`} error={entry.problem} help={`Refundable: ${formatAmount(refundable)} (captured ${formatAmount(money.captured)}, refunded ${formatAmount(money.refunded)}).`}>
            {(p) => <input {...p} inputMode="decimal" value={entry.text} onChange={(e) => entry.setText(e.target.value)} />}
          </FormField>
          <FormField label="Refund reason" help="Optional; may be shown to the buyer (ASCII is safest).">
            {(p) => <input {...p} value={reason} maxLength={256} onChange={(e) => setReason(e.target.value)} />}
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" disabled={action.busy || BigInt(refundable.value) === 0n}>Refund</button>
          {BigInt(refundable.value) === 0n ? <span className="muted">Nothing captured to refund yet.</span> : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== undefined}
        title="Confirm refund"
        confirmLabel="Confirm refund"
        danger
        busy={action.busy}
        requireTyping={amountTypingCheck(production, confirming)}
        onCancel={entry.cancel}
        onConfirm={() => {
          const intent = entry.confirm('REF', production);
          if (intent) action.start(intent);
        }}
      >
        <p className="confirm-amount">Refund {confirming ? formatAmount(confirming) : ''} of {formatAmount(money.captured)} captured?</p>
        <p className="muted small">Payment <code>{paymentId}</code>{reason.trim() ? <>, reason “{reason.trim()}”</> : null}. Money goes back to the buyer; it cannot be undone.</p>
      </ConfirmDialog>
      <MoneyActionResult what="refund" requestIdName="refundRequestId" requestId={action.intent?.requestId} outcome={action.outcome} error={action.error} unknown={action.unknown} busy={action.busy} onRetry={action.retry} />
      {action.intent ? (
        <div className="row">
          <button type="button" disabled={inquiry.isPending} onClick={() => inquiry.mutate(refundId ? { refundId } : { refundRequestId: action.intent?.requestId ?? '' })}>
            {inquiry.isPending ? 'Inquiring…' : 'Inquire refund'}
          </button>
          <span className="muted small">Asks Antom for the refund's status by {refundId ? `refundId ${refundId}` : `refundRequestId ${action.intent.requestId}`}.</span>
        </div>
      ) : null}
      {inquiry.isError ? <ErrorPanel title="The refund inquiry failed" error={errorShapeOf(inquiry.error)} /> : null}
      {inquiry.data ? <OutcomeView outcome={inquiry.data} title="Refund inquiry" /> : null}
    </div>
  );
}
