/**
 * The journal's connection decides too: on a shared PostgreSQL journal a support login cannot
 * record a money-moving call (row-level security refuses the row), so the console refuses the
 * operation up front, before a byte is signed or sent, instead of moving money it cannot record.
 * The same holds for every other write a login may lack (settings, prune, replays, inquiries for
 * an intake login). The database stays the enforcer; this is the early, explained refusal.
 * SQLite journals allow everything, so this changes nothing there.
 */
import { MONEY_MOVING_OPERATIONS, type OperationName } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { describeJournalLogin, type JournalAccess, type JournalCapabilities } from '../../../src-shared/journal-access';
import type { Journal } from '../journal/journal';
import type { HandlerContext } from './handler-context';

/** The capability each journal-writing operation needs; operations not listed only read. */
function capabilityFor(operation: OperationName): keyof JournalCapabilities | undefined {
  if ((MONEY_MOVING_OPERATIONS as readonly string[]).includes(operation)) return 'recordMoneyCalls';
  switch (operation) {
    case 'inquiryPayment':
    case 'inquiryRefund':
    case 'downloadDisputeEvidence':
      return 'recordInquiries';
    case 'replayNotification':
      return 'recordReplays';
    case 'setRetentionDays':
      return 'writeSettings';
    case 'pruneJournal':
      return 'prune';
    default:
      return undefined;
  }
}

const MAY_NOT: Readonly<Record<keyof JournalCapabilities, string>> = {
  readJournal: 'read the journal',
  recordMoneyCalls: 'record money-moving calls',
  recordInquiries: 'record calls to Antom',
  recordReplays: 'record notification replays',
  writeSettings: 'change the journal\'s settings',
  prune: 'delete journal rows (retention is the journal owner\'s job)',
  receive: 'store notifications',
};

/** Calls to Antom are "not sent"; the rest "not done". */
function outcomeWord(capability: keyof JournalCapabilities): string {
  return capability === 'recordMoneyCalls' || capability === 'recordInquiries' ? 'was not sent to Antom' : 'was not done';
}

function journalRefusal(access: JournalAccess, operation: OperationName, capability: keyof JournalCapabilities): ConsoleError {
  const login = describeJournalLogin(access);
  const details = { operation, capability, user: access.user, roles: access.roles };
  if (capability === 'recordMoneyCalls' && access.roles.includes('support')) {
    return new ConsoleError(
      'JOURNAL_ROLE_FORBIDS',
      `Connected to the shared journal as ${login}: support can inquire but not move money; ask an operator. ${operation} ${outcomeWord(capability)}.`,
      'Ask an operator to do it, or connect with a login in antom_ops_operator (the journal owner creates one: antom-ops db roles --login NAME --role operator).',
      details,
    );
  }
  return new ConsoleError(
    'JOURNAL_ROLE_FORBIDS',
    `Connected to the shared journal as ${login}, which may not ${MAY_NOT[capability]}; ${operation} ${outcomeWord(capability)}.`,
    'Connect with a login whose role allows it (antom-ops db roles: intake stores notifications, operator records every call, support records inquiries), or ask the journal\'s owner.',
    details,
  );
}

/** Refuse `operation` before it starts when this journal connection could not record it. */
export async function assertJournalAllows(ctx: HandlerContext, operation: OperationName): Promise<void> {
  const capability = capabilityFor(operation);
  if (!capability) return;
  const access = await ctx.journal.capabilities();
  if (!access.capabilities[capability]) throw journalRefusal(access, operation, capability);
}

/**
 * A receiver on a login that cannot store notifications would answer every one of Antom's POSTs
 * with a failure: refuse to start instead, saying which role it needs. When the database cannot
 * be asked (down), the receiver starts anyway and answers failures until it is back.
 */
export async function assertJournalReceives(journal: Journal): Promise<void> {
  let access: JournalAccess;
  try {
    access = await journal.capabilities();
  } catch {
    return;
  }
  if (access.capabilities.receive) return;
  throw new ConsoleError(
    'JOURNAL_ROLE_FORBIDS',
    `Connected to the shared journal as ${describeJournalLogin(access)}, which may not store notifications, so this receiver would answer every notification with a failure.`,
    'Run receivers with a login in antom_ops_intake (the journal owner creates one: antom-ops db roles --login NAME --role intake).',
    { user: access.user, roles: access.roles },
  );
}
