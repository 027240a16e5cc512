/**
 * Antom-looking identifiers: paymentId and friends are long digit strings that start with a
 * timestamp; session IDs are opaque. A counter keeps them unique within a run, a random tail
 * keeps two sandbox runs from handing out the same IDs (a journal may hold both).
 */
import { randomBytes } from 'node:crypto';

let counter = 0;

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function randomDigits(n: number): string {
  return [...randomBytes(n)].map((b) => String(b % 10)).join('');
}

type IdKind = 'payment' | 'capture' | 'refund' | 'dispute';

const KIND_DIGITS: Record<IdKind, string> = { payment: '11', capture: '12', refund: '13', dispute: '14' };

/** e.g. 2026112208153111000000421234 (28 digits, well under Antom's 64). */
export function newAntomId(kind: IdKind, nowMs: number): string {
  counter += 1;
  return `${stamp(nowMs)}${KIND_DIGITS[kind]}${String(counter).padStart(8, '0')}${randomDigits(4)}`;
}

export function newSessionId(): string {
  return `SBXSESS${randomBytes(18).toString('base64url')}`;
}

export function newNotificationId(): string {
  counter += 1;
  return `ntf_${String(counter).padStart(6, '0')}_${randomBytes(3).toString('hex')}`;
}

/** paymentSessionData part 1: opaque base64, as long as Antom's (64 random bytes). */
export function newSessionKey(): string {
  return randomBytes(64).toString('base64');
}

/** paymentSessionData part 3: undocumented by Antom; its four-part sample (seed 002) shows 188. */
export const SESSION_DATA_THIRD_PART = '188';
