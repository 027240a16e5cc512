/**
 * Key import in the forms merchants actually hold (API-FACTS a.4):
 * - merchant private key: single-line PKCS#8 base64 (Antom Dashboard), PEM PKCS#8, PEM PKCS#1
 *   (and single-line PKCS#1 base64, which some tools print);
 * - Antom public key: single-line X.509/SPKI base64, PEM SPKI, PEM PKCS#1 public.
 *
 * Every refusal is a ConsoleError saying what the text is and what to paste instead. Messages
 * never echo the key text back: it may be a secret pasted in the wrong box.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ConsoleError } from '../../../src-shared/errors';

export const MIN_RSA_BITS = 2048;

export interface ParsedPrivateKey {
  keyObject: KeyObject;
  /** Normalised single-line PKCS#8 DER base64: the one form we store in the keychain. */
  pkcs8Base64: string;
  /** The matching public key, single-line SPKI base64: what the merchant uploads to Antom. */
  publicKeyBase64: string;
  modulusBits: number;
}

export interface ParsedPublicKey {
  keyObject: KeyObject;
  /** Normalised single-line SPKI DER base64. */
  spkiBase64: string;
  modulusBits: number;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;

type Decoded = { pemLabel: string | undefined; der: Buffer };

function decodeKeyText(text: string, what: string): Decoded {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new ConsoleError('KEY_NOT_A_KEY', `The ${what} is empty.`, `Paste the ${what} text or choose the file that holds it.`);
  }
  const pem = PEM_BLOCK.exec(trimmed);
  if (pem) {
    const body = (pem[2] ?? '').replace(/\s+/g, '');
    if (/^Proc-Type:|ENCRYPTED/m.test(pem[2] ?? '') || (pem[1] ?? '').includes('ENCRYPTED')) {
      throw new ConsoleError('KEY_NOT_A_KEY', `The ${what} is encrypted with a passphrase.`, 'Export it without a passphrase (e.g. openssl pkcs8 -topk8 -nocrypt) and import that.');
    }
    return { pemLabel: pem[1], der: strictBase64(body, what) };
  }
  if (trimmed.includes('-----BEGIN')) {
    throw new ConsoleError('KEY_NOT_A_KEY', `The ${what} looks like a PEM file, but its BEGIN/END lines do not match.`, 'Copy the whole block from -----BEGIN ...----- to -----END ...-----.');
  }
  return { pemLabel: undefined, der: strictBase64(trimmed.replace(/\s+/g, ''), what) };
}

function strictBase64(body: string, what: string): Buffer {
  if (body === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) {
    throw new ConsoleError('KEY_NOT_A_KEY', `The ${what} is not a key: it is neither PEM nor single-line base64.`, `Paste the ${what} exactly as Antom Dashboard or your key tool shows it.`);
  }
  return Buffer.from(body, 'base64');
}

function tryPrivate(der: Buffer, type: 'pkcs8' | 'pkcs1'): KeyObject | undefined {
  try {
    return createPrivateKey({ key: der, format: 'der', type });
  } catch {
    return undefined;
  }
}

function tryPublic(der: Buffer, type: 'spki' | 'pkcs1'): KeyObject | undefined {
  try {
    return createPublicKey({ key: der, format: 'der', type });
  } catch {
    return undefined;
  }
}

function requireRsa(key: KeyObject, what: string): number {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ConsoleError('KEY_NOT_RSA', `The ${what} is a ${String(key.asymmetricKeyType).toUpperCase()} key; Antom signs with RSA only.`, 'Generate or export an RSA key of at least 2048 bits.');
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    throw new ConsoleError('KEY_TOO_SHORT', `The ${what} is RSA-${bits}; Antom requires at least ${MIN_RSA_BITS} bits.`, 'Generate a new RSA-2048 pair and upload its public key to Antom Dashboard.');
  }
  return bits;
}

