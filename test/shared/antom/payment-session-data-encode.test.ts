import { describe, expect, it } from 'vitest';
import { base64OfUtf8, encodePaymentSessionData } from '../../../src-shared/antom/payment-session-data-encode';

/** Decoded here, independently of the console's decoder, by splitting on && and reading base64 JSON. */
function split(data: string): { parts: string[]; payload: Record<string, unknown> } {
  const parts = data.split('&&');
  return { parts, payload: JSON.parse(Buffer.from(parts[3] ?? '', 'base64').toString('utf8')) as Record<string, unknown> };
}

describe('encodePaymentSessionData', () => {
  it('writes four &&-joined parts with the region sign and a base64 JSON config, as in seed 002', () => {
    const data = encodePaymentSessionData({
      sessionKey: 'gM5Y/Go6+IXMPSOZ==',
      regionSign: 'US',
      thirdPart: '188',
      clientId: 'SANDBOX_5YBZ0L2ZHR8R08978',
      config: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', productSceneVersion: '1.0' },
    });
    const { parts, payload } = split(data);
    expect(parts).toHaveLength(4);
    expect(parts.slice(0, 3)).toEqual(['gM5Y/Go6+IXMPSOZ==', 'US', '188']);
    expect(payload).toMatchObject({
      clientId: 'SANDBOX_5YBZ0L2ZHR8R08978',
      paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', productSceneVersion: '1.0' },
    });
  });

  it('encodes non-ASCII text as UTF-8 base64 exactly as Node does', () => {
    for (const text of ['', 'a', 'ab', 'abc', '{"clientId":"商户-é"}', '🙂x']) {
      expect(base64OfUtf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
    }
  });

  it('refuses parts that would not survive the split', () => {
    const base = { sessionKey: 'k', regionSign: 'SG', thirdPart: '188', clientId: 'C', config: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'APM', productSceneVersion: '1.0' } };
    expect(() => encodePaymentSessionData({ ...base, regionSign: 'sg' })).toThrow(RangeError);
    expect(() => encodePaymentSessionData({ ...base, sessionKey: 'a&&b' })).toThrow(RangeError);
    expect(() => encodePaymentSessionData({ ...base, thirdPart: 'x' })).toThrow(RangeError);
  });
});
