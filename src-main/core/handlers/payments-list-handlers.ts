/**
 * The Payments list (issue 9 §1): pages and the export, straight from the journal's summary
 * table. Read-only, so read-only profiles (support) see it too.
 */
import type { HandlerTable } from '../../../src-shared/contract';
import type { HandlerContext } from './handler-context';
import { exportFile } from './export-file';

type PaymentsListHandlers = Pick<HandlerTable, 'listPayments' | 'exportPayments'>;

export function paymentsListHandlers(ctx: HandlerContext): PaymentsListHandlers {
  return {
    async listPayments({ filter, sort, page }) {
      return ctx.journal.listPayments(filter ?? {}, sort, page ?? {});
    },
    async exportPayments({ filter, sort, format }) {
      return exportFile('payments', format, await ctx.journal.exportPayments(filter ?? {}, sort, format));
    },
  };
}
