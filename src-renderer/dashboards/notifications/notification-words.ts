/**
 * Plain words for what the receiver decided, and Antom's resend schedule (API-FACTS: a
 * notification that is not acknowledged is sent again after 0 s, 2 min, 10 min, 10 min, 1 h,
 * 2 h, 6 h and 15 h: eight sends in all).
 */
import type { RejectReason } from '../../../src-shared/vocabulary';

export const REJECT_REASON_WORDS: Record<RejectReason, { title: string; explanation: string }> = {
  'wrong-key': {
    title: 'Signature does not match the key',
    explanation: 'The signature is well formed but does not verify with the Antom public key of this profile. Check that the profile holds the Antom public key of the same environment (sandbox and production keys differ) and the same client-id.',
  },
  'wrong-path': {
    title: 'Signed for another path',
    explanation: 'The signature verifies over a different URL path than the one this receiver listens on. Antom signs the path of the notify URL it was given: make the registered notify URL and the receiver path agree (a proxy rewriting the path breaks it too).',
  },
  'body-changed': {
    title: 'Body changed after signing',
    explanation: 'The signature belongs to a different body. Something between Antom and the receiver re-serialised or edited the JSON (a proxy, a framework parsing and re-encoding it). Verify the raw bytes exactly as received.',
  },
  'bad-time-header': {
    title: 'request-time header missing',
    explanation: 'The request-time header is missing or empty, so the content to sign cannot be rebuilt. A genuine Antom notification always carries it; check what sits in front of the receiver.',
  },
  'malformed-signature': {
    title: 'Signature header malformed',
    explanation: 'The signature header is missing or cannot be decoded (expected algorithm=RSA256,keyVersion=1,signature=<URL-encoded base64>). Check for a proxy that strips or re-encodes headers.',
  },
  'missing-client-id': {
    title: 'client-id header missing',
    explanation: 'The client-id header is missing, so the console cannot tell which profile (and which Antom public key) to verify with.',
  },
  'unknown-client-id': {
    title: 'Unknown client-id',
    explanation: 'No profile has this client-id, or that profile has no Antom public key. Create the profile (Settings) or paste the Antom public key into it.',
  },
  'not-json': {
    title: 'Body is not JSON',
    explanation: 'The body could not be parsed as JSON. Antom notifications are JSON; this is probably not from Antom.',
  },
  'not-a-notification': {
    title: 'Not a notification',
    explanation: 'The body is JSON but none of the notification shapes (notifyType PAYMENT_RESULT, CAPTURE_RESULT, REFUND_RESULT...).',
  },
  oversized: {
    title: 'Too large',
    explanation: 'The body was larger than the receiver accepts and was not read in full.',
  },
};

/**
 * Reasons where the signature itself failed: the notification may be forged, so the detail says
 * that first and only then the innocent explanations (a proxy, a wrong key in the profile).
 */
export const SIGNATURE_FAILURES: ReadonlySet<RejectReason> = new Set<RejectReason>(['wrong-key', 'wrong-path', 'body-changed', 'malformed-signature']);

/** Seconds after the previous send at which Antom sends again; index 0 is the first send. */
export const ANTOM_RETRY_DELAYS_SECONDS: readonly number[] = [0, 120, 600, 600, 3600, 7200, 21_600, 54_000];

export function delayLabel(seconds: number): string {
  if (seconds === 0) return '0 s';
  if (seconds < 3600) return `${seconds / 60} min`;
  return `${seconds / 3600} h`;
}
