/**
 * How each kind of personal or card value is masked. The masks keep just enough for a support
 * agent to recognise a record ("J*** D**", "***@example.com", "****1111") and nothing that would
 * let someone reuse it. Every function is total: any input string gives a masked string.
 */

export type MaskKind = 'name' | 'email' | 'phone' | 'card-number' | 'secret' | 'address' | 'ip';

/** "John Doe" -> "J*** D**": first letter of each word, the rest starred. */
function maskName(value: string): string {
  return value.replace(/\S+/gu, (word) => {
    const chars = Array.from(word);
    return (chars[0] ?? '') + '*'.repeat(Math.max(chars.length - 1, 1));
  });
}

/** "jane.doe@example.com" -> "***@example.com"; without an "@" the whole value is starred. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  return at > 0 ? `***${value.slice(at)}` : '***';
}

/** Keep the last two digits only: "+81 90 1234 5678" -> "********78". */
function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 2) return '***';
  return '*'.repeat(digits.length - 2) + digits.slice(-2);
}

/** Keep the last four digits, as every card receipt does: "4111111111111111" -> "****1111". */
function maskCardNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 8 ? `****${digits.slice(-4)}` : '****';
}

/** "192.168.10.23" -> "192.168.10.*"; IPv6 keeps its first two groups. */
function maskIp(value: string): string {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value)) return value.replace(/\.\d{1,3}$/, '.*');
  if (value.includes(':')) return `${value.split(':').slice(0, 2).join(':')}:*`;
  return '***';
}

export function maskValue(kind: MaskKind, value: string): string {
  switch (kind) {
    case 'name':
      return maskName(value);
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'card-number':
      return maskCardNumber(value);
    case 'ip':
      return maskIp(value);
    case 'secret':
    case 'address':
      return value === '' ? '' : '***';
  }
}

/** Already-masked values are left alone so redaction can run twice (write, then export) without drift. */
export function looksMasked(value: string): boolean {
  return value === '' || /(?:^|[.:])\*$/.test(value) || /^\*+$/.test(value) || value.startsWith('***@') || /^\*{4}\d{0,4}$/.test(value) || /^(\S\*+)( \S\*+)*$/u.test(value) || /^\*+\d{2}$/.test(value);
}
