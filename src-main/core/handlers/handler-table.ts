/**
 * The one handler table behind every door: each domain's module, assembled. A missing or extra
 * operation is a compile error here, because the result must be exactly a HandlerTable.
 */
import type { HandlerTable } from '../../../src-shared/contract';
import type { HandlerContext } from './handler-context';
import { auditHandlers } from './audit-handlers';
import { disputeHandlers } from './dispute-handlers';
import { journalHandlers } from './journal-handlers';
import { journalConnectionHandlers } from './journal-connection-handlers';
import { overviewHandlers } from './overview-handlers';
import { paymentHandlers } from './payment-handlers';
import { paymentsListHandlers } from './payments-list-handlers';
import { profileHandlers } from './profile-handlers';
import { sandboxToolHandlers } from './sandbox-tools-handlers';
import { troubleshootHandlers } from './troubleshoot-handlers';

export function buildHandlerTable(ctx: HandlerContext): HandlerTable {
  return {
    ...profileHandlers(ctx),
    ...paymentHandlers(ctx),
    ...journalHandlers(ctx),
    ...overviewHandlers(ctx),
    ...troubleshootHandlers(ctx),
    ...disputeHandlers(ctx),
    ...journalConnectionHandlers(ctx),
    ...paymentsListHandlers(ctx),
    ...auditHandlers(ctx),
    ...sandboxToolHandlers(ctx),
  };
}
