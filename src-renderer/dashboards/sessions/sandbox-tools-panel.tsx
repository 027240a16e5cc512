/**
 * Sessions' "Sandbox tools" section (issue 9 §4), embedded sandbox only: everything an
 * integrator needs to rehearse failures without curl or the CLI. It sits on Sessions rather than
 * on a dashboard of its own because the integrator's loop (create a session, pay it, inject a
 * fault, retry) happens here, and the session just sent fills the payment field.
 */
import { SandboxFaultsAndClock } from './sandbox-faults-clock';
import { SandboxPaymentTools } from './sandbox-payment-tools';
import './sandbox-tools.css';

export function SandboxToolsPanel({ lastPaymentRequestId }: { lastPaymentRequestId: string }) {
  return (
    <section className="panel sandbox-tools" aria-labelledby="sandbox-tools-title">
      <h3 id="sandbox-tools-title">Sandbox tools</h3>
      <p className="muted small">Embedded sandbox only: inject faults, move its clock, end a payment with any buyer outcome and send its notifications again.</p>
      <div className="grid-2">
        <div className="sandbox-tool-column">
          <SandboxPaymentTools defaultPaymentId={lastPaymentRequestId} />
        </div>
        <div className="sandbox-tool-column">
          <SandboxFaultsAndClock />
        </div>
      </div>
    </section>
  );
}
