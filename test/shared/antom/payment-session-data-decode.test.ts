import { describe, expect, it } from 'vitest';
import { decodePaymentSessionData, type SessionDataProblemCode } from '../../../src-shared/antom/payment-session-data-decode';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64');
const goodPayload = {
  paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', productSceneVersion: '1.0' },
  clientId: 'SANDBOX_5X00000000000000',
  extra: 'kept',
};
const sessionData = (payload: unknown = goodPayload, region = 'SG') => `kQXa1lM0pDzX6cTNbd8G3k&&${region}&&101&&${b64(payload)}`;
const codesOf = (text: string): SessionDataProblemCode[] => {
  const decoded = decodePaymentSessionData(text);
  return decoded.ok ? [] : decoded.problems.map((p) => p.code);
};

describe('decodePaymentSessionData', () => {
  it('decodes the four parts: id, region, third part, and the scene, method category, version and client id', () => {
    const decoded = decodePaymentSessionData(sessionData());
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.session).toMatchObject({
      sessionId: 'kQXa1lM0pDzX6cTNbd8G3k',
      regionSign: 'SG',
      regionName: expect.stringMatching(/Asia/),
      thirdPart: '101',
      productScene: 'CASHIER_PAYMENT',
      paymentMethodCategoryType: 'CARD',
      productSceneVersion: '1.0',
      clientId: 'SANDBOX_5X00000000000000',
    });
    expect(decoded.session.payload.extra).toBe('kept');
    expect(decoded.notes).toEqual([]);
  });

  it('takes the value out of quotes or out of a pasted createPaymentSession response, and reads URL-safe base64 without padding', () => {
    const value = sessionData();
    expect(decodePaymentSessionData(`  "${value}"\n`).ok).toBe(true);
    const response = JSON.stringify({ result: { resultStatus: 'S' }, paymentSessionData: value });
    const fromResponse = decodePaymentSessionData(response);
    expect(fromResponse.ok).toBe(true);
    expect(fromResponse.notes.join(' ')).toMatch(/pasted JSON response/);
    const urlSafe = value.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(decodePaymentSessionData(urlSafe).ok).toBe(true);
  });

  it('notes an unfamiliar region sign without calling it an error', () => {
    const decoded = decodePaymentSessionData(sessionData(goodPayload, 'JP'));
    expect(decoded.ok).toBe(true);
    expect(decoded.notes.join(' ')).toMatch(/"JP" is not one the console knows/);
  });

  it('says a bare base64 JSON (the old sandbox shape) is not four parts, and still shows what is inside', () => {
    const decoded = decodePaymentSessionData(b64(goodPayload));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problems.map((p) => p.code)).toEqual(['NOT_FOUR_PARTS']);
    expect(decoded.problems[0]?.fix).toMatch(/bare base64 JSON/);
    expect(decoded.partial.productScene).toBe('CASHIER_PAYMENT');
  });

  it('counts the parts of a cut or joined string', () => {
    expect(codesOf('abc&&SG&&101')).toEqual(['NOT_FOUR_PARTS']);
    expect(codesOf(`${sessionData()}&&more`)).toEqual(['NOT_FOUR_PARTS']);
    expect(codesOf('   ')).toEqual(['EMPTY']);
  });

  it('names each empty part', () => {
    const decoded = decodePaymentSessionData(`&&&&101&&${b64(goodPayload)}`);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problems.map((p) => [p.code, p.part])).toEqual([['EMPTY_PART', 1], ['EMPTY_PART', 2]]);
  });

  it('explains a last part that is not base64, not UTF-8, not JSON or not an object', () => {
    expect(codesOf('id&&SG&&101&&not base64!')).toEqual(['PAYLOAD_NOT_BASE64']);
    expect(codesOf(`id&&SG&&101&&${Buffer.from([0xff, 0xfe, 0xfd]).toString('base64')}`)).toEqual(['PAYLOAD_NOT_UTF8']);
    expect(codesOf(`id&&SG&&101&&${b64('hello')}`)).toEqual(['PAYLOAD_NOT_JSON']);
    expect(codesOf(`id&&SG&&101&&${b64('[1,2]')}`)).toEqual(['PAYLOAD_NOT_OBJECT']);
  });

  it('lists every missing field the SDK needs, each with a fix', () => {
    expect(codesOf(sessionData({ clientId: 'X' }))).toEqual(['MISSING_SESSION_CONFIG']);
    expect(codesOf(sessionData({ paymentSessionConfig: { productScene: '' } }))).toEqual(['MISSING_PRODUCT_SCENE', 'MISSING_METHOD_CATEGORY', 'MISSING_SCENE_VERSION', 'MISSING_CLIENT_ID']);
    const decoded = decodePaymentSessionData(sessionData({ paymentSessionConfig: { productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD' }, clientId: 'C' }));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.problems).toEqual([expect.objectContaining({ code: 'MISSING_SCENE_VERSION', part: 4, message: expect.stringMatching(/productSceneVersion/) })]);
    expect(decoded.partial).toMatchObject({ productScene: 'CASHIER_PAYMENT', paymentMethodCategoryType: 'CARD', clientId: 'C', regionSign: 'SG' });
    for (const problem of decoded.problems) expect(problem.fix.length).toBeGreaterThan(10);
  });
});
