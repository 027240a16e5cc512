/**
 * The Overview numbers and the list of authorisations still waiting for a capture.
 */
import type { AwaitingCapture, HandlerTable } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { formatMinorUnits, isKnownCurrency } from '../../../src-shared/money';
import type { HandlerContext } from './handler-context';

type OverviewHandlers = Pick<HandlerTable, 'getOverview' | 'listAwaitingCapture'>;

function money(value: bigint, currency: string): { currency: string; value: string; display: string } {
  return { currency, value: value.toString(), display: isKnownCurrency(currency) ? formatMinorUnits(value, currency) : `${currency} ${value}` };
}

async function listAwaitingCapture(ctx: HandlerContext, now: Date = new Date()): Promise<AwaitingCapture[]> {
  const seen = new Set<string>();
  const out: AwaitingCapture[] = [];
  for (const candidate of await ctx.journal.awaitingCaptureCandidates()) {
    const t = await ctx.journal.timeline(candidate.key, now);
    if (!t || !t.money) continue;
    // Two keys (paymentRequestId and paymentId) can reach the same payment: list it once.
    const identity = `${t.paymentRequestIds.join(',')}|${t.paymentIds.join(',')}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const currency = t.money.currency;
    const authorised = BigInt(t.money.authorised.value);
    let captured: bigint;
    if (t.state === 'AUTHORISED' || t.state === 'PARTIALLY_CAPTURED') {
      captured = BigInt(t.money.captured.value);
    } else if (t.state === 'PAID' && candidate.authExpiryTime !== null) {
      // Authorised (Antom sent authExpiryTime) but the session was made elsewhere, so the timeline
      // assumed auto-capture; with no capture seen at all, nothing has been captured.
      captured = 0n;
    } else {
      continue;
    }
    const uncaptured = authorised - captured;
    if (uncaptured <= 0n) continue;
    const last = t.events[t.events.length - 1];
    out.push({
      paymentId: t.paymentIds[0] ?? candidate.key,
      paymentRequestId: t.paymentRequestIds[0] ?? null,
      profile: candidate.profile,
      authorised: money(authorised, currency),
      captured: money(captured, currency),
      uncaptured: money(uncaptured, currency),
      authExpiryTime: candidate.authExpiryTime,
      lastSeenAt: last?.at ?? now.toISOString(),
    });
  }
  // The ones that expire first are the ones to act on first.
  return out.sort((a, b) => (a.authExpiryTime ?? '\uffff').localeCompare(b.authExpiryTime ?? '\uffff') || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

export function overviewHandlers(ctx: HandlerContext): OverviewHandlers {
  return {
    async getOverview({ since, until, buckets }) {
      if (!(Date.parse(since) < Date.parse(until))) {
        throw new ConsoleError('VALIDATION_FAILED', `The range starts (${since}) at or after it ends (${until}).`, 'Pick a start time before the end time.', { field: 'since' });
      }
      return ctx.journal.overview({ since, until, ...(buckets !== undefined ? { buckets } : {}) });
    },
    async listAwaitingCapture() {
      return listAwaitingCapture(ctx);
    },
  };
}
