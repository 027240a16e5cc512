/** Embedded sandbox only: act as the buyer for a session just created, then follow the payment. */
import type { SandboxPaymentView } from '../../../src-shared/contract';
import { errorShapeOf } from '../../bridge/client';
import { routeHref } from '../../app/router';
import { ErrorPanel } from '../../components/error-panel';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { useSandboxBuyerAction } from '../../queries/calls-outcomes';

const ACTIONS: ReadonlyArray<{ outcome: 'success' | 'fail' | 'processing' | 'cancel' | 'expire'; label: string }> = [
  { outcome: 'success', label: 'Pay as buyer (success)' },
  { outcome: 'fail', label: 'Buyer fails' },
  { outcome: 'processing', label: 'Processing then success' },
  { outcome: 'cancel', label: 'Buyer cancels' },
  { outcome: 'expire', label: 'Session expires' },
];

export function BuyerActions({ paymentRequestId }: { paymentRequestId: string }) {
  const action = useSandboxBuyerAction();
  const view: SandboxPaymentView | undefined = action.data;
  return (
    <div className="buyer-actions" role="group" aria-label="Sandbox buyer">
      <h4>Embedded sandbox: act as the buyer</h4>
      <div className="row">
        {ACTIONS.map((a) => (
          <button key={a.outcome} type="button" className={a.outcome === 'success' ? 'primary' : undefined} disabled={action.isPending} onClick={() => action.mutate({ id: paymentRequestId, outcome: a.outcome })}>
            {a.label}
          </button>
        ))}
        <a className="follow-link" href={routeHref('payments', { id: paymentRequestId, poll: '1' })}>Follow this payment</a>
      </div>
      {action.isError ? <ErrorPanel title="The sandbox did not accept the buyer action" error={errorShapeOf(action.error)} /> : null}
      {view ? (
        <p className="sandbox-result" role="status">
          Sandbox payment <code>{view.paymentId}</code>: <StatusBadge status={view.paymentStatus} /> <span className="muted">({view.state}, {view.resultCode})</span> <Money amount={view.amount} />
          {view.isAuthorization ? <span className="muted"> · authorisation: capture it in Captures</span> : null}
        </p>
      ) : null}
    </div>
  );
}
