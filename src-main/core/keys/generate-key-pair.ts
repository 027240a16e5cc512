import { generateKeyPair as generateKeyPairCb } from 'node:crypto';
import { promisify } from 'node:util';
import { parsePrivateKey, type ParsedPrivateKey } from './parse-keys';

const generateKeyPair = promisify(generateKeyPairCb);

/** A fresh RSA-2048 pair for a new merchant (or the embedded sandbox). Async: keygen takes ~100 ms. */
export async function generateRsaKeyPair(bits = 2048): Promise<ParsedPrivateKey> {
  const { privateKey } = await generateKeyPair('rsa', {
    modulusLength: bits,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  return parsePrivateKey(privateKey.toString('base64'));
}

/** Wrap single-line base64 DER as PEM (64-column lines) for files users hand to other tools. */
export function toPem(base64: string, label: 'PRIVATE KEY' | 'PUBLIC KEY'): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
