/**
 * Captures: authorised card payments waiting for capture; for the selected payment, capture
 * (full or partial), cancel, refund, and the capture/refund story from notifications and
 * inquiries.
 */
import { isCapturable } from '../../../src-shared/payment-summary';
import { errorShapeOf } from '../../bridge/client';
import { navigate, routeHref, useRouteParam } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { Loading } from '../../components/loading';
import { StatusBadge } from '../../components/status-badge';
import { useProfileMode } from '../../queries/app-status';
import { useAwaitingCapture, useTimeline } from '../../queries/payments';
import { MoneySummaryTable } from '../payments/money-summary';
import { TimelineList } from '../payments/timeline-list';
import { AwaitingCaptureTable } from './awaiting-capture-table';
import { CancelAction } from './cancel-action';
import { CaptureForm } from './capture-form';
import { OpenByIdForm } from './open-by-id-form';
import { RefundForm } from './refund-form';

export default function CapturesPage() {
  const mode = useProfileMode();
  const selected = useRouteParam('id');
  const awaiting = useAwaitingCapture(!mode.readOnly);

  if (mode.readOnly) {
    return (
      <DashboardPage title="Captures" purpose="Capture authorised card payments; cancel and refund">
        <p className="notice">The active profile is read-only: captures, cancels and refunds are hidden. Switch profile or turn read-only off in Settings.</p>
      </DashboardPage>
    );
  }

  return (
    <DashboardPage title="Captures" purpose="Capture authorised card payments; cancel and refund">
      {mode.production ? (
        <p className="warning" role="note">Production profile: real money. Each capture and refund asks you to type its amount; a cancel asks for CANCEL.</p>
      ) : null}
      <div className="panel">
        {awaiting.isPending ? <Loading what="Loading authorised payments…" /> : null}
        {awaiting.isError ? <ErrorPanel title="The payments awaiting capture could not be listed" error={errorShapeOf(awaiting.error)} onRetry={() => void awaiting.refetch()} /> : null}
        {awaiting.data && awaiting.data.length === 0 ? (
          <EmptyState title="No authorised payments are waiting for capture">
            <p>Create a CARD session with “Authorise only (capture later)” in <a href={routeHref('sessions')}>Sessions</a> and pay it; it appears here once Antom reports it authorised. To refund a paid payment, find it in <a href={routeHref('payments')}>Payments</a> and choose “Refund in Captures”, or open it by ID in the box below.</p>
          </EmptyState>
        ) : null}
        {awaiting.data && awaiting.data.length > 0 ? <AwaitingCaptureTable rows={awaiting.data} selected={selected} onSelect={(id) => navigate('captures', { id })} /> : null}
        <OpenByIdForm key={selected ?? ''} current={selected} />
      </div>
      {selected ? <SelectedPayment key={selected} id={selected} production={mode.production} /> : (
        <p className="muted">Select a payment above, or open one by ID, to capture, cancel or refund it.</p>
      )}
    </DashboardPage>
  );
}

function SelectedPayment({ id, production }: { id: string; production: boolean }) {
  const timeline = useTimeline(id);
  if (timeline.isPending) return <Loading what={`Loading payment ${id}…`} />;
  if (timeline.isError) return <ErrorPanel title="The payment could not be read" error={errorShapeOf(timeline.error)} onRetry={() => void timeline.refetch()} />;
  const data = timeline.data;
  if (!data) {
    return <ErrorPanel title="Payment not found" error={{ code: 'NOT_FOUND', message: `The journal knows no payment ${id}.`, hint: 'Check the ID, or find it in Payments and inquire first.' }} />;
  }
  const paymentId = data.paymentIds[0];
  const money = data.money;
  const moneyEvents = data.events.filter((e) => e.kind === 'capture' || e.kind === 'refund' || e.kind === 'cancel' || e.kind === 'refund-inquiry' || (e.kind === 'notification' && (e.notifyType === 'CAPTURE_RESULT' || e.notifyType === 'REFUND_RESULT')));
  const canCapture = isCapturable(data.summary);
  const canCancel = data.state === 'AUTHORISED' || data.state === 'PROCESSING' || data.state === 'CREATED';
  const canRefund = money !== null && BigInt(money.remaining.value) > 0n;

  return (
    <div className="panel selected-payment" role="region" aria-label={`Payment ${data.paymentRequestIds[0] ?? id}`}>
      <div className="payment-head">
        <h3>
          Payment <code>{data.paymentRequestIds[0] ?? id}</code> <span className="muted small">paymentId <code>{paymentId ?? '(unknown)'}</code></span>
        </h3>
        <StatusBadge status={data.state} />
        <a href={routeHref('payments', { id: paymentId ?? id })}>Open in Payments</a>
      </div>
      {!paymentId ? <p className="warning">Antom has not told the console this payment's paymentId yet: inquire in Payments first.</p> : null}
      <div className="grid-2">
        <div className="stack">
          {/* Forms stay mounted once their job is done (final capture, cancel) so the result just
              obtained stays on screen; they then say there is nothing left to do. */}
          {paymentId && money && (canCapture || BigInt(money.captured.value) > 0n) ? <CaptureForm paymentId={paymentId} money={money} production={production} /> : null}
          {paymentId && (canCancel || data.state === 'CANCELLED') ? <CancelAction paymentId={paymentId} production={production} done={!canCancel} /> : null}
          {paymentId && money && canRefund ? <RefundForm paymentId={paymentId} money={money} production={production} /> : null}
          {!canCapture && !canCancel && !canRefund && data.state !== 'CANCELLED' ? <p className="muted">Nothing to do for a payment in state {data.state.toLowerCase().replace(/_/g, ' ')}.</p> : null}
        </div>
        <div className="stack">
          {money ? <MoneySummaryTable money={money} released={data.summary.released} /> : null}
          <h4>Capture and refund status</h4>
          {moneyEvents.length > 0 ? <TimelineList events={moneyEvents} /> : <p className="muted">No captures, refunds or cancels yet. notifyCapture / notifyRefund arrive here once Antom sends them.</p>}
        </div>
      </div>
    </div>
  );
}
