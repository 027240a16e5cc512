/**
 * The Antom `signature` header: `algorithm=RSA256,keyVersion=<n>,signature=<url-encoded base64>`.
 *
 * Parsing is tolerant the way Antom's own verifiers are: spaces after commas (the docs' form),
 * any case of percent escapes (.NET emits %2f), and everything after `signature=` is the value,
 * so a value that happens to contain '=' or ',' is not cut short.
 */
import { ConsoleError } from '../../../src-shared/errors';

interface ParsedSignatureHeader {
  algorithm: string | undefined;
  keyVersion: string | undefined;
  /** The value exactly as it appeared after `signature=` (still URL-encoded). */
  encodedSignature: string;
}

export function formatSignatureHeader(keyVersion: string | number, urlEncodedSignature: string): string {
  return `algorithm=RSA256,keyVersion=${keyVersion},signature=${urlEncodedSignature}`;
}

/** Standard base64 to the URL-encoded form Antom and its SDKs send (uppercase hex). */
export function urlEncodeSignature(base64: string): string {
  return encodeURIComponent(base64);
}

const SIGNATURE_MARKER = /(?:^|,)\s*signature\s*=/i;

/**
 * Parse a full header. A bare value (no `signature=`) is accepted too, so the CLI and the
 * signature lab can take either; callers that need the strict form can check `algorithm`.
 */
export function parseSignatureHeader(raw: string): ParsedSignatureHeader {
  const header = raw.trim();
  if (header === '') {
    throw new ConsoleError('SIGNATURE_HEADER_MALFORMED', 'The signature header is empty.', 'Pass the whole signature header, e.g. algorithm=RSA256,keyVersion=1,signature=...');
  }
  const marker = SIGNATURE_MARKER.exec(header);
  if (!marker) {
    if (/[=,]/.test(header.replace(/%3d/gi, '').replace(/=+$/, '')) && /algorithm\s*=|keyVersion\s*=/i.test(header)) {
      throw new ConsoleError('SIGNATURE_HEADER_MALFORMED', 'The signature header has no "signature=" part.', 'Copy the complete header value: algorithm=RSA256,keyVersion=<n>,signature=<value>.');
    }
    return { algorithm: undefined, keyVersion: undefined, encodedSignature: header };
  }
  const head = header.slice(0, marker.index);
  const encodedSignature = header.slice(marker.index + marker[0].length).trim();
  let algorithm: string | undefined;
  let keyVersion: string | undefined;
  for (const item of head.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const name = item.slice(0, eq).trim().toLowerCase();
    const value = item.slice(eq + 1).trim();
    if (name === 'algorithm') algorithm = value;
    else if (name === 'keyversion') keyVersion = value;
  }
  if (encodedSignature === '') {
    throw new ConsoleError('SIGNATURE_HEADER_MALFORMED', 'The signature header has an empty signature value.', 'Check that the sender put the URL-encoded signature after "signature=".');
  }
  if (algorithm !== undefined && algorithm.toUpperCase() !== 'RSA256') {
    throw new ConsoleError('SIGNATURE_HEADER_MALFORMED', `The signature header names algorithm "${algorithm}"; Antom only uses RSA256.`, 'Sign with RSASSA-PKCS1-v1_5 / SHA-256 and send algorithm=RSA256.');
  }
  return { algorithm, keyVersion, encodedSignature };
}

type DecodedSignature =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decode the value the way the official SDKs do: form-decode (a literal '+' becomes a space,
 * percent escapes in any case are decoded), then standard base64. A raw base64 value that
 * contains '+' therefore fails, exactly as it does in Antom's Java and Python verifiers
 * (vector neg-04); the reason says so, because it is the most common integration mistake.
 */
export function decodeSignatureValue(encoded: string): DecodedSignature {
  let formDecoded: string;
  try {
    formDecoded = decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return { ok: false, reason: 'The signature value has a broken percent escape; it must be the URL-encoded base64 signature.' };
  }
  if (formDecoded.includes(' ')) {
    return { ok: false, reason: "The signature value contains a raw '+' (base64 that was not URL-encoded); Antom decodes '+' as a space. URL-encode the base64 signature." };
  }
  if (!BASE64.test(formDecoded) || formDecoded.length % 4 !== 0) {
    return { ok: false, reason: 'The signature value is not standard base64 after URL-decoding.' };
  }
  return { ok: true, bytes: Buffer.from(formDecoded, 'base64') };
}
