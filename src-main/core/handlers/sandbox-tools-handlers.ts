/**
 * Sandbox tools for integrators (issue 9 §4): inject faults into the embedded sandbox, advance its
 * clock, and have it send a payment's notification again. Only the embedded sandbox profile may
 * use them: the same words against Antom's sandbox or production would mean nothing (or worse),
 * so every operation is refused with a typed error on any other profile. Changes are refused for
 * a read-only profile too; reading the faults and the clock is not.
 */
import type { HandlerTable, OperationName } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import type { SandboxClockView, SandboxFaultView, SandboxTestNotificationResult } from '../../../src-shared/sandbox-tools';
import type { SandboxTestNotifyType } from '../../../src-shared/vocabulary';
import { httpPort, inProcessPort, type ActiveFault, type SandboxNotification, type SandboxToolsPort } from '../sandbox/tools-port';
import type { HandlerContext } from './handler-context';
import { activeProfile } from './money-guards';

type SandboxToolHandlers = Pick<HandlerTable, 'listSandboxFaults' | 'setSandboxFaults' | 'clearSandboxFaults' | 'getSandboxClock' | 'advanceSandboxClock' | 'sendSandboxTestNotification'>;

function faultView(fault: ActiveFault): SandboxFaultView {
  const kind = fault.kind;
  const api = fault.api ?? null;
  const detail = kind === 'latency' ? `${fault.latencyMs ?? 0} ms before answering`
    : kind === 'http5xx' ? `HTTP ${fault.status ?? 502}, ${fault.body ?? 'html'} body`
      : kind === 'wrongSignature' ? (fault.mode === 'otherKey' ? 'signed with another key' : 'signature over a changed body')
        : kind === 'dropAfterApply' ? 'applies the change, then drops the connection'
          : kind === 'unknownException' ? 'answers U / UNKNOWN_EXCEPTION, changes nothing'
            : 'answers without signature headers';
  return { kind, api, remaining: fault.remaining, detail };
}

/** Which sandbox notifications a test notification of this type may be. */
function matchesType(n: SandboxNotification, type: SandboxTestNotifyType): boolean {
  return type === 'NOTIFY_DISPUTE' ? n.api === 'notifyDispute' : n.notifyType === type;
}

const WHEN_SENT: Readonly<Record<SandboxTestNotifyType, string>> = {
  PAYMENT_RESULT: 'The sandbox sends PAYMENT_RESULT once the buyer pays, fails or cancels: act as the buyer first (Sessions).',
  PAYMENT_PENDING: 'The sandbox sends PAYMENT_PENDING when the buyer outcome is "processing": pick that buyer outcome first.',
  CAPTURE_RESULT: 'The sandbox sends CAPTURE_RESULT after a capture: capture the authorised payment first (Captures).',
  REFUND_RESULT: 'The sandbox sends REFUND_RESULT after a refund: refund the payment first (Refunds).',
  NOTIFY_DISPUTE: 'The sandbox sends notifyDispute when a dispute is raised: raise one with `antom-ops sandbox dispute` first.',
};

export function sandboxToolHandlers(ctx: HandlerContext): SandboxToolHandlers {
  /** The embedded profile's sandbox, in this process or another; refused for any other profile. */
  async function port(operation: OperationName): Promise<SandboxToolsPort> {
    const profile = await activeProfile(ctx);
    if (profile.environment !== 'embedded') {
      throw new ConsoleError(
        'VALIDATION_FAILED',
        `Profile "${profile.name}" is ${profile.environment === 'production' ? 'a production profile' : 'an Antom sandbox profile'}; ${operation} works only on the embedded sandbox.`,
        'Switch to the embedded sandbox profile (Settings) to inject faults, move the clock or resend test notifications.',
        { profile: profile.name, operation },
      );
    }
    if (profile.readOnly && operation !== 'listSandboxFaults' && operation !== 'getSandboxClock') {
      throw new ConsoleError('READ_ONLY', `Profile "${profile.name}" is read-only, so ${operation} is not allowed.`, 'Turn read-only off for this profile in Settings to change the sandbox.', { profile: profile.name, operation });
    }
    if (ctx.sandbox) return inProcessPort(ctx.sandbox.control);
    const elsewhere = ctx.sandboxBaseUrl();
    if (!elsewhere) {
      throw new ConsoleError('NOT_FOUND', 'The embedded sandbox is not running.', 'Restart the console (npm start / npm run preview) so it starts the embedded sandbox, or run `antom-ops sandbox start`.');
    }
    return httpPort(elsewhere);
  }

  const clockView = async (p: SandboxToolsPort): Promise<SandboxClockView> => {
    const c = await p.clock();
    return { now: c.now, offsetMs: c.clockOffsetMs, timeScale: c.timeScale };
  };

  return {
    async listSandboxFaults() {
      return (await (await port('listSandboxFaults')).listFaults()).map(faultView);
    },

    async setSandboxFaults({ fault, replace }) {
      const p = await port('setSandboxFaults');
      return (await p.putFault(fault, replace ?? false)).map(faultView);
    },

    async clearSandboxFaults() {
      const p = await port('clearSandboxFaults');
      await p.clearFaults();
      return [];
    },

    async getSandboxClock() {
      return clockView(await port('getSandboxClock'));
    },

    async advanceSandboxClock({ amount, unit }) {
      const p = await port('advanceSandboxClock');
      await p.advance(amount * (unit === 'hours' ? 3_600_000 : 60_000));
      return clockView(p);
    },

    async sendSandboxTestNotification({ id, notifyType }) {
      const p = await port('sendSandboxTestNotification');
      const payment = await p.payment(id);
      const candidates = (await p.listNotifications()).filter((n) => n.paymentId === payment.paymentId && matchesType(n, notifyType));
      // The newest one: a capture or refund made last is the one an integrator is testing.
      const latest = candidates.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
      if (!latest) {
        throw new ConsoleError('NOT_FOUND', `The sandbox has no ${notifyType} notification for payment ${payment.paymentRequestId} yet.`, WHEN_SENT[notifyType], { id, notifyType });
      }
      const sent = await p.resend(latest.id);
      const last = sent.attempts.at(-1);
      const result: SandboxTestNotificationResult = {
        notificationId: sent.id,
        notifyType,
        paymentId: payment.paymentId,
        url: sent.url ?? null,
        httpStatus: last?.httpStatus ?? null,
        acknowledged: last?.acknowledged ?? false,
        error: last?.error ?? null,
      };
      return result;
    },
  };
}
