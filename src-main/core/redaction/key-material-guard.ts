/**
 * Key material must never reach the journal (or an export). Keys are pasted by people, so one can
 * end up in a body or a note by accident; this guard finds RSA keys in PEM form and as bare
 * base64 DER (the form the Antom Dashboard shows), including PEM inside JSON strings where the
 * newlines are written "\n".
 *
 * scrubKeyMaterial() replaces them (used by redaction, which must not throw: the client's recorder
 * never throws); assertNoKeyMaterial() is the last check right before a row is written, and
 * refuses loudly if anything slipped past.
 */
import { ConsoleError } from '../../../src-shared/errors';

const KEY_MATERIAL_REMOVED = '[key material removed]';

// PEM block, complete or cut off: BEGIN line up to the END line, or to the end of the base64 run.
const PEM = /-----BEGIN [A-Z0-9 ]*KEY-----(?:[\s\S]*?-----END [A-Z0-9 ]*KEY-----|[A-Za-z0-9+/=\s\\nr]*)/g;
// Bare base64 DER of an RSA key: PKCS#8 private, PKCS#1 private, X.509 SubjectPublicKeyInfo.
// The fixed DER prefix of each (algorithm identifier / version) is what is matched, so ordinary
// base64 such as a signature does not trip it.
const DER_BASE64 = /MII[A-Za-z0-9+/]{3}IBADANBgkqhkiG9w0BAQEF[A-Za-z0-9+/=]*|MII[A-Za-z0-9+/]{3}IBAAKC[A-Za-z0-9+/=]*|MII[A-Za-z0-9+/]{2}jANBgkqhkiG9w0BAQEFAAOC[A-Za-z0-9+/=]*/g;

export function containsKeyMaterial(text: string): boolean {
  PEM.lastIndex = 0;
  DER_BASE64.lastIndex = 0;
  return PEM.test(text) || DER_BASE64.test(text);
}

export function scrubKeyMaterial(text: string): { text: string; changed: boolean } {
  if (!containsKeyMaterial(text)) return { text, changed: false };
  return { text: text.replace(PEM, KEY_MATERIAL_REMOVED).replace(DER_BASE64, KEY_MATERIAL_REMOVED), changed: true };
}

/** Throws when `text` holds key material. `where` names the column for the message. */
export function assertNoKeyMaterial(text: string | undefined | null, where: string): void {
  if (text && containsKeyMaterial(text)) {
    throw new ConsoleError(
      'JOURNAL_KEY_MATERIAL',
      `Refused to write ${where} to the journal: it contains an RSA key.`,
      'Keys belong in the keychain (profiles), never in request bodies or notes. Remove the key from what you sent and try again.',
      { where },
    );
  }
}
