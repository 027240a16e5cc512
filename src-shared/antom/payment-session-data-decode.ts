/**
 * Decode a paymentSessionData string the way Antom's web checkout SDK (@alipay/ams-checkout)
 * reads it, and say what would make the SDK answer SDK_CREATEPAYMENT_PARAMETER_ERROR.
 *
 * The shape (issue 8, from the SDK): four parts joined by "&&":
 *   1. an opaque session id, 2. the region sign (SG, US, DE, ...), 3. a third opaque part,
 *   4. base64 of a JSON object with paymentSessionConfig.{productScene,
 *      paymentMethodCategoryType, productSceneVersion} and clientId.
 * The SDK rejects anything else at createComponent time, before it talks to Antom.
 *
 * Pure (no node:, no DOM beyond atob/TextDecoder, which Node and browsers both have): the
 * Troubleshoot page runs it in the renderer. Session data carries no key material.
 */

/** Region signs seen in Antom session data, with the gateway they belong to. Others may exist. */
const SESSION_REGION_SIGNS: Readonly<Record<string, string>> = {
  SG: 'Asia (open-sea-global.alipay.com)',
  US: 'North America (open-na-global.alipay.com)',
  DE: 'Europe (open-de-global.alipay.com)',
};

export type SessionDataProblemCode =
  | 'EMPTY'
  | 'NOT_FOUR_PARTS'
  | 'EMPTY_PART'
  | 'PAYLOAD_NOT_BASE64'
  | 'PAYLOAD_NOT_UTF8'
  | 'PAYLOAD_NOT_JSON'
  | 'PAYLOAD_NOT_OBJECT'
  | 'MISSING_SESSION_CONFIG'
  | 'MISSING_PRODUCT_SCENE'
  | 'MISSING_METHOD_CATEGORY'
  | 'MISSING_SCENE_VERSION'
  | 'MISSING_CLIENT_ID';

interface SessionDataProblem {
  code: SessionDataProblemCode;
  /** 1-based part the problem is in, when it is in one. */
  part?: 1 | 2 | 3 | 4;
  /** What is wrong, in words. */
  message: string;
  /** What to change so the SDK accepts it. */
  fix: string;
}

export interface DecodedPaymentSessionData {
  sessionId: string;
  regionSign: string;
  /** Where the region sign points, when it is one the console knows. */
  regionName: string | undefined;
  thirdPart: string;
  productScene: string;
  paymentMethodCategoryType: string;
  productSceneVersion: string;
  clientId: string;
  /** The decoded JSON of part 4, as found. */
  payload: Record<string, unknown>;
}

export type PaymentSessionDataDecoding =
  | { ok: true; session: DecodedPaymentSessionData; notes: string[] }
  | {
      ok: false;
      /** Everything that would make the web SDK answer SDK_CREATEPAYMENT_PARAMETER_ERROR. */
      problems: SessionDataProblem[];
      /** What could be read anyway. */
      partial: Partial<DecodedPaymentSessionData>;
      notes: string[];
    };

const SEPARATOR = '&&';

/** Decode base64 (standard or URL-safe, padding optional) to UTF-8 text, or say why it is not. */
function base64ToText(value: string): { text: string } | { error: 'not-base64' | 'not-utf8' } {
  const compact = value.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.replace(/=+$/, '').length % 4 === 1) return { error: 'not-base64' };
  const padded = compact.replace(/=+$/, '').padEnd(Math.ceil(compact.replace(/=+$/, '').length / 4) * 4, '=');
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return { error: 'not-base64' };
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: 'not-utf8' };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * What was pasted may be the bare value, the value in quotes, or a whole createPaymentSession
 * response: take the paymentSessionData out of it.
 */
function unwrap(text: string, notes: string[]): string {
  let value = text.trim();
  if (value.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (isRecord(parsed) && typeof parsed.paymentSessionData === 'string') {
        notes.push('Read paymentSessionData out of the pasted JSON response.');
        return parsed.paymentSessionData.trim();
      }
    } catch {
      // Not JSON: decoded as the value itself below.
    }
  }
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = value.slice(1, -1).trim();
    notes.push('Removed the surrounding quotes.');
  }
  return value;
}

