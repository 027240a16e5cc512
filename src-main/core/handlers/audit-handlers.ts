/**
 * The audit trail's read side: intents of money-moving calls with who sent them and how they
 * ended, filtered and keyset-paged, and exported as a file (CSV or JSON).
 */
import type { HandlerTable } from '../../../src-shared/contract';
import { exportFile } from './export-file';
import type { HandlerContext } from './handler-context';

type AuditHandlers = Pick<HandlerTable, 'listAudit' | 'exportAudit'>;

export function auditHandlers(ctx: HandlerContext): AuditHandlers {
  return {
    async listAudit({ filter, page }) {
      return ctx.journal.auditTrail().listAudit(filter ?? {}, page ?? {});
    },
    async exportAudit({ filter, format }) {
      return exportFile('audit', format, await ctx.journal.auditTrail().exportAudit(filter ?? {}, format));
    },
  };
}
