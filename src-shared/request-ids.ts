/**
 * Request IDs (paymentRequestId, captureRequestId, refundRequestId, referenceOrderId): Antom's
 * idempotency keys. One generator for every door: the client mints them in main, the forms mint
 * them in the page (so "Retry safely" can resend the same one), and both must look alike in the
 * journal. ASCII only, at most 64 characters, unique: PREFIX-YYYYMMDD-<16 base32 chars> (80
 * random bits from the platform CSPRNG, never Math.random: two tabs or two processes must not
 * collide), readable in logs and sortable by (UTC) day.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const RANDOM_BYTES = 10;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
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
  // globalThis.crypto is Web Crypto in the page and in Node >= 19 alike.
  const random = globalThis.crypto.getRandomValues(new Uint8Array(RANDOM_BYTES));
  return `${cleanPrefix}-${day}-${base32(random)}`;
}
