/** Stand-in for SqliteJournal until it lands: same method shapes, dedup by dedupKey. */
import type { ReceivedNotification, StoredNotificationRef } from '../../../src-main/core/journal/journal-types';
import type { NotificationAnswer, NotificationSink } from '../../../src-main/core/receiver/notification-sink';

export interface MemoryRow extends ReceivedNotification {
  id: number;
  duplicateOf: number | undefined;
  acknowledged: NotificationAnswer | undefined;
}

export class MemorySink implements NotificationSink {
  rows: MemoryRow[] = [];
  batches: number[] = [];
  failNext = 0;
  private firstByKey = new Map<string, number>();

  storeNotification(n: ReceivedNotification): StoredNotificationRef {
    return this.storeNotifications([n])[0]!;
  }
  storeNotifications(batch: readonly ReceivedNotification[]): StoredNotificationRef[] {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('SQLITE_FULL: database or disk is full');
    }
    this.batches.push(batch.length);
    return batch.map((n) => {
      const id = this.rows.length + 1;
      const first = n.verification === 'verified' && n.dedupKey ? this.firstByKey.get(n.dedupKey) : undefined;
      if (n.verification === 'verified' && n.dedupKey && first === undefined) this.firstByKey.set(n.dedupKey, id);
      this.rows.push({ ...n, id, duplicateOf: first, acknowledged: undefined });
      const attempts = this.rows.filter((r) => r.id === (first ?? id) || r.duplicateOf === (first ?? id)).length;
      return { id, duplicateOf: first, attempts };
    });
  }
  private ackWaiters = new Map<number, () => void>();
  markAcknowledged(id: number, answer: NotificationAnswer): void {
    const row = this.rows[id - 1];
    if (row) row.acknowledged = answer;
    this.ackWaiters.get(id)?.();
  }
  /** Resolves once markAcknowledged(id) has been called (it runs just after the answer is sent). */
  acknowledged(id: number): Promise<void> {
    if (this.rows[id - 1]?.acknowledged) return Promise.resolve();
    return new Promise((resolve) => this.ackWaiters.set(id, resolve));
  }
  getNotification(id: number): MemoryRow | undefined {
    return this.rows[id - 1];
  }
  close(): void {}
}
