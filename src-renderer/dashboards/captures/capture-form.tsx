/** Full or partial capture in display units, confirmed in a dialog that states the amount. */
import { useState } from 'react';
import type { MoneySummary } from '../../../src-shared/journal-views';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { formatAmount } from '../../format/money';
import { useCapture } from '../../queries/calls-outcomes';
import { amountTypingCheck, displayOf } from './amount-typing';
import { useAmountEntry, useMoneyAction } from './money-action';
import { MoneyActionResult } from './unknown-outcome';

export function CaptureForm({ paymentId, money, production }: { paymentId: string; money: MoneySummary; production: boolean }) {
  const capture = useCapture();
  const [isLast, setIsLast] = useState(false);
  const uncaptured = money.uncaptured;
  const entry = useAmountEntry({
    currency: money.currency,
    limit: uncaptured,
    overLimit: `That is more than the uncaptured ${formatAmount(uncaptured)}; Antom refuses a capture above the authorised amount.`,
    initialText: BigInt(uncaptured.value) > 0n ? displayOf(uncaptured) : '',
  });
  const action = useMoneyAction(
    (intent) => capture.mutateAsync({ paymentId, amount: intent.amount, captureRequestId: intent.requestId, ...(isLast ? { isLastCapture: true } : {}), ...(intent.confirmation ? { confirmation: intent.confirmation } : {}) }),
    () => {
      entry.clear();
      setIsLast(false);
    },
  );
  const confirming = entry.confirming;

  return (
    <div className="capture-form">
      <h4>Capture</h4>
      <form
        noValidate
        aria-label="Capture payment"
        onSubmit={entry.submit}
      >
        <div className="row">
          <FormField label={`Capture amount (${money.currency})`} error={entry.problem} help={`Uncaptured: ${formatAmount(uncaptured)} of ${formatAmount(money.authorised)} authorised. Less than that is a partial capture.`}>
            {(p) => <input {...p} inputMode="decimal" value={entry.text} onChange={(e) => entry.setText(e.target.value)} />}
          </FormField>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={isLast} onChange={(e) => setIsLast(e.target.checked)} />
          Last capture (release the rest of the authorisation)
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={action.busy || BigInt(uncaptured.value) === 0n}>Capture</button>
          {BigInt(uncaptured.value) === 0n ? <span className="muted">Nothing left to capture.</span> : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== undefined}
        title="Confirm capture"
        confirmLabel="Confirm capture"
        busy={action.busy}
        requireTyping={amountTypingCheck(production, confirming)}
        onCancel={entry.cancel}
        onConfirm={() => {
          const intent = entry.confirm('CAP', production);
          if (intent) action.start(intent);
        }}
      >
        <p className="confirm-amount">
          Capture {confirming ? formatAmount(confirming) : ''} of {formatAmount(money.authorised)}?
        </p>
        <p className="muted small">Payment <code>{paymentId}</code>. {confirming && BigInt(confirming.value) < BigInt(uncaptured.value) ? `A partial capture: ${formatAmount({ currency: money.currency, value: (BigInt(uncaptured.value) - BigInt(confirming.value)).toString() })} stays authorised.` : 'The whole remaining authorisation.'}</p>
      </ConfirmDialog>
      <MoneyActionResult what="capture" requestIdName="captureRequestId" requestId={action.intent?.requestId} outcome={action.outcome} error={action.error} unknown={action.unknown} busy={action.busy} onRetry={action.retry} />
    </div>
  );
}
