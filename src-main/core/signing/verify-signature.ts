/**
 * Verification of Antom responses (response-time header, the path you called) and
 * notifications (request-time header, the receiver's own path): same content shape,
 * different time header and path, so one function serves both.
 */
import { verify as rsaVerify, type KeyObject } from 'node:crypto';
import { contentToSignBytes, type SignedParts } from './content-to-sign';
import { decodeSignatureValue, parseSignatureHeader } from './signature-header';
import { ConsoleError } from '../../../src-shared/errors';

type VerifyResult =
  | { valid: true; contentToSign: string; keyVersion: string | undefined }
  | { valid: false; contentToSign: string; keyVersion: string | undefined; reason: string; malformed: boolean };

export function verifySignature(parts: SignedParts, signatureHeaderOrValue: string, publicKey: KeyObject): VerifyResult {
  const content = contentToSignBytes(parts);
  const contentToSign = content.toString('utf8');
  let parsed;
  try {
    parsed = parseSignatureHeader(signatureHeaderOrValue);
  } catch (error) {
    const reason = error instanceof ConsoleError ? error.message : String(error);
    return { valid: false, contentToSign, keyVersion: undefined, reason, malformed: true };
  }
  const decoded = decodeSignatureValue(parsed.encodedSignature);
  if (!decoded.ok) {
    return { valid: false, contentToSign, keyVersion: parsed.keyVersion, reason: decoded.reason, malformed: true };
  }
  const modulusBytes = (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8;
  if (modulusBytes > 0 && decoded.bytes.length !== modulusBytes) {
    return {
      valid: false,
      contentToSign,
      keyVersion: parsed.keyVersion,
      reason: `The signature is ${decoded.bytes.length} bytes but the key needs ${modulusBytes}; it was truncated, or made with a different key size.`,
      malformed: true,
    };
  }
  const ok = rsaVerify('sha256', content, publicKey, decoded.bytes);
  if (ok) return { valid: true, contentToSign, keyVersion: parsed.keyVersion };
  return {
    valid: false,
    contentToSign,
    keyVersion: parsed.keyVersion,
    reason: 'The signature does not match this content and public key (wrong key or environment, wrong path, changed time header, or a body that was changed or re-serialised).',
    malformed: false,
  };
}
