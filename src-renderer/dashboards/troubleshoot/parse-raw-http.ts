/**
 * Split a pasted raw HTTP request or response (start line, headers, blank line, body) into the
 * signature lab's fields. The body is kept exactly as pasted after the blank line: the signature
 * covers those bytes, so nothing is trimmed or re-serialised.
 */
interface RawHttpParts {
  method: string | undefined;
  /** From a request line; responses do not carry the path (it is the request's). */
  path: string | undefined;
  kind: 'request' | 'response' | 'headers-only';
  clientId: string | undefined;
  /** request-time or response-time, whichever is present. */
  time: string | undefined;
  timeHeader: 'request-time' | 'response-time' | undefined;
  signature: string | undefined;
  headers: Record<string, string>;
  body: string;
}

const REQUEST_LINE = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/;
const STATUS_LINE = /^HTTP\/[\d.]+\s+\d{3}/;

export function parseRawHttp(text: string): RawHttpParts {
  const normalised = text.replace(/^\uFEFF/, '');
  const split = /\r?\n\r?\n/.exec(normalised);
  const head = split ? normalised.slice(0, split.index) : normalised;
  const body = split ? normalised.slice(split.index + split[0].length) : '';
  const lines = head.split(/\r?\n/).filter((line) => line.trim() !== '');
  let method: string | undefined;
  let path: string | undefined;
  let kind: RawHttpParts['kind'] = 'headers-only';
  const first = lines[0]?.trim() ?? '';
  const request = REQUEST_LINE.exec(first);
  if (request && !first.includes(':')) {
    method = request[1];
    path = request[2];
    kind = 'request';
    lines.shift();
  } else if (STATUS_LINE.test(first)) {
    kind = 'response';
    lines.shift();
  }
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const requestTime = headers['request-time'];
  const responseTime = headers['response-time'];
  if (kind === 'headers-only' && responseTime !== undefined && requestTime === undefined) kind = 'response';
  return {
    method,
    path,
    kind,
    clientId: headers['client-id'],
    time: requestTime ?? responseTime,
    timeHeader: requestTime !== undefined ? 'request-time' : responseTime !== undefined ? 'response-time' : undefined,
    signature: headers.signature,
    headers,
    body,
  };
}
