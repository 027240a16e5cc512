import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, rendererFileForUrl, resolveAppLocation } from '../../src-main/shell/app-location';
import { isDevelopmentRun } from '../../src-main/shell/build-mode';
import { decideNavigation, decideWindowOpen, isAllowedExternalUrl } from '../../src-main/shell/navigation-policy';
import { isTrustedSender, senderRefusal } from '../../src-main/shell/sender-check';

describe('sender check', () => {
  it('accepts only the main frame of a page on the app origin', () => {
    expect(isTrustedSender({ url: 'app://console/index.html', isMainFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ url: 'app://console/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true }, APP_ORIGIN)).toBe(false);
    for (const url of [
      'https://evil.example/index.html',
      'file:///work/main/out/renderer/index.html',
      'app://console.evil/index.html',
      'app://other/index.html',
      'app://user:pass@console/index.html',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender({ url, isMainFrame: true }, APP_ORIGIN), url).toBe(false);
    }
  });

  it('compares origins, not prefixes, for the dev server', () => {
    const origin = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', origin)).toBe(true);
    expect(isAppUrl('http://localhost:5173.evil.test/', origin)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', origin)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', origin)).toBe(false);
  });

  it('explains a refusal with a code and a hint', () => {
    const refusal = senderRefusal({ url: 'https://evil.example/x', isMainFrame: true }, APP_ORIGIN);
    expect(refusal).toMatchObject({ code: 'SENDER_NOT_ALLOWED', details: { origin: 'https://evil.example' } });
    expect(refusal?.hint).toBeTruthy();
    expect(senderRefusal({ url: APP_ENTRY_URL, isMainFrame: true }, APP_ORIGIN)).toBeUndefined();
  });
});

describe('app location', () => {
  it('uses the app scheme unless a development run is given a loopback dev server', () => {
    expect(resolveAppLocation({}, true)).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, kind: 'bundled' });
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toMatchObject({ origin: 'http://localhost:5173', kind: 'dev-server' });
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'https://evil.example' }, true).kind).toBe('bundled');
  });

  it('never honours ELECTRON_RENDERER_URL outside a development run', () => {
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toEqual({ entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN, kind: 'bundled' });
    expect(resolveAppLocation({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false).kind).toBe('bundled');
  });

  it('calls a run development only for an unpackaged bundle built in development mode', () => {
    expect(isDevelopmentRun('development', false)).toBe(true);
    expect(isDevelopmentRun('development', true)).toBe(false);
    expect(isDevelopmentRun('production', false)).toBe(false);
    expect(isDevelopmentRun('test', false)).toBe(false);
  });

  it('serves only files inside the renderer root', () => {
    const root = '/srv/renderer';
    expect(rendererFileForUrl(root, 'app://console/')).toBe('/srv/renderer/index.html');
    expect(rendererFileForUrl(root, 'app://console/assets/index-abc.js')).toBe('/srv/renderer/assets/index-abc.js');
    // Dot segments (plain or %2e-encoded) are resolved by URL parsing and stay inside the root;
    // an encoded slash or backslash is refused outright.
    for (const attempt of ['app://console/../../etc/passwd', 'app://console/%2e%2e/%2e%2e/etc/passwd']) {
      expect(rendererFileForUrl(root, attempt)).toBe('/srv/renderer/etc/passwd');
    }
    expect(rendererFileForUrl(root, 'app://console/..%2f..%2fsecret')).toBeUndefined();
    expect(rendererFileForUrl(root, 'app://console/a%5c..%5c..%5csecret')).toBeUndefined();
    expect(rendererFileForUrl(root, 'app://console/x%00.js')).toBeUndefined();
    expect(rendererFileForUrl(root, 'app://elsewhere/index.html')).toBeUndefined();
    expect(rendererFileForUrl(root, 'https://console/index.html')).toBeUndefined();
  });
});

describe('navigation policy', () => {
  it('keeps the window on the app and sends allow-listed https links to the browser', () => {
    expect(decideNavigation('app://console/index.html#/payments', APP_ORIGIN)).toEqual({ action: 'allow' });
    expect(decideNavigation('https://docs.antom.com/ac/ams/api', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: true });
    expect(decideNavigation('https://evil.example/', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: false });
    expect(decideNavigation('file:///etc/passwd', APP_ORIGIN)).toEqual({ action: 'deny', openExternally: false });
  });

  it('opens externally only https on an exact allow-listed host', () => {
    expect(isAllowedExternalUrl('https://global.alipay.com/docs/ac/ams/api')).toBe(true);
    expect(isAllowedExternalUrl('https://dashboard.antom.com/')).toBe(true);
    for (const url of [
      'http://docs.antom.com/',
      'https://docs.antom.com.evil.example/',
      'https://evil.example/?https://docs.antom.com',
      'https://user@docs.antom.com/',
      'https://docs.antom.com:8443/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://docs.antom.com/share',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(decideWindowOpen('https://evil.example/')).toEqual({ openExternally: false });
  });
});
