/**
 * When was the payment session for a paymentRequestId created? The client needs it to tell an
 * inquiry "right after a session" (where ORDER_NOT_EXIST may only mean "not visible yet", issue 8
 * §5) from one about an ID Antom never saw.
 *
 * The client remembers the sessions it created itself; a console builds a new client per call,
 * so the journal (which records every createPaymentSession attempt) answers for sessions created
 * by an earlier call, the CLI, or before a restart.
 */
import type { CallFilter, CallSummary, Page, PageRequest } from '../../../src-shared/journal-views';

export interface SessionLookup {
  /** Epoch ms the newest createPaymentSession for this paymentRequestId started, if one was sent and not refused. */
  sessionStartedAt(paymentRequestId: string): Promise<number | undefined>;
}

export class InMemorySessionLookup implements SessionLookup {
  private readonly started = new Map<string, number>();

  record(paymentRequestId: string, startedAtMs: number): void {
    this.started.set(paymentRequestId, startedAtMs);
  }

  async sessionStartedAt(paymentRequestId: string): Promise<number | undefined> {
    return this.started.get(paymentRequestId);
  }
}

/** The part of the journal this needs. */
interface CallListing {
  listCalls(filter?: CallFilter, page?: PageRequest): Promise<Page<CallSummary>>;
}

/**
 * Backed by the journal's call records. An attempt that ended F created no session; one that
 * ended S, U or without an answer (timeout) may have.
 */
export function journalSessionLookup(journal: CallListing): SessionLookup {
  return {
    async sessionStartedAt(paymentRequestId) {
      const page = await journal.listCalls({ api: 'createPaymentSession', anyId: paymentRequestId }, { limit: 20 });
      const times = page.items
        .filter((call) => call.paymentRequestId === paymentRequestId && call.resultStatus !== 'F')
        .map((call) => Date.parse(call.startedAt))
        .filter((ms) => Number.isFinite(ms));
      return times.length > 0 ? Math.max(...times) : undefined;
    },
  };
}
