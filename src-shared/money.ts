/**
 * Money rules (API-FACTS d). Amounts travel as `{currency, value}` where value is a positive
 * integer string in the currency's minor unit. All arithmetic is BigInt: values may have 16
 * digits, past Number's exact range, and floats are never allowed near money.
 */
import { ConsoleError } from './errors';

/** Minor-unit exponents. Antom's published table first, then ISO 4217 for the rest. */
const EXPONENTS: Record<string, number> = {
  // Antom: 0 decimals
  JPY: 0, KRW: 0, VND: 0, CLP: 0,
  // Antom: 2 decimals
  AUD: 2, BDT: 2, BRL: 2, CAD: 2, CNY: 2, EUR: 2, GBP: 2, HKD: 2, IDR: 2, MXN: 2, MYR: 2, NZD: 2,
  PEN: 2, PHP: 2, PKR: 2, PLN: 2, SGD: 2, THB: 2, TWD: 2, USD: 2,
  // ISO 4217, not in Antom's table
  CHF: 2, DKK: 2, NOK: 2, SEK: 2, CZK: 2, HUF: 2, INR: 2, AED: 2, SAR: 2, ZAR: 2, TRY: 2, ILS: 2, MOP: 2,
  ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0, RWF: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3,
};

export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(EXPONENTS).sort();

/** Antom's `value` is at most 16 characters. */
export const MAX_AMOUNT_DIGITS = 16;

export interface Amount {
  currency: string;
  value: string;
}

export function currencyExponent(currency: string): number {
  const exponent = EXPONENTS[currency];
  if (exponent === undefined) {
    throw new ConsoleError('CURRENCY_UNKNOWN', `Currency "${currency}" is not known to the console.`, `Use a 3-letter ISO 4217 code such as ${['USD', 'EUR', 'JPY', 'SGD'].join(', ')}.`, { currency });
  }
  return exponent;
}

export function isKnownCurrency(currency: string): boolean {
  return EXPONENTS[currency] !== undefined;
}

/**
 * Check a wire amount: known currency, value a positive integer string with no sign, no
 * decimal point, no leading zero, at most 16 digits. Returns the value as BigInt.
 */
export function parseMinorUnits(amount: Amount, field = 'amount'): bigint {
  currencyExponent(amount.currency);
  const value = amount.value;
  if (typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) {
    const why = typeof value === 'string' && /^[0-9]*\.[0-9]+$/.test(value)
      ? `it has a decimal point; Antom wants minor units (e.g. ${exampleMinor(amount.currency)})`
      : value === '0' || /^0+$/.test(String(value))
        ? 'it must be greater than zero'
        : 'it must be a positive whole number of minor units, written as a string';
    throw new ConsoleError('AMOUNT_INVALID', `${field}.value "${String(value)}" is not valid: ${why}.`, `Enter ${field} in ${amount.currency} minor units (${describeExponent(amount.currency)}).`, { field: `${field}.value` });
  }
  if (value.length > MAX_AMOUNT_DIGITS) {
    throw new ConsoleError('AMOUNT_INVALID', `${field}.value has ${value.length} digits; Antom accepts at most ${MAX_AMOUNT_DIGITS}.`, 'Check the amount; it is far larger than any real payment.', { field: `${field}.value` });
  }
  return BigInt(value);
}

function describeExponent(currency: string): string {
  const e = currencyExponent(currency);
  return e === 0 ? `${currency} has no decimals, so 1000 means ${currency} 1,000` : `${currency} has ${e} decimals, so 1000 means ${formatMinorUnits('1000', currency)}`;
}

function exampleMinor(currency: string): string {
  const e = EXPONENTS[currency] ?? 2;
  return e === 0 ? `"1000" for ${currency} 1,000` : `"${10 ** e * 12 + 34}" for ${currency} 12.${'34'.padEnd(e, '0')}`;
}

/**
 * Display units typed by a person ("12.34", "1,000", "1000") to a minor-unit string. Refuses
 * more decimals than the currency has instead of rounding: a console must never invent money.
 */
export function displayToMinorUnits(display: string, currency: string): string {
  const exponent = currencyExponent(currency);
  refuseAmbiguousComma(display, currency, exponent);
  const text = display.trim().replace(/[,_\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) {
    throw new ConsoleError('AMOUNT_INVALID', `"${display}" is not an amount.`, `Type a positive number such as ${exponent === 0 ? '1000' : '12.34'}.`);
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    throw new ConsoleError('AMOUNT_INVALID', exponent === 0 ? `${currency} has no minor unit, so "${display}" cannot have decimals.` : `${currency} has ${exponent} decimals; "${display}" has ${fraction.length}.`, `Round the amount to ${exponent} decimal${exponent === 1 ? '' : 's'} yourself.`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, '0') || '0');
  if (minor <= 0n) {
    throw new ConsoleError('AMOUNT_INVALID', 'The amount must be greater than zero.', 'Type a positive amount.');
  }
  const value = minor.toString();
  if (value.length > MAX_AMOUNT_DIGITS) {
    throw new ConsoleError('AMOUNT_INVALID', `The amount is too large (${value.length} digits of minor units; Antom allows ${MAX_AMOUNT_DIGITS}).`, 'Check the amount.');
  }
  return value;
}

/**
 * A comma is read only as a thousands separator, and only where it cannot be a decimal comma:
 * every group after it has exactly three digits and no decimal point comes before it ("1,000",
 * "12,345.67"). "10,50" or "1.000,50" would silently become a different amount, so they are
 * refused with what the console understood and what to type instead.
 */
function refuseAmbiguousComma(display: string, currency: string, exponent: number): void {
  const text = display.trim();
  if (!text.includes(',')) return;
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) return;
  const asDecimal = text.replace(/\./g, '').replace(',', '.');
  const decimalReading = /^\d+\.\d+$/.test(asDecimal) ? `${currency} ${asDecimal}` : undefined;
  const groupedReading = /^[\d,]+$/.test(text) ? `${currency} ${text.replace(/,/g, '')}${exponent > 0 ? '.' + '0'.repeat(exponent) : ''}` : undefined;
  const understood = [decimalReading ? `${decimalReading} (comma as decimal point)` : undefined, groupedReading ? `${groupedReading} (comma as thousands separator)` : undefined].filter((x): x is string => x !== undefined);
  throw new ConsoleError(
    'AMOUNT_INVALID',
    understood.length > 0
      ? `"${display}" is ambiguous: it could mean ${understood.join(' or ')}.`
      : `"${display}" uses a comma where a thousands separator cannot be.`,
    exponent === 0
      ? `Type the amount without commas, e.g. ${text.replace(/[.,]/g, '')}.`
      : `Use a point for decimals and no comma, e.g. ${decimalReading ? asDecimal : '12.34'}.`,
    { field: 'amount' },
  );
}

/** Minor units to a display string without grouping or symbol: "1234" USD -> "12.34", JPY -> "1234". */
export function minorToDisplayUnits(value: string | bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const minor = typeof value === 'bigint' ? value : BigInt(value);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString();
  if (exponent === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(exponent + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}

/** "USD 12.34", "JPY 1,000": the form confirmations and summaries show. */
export function formatMinorUnits(value: string | bigint, currency: string): string {
  const display = minorToDisplayUnits(value, currency);
  const [whole = '0', fraction] = display.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${display.startsWith('-') ? '-' : ''}${currency} ${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}
