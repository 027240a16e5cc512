/** Full or partial capture in display units, confirmed in a dialog that states the amount. */
import { useState } from 'react';
import type { MoneySummary } from '../../../src-shared/journal-views';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormField } from '../../components/form-field';
import { formatAmount } from '../../format/money';
import { newRequestId } from '../../format/ids';
import { useCapture } from '../../queries/calls-outcomes';
import { amountTypingCheck, displayOf, parseDisplayAmount, useMoneyAction } from './money-action';
import { MoneyActionResult } from './unknown-outcome';

export function CaptureForm({ paymentId, money, production }: { paymentId: string; money: MoneySummary; production: boolean }) {
  const capture = useCapture();
  const [isLast, setIsLast] = useState(false);
  const action = useMoneyAction((intent) => capture.mutateAsync({ paymentId, amount: intent.amount, captureRequestId: intent.requestId, ...(isLast ? { isLastCapture: true } : {}), ...(intent.confirmation ? { confirmation: intent.confirmation } : {}) }));
  const uncaptured = money.uncaptured;
  const [text, setText] = useState(() => (BigInt(uncaptured.value) > 0n ? displayOf(uncaptured) : ''));
  const [problem, setProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<{ currency: string; value: string } | undefined>();

  const check = (): { currency: string; value: string } | undefined => {
    const parsed = parseDisplayAmount(text, money.currency);
    if ('error' in parsed) return void setProblem(parsed.error);
    if (BigInt(parsed.value) > BigInt(uncaptured.value)) {
      return void setProblem(`That is more than the uncaptured ${formatAmount(uncaptured)}; Antom refuses a capture above the authorised amount.`);
    }
    setProblem(undefined);
    return { currency: money.currency, value: parsed.value };
  };

  return (
    <div className="capture-form">
      <h4>Capture</h4>
      <form
        noValidate
        aria-label="Capture payment"
        onSubmit={(e) => {
          e.preventDefault();
          const amount = check();
          if (amount) setConfirming(amount);
        }}
      >
        <div className="row">
          <FormField label={`Capture amount (${money.currency})`} error={problem} help={`Uncaptured: ${formatAmount(uncaptured)} of ${formatAmount(money.authorised)} authorised. Less than that is a partial capture.`}>
            {(p) => <input {...p} inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} />}
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
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          if (!confirming) return;
          action.start({ requestId: newRequestId('CAP'), amount: confirming, confirmation: production ? displayOf(confirming) : undefined });
          setConfirming(undefined);
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
