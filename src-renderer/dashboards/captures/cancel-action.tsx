/** Cancel an authorised (uncaptured) payment; production asks for CANCEL typed out. */
import { useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import { CANCEL_CONFIRMATION, typedCancelConfirms } from '../../../src-shared/typed-confirmation';
import { errorShapeOf } from '../../bridge/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { OutcomeView } from '../../components/outcome-view';
import { useCancelPayment } from '../../queries/calls-outcomes';

/** `done`: the payment is cancelled already; the section stays (with its result) but offers nothing more. */
export function CancelAction({ paymentId, production, done = false }: { paymentId: string; production: boolean; done?: boolean }) {
  const cancel = useCancelPayment();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<CallOutcome<unknown> | undefined>();
  return (
    <div className="cancel-action">
      <h4>Cancel</h4>
      <p className="muted small">Releases the authorisation (or reverses the payment). Captured money needs a refund instead.</p>
      {done
        ? <p className="muted">The payment is cancelled.</p>
        : <button type="button" className="danger" disabled={cancel.isPending} onClick={() => setOpen(true)}>Cancel payment</button>}
      <ConfirmDialog
        open={open}
        title="Confirm cancel"
        confirmLabel="Confirm cancel"
        danger
        busy={cancel.isPending}
        requireTyping={production ? { expected: CANCEL_CONFIRMATION, label: `Production: type ${CANCEL_CONFIRMATION} to confirm`, matches: typedCancelConfirms } : undefined}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          cancel.mutate({ paymentId, ...(production ? { confirmation: CANCEL_CONFIRMATION } : {}) }, { onSuccess: setOutcome });
        }}
      >
        <p>Cancel payment <code>{paymentId}</code>? The buyer's authorisation is released; this cannot be undone.</p>
      </ConfirmDialog>
      {cancel.isError ? <ErrorPanel title="The cancel did not complete" error={errorShapeOf(cancel.error)} /> : null}
      {outcome ? <OutcomeView outcome={outcome} title="Cancel result" /> : null}
    </div>
  );
}
