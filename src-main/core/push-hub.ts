/**
 * The core's push events: a tiny typed emitter over the contract's PushPayloads. The receiver
 * and the call recorder emit; each door (Electron IPC, the preview's server-sent events)
 * subscribes and forwards. A listener that throws never breaks the emitter or other listeners:
 * a broken window must not stop notifications from being stored.
 */
import type { PushPayloads } from '../../src-shared/contract';

type PushName = keyof PushPayloads;
type PushListener<N extends PushName> = (payload: PushPayloads[N]) => void;

export class PushHub {
  private readonly listeners: { [N in PushName]: Set<PushListener<N>> } = {
    notificationStored: new Set(),
    callRecorded: new Set(),
  };

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  on<N extends PushName>(name: N, listener: PushListener<N>): () => void {
    const set = this.listeners[name] as Set<PushListener<N>>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Every event, with its name: what a door forwarding all pushes needs. */
  onAny(listener: <N extends PushName>(name: N, payload: PushPayloads[N]) => void): () => void {
    const offs = (Object.keys(this.listeners) as PushName[]).map((name) => this.on(name, (payload) => listener(name, payload)));
    return () => {
      for (const off of offs) off();
    };
  }

  emit<N extends PushName>(name: N, payload: PushPayloads[N]): void {
    for (const listener of [...(this.listeners[name] as Set<PushListener<N>>)]) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  listenerCount(name: PushName): number {
    return this.listeners[name].size;
  }
}
