/**
 * Label an Antom response by its signature (API-FACTS a.5): verified, unverified (no signature
 * header, no response-time, or no Antom public key configured), or invalid. The content is the
 * path we called, the response's client-id and response-time headers, and the raw body bytes.
 */
import type { KeyObject } from 'node:crypto';
import { verifySignature } from '../signing/verify-signature';
import type { ResponseSignatureLabel } from './call-record';

interface ResponseVerification {
  label: ResponseSignatureLabel;
  /** Why it is unverified or invalid, for the outcome's warnings and the error message. */
  reason: string | undefined;
  contentToSign: string | undefined;
}

export function verifyResponse(args: {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  antomPublicKey: KeyObject | undefined;
  /** Used when the response has no client-id header; the SDKs would fail then, so say so. */
  requestClientId: string;
}): ResponseVerification {
  const signature = args.headers['signature'];
  if (signature === undefined || signature.trim() === '') {
    return { label: 'unverified', reason: 'The response carries no signature header (Antom omits it when it rejects the request signature).', contentToSign: undefined };
  }
  if (!args.antomPublicKey) {
    return { label: 'unverified', reason: 'No Antom public key is configured for this profile, so the response signature could not be checked.', contentToSign: undefined };
  }
  const responseTime = args.headers['response-time'];
  if (responseTime === undefined) {
    return { label: 'unverified', reason: 'The response is signed but has no response-time header, so the signature cannot be checked.', contentToSign: undefined };
  }
  const clientId = args.headers['client-id'] ?? args.requestClientId;
  const result = verifySignature({ path: args.path, clientId, time: responseTime, body: args.body }, signature, args.antomPublicKey);
  if (result.valid) return { label: 'verified', reason: undefined, contentToSign: result.contentToSign };
  return { label: 'invalid', reason: result.reason, contentToSign: result.contentToSign };
}
