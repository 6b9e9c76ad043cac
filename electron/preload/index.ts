/**
 * The sandboxed preload: exposes `window.api`, one function per IPC method, and nothing else.
 * Only ipc-channels is imported at runtime (tiny, no zod); the contract is a type-only import, and
 * `satisfies RendererApi` makes a method missing from, or extra to, the contract a compile error.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type IpcMethod } from '../../src/shared/ipc-channels';
import type { IpcRequest, IpcResponse, RendererApi } from '../../src/shared/ipc-contract';

/** Sends exactly one argument, whatever the page passes, so main's arity check holds. */
function invoker<M extends IpcMethod>(method: M): (request?: IpcRequest<M>) => Promise<IpcResponse<M>> {
  // Main validates every response against the contract before sending it, so the type is earned.
  return (request) => ipcRenderer.invoke(channelOf(method), request);
}

const api = {
  appInfo: invoker('appInfo'),
  saveFile: invoker('saveFile'),
  openFile: invoker('openFile'),
  pickFolder: invoker('pickFolder'),
  vaultConnect: invoker('vaultConnect'),
  vaultList: invoker('vaultList'),
  vaultRead: invoker('vaultRead'),
  vaultWriteNew: invoker('vaultWriteNew'),
  vaultRename: invoker('vaultRename'),
  vaultEnsureFolder: invoker('vaultEnsureFolder'),
  vaultForget: invoker('vaultForget'),
  vaultRemember: invoker('vaultRemember'),
  vaultRestore: invoker('vaultRestore'),
} satisfies RendererApi;

contextBridge.exposeInMainWorld('api', api);
