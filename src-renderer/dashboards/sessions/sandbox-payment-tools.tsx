/**
 * Sandbox tools for one payment: end it with any buyer outcome and, for a failure, any documented
 * paymentResultCode (from the knowledge base, each with its meaning); and have the sandbox send
 * one of its notifications for it again ("send a test notification of type X").
 */
import { useMemo, useState } from 'react';
import { buyerFailureCodes } from '../../../src-shared/sandbox-tools';
import { SANDBOX_TEST_NOTIFY_TYPES, type SandboxTestNotifyType } from '../../../src-shared/vocabulary';
import { errorShapeOf } from '../../bridge/client';
import { ErrorPanel } from '../../components/error-panel';
import { FormField } from '../../components/form-field';
import { Money } from '../../components/money';
import { StatusBadge } from '../../components/status-badge';
import { useSandboxBuyerAction } from '../../queries/calls-outcomes';
import { useSendSandboxTestNotification } from '../../queries/sandbox-tools';

type BuyerOutcome = 'success' | 'fail' | 'processing' | 'cancel' | 'expire';

const OUTCOMES: ReadonlyArray<{ value: BuyerOutcome; label: string }> = [
  { value: 'success', label: 'Pays (SUCCESS)' },
  { value: 'fail', label: 'Fails with a result code' },
  { value: 'processing', label: 'Processing, then success (PAYMENT_PENDING first)' },
  { value: 'cancel', label: 'Cancels' },
  { value: 'expire', label: 'Lets the session expire (ORDER_IS_CLOSED)' },
];

const NOTIFY_LABELS: Readonly<Record<SandboxTestNotifyType, string>> = {
  PAYMENT_RESULT: 'PAYMENT_RESULT (notifyPayment)',
  PAYMENT_PENDING: 'PAYMENT_PENDING (notifyPayment)',
  CAPTURE_RESULT: 'CAPTURE_RESULT (notifyCapture)',
  REFUND_RESULT: 'REFUND_RESULT (notifyRefund)',
  NOTIFY_DISPUTE: 'Dispute (notifyDispute)',
};

export function SandboxPaymentTools({ defaultPaymentId }: { defaultPaymentId: string }) {
  const failureCodes = useMemo(() => buyerFailureCodes(), []);
  const [typedId, setTypedId] = useState<string | undefined>(undefined);
  const paymentId = (typedId ?? defaultPaymentId).trim();
  const [outcome, setOutcome] = useState<BuyerOutcome>('fail');
  const [resultCode, setResultCode] = useState('USER_BALANCE_NOT_ENOUGH');
  const [notifyType, setNotifyType] = useState<SandboxTestNotifyType>('PAYMENT_RESULT');
  const buyer = useSandboxBuyerAction();
  const notify = useSendSandboxTestNotification();
  const meaning = failureCodes.find((c) => c.code === resultCode)?.meaning;
  const idMissing = paymentId === '' ? 'Enter the paymentRequestId or paymentId of a sandbox payment.' : undefined;

  return (
    <section className="sandbox-tool" aria-labelledby="sandbox-payment-tools">
      <h4 id="sandbox-payment-tools">A payment: buyer outcome and test notifications</h4>
      <FormField label="Payment (paymentRequestId or paymentId)" help={defaultPaymentId ? 'Filled with the session sent last; any sandbox payment works.' : undefined}>
        {(props) => <input {...props} value={typedId ?? defaultPaymentId} onChange={(e) => setTypedId(e.target.value)} placeholder="PAY-…" spellCheck={false} />}
      </FormField>
      <form
        className="form-grid sandbox-tool-form"
        aria-label="Buyer outcome"
        onSubmit={(e) => {
          e.preventDefault();
          if (paymentId) buyer.mutate({ id: paymentId, outcome, ...(outcome === 'fail' ? { resultCode } : {}) });
        }}
      >
        <FormField label="Buyer outcome">
          {(props) => (
            <select {...props} value={outcome} onChange={(e) => setOutcome(e.target.value as BuyerOutcome)}>
              {OUTCOMES.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          )}
        </FormField>
        <FormField label="paymentResultCode" help={outcome === 'fail' ? meaning : 'Only a failing buyer picks the code; the other outcomes have their own.'}>
          {(props) => (
            <select {...props} value={resultCode} disabled={outcome !== 'fail'} onChange={(e) => setResultCode(e.target.value)}>
              {failureCodes.map((c) => <option key={c.code} value={c.code} title={c.meaning}>{c.code} — {c.meaning}</option>)}
            </select>
          )}
        </FormField>
        <div className="sandbox-tool-submit">
          <button type="submit" className="primary" disabled={buyer.isPending || idMissing !== undefined} title={idMissing}>Apply buyer outcome</button>
        </div>
      </form>
      {buyer.isError ? <ErrorPanel title="The sandbox did not apply the buyer outcome" error={errorShapeOf(buyer.error)} /> : null}
      {buyer.data ? (
        <p className="sandbox-result" role="status">
          Sandbox payment <code>{buyer.data.paymentId}</code>: <StatusBadge status={buyer.data.paymentStatus} /> <span className="muted">({buyer.data.state}, {buyer.data.resultCode})</span> <Money amount={buyer.data.amount} />
        </p>
      ) : null}

      <form
        className="form-grid sandbox-tool-form"
        aria-label="Test notification"
        onSubmit={(e) => {
          e.preventDefault();
          if (paymentId) notify.mutate({ id: paymentId, notifyType });
        }}
      >
        <FormField label="Notification type" help="The sandbox sends its latest notification of this type for the payment again, signed, to the payment's notify URL.">
          {(props) => (
            <select {...props} value={notifyType} onChange={(e) => setNotifyType(e.target.value as SandboxTestNotifyType)}>
              {SANDBOX_TEST_NOTIFY_TYPES.map((t) => <option key={t} value={t}>{NOTIFY_LABELS[t]}</option>)}
            </select>
          )}
        </FormField>
        <div className="sandbox-tool-submit">
          <button type="submit" disabled={notify.isPending || idMissing !== undefined} title={idMissing}>Send test notification</button>
        </div>
      </form>
      {notify.isError ? <ErrorPanel title="No test notification was sent" error={errorShapeOf(notify.error)} /> : null}
      {notify.data ? (
        <p className="sandbox-result" role="status">
          Sent {notify.data.notifyType} <code>{notify.data.notificationId}</code> to <code>{notify.data.url ?? 'no notify URL'}</code>:{' '}
          {notify.data.acknowledged ? <span>acknowledged (HTTP {notify.data.httpStatus})</span> : <span className="field-warning">not acknowledged ({notify.data.error ?? `HTTP ${notify.data.httpStatus ?? '—'}`})</span>}
        </p>
      ) : null}
    </section>
  );
}
