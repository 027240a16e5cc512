/**
 * Settings: which journal the console uses, and attaching / detaching a shared PostgreSQL
 * journal (journal-attachment/journal-attachments.ts does the work). The password comes in with
 * attachJournal and goes to the keychain; no operation returns it.
 */
import type { HandlerTable } from '../../../src-shared/contract';
import type { HandlerContext } from './handler-context';

type JournalConnectionHandlers = Pick<HandlerTable, 'getJournalConnection' | 'attachJournal' | 'detachJournal'>;

export function journalConnectionHandlers(ctx: HandlerContext): JournalConnectionHandlers {
  return {
    async getJournalConnection() {
      return ctx.journals.connection();
    },
    async attachJournal({ url, password }) {
      return ctx.journals.attach({ url, password });
    },
    async detachJournal() {
      return ctx.journals.detach();
    },
  };
}
