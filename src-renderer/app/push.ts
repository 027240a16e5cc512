/**
 * Subscribing to main's push events by name. The bridge grows `onNotificationStored` /
 * `onCallRecorded` methods once PushEvents lists them; looking the method up by name (and doing
 * nothing when it is absent) lets the page run against an older bridge without crashing.
 */
import type { PushPayloads } from '../../src-shared/contract';
import type { Unsubscribe } from '../../src-shared/bridge';
import { getBridge } from '../bridge/client';

export type PushName = keyof PushPayloads;

export function subscribePush<N extends PushName>(name: N, listener: (payload: PushPayloads[N]) => void): Unsubscribe {
  let bridge: unknown;
  try {
    bridge = getBridge();
  } catch {
    return () => undefined; // not connected: the shell already shows why
  }
  const method = (bridge as Record<string, unknown>)[`on${name.charAt(0).toUpperCase()}${name.slice(1)}`];
  if (typeof method !== 'function') return () => undefined;
  const unsubscribe: unknown = (method as (cb: (payload: PushPayloads[N]) => void) => unknown)(listener);
  return typeof unsubscribe === 'function' ? (unsubscribe as Unsubscribe) : () => undefined;
}
