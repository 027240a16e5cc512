/**
 * preloadableLazy (src-renderer/app/preloadable-lazy.ts): once its module has been preloaded, the
 * first render draws the component itself, never the Suspense fallback (which React 19 would keep
 * on screen for at least 300 ms). Rendered with react-dom/server, which shows the fallback for
 * anything that suspends, so "no fallback" means "did not suspend".
 */
import { createElement, lazy, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { preloadableLazy, preloadLazy } from '../../../src-renderer/app/preloadable-lazy';

function Dashboard() {
  return createElement('h2', null, 'Overview');
}

function draw(component: ComponentType): string {
  return renderToString(createElement(Suspense, { fallback: createElement('p', null, 'Loading…') }, createElement(component)));
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('preloadableLazy', () => {
  it('renders at once after a preload, where React.lazy would still show its fallback', async () => {
    let imports = 0;
    const load = () => {
      imports += 1;
      return Promise.resolve({ default: Dashboard });
    };
    // The problem: React.lazy calls its factory on first render, so even a module already in
    // memory makes it suspend once.
    const plain = lazy(load);
    await load();
    expect(draw(plain)).toContain('Loading…');

    imports = 0;
    const preloadable = preloadableLazy(load);
    await preloadLazy(preloadable);
    expect(draw(preloadable)).toContain('<h2>Overview</h2>');
    // One import, shared by the preload and the render.
    expect(imports).toBe(1);
  });

  it('behaves like React.lazy without a preload: fallback first, then the component', async () => {
    const component = preloadableLazy(() => Promise.resolve({ default: Dashboard }));
    expect(draw(component)).toContain('Loading…');
    await flush();
    expect(draw(component)).toContain('<h2>Overview</h2>');
  });

  it('forgets a failed import, so the next attempt loads again', async () => {
    let attempts = 0;
    const component = preloadableLazy(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('chunk lost')) : Promise.resolve({ default: Dashboard });
    });
    await preloadLazy(component); // settles (never rejects) although the import failed
    await preloadLazy(component);
    expect(attempts).toBe(2);
    expect(draw(component)).toContain('<h2>Overview</h2>');
  });

  it('ignores components it did not make', async () => {
    await expect(preloadLazy(lazy(() => Promise.resolve({ default: Dashboard })))).resolves.toBeUndefined();
  });
});
