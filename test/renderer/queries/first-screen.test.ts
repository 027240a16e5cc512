/**
 * prefetchFirstScreen (src-renderer/queries/first-screen.ts): main.tsx holds the first render
 * until the promise it returns settles, so it must settle only once everything the first screen
 * shows is in the query cache (status; for the Overview also its figures and the disputes tile),
 * and settle (not reject) when a request fails, so the app can render its error panel.
 */
import { QueryClient } from '@tanstack/react-query';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBridge } from '../../../src-shared/bridge';
import type { OperationName, OperationResult } from '../../../src-shared/contract';

/**
 * Loaded by a path the compiler does not follow: tests are type-checked with tsconfig.node.json
 * (no DOM types), and the modules behind first-screen.ts use window. At run time they only read it
 * inside functions, which find the test's window below.
 */
const FIRST_SCREEN_MODULE = '../../../src-renderer/queries/first-screen';
type PrefetchFirstScreen = (client: QueryClient, hash: string) => Promise<void>;
const { prefetchFirstScreen } = (await import(/* @vite-ignore */ FIRST_SCREEN_MODULE)) as { prefetchFirstScreen: PrefetchFirstScreen };

/** A bridge whose every operation waits until the test answers it by name. */
function answerableBridge() {
  const waiting = new Map<OperationName, (result: OperationResult<unknown>) => void>();
  const bridge = buildBridge(
    (name) => new Promise((resolve) => waiting.set(name, resolve)),
    () => () => undefined,
  );
  return {
    bridge,
    forget: () => waiting.clear(),
    asked: () => [...waiting.keys()].sort(),
    answer(name: OperationName, result: OperationResult<unknown>) {
      const resolve = waiting.get(name);
      if (!resolve) throw new Error(`${name} was not asked`);
      resolve(result);
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('prefetchFirstScreen', () => {
  let client: QueryClient;
  // One for the file: getBridge() keeps the first bridge it finds.
  const bridge = answerableBridge();
  beforeAll(() => {
    // getBridge() takes window.antomOps, as in Electron.
    (globalThis as { window?: unknown }).window = { antomOps: bridge.bridge, location: { href: 'app://console/', origin: 'app://console' } };
  });
  afterAll(() => {
    delete (globalThis as { window?: unknown }).window;
  });
  beforeEach(() => {
    bridge.forget();
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  });
  afterEach(() => client.clear());

  it('settles only when the status is in the cache (a dashboard without first-screen data)', async () => {
    let settled = false;
    const done = prefetchFirstScreen(client, '#/no-such-dashboard').then(() => (settled = true));
    await flush();
    expect(bridge.asked()).toEqual(['getAppStatus']);
    expect(settled).toBe(false);
    bridge.answer('getAppStatus', { ok: true, value: { marker: 'status' } });
    await done;
    expect(client.getQueryData(['app', 'status'])).toEqual({ marker: 'status' });
  });

  it('for the Overview, waits for the status, its figures and the disputes tile', async () => {
    let settled = false;
    const done = prefetchFirstScreen(client, '#/overview').then(() => (settled = true));
    await flush();
    expect(bridge.asked()).toEqual(['getAppStatus', 'getOverview', 'listDisputes']);
    bridge.answer('getAppStatus', { ok: true, value: { marker: 'status' } });
    bridge.answer('listDisputes', { ok: true, value: [] });
    await flush();
    expect(settled).toBe(false);
    bridge.answer('getOverview', { ok: true, value: { marker: 'overview' } });
    await done;
    expect(client.getQueryData(['overview', '24h'])).toEqual({ marker: 'overview' });
    expect(client.getQueryData(['disputes'])).toEqual([]);
  });

  it('settles, never rejects, when the status is refused (the app then shows the error)', async () => {
    const done = prefetchFirstScreen(client, '#/no-such-dashboard');
    await flush();
    bridge.answer('getAppStatus', { ok: false, error: { code: 'SENDER_NOT_ALLOWED', message: 'no', hint: 'open the printed URL' } });
    await expect(done).resolves.toBeUndefined();
    expect(client.getQueryState(['app', 'status'])?.status).toBe('error');
  });
});
