/**
 * The gateway checks Antom runs before any business logic, in Antom's order: method, media
 * type, client-id, required headers, key version, signature, body. Each refusal is an
 * Antom-shaped answer; refusals of the caller's credentials are not signed (API-FACTS a.5).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { failure, type AntomAnswer } from './antom-answer';
import { verifySignature } from '../signing/verify-signature';
import { parseSignatureHeader } from '../signing/signature-header';
import { isConsoleError } from '../../../src-shared/errors';

/** Only key version 1 (or none: "the latest") is registered per client-id. */
const REGISTERED_KEY_VERSION = '1';

type CheckOutcome =
  | { ok: true; clientId: string; body: unknown }
  | { ok: false; answer: AntomAnswer; clientId: string | undefined };

interface CheckInput {
  method: string;
  /** Path with query, exactly as requested: the signature covers it. */
  pathAsRequested: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

export function checkAntomRequest(input: CheckInput, merchantKey: (clientId: string) => KeyObject | undefined): CheckOutcome {
  const clientIdHeader = header(input.headers, 'client-id');
  const refuse = (answer: AntomAnswer): CheckOutcome => ({ ok: false, answer, clientId: clientIdHeader });

  if (input.method !== 'POST') {
    return refuse(failure('METHOD_NOT_SUPPORTED', `Only POST is supported; the request used ${input.method}.`, 405));
  }
  const contentType = header(input.headers, 'content-type');
  if (!contentType || contentType.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    return refuse(failure('MEDIA_TYPE_NOT_ACCEPTABLE', `Content-Type must be application/json; got ${contentType ?? 'none'}.`, 415));
  }
  if (!clientIdHeader) {
    return refuse(failure('CLIENT_INVALID', 'The client-id header is missing.', 200, false));
  }
  const publicKey = merchantKey(clientIdHeader);
  if (!publicKey) {
    return refuse(failure('CLIENT_INVALID', `client-id ${clientIdHeader} is not registered with this sandbox.`, 200, false));
  }
  const requestTime = header(input.headers, 'request-time');
  if (!requestTime) {
    return refuse(failure('PARAM_ILLEGAL', 'The request-time header is missing.'));
  }
  const signatureHeader = header(input.headers, 'signature');
  if (!signatureHeader) {
    return refuse(failure('PARAM_ILLEGAL', 'The signature header is missing.'));
  }
  let keyVersion: string | undefined;
  try {
    keyVersion = parseSignatureHeader(signatureHeader).keyVersion;
  } catch (error) {
    const reason = isConsoleError(error) ? error.message : String(error);
    return refuse(failure('INVALID_SIGNATURE', reason, 200, false));
  }
  if (keyVersion !== undefined && keyVersion !== REGISTERED_KEY_VERSION) {
    return refuse(failure('KEY_NOT_FOUND', `No key with keyVersion ${keyVersion} is registered for client-id ${clientIdHeader}; only keyVersion ${REGISTERED_KEY_VERSION} is.`, 200, false));
  }
  const verdict = verifySignature({ path: input.pathAsRequested, clientId: clientIdHeader, time: requestTime, body: input.rawBody }, signatureHeader, publicKey);
  if (!verdict.valid) {
    return refuse(failure('INVALID_SIGNATURE', `The request signature does not verify against the merchant public key registered for ${clientIdHeader}: ${verdict.reason}`, 200, false));
  }
  let body: unknown;
  try {
    body = JSON.parse(input.rawBody.toString('utf8'));
  } catch {
    return refuse(failure('PARAM_ILLEGAL', 'The request body is not valid JSON.'));
  }
  return { ok: true, clientId: clientIdHeader, body };
}
