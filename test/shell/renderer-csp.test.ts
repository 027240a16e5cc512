import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, devServerContentSecurityPolicy } from '../../src-shared/content-security-policy';
import { rendererCspPlugin } from '../../vite.renderer.config';

const root = join(import.meta.dirname, '..', '..');
const indexHtml = readFileSync(join(root, 'src-renderer', 'index.html'), 'utf8');

function metaPolicy(html: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
}

describe('renderer Content Security Policy', () => {
  it('is strict: nothing from the network, no inline code, no frames or forms', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('sits in index.html as the main process sends it, less the header-only frame-ancestors', () => {
    expect(metaPolicy(indexHtml)).toBe(META_CONTENT_SECURITY_POLICY);
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });

  it('has no inline script or style in index.html', () => {
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(indexHtml).not.toMatch(/<style/i);
    expect(indexHtml).not.toMatch(/\sstyle="/i);
  });

  it('is relaxed only by the dev server, never in a build', () => {
    const plugin = rendererCspPlugin();
    expect(plugin.apply).toBe('serve');
    const transform = plugin.transformIndexHtml as (html: string) => string;
    expect(metaPolicy(transform(indexHtml))).toBe(devServerContentSecurityPolicy());
    expect(devServerContentSecurityPolicy()).toContain("default-src 'none'");
  });
});
