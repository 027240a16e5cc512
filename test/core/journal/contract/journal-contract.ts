/**
 * The journal's contract, engine-agnostic: the same cases and the same expected results for
 * every engine (issue 7 §1). An engine's test file calls describeJournalContract with a factory
 * for a fresh, empty journal on a real store (no mocks):
 *
 *   describeJournalContract('sqlite', (config) => openJournal({ dataDir: freshDir(), ...config }), { sameStore });
 *
 * `sameStore` opens another journal on the store a journal uses (the first staying open): cases
 * that must prove a write was committed (not merely cached by the connection that made it) read
 * through a reopened journal, and the duplicate case stores through two journals at once, as two
 * receivers on one database do. Without it those cases run on the one journal.
 *
 * The cases live in one module per area (storing, calls, timelines, export and retention, the
 * payments list); each
 * gets the context below, rebuilt for every case.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Journal } from '../../../../src-main/core/journal/journal';
import type { JournalCommonConfig } from '../../../../src-main/core/journal/open-journal';
import { auditContract } from './contract-audit';
import { callContract } from './contract-calls';
import { exportAndRetentionContract } from './contract-export-retention';
import { forwardingContract } from './contract-forwarding';
import { paymentsListContract } from './contract-payments-list';
import { storingContract } from './contract-storing';
import { timelineContract } from './contract-timelines';

/** A fresh, empty journal on a real store; `config` goes to the engine (e.g. onRecordError). */
type MakeJournal = (config?: JournalCommonConfig) => Promise<Journal>;

interface JournalContractOptions {
  /** Another journal on the store `journal` uses, while `journal` stays open. */
  sameStore?: (journal: Journal) => Promise<Journal>;
  /** The `payments` table's rows as stored, read past the journal (whose list reads drain the queue first). */
  rawPayments?: (journal: Journal) => Promise<RawPaymentRow[]>;
}

/** A `payments` row read straight from the store, ordered by key. */
export interface RawPaymentRow {
  key: string;
  status: string;
  refunded_value: string | null;
}

/** What each case works with. */
export interface ContractContext {
  /** The journal under test (the latest one, after a reopen). */
  readonly journal: Journal;
  /** Close the journal and open its store again; `journal` is the reopened one afterwards. */
  reopen(): Promise<Journal>;
  /** A second journal on the same store, open at the same time (closed after the case). */
  second(): Promise<Journal>;
  /** Another fresh, empty journal with this config (closed after the case). */
  open(config: JournalCommonConfig): Promise<Journal>;
  /** The journal's `payments` rows read straight from its store (no drain); undefined when the engine's test gave no reader. */
  rawPayments(): Promise<RawPaymentRow[]> | undefined;
}

export function describeJournalContract(name: string, makeJournal: MakeJournal, options: JournalContractOptions = {}): void {
  describe(`journal contract: ${name}`, () => {
    let current: Journal | undefined;
    const extra: Journal[] = [];
    const ctx: ContractContext = {
      get journal(): Journal {
        if (!current) throw new Error('the journal is only open inside a case');
        return current;
      },
      async reopen() {
        const journal = ctx.journal;
        if (!options.sameStore) return journal;
        current = await options.sameStore(journal);
        await journal.close();
        return current;
      },
      async second() {
        if (!options.sameStore) return ctx.journal;
        const journal = await options.sameStore(ctx.journal);
        extra.push(journal);
        return journal;
      },
      async open(config) {
        const journal = await makeJournal(config);
        extra.push(journal);
        return journal;
      },
      rawPayments() {
        return options.rawPayments?.(ctx.journal);
      },
    };

    beforeEach(async () => {
      current = await makeJournal();
    });
    afterEach(async () => {
      for (const journal of extra.splice(0)) await journal.close();
      await current?.close();
      current = undefined;
    });

    storingContract(ctx);
    callContract(ctx);
    timelineContract(ctx);
    exportAndRetentionContract(ctx);
    forwardingContract(ctx);
    paymentsListContract(ctx);
    auditContract(ctx);
  });
}
