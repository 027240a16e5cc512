/**
 * React.lazy for code that is often already loaded when it first renders (a dashboard whose chunk
 * the first screen fetched in parallel with the status, or one preloaded when the pointer or the
 * focus reached its navigation link).
 *
 * Plain React.lazy always suspends on first render, even when the module has long arrived: its
 * factory returns a fresh promise, which resolves only on a later tick. The Suspense fallback is
 * then shown, and React 19 holds a fallback on screen for at least 300 ms before revealing the
 * content (FALLBACK_THROTTLE_MS, so content does not flash in). The UI bench measured exactly that:
 * the Overview was drawn 300 ms after its data and code had both arrived.
 *
 * Here, once the module is loaded, the factory hands React a thenable that calls back at once:
 * React's lazy initialiser sees it resolved in the same call and renders without suspending.
 * Until then it behaves like React.lazy (one shared import, a failed import can be retried).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Module<T> = { default: T };

/** `preloadLazy(component)` for each component made here. */
const preloaders = new WeakMap<object, () => Promise<unknown>>();

/** A thenable that has already settled: `then` calls back synchronously (what lets React skip suspending). */
function settled<T>(value: T): PromiseLike<T> {
  return {
    then<R1 = T, R2 = never>(onFulfilled?: ((v: T) => R1 | PromiseLike<R1>) | null): PromiseLike<R1 | R2> {
      if (!onFulfilled) return Promise.resolve(value as unknown as R1);
      return Promise.resolve(onFulfilled(value));
    },
  };
}

export function preloadableLazy<T extends ComponentType>(load: () => Promise<Module<T>>): LazyExoticComponent<T> {
  let loaded: Module<T> | undefined;
  let loading: Promise<Module<T>> | undefined;
  const preload = (): Promise<Module<T>> => {
    loading ??= load().then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        // Forget the failure so the next render or preload asks again (a chunk lost to a reload).
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  // React's types ask for a Promise; its lazy initialiser only ever calls `then` on it.
  const component = lazy(() => (loaded ? (settled(loaded) as Promise<Module<T>>) : preload()));
  preloaders.set(component, preload);
  return component;
}

/**
 * Starts loading a component made by preloadableLazy (resolves at once for others). The promise
 * settles when the import has, and never rejects: a failure is left for the render to report
 * through its error boundary (the render asks again).
 */
export function preloadLazy(component: object): Promise<void> {
  const preload = preloaders.get(component);
  return preload ? preload().then(() => undefined, () => undefined) : Promise.resolve();
}
