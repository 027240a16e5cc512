/** A real SQLite journal (through the engine factory) in a fresh temp data directory, for receiver tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Journal } from '../../../src-main/core/journal/journal';
import { openJournal } from '../../../src-main/core/journal/open-journal';
import type { NotificationAnswerRecord, ReceivedNotification, StoredNotificationRef } from '../../../src-main/core/journal/journal-types';

export interface JournalFixture {
  dataDir: string;
  journal: Journal;
  /** Sizes of the storeNotifications transactions the receiver made (group commit evidence). */
  batches: number[];
  reopen(): Promise<Journal>;
  cleanup(): Promise<void>;
}

export async function openTestJournal(): Promise<JournalFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'antom-receiver-'));
  const opened: Journal[] = [];
  const batches: number[] = [];
  const open = async (): Promise<Journal> => {
    const journal = await openJournal({ dataDir });
    // Observe (not replace) the group commit: the real method runs unchanged.
    const store = journal.storeNotifications.bind(journal);
    journal.storeNotifications = (batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[]): Promise<StoredNotificationRef[]> => {
      batches.push(batch.length);
      return store(batch, answers);
    };
    opened.push(journal);
    return journal;
  };
  const fixture: JournalFixture = {
    dataDir,
    journal: await open(),
    batches,
    reopen: async () => (fixture.journal = await open()),
    async cleanup() {
      for (const j of opened) await j.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
