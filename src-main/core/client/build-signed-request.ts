/**
 * The signed request, built once per attempt: the body bytes are fixed by the caller (serialised
 * ONCE per call), and exactly those bytes are signed and sent. Exported on its own so the console
 * can show "the signed request" and the benchmark can time the client's signing path.
 */
import { signRequest } from '../signing/sign-request';
import { apiPath } from './gateways';
import type { AntomApiName } from './call-record';
import { normaliseBaseUrl, usesSandboxPaths, type ClientProfile } from './client-profile';

export interface SignedRequest {
  url: string;
  path: string;
  headers: Record<string, string>;
  bodyBytes: Buffer;
  contentToSign: string;
  signatureHeader: string;
}

/** Serialise a body the one time it is serialised in a call. Strings and bytes are taken as-is. */
export function serialiseBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(JSON.stringify(body), 'utf8');
}

export function buildSignedRequest(
  profile: ClientProfile,
  api: AntomApiName,
  body: unknown,
  requestTime: string,
): SignedRequest {
  const path = apiPath(api, usesSandboxPaths(profile));
  const url = normaliseBaseUrl(profile.baseUrl, profile.environment) + path;
  const bodyBytes = serialiseBody(body);
  const signed = signRequest({ path, clientId: profile.clientId, time: requestTime, body: bodyBytes }, profile.privateKey, profile.keyVersion);
  return {
    url,
    path,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'Content-Length': String(bodyBytes.length),
      'client-id': profile.clientId,
      'request-time': requestTime,
      signature: signed.signatureHeader,
    },
    bodyBytes,
    contentToSign: signed.contentToSign,
    signatureHeader: signed.signatureHeader,
  };
}
