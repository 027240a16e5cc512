/** Accept a dispute: the merchant takes the loss. Confirmed in a dialog; production types the disputeId. */
import { useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import type { MoneyAmount } from '../../../src-shared/journal-views';
import { errorShapeOf } from '../../bridge/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { Money } from '../../components/money';
import { useAcceptDispute } from '../../queries/disputes';

/** `onOutcome` receives Antom's answer: the parent shows it, since a successful accept closes this action. */
export function AcceptAction({ disputeId, amount, production, onOutcome }: { disputeId: string; amount: MoneyAmount | null; production: boolean; onOutcome: (outcome: CallOutcome<unknown>) => void }) {
  const accept = useAcceptDispute();
  const [open, setOpen] = useState(false);
  return (
    <div className="accept-action">
      <h4>Accept</h4>
      <p className="muted small">Do not defend: the disputed amount goes back to the buyer. Use it when the buyer is right or the proof is missing.</p>
      <button type="button" className="danger" disabled={accept.isPending} onClick={() => setOpen(true)}>Accept dispute…</button>
      <ConfirmDialog
        open={open}
        title="Accept this dispute?"
        confirmLabel="Accept dispute"
        danger
        busy={accept.isPending}
        requireTyping={production ? { expected: disputeId, label: `Production: type the disputeId ${disputeId} to confirm` } : undefined}
        onCancel={() => setOpen(false)}
        onConfirm={(typed) => {
          setOpen(false);
          accept.mutate({ disputeId, ...(typed ? { confirmation: typed } : {}) }, { onSuccess: onOutcome });
        }}
      >
        <p>Accept dispute <code>{disputeId}</code>? <Money amount={amount} /> is returned to the buyer and the dispute can no longer be defended.</p>
      </ConfirmDialog>
      {accept.isError ? <ErrorPanel title="The dispute was not accepted" error={errorShapeOf(accept.error)} /> : null}
    </div>
  );
}
