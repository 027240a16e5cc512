/**
 * Binds the handler table to ipcMain: one `op:<name>` channel per contract operation. Before any
 * handler runs, the call must come from the main frame of a page on the app's own origin; then
 * dispatchOperation validates the input with the contract schema. Every outcome, including a
 * refusal, is an OperationResult: nothing is thrown back to the page.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { operations, type HandlerTable, type OperationName, type OperationResult } from '../../src-shared/contract';
import { operationChannel, pushChannel } from '../../src-shared/bridge';
import type { PushHub } from '../core/push-hub';
import { dispatchOperation } from '../core/dispatch-operation';
import { senderRefusal } from './sender-check';

function senderUrl(event: IpcMainInvokeEvent): { url: string | undefined; isMainFrame: boolean } {
  const frame = event.senderFrame;
  if (!frame) return { url: undefined, isMainFrame: false };
  return { url: frame.url, isMainFrame: frame === event.sender.mainFrame };
}

/** Returns a function that removes the handlers (for a clean shutdown). */
export function bindHandlersToIpc(handlers: HandlerTable, appOrigin: string): () => void {
  const names = Object.keys(operations) as OperationName[];
  for (const name of names) {
    ipcMain.handle(operationChannel(name), async (event, rawInput: unknown): Promise<OperationResult<unknown>> => {
      const refusal = senderRefusal(senderUrl(event), appOrigin);
      if (refusal) return { ok: false, error: refusal };
      return dispatchOperation(handlers, name, rawInput);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(operationChannel(name));
  };
}

/**
 * Forwards the core's push events to the app window on the fixed `push:<name>` channels the
 * preload listens on. The window is looked up on every event, so a reopened window gets them
 * too and a closed one is skipped. Returns the function that stops forwarding.
 */
export function forwardPushEvents(push: PushHub, target: () => WebContents | undefined): () => void {
  return push.onAny((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(pushChannel(name), payload);
  });
}
