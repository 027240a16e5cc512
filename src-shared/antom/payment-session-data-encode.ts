/**
 * paymentSessionData in the shape Antom's client SDKs read (seed 002, Step 1 sample response):
 * four parts joined by `&&`:
 *   1. an opaque, encrypted session key (base64; meaningless outside Antom),
 *   2. the region sign of the gateway that made the session (SG, US, DE, ...),
 *   3. a short numeric part whose meaning Antom does not document (the seeds show 111 and 188),
 *   4. base64 of a JSON object with `clientId` and `paymentSessionConfig`
 *      (`productScene`, `paymentMethodCategoryType`, `productSceneVersion`).
 * The web SDK (@alipay/ams-checkout) reads part 4 before it contacts Antom; anything else makes
 * it answer SDK_CREATEPAYMENT_PARAMETER_ERROR at once.
 *
 * Pure: no Node or DOM APIs, so main, renderer and tests share it. The decoder lives in
 * payment-session-data-decode.ts.
 */

interface PaymentSessionConfig {
  /** e.g. CASHIER_PAYMENT. */
  productScene: string;
  /** CARD for card sessions, APM for the other payment methods (seed 002 shows APM). */
  paymentMethodCategoryType: string;
  /** e.g. "1.0". */
  productSceneVersion: string;
}

interface PaymentSessionDataInput {
  /** Part 1: the opaque session key, already text (e.g. base64 of random bytes). */
  sessionKey: string;
  /** Part 2: two upper-case letters, e.g. SG. */
  regionSign: string;
  /** Part 3: digits, e.g. "188". */
  thirdPart: string;
  clientId: string;
  config: PaymentSessionConfig;
}

const PAYMENT_SESSION_DATA_SEPARATOR = '&&';

/**
 * The region sign of a console profile's region: the gateway's own (SG = open-sea-global,
 * US = open-na-global and the US domain, DE = open-de-global; API-FACTS b.1). Custom and local
 * gateways have none of their own, so they get Antom's Asian default, SG.
 */
export function regionSignForRegion(region: string): string {
  switch (region) {
    case 'NA':
    case 'US':
      return 'US';
    case 'EU':
      return 'DE';
    default:
      return 'SG';
  }
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding over UTF-8 bytes (btoa only takes Latin-1). */
export function base64OfUtf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += BASE64_ALPHABET[b0 >> 2]!;
    out += BASE64_ALPHABET[((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4)]!;
    out += b1 === undefined ? '=' : BASE64_ALPHABET[((b1 & 0x0f) << 2) | ((b2 ?? 0) >> 6)]!;
    out += b2 === undefined ? '=' : BASE64_ALPHABET[b2 & 0x3f]!;
  }
  return out;
}

/** Throws a RangeError for parts that could not survive the `&&` split or the SDK's reading. */
export function encodePaymentSessionData(input: PaymentSessionDataInput): string {
  if (!/^[A-Z]{2}$/.test(input.regionSign)) throw new RangeError(`regionSign must be two upper-case letters (SG, US, DE, ...); got "${input.regionSign}"`);
  if (!/^[0-9]+$/.test(input.thirdPart)) throw new RangeError(`the third part must be digits; got "${input.thirdPart}"`);
  if (input.sessionKey === '' || input.sessionKey.includes(PAYMENT_SESSION_DATA_SEPARATOR)) {
    throw new RangeError('the session key must be non-empty and must not contain "&&"');
  }
  // Key order as in Antom's sample: action, clientId, paymentSessionConfig.
  const payload = {
    action: { app: {}, needVerifyAndResume: false, skipSdkQuery: false, wap: {}, web: {} },
    clientId: input.clientId,
    paymentSessionConfig: {
      paymentMethodCategoryType: input.config.paymentMethodCategoryType,
      productScene: input.config.productScene,
      productSceneVersion: input.config.productSceneVersion,
    },
  };
  return [input.sessionKey, input.regionSign, input.thirdPart, base64OfUtf8(JSON.stringify(payload))].join(PAYMENT_SESSION_DATA_SEPARATOR);
}
