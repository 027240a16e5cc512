/** Shared setup for the profile tests: temp data dirs, bad keys, and "is this secret on disk?". */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vectors } from '../../support/signature-vectors';

export const merchant = vectors.keys.merchant as Record<'privateKeyPkcs8Base64' | 'privateKeyPkcs8Pem' | 'privateKeyPkcs1Pem' | 'publicKeyX509Base64' | 'publicKeyPem', string>;
export const antom = vectors.keys.antom as typeof merchant;

export const ecPrivateKeyPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
export const rsa1024PrivateKeyPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'antom-ops-profiles-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** True when any file under dir contains the needle (or a 40-char slice of it, to catch re-wrapping). */
export async function dataDirContains(dir: string, secretBase64: string): Promise<boolean> {
  const slice = secretBase64.slice(100, 140);
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'latin1');
    if (text.includes(secretBase64) || text.replace(/\s+/g, '').includes(slice)) return true;
  }
  return false;
}
