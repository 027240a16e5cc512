/**
 * Request IDs (paymentRequestId, captureRequestId, refundRequestId): Antom's idempotency keys.
 * ASCII only, at most 64 characters, unique: PREFIX-YYYYMMDD-<16 base32 chars> (80 random bits),
 * readable in logs and sortable by day.
 */
import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function newRequestId(prefix: string, now: Date = new Date()): string {
  const cleanPrefix = prefix.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 16) || 'REQ';
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `${cleanPrefix}-${day}-${base32(randomBytes(10))}`;
}