/** Decode part 4 and check the fields the SDK needs. */
function readPayload(part: string, problems: SessionDataProblem[], partial: Partial<DecodedPaymentSessionData>): void {
  const decoded = base64ToText(part);
  if ('error' in decoded) {
    problems.push(decoded.error === 'not-base64'
      ? { code: 'PAYLOAD_NOT_BASE64', part: 4, message: 'The last part is not base64.', fix: 'Pass paymentSessionData exactly as createPaymentSession returned it: the last part must be base64 of a JSON object (check nothing was cut off, URL-decoded or re-encoded on the way).' }
      : { code: 'PAYLOAD_NOT_UTF8', part: 4, message: 'The last part is base64, but its bytes are not UTF-8 text.', fix: 'The last part must be base64 of JSON text; pass paymentSessionData unchanged from the createPaymentSession response.' });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch {
    problems.push({ code: 'PAYLOAD_NOT_JSON', part: 4, message: `The last part decodes to text that is not JSON (starts "${decoded.text.slice(0, 40)}").`, fix: 'The last part must be base64 of a JSON object with paymentSessionConfig and clientId.' });
    return;
  }
  if (!isRecord(json)) {
    problems.push({ code: 'PAYLOAD_NOT_OBJECT', part: 4, message: 'The last part decodes to JSON that is not an object.', fix: 'The last part must be base64 of a JSON object with paymentSessionConfig and clientId.' });
    return;
  }
  partial.payload = json;
  const config = json.paymentSessionConfig;
  if (!isRecord(config)) {
    problems.push({ code: 'MISSING_SESSION_CONFIG', part: 4, message: 'The decoded JSON has no paymentSessionConfig object.', fix: 'paymentSessionConfig must hold productScene, paymentMethodCategoryType and productSceneVersion.' });
  } else {
    const fields = [
      ['productScene', 'MISSING_PRODUCT_SCENE', 'the product scene, e.g. CASHIER_PAYMENT'],
      ['paymentMethodCategoryType', 'MISSING_METHOD_CATEGORY', 'the payment method category, e.g. CARD'],
      ['productSceneVersion', 'MISSING_SCENE_VERSION', 'the product scene version'],
    ] as const;
    for (const [field, code, what] of fields) {
      const found = nonEmptyString(config[field]);
      if (found === undefined) {
        problems.push({ code, part: 4, message: `paymentSessionConfig.${field} is missing or empty.`, fix: `It must be a non-empty string: ${what}.` });
      } else {
        partial[field] = found;
      }
    }
  }
  const clientId = nonEmptyString(json.clientId);
  if (clientId === undefined) {
    problems.push({ code: 'MISSING_CLIENT_ID', part: 4, message: 'The decoded JSON has no clientId.', fix: 'clientId must be the client ID the session was created with (sandbox IDs start with SANDBOX_).' });
  } else {
    partial.clientId = clientId;
  }
}

/**
 * Decode pasted paymentSessionData. `ok: true` means the web SDK would get past its own checks
 * (it may still fail later against Antom's servers, e.g. an expired session or the wrong
 * environment); otherwise `problems` lists every reason it would answer
 * SDK_CREATEPAYMENT_PARAMETER_ERROR.
 */
export function decodePaymentSessionData(text: string): PaymentSessionDataDecoding {
  const notes: string[] = [];
  const problems: SessionDataProblem[] = [];
  const partial: Partial<DecodedPaymentSessionData> = {};
  const value = unwrap(text, notes);
  if (value === '') {
    return { ok: false, problems: [{ code: 'EMPTY', message: 'Nothing to decode.', fix: 'Paste the paymentSessionData string from a createPaymentSession response.' }], partial, notes };
  }

  const parts = value.split(SEPARATOR);
  if (parts.length !== 4) {
    const bare = parts.length === 1 ? base64ToText(value) : undefined;
    const looksLikeBareJson = bare !== undefined && 'text' in bare && bare.text.trimStart().startsWith('{');
    problems.push({
      code: 'NOT_FOUR_PARTS',
      message: `It has ${parts.length} part${parts.length === 1 ? '' : 's'} separated by "&&"; the SDK needs exactly 4 (id && region && third part && base64 JSON).`,
      fix: looksLikeBareJson
        ? 'This is a bare base64 JSON (the shape the embedded sandbox used before issue 8), not Antom\'s session data: create the session again against Antom or an up-to-date sandbox.'
        : 'Pass paymentSessionData exactly as createPaymentSession returned it; a cut or joined string has the wrong number of parts.',
    });
    // Still read a last part that looks like the payload, so the operator sees what is there.
    const last = parts[parts.length - 1] ?? '';
    if (parts.length > 1 || looksLikeBareJson) readPayload(last, [], partial);
    return { ok: false, problems, partial, notes };
  }

  const [sessionId = '', regionSign = '', thirdPart = '', payload = ''] = parts.map((p) => p.trim());
  const partNames = ['the session id', 'the region sign', 'the third part', 'the base64 JSON'];
  [sessionId, regionSign, thirdPart, payload].forEach((part, index) => {
    if (part === '') {
      problems.push({ code: 'EMPTY_PART', part: (index + 1) as 1 | 2 | 3 | 4, message: `Part ${index + 1} (${partNames[index]}) is empty.`, fix: 'Pass paymentSessionData exactly as createPaymentSession returned it.' });
    }
  });
  if (sessionId) partial.sessionId = sessionId;
  if (thirdPart) partial.thirdPart = thirdPart;
  if (regionSign) {
    partial.regionSign = regionSign;
    partial.regionName = SESSION_REGION_SIGNS[regionSign];
    if (partial.regionName === undefined) {
      notes.push(`Region sign "${regionSign}" is not one the console knows (${Object.keys(SESSION_REGION_SIGNS).join(', ')}); the SDK may still accept it.`);
    }
  }
  if (payload) readPayload(payload, problems, partial);

  if (problems.length > 0) return { ok: false, problems, partial, notes };
  const session: DecodedPaymentSessionData = {
    sessionId,
    regionSign,
    regionName: partial.regionName,
    thirdPart,
    productScene: partial.productScene ?? '',
    paymentMethodCategoryType: partial.paymentMethodCategoryType ?? '',
    productSceneVersion: partial.productSceneVersion ?? '',
    clientId: partial.clientId ?? '',
    payload: partial.payload ?? {},
  };
  return { ok: true, session, notes };
}
