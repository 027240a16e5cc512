/**
 * Typed amounts (issue 9): a comma that could be a decimal comma is refused with what the console
 * understood, never silently read as a thousands separator ("10,50" once became USD 1,050.00).
 */
import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../src-shared/errors';
import { displayToMinorUnits } from '../../src-shared/money';

function refusal(display: string, currency: string): ConsoleError {
  try {
    displayToMinorUnits(display, currency);
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error(`"${display}" was accepted`);
}

describe('displayToMinorUnits and commas', () => {
  it.each([
    ['1,000', 'USD', '100000'],
    ['12,345.67', 'USD', '1234567'],
    ['1,234,567', 'JPY', '1234567'],
    ['10.50', 'USD', '1050'],
    ['1000', 'JPY', '1000'],
  ])('reads %s %s as %s minor units (comma only as a thousands separator)', (display, currency, minor) => {
    expect(displayToMinorUnits(display, currency)).toBe(minor);
  });

  it('refuses "10,50" in USD and says both readings', () => {
    const error = refusal('10,50', 'USD');
    expect(error.code).toBe('AMOUNT_INVALID');
    expect(error.message).toContain('ambiguous');
    expect(error.message).toContain('USD 10.50 (comma as decimal point)');
    expect(error.message).toContain('USD 1050.00 (comma as thousands separator)');
    expect(error.hint).toContain('10.50');
  });

  it.each(['1.000,50', '1,5', '12,3456', '1,000,5'])('refuses %s rather than guess', (display) => {
    expect(refusal(display, 'EUR').code).toBe('AMOUNT_INVALID');
  });

  it('tells a zero-decimal currency to drop the comma', () => {
    expect(refusal('10,50', 'JPY').hint).toContain('1050');
  });
});
