/**
 * Verification of one notification plus, when it fails, a diagnosis precise enough to tell an
 * operator what to fix (journal-types RejectReason).
 *
 * The signature covers `POST <path+query>\n<client-id>.<request-time>.<raw body>` where the path
 * is the receiver's OWN path as requested (API-FACTS a.6). When it does not verify:
 *
 *  - wrong-path: it verifies over another plausible path (the path without its query, the
 *    receiver's base path, '/', or paths the caller names, e.g. other receivers' notify paths).
 *    The detail names the path it was signed for, so the notify URL can be corrected.
 *  - body-changed vs wrong-key: RSA cannot tell a changed body from a wrong key. Our rule:
 *      1. the body is not byte-for-byte compact JSON (not JSON at all, or JSON.stringify of its
 *         parse differs: re-indented, re-escaped, truncated). Antom sends compact JSON, so
 *         something between Antom and us changed the bytes -> body-changed.
 *      2. the same public key already verified a notification from this client-id in this
 *         receiver run: the key is evidently right, so the signed content changed
 *         (body or request-time) -> body-changed.
 *      3. otherwise -> wrong-key (the profile's Antom public key does not match the sender's
 *         key: sandbox vs production key, or another account). The detail says a value edit
 *         in a compact body would look the same.
 */
import type { KeyObject } from 'node:crypto';
import { verifySignature } from '../signing/verify-signature';
import type { RejectReason } from '../journal/journal-types';

export interface Verifier {
  profile: string;
  antomPublicKey: KeyObject;
}

export type ResolveVerifier = (clientId: string) => Verifier | undefined;

interface VerifyInput {
  requestPath: string;
  basePath: string;
  headers: Record<string, string>;
  rawBody: Buffer;
  resolveVerifier: ResolveVerifier;
  alternatePaths: readonly string[];
  /** Has this key verified a notification from this client-id before (rule 2 above)? */
  keyProvenFor(clientId: string, key: KeyObject): boolean;
}

type VerifyOutcome =
  | { verified: true; profile: string; contentVerified: string; clientId: string; key: KeyObject }
  | { verified: false; profile: string | undefined; reason: RejectReason; detail: string; contentVerified: string | undefined };

function header(headers: Record<string, string>, name: string): string | undefined {
  const value = headers[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isCompactJson(raw: Buffer): boolean {
  const text = raw.toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

function candidatePaths(requestPath: string, basePath: string, extra: readonly string[]): string[] {
  const q = requestPath.indexOf('?');
  const withoutQuery = q >= 0 ? requestPath.slice(0, q) : requestPath;
  const trailingToggled = withoutQuery.endsWith('/') ? withoutQuery.slice(0, -1) : `${withoutQuery}/`;
  const seen = new Set<string>([requestPath]);
  const out: string[] = [];
  for (const p of [withoutQuery, trailingToggled, basePath, '/', ...extra]) {
    if (p !== '' && !seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

export function verifyNotification(input: VerifyInput): VerifyOutcome {
  const { headers, rawBody } = input;
  const clientId = header(headers, 'client-id');
  if (clientId === undefined) {
    return { verified: false, profile: undefined, reason: 'missing-client-id', detail: 'The request has no client-id header, so the console cannot tell which profile (and Antom public key) it belongs to.', contentVerified: undefined };
  }
  const signature = header(headers, 'signature');
  if (signature === undefined) {
    return { verified: false, profile: undefined, reason: 'malformed-signature', detail: 'The request has no signature header; Antom signs every notification.', contentVerified: undefined };
  }
  const time = header(headers, 'request-time');
  if (time === undefined) {
    return { verified: false, profile: undefined, reason: 'bad-time-header', detail: 'The request has no request-time header; it is part of the signed content, so the signature cannot be checked.', contentVerified: undefined };
  }
  const verifier = input.resolveVerifier(clientId);
  if (!verifier) {
    return { verified: false, profile: undefined, reason: 'unknown-client-id', detail: `No profile with client-id "${clientId}" has an Antom public key. Add the profile (or its Antom public key) and let Antom resend.`, contentVerified: undefined };
  }
  const key = verifier.antomPublicKey;
  const parts = { path: input.requestPath, clientId, time, body: rawBody };
  const result = verifySignature(parts, signature, key);
  if (result.valid) {
    return { verified: true, profile: verifier.profile, contentVerified: result.contentToSign, clientId, key };
  }
  const rejected = (reason: RejectReason, detail: string) => ({ verified: false as const, profile: verifier.profile, reason, detail, contentVerified: result.contentToSign });
  if (result.malformed) {
    return rejected('malformed-signature', result.reason);
  }
  for (const path of candidatePaths(input.requestPath, input.basePath, input.alternatePaths)) {
    if (verifySignature({ ...parts, path }, signature, key).valid) {
      return rejected('wrong-path', `The signature was made for the path "${path}" but the notification arrived on "${input.requestPath}". Make the notify URL registered with Antom end in exactly the path the receiver is called on.`);
    }
  }
  if (!isCompactJson(rawBody)) {
    return rejected('body-changed', 'The signature does not verify and the body is not the compact JSON Antom sends: something between Antom and the console re-formatted or altered the bytes (a proxy, tunnel or tool that re-serialises JSON).');
  }
  if (input.keyProvenFor(clientId, key)) {
    return rejected('body-changed', `The signature does not verify, but this profile's Antom public key verified earlier notifications from client-id "${clientId}", so the key is right: the body or the request-time header was changed after signing.`);
  }
  return rejected('wrong-key', `The signature does not verify with profile "${verifier.profile}"'s Antom public key. Most likely the key is wrong (sandbox vs production, or another account's key); a body edited after signing would look the same.`);
}
