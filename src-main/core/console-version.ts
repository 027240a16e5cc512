/**
 * The console's version, for records that say which console wrote something (the journals'
 * schema_migrations). ANTOM_OPS_VERSION wins (the Electron shell can set it from app.getVersion());
 * otherwise package.json beside the sources; 'unknown' in a bundle that cannot find it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function consoleVersion(): string {
  if (process.env.ANTOM_OPS_VERSION) return process.env.ANTOM_OPS_VERSION;
  if (cached !== undefined) return cached;
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const version = (JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version?: unknown }).version;
    cached = typeof version === 'string' ? version : 'unknown';
  } catch {
    cached = 'unknown';
  }
  return cached;
}
