/**
 * The renderer's only way to the main process. In Electron the preload has put the bridge on
 * window.antomOps; in the browser preview there is none, so the same interface is built over
 * HTTP with the token the preview put in the page URL. Everything else in the renderer calls
 * getBridge() and never cares which transport it got.
 */
import { PREVIEW_TOKEN_PARAM, type AntomOpsBridge } from '../../src-shared/bridge';
import type { OperationResult } from '../../src-shared/contract';
import type { ConsoleErrorShape } from '../../src-shared/errors';
import { createHttpBridge, tokenFromPageUrl } from './http-transport';

declare global {
  interface Window {
    antomOps?: AntomOpsBridge;
  }
}

let cached: AntomOpsBridge | undefined;

export function getBridge(): AntomOpsBridge {
  if (cached) return cached;
  if (window.antomOps) {
    cached = window.antomOps;
    return cached;
  }
  const token = tokenFromPageUrl(window.location.href, PREVIEW_TOKEN_PARAM);
  if (!token) {
    throw new BridgeError({
      code: 'SENDER_NOT_ALLOWED',
      message: 'This page is not connected to a console.',
      hint: 'Start the console with npm start, or open the exact URL npm run preview printed (it carries a token).',
    });
  }
  cached = createHttpBridge({ origin: window.location.origin, token });
  return cached;
}

/** A failed operation as a throwable, so React Query's error state carries the message and hint. */
export class BridgeError extends Error {
  readonly shape: ConsoleErrorShape;
  constructor(shape: ConsoleErrorShape) {
    super(shape.message);
    this.name = 'BridgeError';
    this.shape = shape;
  }
}

export function unwrap<T>(result: OperationResult<T>): T {
  if (result.ok) return result.value;
  throw new BridgeError(result.error);
}

export function errorShapeOf(error: unknown): ConsoleErrorShape {
  if (error instanceof BridgeError) return error.shape;
  return {
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : String(error),
    hint: 'Reload the window; if it happens again, report it with the steps that led here.',
  };
}
