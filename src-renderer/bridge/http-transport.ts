/**
 * The browser preview's transport: the same bridge object as the Electron preload, carried over
 * loopback HTTP. Each call is POST <origin>/api/op/<name> with the JSON input as the body and
 * this run's token in a header; the server answers with the OperationResult as JSON.
 *
 * No DOM globals here (only fetch), so it runs under plain Node in tests as well.
 */
import { buildBridge, PREVIEW_API_PREFIX, PREVIEW_EVENTS_PATH, PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_PARAM, type AntomOpsBridge, type OperationInvoker, type PushSubscriber } from '../../src-shared/bridge';
import type { OperationResult } from '../../src-shared/contract';
import { ERROR_CODES, type ConsoleErrorShape } from '../../src-shared/errors';

interface HttpBridgeOptions {
  /** e.g. "http://127.0.0.1:5174"; the page's own origin in the browser. */
  origin: string;
  token: string;
  fetchImpl?: typeof fetch;
  /** How to open the server-sent event stream; default the global EventSource (absent under plain Node: no pushes). */
  eventSourceImpl?: EventSourceFactory;
}

/** The part of EventSource the pushes need (declared here so this file needs no DOM types). */
interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  removeEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}
type EventSourceFactory = (url: string) => EventSourceLike;

function isErrorShape(value: unknown): value is ConsoleErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(record.code) &&
    typeof record.message === 'string' &&
    typeof record.hint === 'string'
  );
}

function isOperationResult(value: unknown): value is OperationResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  return record.ok === false && isErrorShape(record.error);
}

function failure(error: ConsoleErrorShape): OperationResult<unknown> {
  return { ok: false, error };
}

function statusFailure(status: number): OperationResult<unknown> {
  if (status === 401 || status === 403) {
    return failure({
      code: 'SENDER_NOT_ALLOWED',
      message: `The preview server refused this page (HTTP ${status}).`,
      hint: 'Open the exact URL the preview printed when it started: it carries this run\'s token.',
    });
  }
  return failure({
    code: 'HTTP_ERROR',
    message: `The preview server answered HTTP ${status} without a result.`,
    hint: 'Check the terminal running the preview for errors, then reload the page.',
  });
}

function createHttpInvoker(options: HttpBridgeOptions): OperationInvoker {
  const fetchImpl = options.fetchImpl ?? fetch;
  const origin = options.origin.replace(/\/+$/, '');
  return async (name, input) => {
    let response: Response;
    try {
      response = await fetchImpl(`${origin}${PREVIEW_API_PREFIX}${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PREVIEW_TOKEN_HEADER]: options.token },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
    } catch (error) {
      return failure({
        code: 'NETWORK_ERROR',
        message: `The preview server did not answer (${error instanceof Error ? error.message : String(error)}).`,
        hint: 'Make sure the preview is still running (npm run preview), then reload the page.',
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return response.ok
        ? failure({ code: 'RESPONSE_NOT_JSON', message: 'The preview server sent something that is not JSON.', hint: 'Reload the page; if it persists, restart the preview.' })
        : statusFailure(response.status);
    }
    if (isOperationResult(body)) return body;
    return response.ok
      ? failure({ code: 'RESPONSE_NOT_JSON', message: 'The preview server sent a reply the console does not understand.', hint: 'The page and the server may be from different builds: rebuild and restart the preview.' })
      : statusFailure(response.status);
  };
}

function defaultEventSource(): EventSourceFactory | undefined {
  const ctor = (globalThis as { EventSource?: new (url: string) => EventSourceLike }).EventSource;
  return ctor ? (url) => new ctor(url) : undefined;
}

/**
 * One EventSource for all subscriptions, opened with the first and closed with the last. The
 * browser reconnects by itself if the stream drops (the server sends `retry:`).
 */
function createSseSubscriber(options: HttpBridgeOptions): PushSubscriber {
  const open = options.eventSourceImpl ?? defaultEventSource();
  if (!open) return () => () => undefined;
  const url = `${options.origin.replace(/\/+$/, '')}${PREVIEW_EVENTS_PATH}?${PREVIEW_TOKEN_PARAM}=${encodeURIComponent(options.token)}`;
  let source: EventSourceLike | undefined;
  let listeners = 0;
  return (name, listener) => {
    source ??= open(url);
    const current = source;
    listeners++;
    const onEvent = (event: { data?: unknown }): void => {
      if (typeof event.data !== 'string') return;
      let payload: unknown;
      try {
        payload = JSON.parse(event.data);
      } catch {
        return; // a malformed message is dropped, never thrown into the page
      }
      listener(payload);
    };
    current.addEventListener(name, onEvent);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      current.removeEventListener(name, onEvent);
      listeners--;
      if (listeners === 0 && source === current) {
        current.close();
        source = undefined;
      }
    };
  };
}

export function createHttpBridge(options: HttpBridgeOptions): AntomOpsBridge {
  return buildBridge(createHttpInvoker(options), createSseSubscriber(options));
}

/** Read the run token from `#token=...` (preferred) or `?token=...` of the page URL. */
export function tokenFromPageUrl(href: string, param: string): string | undefined {
  const url = new URL(href);
  // The fragment is either `#token=...` or a dashboard route `#/payments?id=...&token=...`.
  const hash = url.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(hash.startsWith('/') ? hash.slice(hash.indexOf('?') + 1 || hash.length) : hash).get(param);
  return fromHash || url.searchParams.get(param) || undefined;
}
