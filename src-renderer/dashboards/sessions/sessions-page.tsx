/**
 * Sessions: build and send a createPaymentSession in display units, see exactly what was signed
 * and what came back (paymentSessionData to copy), and on the embedded sandbox play the buyer.
 */
import { useState } from 'react';
import type { CallOutcome } from '../../../src-shared/call-outcome';
import { errorShapeOf } from '../../bridge/client';
import { CodeBlock } from '../../components/code-block';
import { DashboardPage } from '../../components/dashboard-page';
import { ErrorPanel } from '../../components/error-panel';
import { OutcomeView } from '../../components/outcome-view';
import { SignedRequestView } from '../../components/signed-request-view';
import { useAppStatus, useProfileMode } from '../../queries/app-status';
import { useCreatePaymentSession } from '../../queries/calls-outcomes';
import { newRequestId } from '../../../src-shared/request-ids';
import { BuyerActions } from './buyer-actions';
import { SandboxToolsPanel } from './sandbox-tools-panel';
import { SessionForm } from './session-form';
import type { SessionFormValues } from './session-body';

export const DEFAULT_REDIRECT_URL = 'https://example.com/antom-ops/return';

function initialValues(): SessionFormValues {
  return {
    currency: 'USD',
    amount: '100.00',
    paymentRequestId: newRequestId('PAY'),
    referenceOrderId: newRequestId('ORDER'),
    orderDescription: 'Antom Ops Console test order',
    paymentMethodType: 'CARD',
    authoriseOnly: true,
    settlementCurrency: 'USD',
    notifyUrl: '',
    redirectUrl: DEFAULT_REDIRECT_URL,
  };
}

function sessionDataOf(response: unknown): { paymentSessionData?: string; paymentSessionId?: string; paymentSessionExpiryTime?: string } {
  if (typeof response !== 'object' || response === null) return {};
  const r = response as Record<string, unknown>;
  const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : undefined);
  return { paymentSessionData: text('paymentSessionData'), paymentSessionId: text('paymentSessionId'), paymentSessionExpiryTime: text('paymentSessionExpiryTime') };
}

export default function SessionsPage() {
  const status = useAppStatus();
  const mode = useProfileMode();
  const [values, setValues] = useState(initialValues);
  const [notifyEdited, setNotifyEdited] = useState(false);
  const create = useCreatePaymentSession();
  const [sent, setSent] = useState<{ outcome: CallOutcome<unknown>; paymentRequestId: string } | undefined>();

  const receiverUrl = status.data?.receiver.url ?? '';
  const effective: SessionFormValues = { ...values, notifyUrl: notifyEdited ? values.notifyUrl : receiverUrl };

  if (mode.readOnly) {
    return (
      <DashboardPage title="Sessions" purpose="Create payment sessions and drive the sandbox buyer">
        <p className="notice">The active profile is read-only: creating sessions is hidden. Switch profile or turn read-only off in Settings.</p>
      </DashboardPage>
    );
  }

  const send = (body: Record<string, unknown>) => {
    const paymentRequestId = effective.paymentRequestId.trim();
    create.mutate(
      { body },
      {
        onSuccess: (outcome) => {
          setSent({ outcome, paymentRequestId });
          // A settled S/F keeps its ID forever; the next session needs a fresh one. After U the
          // same ID stays so a resend is idempotent.
          if (outcome.resultStatus !== 'U') setValues((v) => ({ ...v, paymentRequestId: newRequestId('PAY'), referenceOrderId: newRequestId('ORDER') }));
        },
      },
    );
  };

  const session = sent ? sessionDataOf(sent.outcome.response) : {};

  return (
    <DashboardPage title="Sessions" purpose="Create payment sessions and drive the sandbox buyer">
      <div className="panel">
        <h3>New payment session</h3>
        <SessionForm
          values={effective}
          receiverUrl={receiverUrl}
          busy={create.isPending}
          onChange={(patch) => {
            if ('notifyUrl' in patch) setNotifyEdited(true);
            setValues((v) => ({ ...v, ...patch }));
          }}
          onSubmit={send}
        />
        {create.isError ? <ErrorPanel title="The session was not created" error={errorShapeOf(create.error)} /> : null}
      </div>
      {sent ? (
        <div className="panel" aria-label="Session result" role="region">
          <h3>
            Sent <code>{sent.paymentRequestId}</code>
          </h3>
          <div className="grid-2">
            <SignedRequestView request={sent.outcome} />
            <div>
              <OutcomeView outcome={sent.outcome} title="Response" showRequest={false} />
              {session.paymentSessionData ? <CodeBlock label="paymentSessionData" text={session.paymentSessionData} copyLabel="Copy paymentSessionData" /> : null}
              {session.paymentSessionId ? (
                <p className="muted small">
                  paymentSessionId <code>{session.paymentSessionId}</code>
                  {session.paymentSessionExpiryTime ? <> · expires {session.paymentSessionExpiryTime}</> : null}
                </p>
              ) : null}
            </div>
          </div>
          {mode.embedded && sent.outcome.resultStatus === 'S' ? <BuyerActions paymentRequestId={sent.paymentRequestId} /> : null}
          {mode.environment === 'sandbox' && sent.outcome.resultStatus === 'S' ? (
            <p className="muted">Antom sandbox: pass paymentSessionData to the client SDK and pay with a sandbox wallet or test card, then follow the payment.</p>
          ) : null}
        </div>
      ) : null}
      {mode.embedded ? <SandboxToolsPanel lastPaymentRequestId={sent?.paymentRequestId ?? ''} /> : null}
    </DashboardPage>
  );
}
