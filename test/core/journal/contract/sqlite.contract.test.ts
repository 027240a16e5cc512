/** The journal contract on the embedded engine: a real SQLite file in a fresh temp directory per case. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Journal } from '../../../../src-main/core/journal/journal';
import { openJournal } from '../../../../src-main/core/journal/open-journal';
import { describeJournalContract, type RawPaymentRow } from './journal-contract';

const dirs: string[] = [];
const dirOf = new WeakMap<Journal, string>();

async function openIn(dataDir: string, config = {}): Promise<Journal> {
  const journal = await openJournal({ engine: 'sqlite', dataDir, ...config });
  dirOf.set(journal, dataDir);
  return journal;
}

// Registered before the contract's own hooks, so it runs after they have closed every journal.
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describeJournalContract(
  'sqlite',
  async (config) => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-contract-'));
    dirs.push(dir);
    return openIn(dir, config);
  },
  {
    sameStore: async (journal) => {
      const dir = dirOf.get(journal);
      if (!dir) throw new Error('this journal was not opened by the SQLite contract factory');
      return openIn(dir);
    },
    rawPayments: async (journal) => {
      if (journal.engine !== 'sqlite') throw new Error('not a SQLite journal');
      // describe() is the file's path on SQLite.
      const db = new Database(journal.describe(), { readonly: true });
      try {
        return db.prepare('SELECT key, status, refunded_value FROM payments ORDER BY key').all() as RawPaymentRow[];
      } finally {
        db.close();
      }
    },
  },
);
