/**
 * The two rules main enforces on money, whatever the page shows:
 * - a read-only profile (support agents) refuses every money-moving operation;
 * - a production profile needs the operator to type the amount (capture, refund) or CANCEL.
 * The page asks for the same things; these checks make sure a page that skips them gets nowhere.
 */
import { MONEY_MOVING_OPERATIONS, type OperationName, type ProfileSummary } from '../../../src-shared/contract';
import { ConsoleError } from '../../../src-shared/errors';
import { minorToDisplayUnits, parseMinorUnits, type Amount } from '../../../src-shared/money';
import { CANCEL_CONFIRMATION, typedAmountConfirms, typedCancelConfirms } from '../../../src-shared/typed-confirmation';
import type { HandlerContext } from './handler-context';
import { assertJournalAllows } from './journal-role-guards';

function isMoneyMoving(name: OperationName): boolean {
  return (MONEY_MOVING_OPERATIONS as readonly string[]).includes(name);
}

/** The profile handlers act for: the door's per-dispatch choice (CLI --profile), else the active one. */
export async function activeProfile(ctx: HandlerContext): Promise<ProfileSummary> {
  if (ctx.scope.profile !== undefined) return ctx.profiles.get(ctx.scope.profile);
  const profile = await ctx.profiles.getActive();
  if (!profile) {
    throw new ConsoleError('PROFILE_NOT_FOUND', 'No profile is active.', 'Create a profile in Settings, or pick one as active.');
  }
  return profile;
}

/**
 * Every money-moving call starts the same way: the profile the table acts for, refused if
 * read-only, then refused if the journal connection could not record it (a support login on a
 * shared journal), then `confirm` (the production confirmation of this operation), and only
 * then its client. Payments and disputes share it so no handler can skip a step.
 */
export async function guardedClient(ctx: HandlerContext, operation: OperationName, confirm: (profile: ProfileSummary) => void = () => undefined) {
  const profile = await activeProfile(ctx);
  assertWritable(profile, operation);
  await assertJournalAllows(ctx, operation);
  confirm(profile);
  return ctx.clientFor(profile.name);
}

export function assertWritable(profile: ProfileSummary, operation: OperationName): void {
  if (!profile.readOnly || !isMoneyMoving(operation)) return;
  throw new ConsoleError(
    'READ_ONLY',
    `Profile "${profile.name}" is read-only, so ${operation} is not allowed.`,
    'Switch to a profile that may move money, or turn read-only off for this profile in Settings.',
    { profile: profile.name, operation },
  );
}

/** Production only: the typed confirmation must equal the amount about to move, in display units. */
export function assertAmountConfirmed(profile: ProfileSummary, amount: Amount, confirmation: string | undefined): void {
  // Never trust the door's validation for money: check the wire amount again.
  const minor = parseMinorUnits(amount, 'amount');
  if (profile.environment !== 'production') return;
  const expected = minorToDisplayUnits(minor, amount.currency);
  // The page checks the same rule (src-shared/typed-confirmation.ts) before it lets the operator confirm.
  if (!typedAmountConfirms(confirmation, { currency: amount.currency, value: minor.toString() })) {
    throw new ConsoleError(
      'VALIDATION_FAILED',
      confirmation === undefined
        ? `Profile "${profile.name}" is a production profile: this moves real money, so the amount must be confirmed.`
        : `The confirmation "${confirmation}" does not match the amount ${amount.currency} ${expected}.`,
      `Type the amount exactly as ${expected} (or ${amount.currency} ${expected}) to confirm.`,
      { field: 'confirmation', expected },
    );
  }
}

export function assertCancelConfirmed(profile: ProfileSummary, confirmation: string | undefined): void {
  if (profile.environment !== 'production' || typedCancelConfirms(confirmation)) return;
  throw new ConsoleError(
    'VALIDATION_FAILED',
    `Profile "${profile.name}" is a production profile: cancelling a real payment must be confirmed.`,
    `Type ${CANCEL_CONFIRMATION} to confirm.`,
    { field: 'confirmation', expected: CANCEL_CONFIRMATION },
  );
}

/** Production only: accepting or defending a real dispute needs its disputeId typed back. */
export function assertDisputeConfirmed(profile: ProfileSummary, disputeId: string, confirmation: string | undefined, action: 'accept' | 'defend'): void {
  if (profile.environment !== 'production' || confirmation?.trim() === disputeId) return;
  throw new ConsoleError(
    'VALIDATION_FAILED',
    confirmation === undefined
      ? `Profile "${profile.name}" is a production profile: to ${action} a real dispute, confirm it.`
      : `The confirmation "${confirmation}" is not the disputeId ${disputeId}.`,
    `Type the disputeId ${disputeId} to confirm. ${action === 'accept' ? 'Accepting gives the disputed money back to the buyer and cannot be undone.' : 'Antom takes one defense per dispute.'}`,
    { field: 'confirmation', expected: disputeId },
  );
}
