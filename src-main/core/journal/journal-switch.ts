/**
 * The console's journal, replaceable while the console runs: Settings attaches a shared
 * PostgreSQL journal or detaches back to the embedded SQLite file without restarting anything.
 *
 * Why a swap and not a re-composition of the core: the core's receiver, embedded sandbox and
 * their ports, the door bindings (IPC handlers, the preview's server and event stream) and the
 * page's push subscription all hold on to the core. Re-composing would restart the receiver on a
 * new port (the sandbox's notify URL and any relay pointing at it would go stale) and re-bind
 * every door. The journal is the only thing that changes, and every user of it (handlers,
 * receiver sink, recorder, request-ID ledger) reaches it through this one object, so swapping the
 * object behind it is the smallest change that is correct for all of them at once.
 *
 * `journal` is a Proxy that forwards every property to the engine in use at the moment of the
 * call, so methods added to the Journal interface later are forwarded without a change here.
 * A call already running on the old engine finishes there (PostgreSQL's close waits for running
 * queries; SQLite's calls are synchronous and done); calls made after replace() reach the new one.
 *
 * The live feed (PostgreSQL's watchChanges) follows the engine: stopped with the old, started
 * with the new.
 */
import type { Journal } from './journal';
import type { JournalChangeFeed, JournalChangeOptions } from './journal-changes';

export interface JournalSwitch {
  /** Always the engine in use (a forwarding Proxy). */
  readonly journal: Journal;
  /** The engine object itself (for identity checks: which one is in use). */
  current(): Journal;
  /** Use `next` from now on; the previous engine's feed is stopped and the engine closed. */
  replace(next: Journal): Promise<void>;
  /** Stop the feed and close the engine in use. */
  close(): Promise<void>;
}

interface JournalSwitchOptions {
  /** Deliver other processes' writes (shared engines only); leave out for a console that needs no live updates. */
  live?: JournalChangeOptions;
  log?: (line: string) => void;
}

export async function createJournalSwitch(initial: Journal, options: JournalSwitchOptions = {}): Promise<JournalSwitch> {
  const log = options.log ?? (() => undefined);
  let engine = initial;
  let feed: JournalChangeFeed | undefined;
  // Swaps run one at a time: two quick attach/detach clicks must not interleave their closes.
  let swapping: Promise<void> = Promise.resolve();

  const startFeed = async (journal: Journal): Promise<JournalChangeFeed | undefined> => {
    if (!options.live || !journal.watchChanges) return undefined;
    try {
      return await journal.watchChanges(options.live);
    } catch (error) {
      // The journal works without live updates (the page still refreshes on its own actions and on focus).
      log(`journal: live updates could not start: ${String(error)}`);
      return undefined;
    }
  };

  feed = await startFeed(engine);

  const journal = new Proxy({} as Journal, {
    get(_target, property) {
      const value: unknown = Reflect.get(engine, property, engine);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(engine) : value;
    },
    has(_target, property) {
      return Reflect.has(engine, property);
    },
  });

  return {
    journal,
    current: () => engine,
    replace(next) {
      swapping = swapping.then(async () => {
        const previous = engine;
        const previousFeed = feed;
        engine = next;
        feed = await startFeed(next);
        await previousFeed?.stop().catch((error: unknown) => log(`journal: stopping live updates failed: ${String(error)}`));
        await previous.close().catch((error: unknown) => log(`journal: closing the previous journal failed: ${String(error)}`));
      });
      return swapping;
    },
    async close() {
      await swapping;
      await feed?.stop().catch(() => undefined);
      feed = undefined;
      await engine.close();
    },
  };
}
