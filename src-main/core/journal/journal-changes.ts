/**
 * Changes other processes write to a shared journal, as the push events the doors already
 * forward to the page (PushHub's notificationStored / callRecorded): a console on PostgreSQL
 * hears what any receiver stored and what any console recorded, and the renderer's existing
 * invalidation works unchanged. Only the PostgreSQL engine has them (postgres-live-feed.ts); the
 * SQLite file is one console's own journal.
 */
import type { PushPayloads } from '../../../src-shared/contract';

export type JournalChange =
  | { kind: 'notificationStored'; payload: PushPayloads['notificationStored'] }
  | { kind: 'callRecorded'; payload: PushPayloads['callRecorded'] };

export interface JournalChangeOptions {
  onChange: (change: JournalChange) => void;
  /** A read that failed (it is retried) or a listener that threw; for the log. */
  onError?: (error: unknown) => void;
}

export interface JournalChangeFeed {
  /** Stop listening; resolves once no more changes will be delivered. */
  stop(): Promise<void>;
}
