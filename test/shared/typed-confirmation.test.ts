/**
 * One typed-amount confirmation rule: the page's confirm button (amount-typing.ts) and main's
 * guard (money-guards.ts) must say yes and no to the same inputs. A table of what operators
 * type goes through both call sites.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../src-shared/contract';
import { isConsoleError } from '../../src-shared/errors';
import { typedAmountConfirms, typedCancelConfirms } from '../../src-shared/typed-confirmation';
import { assertAmountConfirmed, assertCancelConfirmed } from '../../src-main/core/handlers/money-guards';
import { amountTypingCheck } from '../../src-renderer/dashboards/captures/amount-typing';

const PRODUCTION: ProfileSummary = {
  name: 'Live', environment: 'production', region: 'SG', baseUrl: undefined, clientId: '5X00000000000000', keyVersion: '1',
  antomPublicKey: undefined, merchantPublicKey: undefined, notifyUrl: undefined, readOnly: false, keyStorage: 'keychain', active: true,
};

const USD_40 = { currency: 'USD', value: '4000' };
const USD_1234_50 = { currency: 'USD', value: '123450' };
const JPY_1000 = { currency: 'JPY', value: '1000' };
const KWD_1_5 = { currency: 'KWD', value: '1500' };

const TABLE: Array<[string, { currency: string; value: string }, boolean]> = [
  ['40.00', USD_40, true],
  ['40', USD_40, true],
  ['40.0', USD_40, true],
  [' 40.00 ', USD_40, true],
  ['USD 40.00', USD_40, true],
  ['40.00 USD', USD_40, true],
  ['usd 40', USD_40, true],
  ['USD40.00', USD_40, true],
  ['1,234.50', USD_1234_50, true],
  ['USD 1,234.50', USD_1234_50, true],
  ['1 234.50 USD', USD_1234_50, true],
  ['1_234.5', USD_1234_50, true],
  ['1,000', JPY_1000, true],
  ['JPY 1000', JPY_1000, true],
  ['1.500', KWD_1_5, true],
  ['1.5 KWD', KWD_1_5, true],
  // refused
  ['', USD_40, false],
  ['40.01', USD_40, false],
  ['4000', USD_40, false],
  ['40.001', USD_40, false],
  ['400', USD_40, false],
  ['EUR 40.00', USD_40, false],
  ['40.00 EUR', USD_40, false],
  ['USD 40.00 USD', USD_40, false],
  ['-40.00', USD_40, false],
  ['+40.00', USD_40, false],
  ['$40.00', USD_40, false],
  ['40,00', USD_40, false],
  ['forty', USD_40, false],
  ['40.', USD_40, false],
  ['.40', USD_40, false],
  ['1000.0', JPY_1000, false],
  ['1.50', USD_1234_50, false],
];

function mainAccepts(typed: string, amount: { currency: string; value: string }): boolean {
  try {
    assertAmountConfirmed(PRODUCTION, amount, typed);
    return true;
  } catch (error) {
    if (isConsoleError(error) && error.code === 'VALIDATION_FAILED') return false;
    throw error;
  }
}

function pageAccepts(typed: string, amount: { currency: string; value: string }): boolean {
  const check = amountTypingCheck(true, amount);
  if (!check?.matches) throw new Error('a production money action must ask for the amount');
  return check.matches(typed);
}

describe('typed-amount confirmation: page and main agree', () => {
  it.each(TABLE)('"%s" for %j -> %s on both sides', (typed, amount, expected) => {
    expect(typedAmountConfirms(typed, amount)).toBe(expected);
    expect(pageAccepts(typed, amount)).toBe(expected);
    expect(mainAccepts(typed, amount)).toBe(expected);
  });

  it('main refuses a missing confirmation in production and needs none elsewhere', () => {
    expect(() => assertAmountConfirmed(PRODUCTION, USD_40, undefined)).toThrow(/must be confirmed/);
    expect(() => assertAmountConfirmed({ ...PRODUCTION, environment: 'sandbox' }, USD_40, undefined)).not.toThrow();
    expect(amountTypingCheck(false, USD_40)).toBeUndefined();
  });

  it('cancel is confirmed by the word CANCEL on both sides', () => {
    for (const [typed, expected] of [['CANCEL', true], [' CANCEL ', true], ['cancel', false], ['CANCELLED', false], ['', false]] as const) {
      expect(typedCancelConfirms(typed)).toBe(expected);
      let mainOk = true;
      try {
        assertCancelConfirmed(PRODUCTION, typed);
      } catch {
        mainOk = false;
      }
      expect(mainOk).toBe(expected);
    }
  });
});
