/**
 * Money display for the renderer: wraps src-shared/money so a currency the console does not
 * know (or a malformed value from a log) still shows something honest instead of throwing.
 */
import { formatMinorUnits, isKnownCurrency } from '../../src-shared/money';

export interface WireAmount {
  currency: string;
  value: string;
}

export function formatAmount(amount: WireAmount | null | undefined): string {
  if (!amount) return '—';
  if (!isKnownCurrency(amount.currency) || !/^-?\d+$/.test(amount.value)) return `${amount.currency} ${amount.value} (minor units)`;
  return formatMinorUnits(amount.value, amount.currency);
}
