/**
 * The signature lab: verify pasted headers and body against a public key, and when that fails,
 * try the usual mistakes one at a time to see which one explains it. Each check re-verifies a
 * corrected variant with real RSA, so "likelyCause: true" means that variant actually verifies.
 */
import type { KeyObject } from 'node:crypto';
import type { SignatureLabResult } from '../../../src-shared/contract';
import { verifySignature } from '../signing/verify-signature';
import { parseSignatureHeader, urlEncodeSignature } from '../signing/signature-header';
import type { SignedParts } from '../signing/content-to-sign';

interface LabInput {
  method: string | undefined;
  path: string;
  clientId: string;
  time: string;
  body: string;
  signature: string;
}

export interface LabKey {
  /** Where the key came from, e.g. 'profile "Acme SG"' or 'the embedded sandbox'. */
  label: string;
  key: KeyObject;
}

type Diagnosis = SignatureLabResult['diagnosis'][number];

function verifies(parts: SignedParts, signature: string, key: KeyObject): boolean {
  return verifySignature(parts, signature, key).valid;
}

/** A full URL pasted as the path: Antom signs the path (and query) only. */
function pathOnly(path: string): string {
  try {
    if (/^https?:\/\//i.test(path)) {
      const url = new URL(path);
      return `${url.pathname}${url.search}`;
    }
  } catch {
    // not a URL: keep as typed
  }
  return path;
}

function pathVariants(path: string): string[] {
  const variants = new Set<string>();
  const bare = pathOnly(path);
  variants.add(bare);
  const [withoutQuery = bare] = bare.split('?');
  variants.add(withoutQuery);
  for (const p of [bare, withoutQuery]) {
    if (p.includes('/ams/sandbox/api/')) variants.add(p.replace('/ams/sandbox/api/', '/ams/api/'));
    else if (p.includes('/ams/api/')) variants.add(p.replace('/ams/api/', '/ams/sandbox/api/'));
    variants.add(p.endsWith('/') ? p.replace(/\/+$/, '') : `${p}/`);
  }
  variants.delete(path);
  return [...variants].filter((v) => v !== '');
}

