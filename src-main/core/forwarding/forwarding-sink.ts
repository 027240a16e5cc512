/**
 * The receiver's sink when it relays (`listen --forward-to URL`): the journal, with every batch
 * stored together with its outbox rows (Journal.storeNotifications' forwardTo, one transaction),
 * and the worker woken once the batch is committed. The wake is a setImmediate: the receiver
 * writes its answers in the microtask after the commit resolves, so Antom's acknowledgements are
 * on the sockets before the worker even looks at the outbox.
 */
import type { Journal } from '../journal/journal';
import type { NotificationSink } from '../receiver/notification-sink';

export function forwardingSink(journal: Journal, target: string, afterCommit: () => void): NotificationSink {
  return {
    async storeNotification(n, answer) {
      const ref = await journal.storeNotification(n, answer, { forwardTo: target });
      afterCommit();
      return ref;
    },
    async storeNotifications(batch, answers) {
      const refs = await journal.storeNotifications(batch, answers, { forwardTo: target });
      afterCommit();
      return refs;
    },
    markAnswersUndelivered: (items) => journal.markAnswersUndelivered(items),
    getNotification: (id) => journal.getNotification(id),
    refreshQueuedPayments: (limit) => journal.refreshQueuedPayments(limit),
    // The outbox rows go in each batch's own transaction, so batches may overlap as without a relay.
    get concurrentStores() {
      return journal.concurrentStores;
    },
    close: () => journal.close(),
  };
}
