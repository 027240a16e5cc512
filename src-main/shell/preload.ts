/**
 * Runs in the sandboxed preload, isolated from the page. Exposes `window.antomOps`: one named
 * method per contract operation on a fixed `op:<name>` channel and one named subscription per
 * push event on a fixed `push:<name>` channel. The page never gets ipcRenderer, a channel name
 * of its choosing, or the IPC event object (which would carry `sender`).
 *
 * Built as a single CommonJS file with its imports bundled: a sandboxed preload can only
 * require('electron').
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, operationChannel, pushChannel } from '../../src-shared/bridge';
import type { OperationResult } from '../../src-shared/contract';

const bridge = buildBridge(
  (name, input) => ipcRenderer.invoke(operationChannel(name), input) as Promise<OperationResult<unknown>>,
  (name, listener) => {
    const channel = pushChannel(name);
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('antomOps', bridge);
