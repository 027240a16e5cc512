/**
 * The Overview numbers and the list of authorisations still waiting for a capture.
 */
import type { AwaitingCapture, HandlerTable } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { isCapturable } from '../../../src-shared/payment-summary';
import type { HandlerContext } from './handler-context';

type OverviewHandlers = Pick<HandlerTable, 'getOverview' | 'listAwaitingCapture'>;

async function listAwaitingCapture(ctx: HandlerContext, now: Date = new Date()): Promise<AwaitingCapture[]> {
  const seen = new Set<string>();
  const out: AwaitingCapture[] = [];
  for (const candidate of await ctx.journal.awaitingCaptureCandidates()) {
    const t = await ctx.journal.timeline(candidate.key, now);
    if (!t) continue;
    // Two keys (paymentRequestId and paymentId) can reach the same payment: list it once.
    const identity = `${t.paymentRequestIds.join(',')}|${t.paymentIds.join(',')}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    // The one derived summary decides: a cancelled or expired authorisation is not capturable.
    const s = t.summary;
    if (!isCapturable(s) || !s.authorised || !s.captured || !s.uncaptured) continue;
    const last = t.events[t.events.length - 1];
    out.push({
      paymentId: t.paymentIds[0] ?? candidate.key,
      paymentRequestId: t.paymentRequestIds[0] ?? null,
      profile: candidate.profile,
      authorised: s.authorised,
      captured: s.captured,
      uncaptured: s.uncaptured,
      authExpiryTime: s.authExpiryTime ?? candidate.authExpiryTime,
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
