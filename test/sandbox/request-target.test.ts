import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from '../../src-main/core/sandbox/request-target';

describe('parseRequestTarget (RFC 9112 3.2)', () => {
  it('keeps an origin-form target as sent', () => {
    expect(parseRequestTarget('/ams/api/v1/payments/refund?x=1&y=%2F')).toEqual({ pathAsRequested: '/ams/api/v1/payments/refund?x=1&y=%2F', pathname: '/ams/api/v1/payments/refund' });
  });

  it('takes path and query of an absolute-form target, byte for byte', () => {
    expect(parseRequestTarget('https://open-sea-global.alipay.com/ams/api/v1/payments/pay')).toEqual({ pathAsRequested: '/ams/api/v1/payments/pay', pathname: '/ams/api/v1/payments/pay' });
    expect(parseRequestTarget('http://127.0.0.1:8787/ams/sandbox/api//v1/payments/capture?trace=a%20b')).toEqual({ pathAsRequested: '/ams/sandbox/api//v1/payments/capture?trace=a%20b', pathname: '/ams/sandbox/api//v1/payments/capture' });
    expect(parseRequestTarget('HTTPS://user@host:443?q=1')).toEqual({ pathAsRequested: '/?q=1', pathname: '/' });
    expect(parseRequestTarget('https://host')).toEqual({ pathAsRequested: '/', pathname: '/' });
    expect(parseRequestTarget('https://host/a#frag')).toEqual({ pathAsRequested: '/a', pathname: '/a' });
  });

  it('has nothing to route for asterisk- and authority-form targets', () => {
    expect(parseRequestTarget('*')).toBeUndefined();
    expect(parseRequestTarget('open-sea-global.alipay.com:443')).toBeUndefined();
    expect(parseRequestTarget('')).toBeUndefined();
  });
});
