import { describe, expect, it } from 'vitest';
import { decodePaymentSessionData } from '../../../../src-shared/antom/payment-session-data-decode';
import { sessionDataReport } from '../../../../src-renderer/dashboards/troubleshoot/session-data-report';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
const payload = { paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', productSceneVersion: '1.0' }, clientId: 'SANDBOX_5X00000000000000' };

describe('the paymentSessionData panel report', () => {
  it('for accepted data: says the SDK goes on to SDK_START_OF_LOADING and lists region, scene, category, version and client id', () => {
    const report = sessionDataReport(decodePaymentSessionData(`abc&&DE&&101&&${b64(payload)}`));
    expect(report.accepted).toBe(true);
    expect(report.headline).toMatch(/SDK_START_OF_LOADING/);
    expect(Object.fromEntries(report.fields)).toMatchObject({
      Region: 'DE: Europe (open-de-global.alipay.com)',
      'Product scene': 'CASHIER_PAYMENT',
      'Payment method category': 'CARD',
      'Product scene version': '1.0',
      'Client ID': 'SANDBOX_5X00000000000000',
    });
    expect(report.problems).toEqual([]);
    expect(JSON.parse(report.payloadJson ?? '{}')).toEqual(payload);
  });

  it('for rejected data: names SDK_CREATEPAYMENT_PARAMETER_ERROR, where each problem is and its fix, and what could still be read', () => {
    const { clientId: _dropped, ...noClient } = payload;
    const report = sessionDataReport(decodePaymentSessionData(`abc&&SG&&101&&${b64(noClient)}`));
    expect(report.accepted).toBe(false);
    expect(report.headline).toMatch(/SDK_CREATEPAYMENT_PARAMETER_ERROR at once: 1 problem\./);
    expect(report.problems).toEqual([{ where: 'part 4 (base64 JSON)', message: expect.stringMatching(/clientId/), fix: expect.stringMatching(/client ID/) }]);
    expect(Object.fromEntries(report.fields)).toMatchObject({ Region: 'SG: Asia (open-sea-global.alipay.com)', 'Product scene': 'CASHIER_PAYMENT', 'Client ID': undefined });
  });

  it('for a value that is not four parts: the whole value is at fault', () => {
    const report = sessionDataReport(decodePaymentSessionData('just-one-part'));
    expect(report.problems.map((p) => p.where)).toEqual(['the whole value']);
    expect(report.payloadJson).toBeUndefined();
  });
});