export function parsePrivateKey(text: string): ParsedPrivateKey {
  const what = 'merchant private key';
  const { pemLabel, der } = decodeKeyText(text, what);
  if (pemLabel !== undefined && /PUBLIC KEY|CERTIFICATE/.test(pemLabel)) {
    throw new ConsoleError('KEY_WRONG_KIND', 'This is a public key, but a private key belongs here.', 'Import the merchant PRIVATE key (Antom Dashboard shows it once when you generate it); the public key goes to Antom.');
  }
  let key: KeyObject | undefined;
  if (pemLabel === 'RSA PRIVATE KEY') key = tryPrivate(der, 'pkcs1') ?? tryPrivate(der, 'pkcs8');
  else if (pemLabel === undefined || pemLabel === 'PRIVATE KEY') key = tryPrivate(der, 'pkcs8') ?? tryPrivate(der, 'pkcs1');
  else if (pemLabel === 'EC PRIVATE KEY') {
    throw new ConsoleError('KEY_NOT_RSA', 'The merchant private key is an EC key; Antom signs with RSA only.', 'Generate or export an RSA key of at least 2048 bits.');
  }
  if (!key) {
    if (tryPublic(der, 'spki') || tryPublic(der, 'pkcs1')) {
      throw new ConsoleError('KEY_WRONG_KIND', 'This is a public key, but a private key belongs here.', 'Import the merchant PRIVATE key; the public key is the one you upload to Antom.');
    }
    throw new ConsoleError('KEY_NOT_A_KEY', 'The merchant private key could not be read as PKCS#8 or PKCS#1.', 'Paste the single-line PKCS#8 base64 from Antom Dashboard, or a PEM file (BEGIN PRIVATE KEY / BEGIN RSA PRIVATE KEY).');
  }
  const modulusBits = requireRsa(key, what);
  const pkcs8Base64 = key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  const publicKeyBase64 = createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  return { keyObject: key, pkcs8Base64, publicKeyBase64, modulusBits };
}

export function parsePublicKey(text: string, what = 'Antom public key'): ParsedPublicKey {
  const { pemLabel, der } = decodeKeyText(text, what);
  if (pemLabel !== undefined && /PRIVATE KEY/.test(pemLabel)) {
    throw new ConsoleError('KEY_WRONG_KIND', `This is a private key, but the ${what} belongs here.`, 'Paste the public key (X.509/SPKI base64 or BEGIN PUBLIC KEY). Never share a private key; if it was pasted somewhere public, rotate it.');
  }
  // Checked first: createPublicKey happily derives a public key from private DER, which would
  // silently accept a private key pasted into the public-key box.
  if (tryPrivate(der, 'pkcs8') || tryPrivate(der, 'pkcs1')) {
    throw new ConsoleError('KEY_WRONG_KIND', `This is a private key, but the ${what} belongs here.`, 'Paste the public key (X.509/SPKI base64 or BEGIN PUBLIC KEY). Never share a private key; if it was pasted somewhere public, rotate it.');
  }
  let key: KeyObject | undefined;
  if (pemLabel === 'RSA PUBLIC KEY') key = tryPublic(der, 'pkcs1');
  else key = tryPublic(der, 'spki') ?? tryPublic(der, 'pkcs1');
  if (!key || key.type !== 'public') {
    throw new ConsoleError('KEY_NOT_A_KEY', `The ${what} could not be read as X.509/SPKI or PKCS#1.`, 'Paste the single-line public key from Antom Dashboard, or a PEM file (BEGIN PUBLIC KEY).');
  }
  const modulusBits = requireRsa(key, what);
  return { keyObject: key, spkiBase64: key.export({ format: 'der', type: 'spki' }).toString('base64'), modulusBits };
}

/**
 * Refuse a private key that does not belong to the merchant public key already known for the
 * profile (e.g. the one registered with the embedded sandbox or uploaded to Antom).
 */
export function assertKeyPairMatches(privateKey: ParsedPrivateKey, merchantPublicKeyBase64: string): void {
  const known = parsePublicKey(merchantPublicKeyBase64, 'merchant public key');
  if (known.spkiBase64 !== privateKey.publicKeyBase64) {
    throw new ConsoleError('KEY_PAIR_MISMATCH', 'This private key does not match the merchant public key on record for this profile.', 'Import the private key generated together with the public key uploaded to Antom, or upload this key\'s public key and update the profile.');
  }
}
