/**
 * The string Antom signs and verifies (API-FACTS a.1 / a.5 / a.6):
 *
 *   <METHOD> SP <path-with-query> LF <client-id> "." <time> "." <body bytes>
 *
 * The body is taken as raw bytes: a response or notification must be verified over exactly
 * what arrived, and converting arbitrary bytes to a JS string could change them.
 */
export interface SignedParts {
  /** Always POST for the Antom payment APIs; kept as a parameter so the lab can show mistakes. */
  method?: string;
  /** Path plus query string, no scheme/host/port, e.g. /ams/api/v1/payments/capture. */
  path: string;
  clientId: string;
  /** request-time (requests, notifications) or response-time (responses), signed as opaque text. */
  time: string;
  /** Exact bytes sent or received. A string is encoded as UTF-8. */
  body: Buffer | string;
}

function contentToSignPrefix(parts: Omit<SignedParts, 'body'>): string {
  return `${parts.method ?? 'POST'} ${parts.path}\n${parts.clientId}.${parts.time}.`;
}

export function contentToSignBytes(parts: SignedParts): Buffer {
  const prefix = Buffer.from(contentToSignPrefix(parts), 'utf8');
  const body = typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : parts.body;
  return Buffer.concat([prefix, body], prefix.length + body.length);
}
