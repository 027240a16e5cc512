/**
 * Redaction of request, response and notification bodies before they are written to the
 * journal, and again when exported.
 *
 * It works on the JSON TEXT, token by token, and rewrites only the string (or number) values of
 * personal/card keys. Every other byte stays as it was, so a body without personal data comes out
 * byte-for-byte identical. The journal relies on that: when redaction changes nothing it can keep
 * the exact signed bytes of a notification (see notification-body.ts).
 *
 * Key material is scrubbed here too (key-material-guard.ts) since a body is the only place a
 * pasted key could travel.
 */
import { looksMasked, maskValue, type MaskKind } from './mask-values';
import { mayContainPiiKey, maskKindForKey } from './pii-fields';
import { scrubKeyMaterial } from './key-material-guard';

interface RedactionResult {
  text: string;
  /** True when anything was masked or scrubbed. */
  changed: boolean;
}

interface Frame {
  type: 'object' | 'array';
  /** Mask inherited from the key that holds this container (e.g. buyerName: {firstName, ...}). */
  inherited: MaskKind | undefined;
  key: string | undefined;
  expectKey: boolean;
}

export function redactJsonText(text: string): RedactionResult {
  const scrubbed = scrubKeyMaterial(text);
  let parsedOk = true;
  try {
    JSON.parse(scrubbed.text);
  } catch {
    parsedOk = false;
  }
  if (!parsedOk) {
    const plain = redactPlainText(scrubbed.text);
    return { text: plain.text, changed: scrubbed.changed || plain.changed };
  }
  if (!mayContainPiiKey(scrubbed.text)) return scrubbed;
  const json = redactValidJson(scrubbed.text);
  return { text: json.text, changed: scrubbed.changed || json.changed };
}

/** Convenience for places that only want the text. */
export function redact(text: string): string {
  return redactJsonText(text).text;
}

function redactValidJson(text: string): RedactionResult {
  const out: string[] = [];
  const stack: Frame[] = [];
  let changed = false;
  let last = 0; // start of the text not yet copied to out
  let i = 0;

  const valueKind = (): MaskKind | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    if (top.type === 'object') return (top.key !== undefined ? maskKindForKey(top.key) : undefined) ?? top.inherited;
    return top.inherited;
  };
  const replace = (start: number, end: number, replacement: string): void => {
    out.push(text.slice(last, start), replacement);
    last = end;
    changed = true;
  };

  while (i < text.length) {
    const c = text[i]!;
    if (c === '{' || c === '[') {
      stack.push({ type: c === '{' ? 'object' : 'array', inherited: valueKind(), key: undefined, expectKey: c === '{' });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.type === 'object') top.expectKey = true;
      i++;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
      i++;
    } else if (c === '"') {
      const end = endOfString(text, i);
      const top = stack[stack.length - 1];
      const decoded = JSON.parse(text.slice(i, end)) as string;
      if (top?.type === 'object' && top.expectKey) {
        top.key = decoded;
      } else {
        const kind = valueKind();
        if (kind && !looksMasked(decoded)) replace(i, end, JSON.stringify(maskValue(kind, decoded)));
      }
      i = end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9eE+\-.]/.test(text[end]!)) end++;
      const kind = valueKind();
      // A card number or phone sent as a JSON number is still personal data; it becomes a masked string.
      if (kind) replace(i, end, JSON.stringify(maskValue(kind, text.slice(i, end))));
      i = end;
    } else {
      i++; // whitespace, true, false, null
    }
  }
  out.push(text.slice(last));
  return { text: out.join(''), changed };
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/**
 * Bodies that are not JSON (a tampered notification, an HTML error page) still get the two
 * patterns that identify a person on their own: e-mail addresses and card-number-like digit runs.
 */
export function redactPlainText(text: string): RedactionResult {
  let changed = false;
  const emails = text.replace(/[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\.)+[A-Za-z]{2,}/g, (m) => {
    changed = true;
    return `***${m.slice(m.lastIndexOf('@'))}`;
  });
  const cards = emails.replace(/\b\d(?:[ -]?\d){12,18}\b/g, (m) => {
    changed = true;
    return `****${m.replace(/\D/g, '').slice(-4)}`;
  });
  return { text: cards, changed };
}
