/** A real SqliteJournal in a fresh temp data directory, for receiver tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteJournal } from '../../../src-main/core/journal/sqlite-journal';
import type { NotificationAnswerRecord, ReceivedNotification, StoredNotificationRef } from '../../../src-main/core/journal/journal-types';

export interface JournalFixture {
  dataDir: string;
  journal: SqliteJournal;
  /** Sizes of the storeNotifications transactions the receiver made (group commit evidence). */
  batches: number[];
  reopen(): SqliteJournal;
  cleanup(): void;
}

export function openTestJournal(): JournalFixture {
  const dataDir = mkdtempSync(join(tmpdir(), 'antom-receiver-'));
  const opened: SqliteJournal[] = [];
  const batches: number[] = [];
  const open = () => {
    const journal = SqliteJournal.open({ dataDir });
    // Observe (not replace) the group commit: the real method runs unchanged.
    const store = journal.storeNotifications.bind(journal);
    journal.storeNotifications = (batch: readonly ReceivedNotification[], answers?: readonly (NotificationAnswerRecord | undefined)[]): StoredNotificationRef[] => {
      batches.push(batch.length);
      return store(batch, answers);
    };
    opened.push(journal);
    return journal;
  };
  const fixture: JournalFixture = {
    dataDir,
    journal: open(),
    batches,
    reopen: () => (fixture.journal = open()),
    cleanup() {
      for (const j of opened) j.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}
