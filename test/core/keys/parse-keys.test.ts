import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { vectors } from '../../support/signature-vectors';
import { parsePrivateKey, parsePublicKey, assertKeyPairMatches } from '../../../src-main/core/keys/parse-keys';
import { generateRsaKeyPair, toPem } from '../../../src-main/core/keys/generate-key-pair';
import { ConsoleError } from '../../../src-shared/errors';

const merchant = vectors.keys.merchant;
const antom = vectors.keys.antom;

function errorOf(fn: () => unknown): ConsoleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error('expected a ConsoleError');
}

describe('merchant private key import', () => {
  it('accepts the single-line PKCS#8 base64 that Antom Dashboard shows, PEM PKCS#8 and PEM PKCS#1, all to the same key', () => {
    const forms = [merchant.privateKeyPkcs8Base64, merchant.privateKeyPkcs8Pem, merchant.privateKeyPkcs1Pem, `  ${merchant.privateKeyPkcs8Pem}\r\n`];
    const parsed = forms.map((f: string) => parsePrivateKey(f));
    for (const p of parsed) {
      expect(p.pkcs8Base64).toBe(merchant.privateKeyPkcs8Base64);
      expect(p.publicKeyBase64).toBe(merchant.publicKeyX509Base64);
      expect(p.modulusBits).toBe(2048);
    }
  });

  it('accepts base64 wrapped across lines (as copied from a PEM body)', () => {
    const wrapped = merchant.privateKeyPkcs8Base64.match(/.{1,64}/g).join('\n');
    expect(parsePrivateKey(wrapped).pkcs8Base64).toBe(merchant.privateKeyPkcs8Base64);
  });

  it('refuses text that is not a key, without echoing it', () => {
    const e = errorOf(() => parsePrivateKey('hello, this is my password'));
    expect(e.code).toBe('KEY_NOT_A_KEY');
    expect(e.message).not.toContain('password');
    expect(e.hint).toMatch(/PKCS#8|Dashboard/);
    expect(errorOf(() => parsePrivateKey('')).code).toBe('KEY_NOT_A_KEY');
    expect(errorOf(() => parsePrivateKey('QUJDRA==')).code).toBe('KEY_NOT_A_KEY');
  });

  it('refuses a public key where the private key belongs (PEM and single-line)', () => {
    expect(errorOf(() => parsePrivateKey(merchant.publicKeyPem)).code).toBe('KEY_WRONG_KIND');
    const e = errorOf(() => parsePrivateKey(merchant.publicKeyX509Base64));
    expect(e.code).toBe('KEY_WRONG_KIND');
    expect(e.message).toMatch(/public key/);
  });

  it('refuses a non-RSA key', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(errorOf(() => parsePrivateKey(pem)).code).toBe('KEY_NOT_RSA');
    const ed = generateKeyPairSync('ed25519');
    expect(errorOf(() => parsePrivateKey(ed.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'))).code).toBe('KEY_NOT_RSA');
  });

  it('refuses RSA shorter than 2048 bits', () => {
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const e = errorOf(() => parsePrivateKey(short.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString()));
    expect(e.code).toBe('KEY_TOO_SHORT');
    expect(e.message).toContain('1024');
  });

  it('refuses an encrypted PEM with a hint to export it unencrypted', () => {
    const k = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = k.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' }).toString();
    const e = errorOf(() => parsePrivateKey(pem));
    expect(e.code).toBe('KEY_NOT_A_KEY');
    expect(e.hint).toMatch(/nocrypt/);
  });

  it('refuses a private key that does not match the merchant public key on record', () => {
    const mine = parsePrivateKey(merchant.privateKeyPkcs8Base64);
    expect(() => assertKeyPairMatches(mine, merchant.publicKeyX509Base64)).not.toThrow();
    expect(errorOf(() => assertKeyPairMatches(mine, antom.publicKeyX509Base64)).code).toBe('KEY_PAIR_MISMATCH');
  });
});

describe('Antom public key import', () => {
  it('accepts single-line X.509 base64 and PEM', () => {
    expect(parsePublicKey(antom.publicKeyX509Base64).spkiBase64).toBe(antom.publicKeyX509Base64);
    expect(parsePublicKey(antom.publicKeyPem).spkiBase64).toBe(antom.publicKeyX509Base64);
  });

  it('refuses a private key where the public key belongs', () => {
    expect(errorOf(() => parsePublicKey(antom.privateKeyPkcs8Pem)).code).toBe('KEY_WRONG_KIND');
    expect(errorOf(() => parsePublicKey(antom.privateKeyPkcs8Base64)).code).toBe('KEY_WRONG_KIND');
  });

  it('refuses garbage and short keys', () => {
    expect(errorOf(() => parsePublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).code).toBe('KEY_NOT_A_KEY');
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(errorOf(() => parsePublicKey(short.publicKey.export({ format: 'pem', type: 'spki' }).toString())).code).toBe('KEY_TOO_SHORT');
  });
});

describe('key generation', () => {
  it('generates an RSA-2048 pair whose public key is shown for upload and round-trips through PEM', async () => {
    const pair = await generateRsaKeyPair();
    expect(pair.modulusBits).toBe(2048);
    const pem = toPem(pair.publicKeyBase64, 'PUBLIC KEY');
    expect(pem.startsWith('-----BEGIN PUBLIC KEY-----\n')).toBe(true);
    expect(parsePublicKey(pem).spkiBase64).toBe(pair.publicKeyBase64);
    expect(parsePrivateKey(toPem(pair.pkcs8Base64, 'PRIVATE KEY')).pkcs8Base64).toBe(pair.pkcs8Base64);
  });
});