/** Python's json.dumps escapes non-ASCII as \uXXXX. */
function asciiEscaped(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function bodyVariants(body: string): Array<{ label: string; body: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const compact = JSON.stringify(parsed);
  const candidates = [
    { label: 'compact JSON', body: compact },
    { label: 'JSON indented by 2', body: JSON.stringify(parsed, null, 2) },
    { label: 'JSON indented by 3 (the Python SDK)', body: JSON.stringify(parsed, null, 3) },
    { label: 'JSON indented by 4', body: JSON.stringify(parsed, null, 4) },
    { label: 'compact JSON with non-ASCII escaped', body: asciiEscaped(compact) },
    { label: 'JSON indented by 3 with non-ASCII escaped (the Python SDK)', body: asciiEscaped(JSON.stringify(parsed, null, 3)) },
    { label: 'the body with a trailing newline', body: `${body}\n` },
    { label: 'the body without surrounding whitespace', body: body.trim() },
  ];
  const seen = new Set([body]);
  return candidates.filter((c) => (seen.has(c.body) ? false : (seen.add(c.body), true)));
}

function isEpochOrIso(time: string): boolean {
  if (/^\d{10}$|^\d{13}$/.test(time)) return true;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(time) && !Number.isNaN(Date.parse(time));
}

export function runSignatureLab(input: LabInput, primary: LabKey, otherKeys: readonly LabKey[]): SignatureLabResult {
  const parts: SignedParts = { method: input.method || 'POST', path: input.path, clientId: input.clientId, time: input.time, body: input.body };
  const main = verifySignature(parts, input.signature, primary.key);
  if (main.valid) {
    return { valid: true, contentToSign: main.contentToSign, reason: undefined, diagnosis: [] };
  }
  const diagnosis: Diagnosis[] = [];

  // Un-encoded signature: raw base64 with '+' (decoded by Antom as spaces).
  let rawValue: string | undefined;
  try {
    rawValue = parseSignatureHeader(input.signature).encodedSignature;
  } catch {
    rawValue = undefined;
  }
  if (rawValue !== undefined && /[+]/.test(rawValue) && !/%[0-9a-f]{2}/i.test(rawValue)) {
    const fixed = verifies(parts, urlEncodeSignature(rawValue), primary.key);
    diagnosis.push({
      check: 'signature encoding',
      finding: fixed
        ? "The signature is raw base64 with '+' characters; URL-encoded it verifies. The sender must URL-encode the base64 signature (+ -> %2B, / -> %2F, = -> %3D)."
        : "The signature is raw base64 with '+' characters (not URL-encoded); URL-encoding it alone does not make it verify.",
      likelyCause: fixed,
    });
  } else {
    diagnosis.push({ check: 'signature encoding', finding: main.malformed ? `The signature value itself is malformed: ${main.reason}` : 'The signature value is URL-encoded base64 of the right length.', likelyCause: main.malformed });
  }
  const signature = rawValue !== undefined && /[+]/.test(rawValue) && !/%[0-9a-f]{2}/i.test(rawValue) ? urlEncodeSignature(rawValue) : input.signature;

  // Body re-serialised: the signer signed other bytes than the ones pasted (or sent).
  const bodyHit = bodyVariants(input.body).find((v) => verifies({ ...parts, body: v.body }, signature, primary.key));
  diagnosis.push({
    check: 'body re-serialised',
    finding: bodyHit
      ? `The signature verifies over ${bodyHit.label} of this body: the body was re-serialised between signing and sending (or pasting). Sign and send the exact same bytes.`
      : 'Re-serialising the JSON (compact, indented, ASCII-escaped) does not make it verify.',
    likelyCause: bodyHit !== undefined,
  });

  // Wrong path: sandbox vs production family, query string, trailing slash, a full URL.
  const pathHit = pathVariants(input.path).find((p) => verifies({ ...parts, path: p }, signature, primary.key));
  diagnosis.push({
    check: 'path',
    finding: pathHit
      ? `The signature verifies with the path "${pathHit}" instead of "${input.path}". Sign the exact path (and query) the request is sent to; sandbox credentials use /ams/sandbox/api/...`
      : 'Other path variants (sandbox/production family, with or without query, trailing slash) do not verify either.',
    likelyCause: pathHit !== undefined,
  });

  // Wrong key or environment: another profile's Antom key, or the embedded sandbox's.
  const keyHit = otherKeys.find((k) => verifies(parts, signature, k.key));
  diagnosis.push({
    check: 'key or environment',
    finding: keyHit
      ? `The signature verifies with ${keyHit.label}'s public key, not ${primary.label}'s: the wrong key or environment (sandbox vs production) was used.`
      : otherKeys.length
        ? `None of the other known keys (${otherKeys.map((k) => k.label).join(', ')}) verifies it either.`
        : 'No other public key is known to try.',
    likelyCause: keyHit !== undefined,
  });

  // Time header: signed as opaque text, so a reformatted time breaks the signature; we can only flag odd shapes.
  const timeOk = isEpochOrIso(input.time);
  diagnosis.push({
    check: 'time header',
    finding: timeOk
      ? 'The time is epoch milliseconds or ISO-8601. Check it is the request-time (notifications, requests) or response-time (responses) exactly as sent.'
      : `The time "${input.time}" is neither epoch milliseconds nor ISO-8601; it must be the header value exactly as sent (request-time for notifications, response-time for responses).`,
    likelyCause: false,
  });

  if ((input.method ?? 'POST') !== 'POST') {
    const fixed = verifies({ ...parts, method: 'POST' }, signature, primary.key);
    diagnosis.push({ check: 'method', finding: fixed ? 'It verifies with POST: Antom always signs POST.' : `Antom signs "POST", not "${input.method}".`, likelyCause: fixed });
  }

  return { valid: false, contentToSign: main.contentToSign, reason: main.reason, diagnosis };
}
