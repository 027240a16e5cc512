/**
 * Request IDs the console mints for the operator: PAY-20261122-7F3K9Q. Date first so they sort,
 * random tail from crypto.getRandomValues (never Math.random: two tabs must not collide).
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function randomTail(length = 8): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export function newRequestId(prefix: string, now = new Date()): string {
  const date = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  return `${prefix}-${date}-${randomTail()}`;
}
