/**
 * What an operator types to confirm a production action, and the one rule that decides whether it
 * confirms. The page uses it to enable the confirm button, main uses it to refuse a call whatever
 * the page (or the CLI, or a script) sent: both must agree, or one of them lets an amount through
 * that the other would not.
 */
import { displayToMinorUnits, type Amount } from './money';

/** A production cancel moves no amount, so it is confirmed by this word. */
export const CANCEL_CONFIRMATION = 'CANCEL';

/**
 * The minor units a typed confirmation means, or undefined when it is not an amount of `currency`.
 * Accepted: "40", "40.00", "40.0", "USD 40.00", "40.00 USD", "usd 1,234.50", "1 234.50": the
 * currency code before or after (any case), group separators (comma, underscore, space). Not
 * accepted: another currency, a sign, more decimals than the currency has ("40.001 USD" is not
 * rounded), words.
 */
function typedAmountMinorUnits(typed: string, currency: string): string | undefined {
  let text = typed.trim().toUpperCase();
  if (text.startsWith(currency)) text = text.slice(currency.length);
  else if (text.endsWith(currency)) text = text.slice(0, -currency.length);
  text = text.trim().replace(/[,_\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  try {
    return displayToMinorUnits(text, currency);
  } catch {
    return undefined;
  }
}

/** Compared as minor units, so "12.3" and "12.30" both confirm USD 12.30. */
export function typedAmountConfirms(typed: string | undefined, amount: Amount): boolean {
  return typed !== undefined && typedAmountMinorUnits(typed, amount.currency) === amount.value;
}

export function typedCancelConfirms(typed: string | undefined): boolean {
  return typed?.trim() === CANCEL_CONFIRMATION;
}
