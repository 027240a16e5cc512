/**
 * How a notification's body is kept, reconciling two needs that pull apart:
 * - support must be able to see "exactly what was verified" (the signed bytes), and
 * - buyer personal data must never be written (issue 3, section 1).
 *
 * Decision: verification happens in the receiver on the raw bytes, BEFORE anything is stored.
 * The journal then runs the redactor over the body. If it changes nothing (the usual case:
 * Antom notifications carry IDs, amounts and codes), the exact bytes are stored and
 * `body_exact = 1`. If it masks anything, the redacted body is stored, `body_exact = 0`, and the
 * SHA-256 of the original bytes plus the verification result stand in for them: the UI can say
 * "verified; the body shown has personal data masked; original sha256=...". The same rule
 * applies to content_verified (its trailing body part is swapped for the redacted body).
 * Bodies that are not valid UTF-8 are stored redacted as text, never exact.
 */
import { createHash } from 'node:crypto';
import { redactJsonText } from '../redaction/redact-json';

interface PreparedBody {
  stored: Buffer;
  exact: boolean;
  sha256: string;
  bytes: number;
  contentVerified: string | undefined;
}

/**
 * `whole`: rawBody is only a prefix of the body received (a bounded rejected body); its size and
 * hash are those of the whole body, and the stored body is never "exact".
 */
export function prepareNotificationBody(rawBody: Buffer, contentVerified: string | undefined, whole?: { bytes: number; sha256: string }): PreparedBody {
  const sha256 = whole?.sha256 ?? createHash('sha256').update(rawBody).digest('hex');
  const text = rawBody.toString('utf8');
  const validUtf8 = Buffer.from(text, 'utf8').equals(rawBody);
  const redacted = redactJsonText(text);
  const exact = whole === undefined && validUtf8 && !redacted.changed;
  let verified = contentVerified;
  if (verified !== undefined && !exact) {
    verified = verified.endsWith(text)
      ? verified.slice(0, verified.length - text.length) + redacted.text
      : redactJsonText(verified).text;
  }
  return {
    stored: exact ? Buffer.from(rawBody) : Buffer.from(redacted.text, 'utf8'),
    exact,
    sha256,
    bytes: whole?.bytes ?? rawBody.length,
    contentVerified: verified,
  };
}

/** Headers are kept for display; values that could carry personal data do not occur in Antom's. */
export function headersJson(headers: Record<string, string>): string {
  return redactJsonText(JSON.stringify(headers)).text;
}
