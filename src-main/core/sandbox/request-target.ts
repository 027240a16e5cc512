/**
 * The request target of an HTTP/1.1 request line, in the forms a real client sends (RFC 9112
 * 3.2): origin-form (`/ams/api/v1/payments/pay?x=1`) from most clients, and absolute-form
 * (`https://open-sea-global.alipay.com/ams/api/v1/payments/pay`) from Antom's Python SDK, whose
 * http.client is handed the full URL. Either way the path and query, byte for byte as sent, are
 * what Antom signs and routes on; scheme and authority are not part of the signed string.
 */

interface RequestTarget {
  /** Path plus query exactly as sent (absolute-form: without scheme and authority). */
  pathAsRequested: string;
  /** Path without the query, for routing. */
  pathname: string;
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/** undefined for targets that name no resource path (asterisk-form, authority-form). */
export function parseRequestTarget(target: string): RequestTarget | undefined {
  let rest: string;
  if (target.startsWith('/')) {
    rest = target;
  } else {
    const authority = ABSOLUTE_FORM.exec(target);
    if (!authority) return undefined;
    rest = target.slice(authority[0].length);
    // "https://host?q" has an empty path, which HTTP treats as "/".
    if (rest === '' || rest.startsWith('?')) rest = `/${rest}`;
    if (rest.startsWith('#')) rest = '/';
  }
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const query = rest.indexOf('?');
  return { pathAsRequested: rest, pathname: query >= 0 ? rest.slice(0, query) : rest };
}
