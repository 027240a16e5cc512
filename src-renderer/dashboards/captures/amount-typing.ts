/**
 * The amount words of the capture and refund forms: parsing what was typed into the amount box,
 * showing an amount, and the production confirmation. No React and no window here, so the rule
 * the page applies can be run beside main's guard in one test (test/shared/typed-confirmation.test.ts).
 */
import { isConsoleError } from '../../../src-shared/errors';
import { displayToMinorUnits, minorToDisplayUnits } from '../../../src-shared/money';
import { typedAmountConfirms } from '../../../src-shared/typed-confirmation';

type WireAmount = { currency: string; value: string };

/** Parse a display-unit amount the operator typed; the message says what is wrong. */
export function parseDisplayAmount(text: string, currency: string): { value: string } | { error: string } {
  try {
    return { value: displayToMinorUnits(text, currency) };
  } catch (error) {
    return { error: isConsoleError(error) ? `${error.message} ${error.hint}` : String(error) };
  }
}

export function displayOf(amount: WireAmount): string {
  return minorToDisplayUnits(amount.value, amount.currency);
}

/**
 * In production a capture or refund is confirmed by typing its amount; elsewhere one click is
 * enough. The shape is the confirm dialog's TypedConfirmation.
 */
export function amountTypingCheck(production: boolean, amount: WireAmount | undefined): { expected: string; label: string; matches: (typed: string) => boolean } | undefined {
  if (!production || !amount) return undefined;
  return { expected: displayOf(amount), label: `Production: type the amount ${displayOf(amount)} to confirm`, matches: (typed) => typedAmountConfirms(typed, amount) };
}
