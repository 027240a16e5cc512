/** Loads ../shared/antom/signature-vectors.json (produced by the official Antom SDK) for tests. */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const candidates = [
  process.env.ANTOM_SIGNATURE_VECTORS,
  resolve(here, '../fixtures/signature-vectors.json'),
  resolve(here, '../../../shared/antom/signature-vectors.json'),
].filter((p): p is string => typeof p === 'string');

const vectorsPath = candidates.find((p) => existsSync(p)) ?? candidates[candidates.length - 1]!;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const vectors: any = JSON.parse(readFileSync(vectorsPath, 'utf8'));

export function keyRef(ref: string): string {
  // refs look like "keys.merchant.privateKeyPkcs8Base64"
  const [, who, field] = ref.split('.');
  return vectors.keys[who!][field!];
}
