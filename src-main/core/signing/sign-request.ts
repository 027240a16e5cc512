/**
 * Request signing: RSASSA-PKCS1-v1_5 / SHA-256 over the content to sign, standard base64,
 * URL-encoded (API-FACTS a.2). The key arrives as a parsed KeyObject so the hot path does no
 * key parsing; the benchmark compares this path with a bare crypto.sign of the same content.
 */
import { sign as rsaSign, type KeyObject } from 'node:crypto';
import { contentToSignBytes, type SignedParts } from './content-to-sign';
import { formatSignatureHeader, urlEncodeSignature } from './signature-header';

export interface RequestSignature {
  /** The exact content that was signed, as text (for inspectors; never contains key material). */
  contentToSign: string;
  signatureBase64: string;
  /** URL-encoded base64, as placed after `signature=`. */
  signature: string;
  signatureHeader: string;
}

export function signBytes(content: Buffer, privateKey: KeyObject): string {
  return rsaSign('sha256', content, privateKey).toString('base64');
}

export function signRequest(parts: SignedParts, privateKey: KeyObject, keyVersion: string | number = 1): RequestSignature {
  const content = contentToSignBytes(parts);
  const signatureBase64 = signBytes(content, privateKey);
  const signature = urlEncodeSignature(signatureBase64);
  return {
    contentToSign: content.toString('utf8'),
    signatureBase64,
    signature,
    signatureHeader: formatSignatureHeader(keyVersion, signature),
  };
}
