/**
 * Wires every method of the IPC contract to its handler behind the same three gates: the sender
 * must be our own page, the argument must parse with the contract's request schema, and the
 * handler's answer must parse with the response schema before it goes back.
 */
import type { z } from 'zod';
import { IPC_METHODS, channelOf, type IpcMethod } from '../../../src/shared/ipc-channels';
import { ipcContract, type IpcContract, type IpcResponse } from '../../../src/shared/ipc-contract';
import { IpcError } from './ipc-error';

/** One handler per contract method; it receives the request already parsed (defaults applied). */
export type IpcHandlers = {
  [M in IpcMethod]: (request: z.output<IpcContract[M]['request']>) => Promise<IpcResponse<M>>;
};

/** What a handler needs of Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string } | null;
}

export type InvokeListener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** What registration needs of Electron's ipcMain; the real one fits it. */
export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
}

export interface IpcGuards {
  isTrustedSender: (frameUrl: string | null) => boolean;
  /** Where refused or failed calls are reported in main; defaults to console.warn. */
  log?: (message: string) => void;
}

function senderUrl(event: InvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch (error) {
    // Electron throws when the frame was destroyed mid-call; such a sender is not trusted.
    console.warn(`IPC sender frame unavailable: ${String(error)}`);
    return null;
  }
}

/** The gatekeeping listener for one method: sender check, request parse, handler, response parse. */
export function createInvokeListener<Req, Res>(
  method: IpcMethod,
  schemas: { request: z.ZodType<Req>; response: z.ZodType<Res> },
  handle: (request: Req) => Promise<Res>,
  guards: IpcGuards,
): InvokeListener {
  const log = guards.log ?? ((message: string) => console.warn(message));
  return async (event, ...args) => {
    const url = senderUrl(event);
    if (!guards.isTrustedSender(url)) {
      log(`IPC ${method} refused: untrusted sender ${url ?? '(none)'}`);
      throw new IpcError('errors.untrustedSender');
    }
    // The preload always sends exactly one argument (possibly undefined); more means a forged call.
    const request = args.length <= 1 ? schemas.request.safeParse(args[0]) : null;
    if (request === null || !request.success) {
      log(`IPC ${method} refused: ${request === null ? 'too many arguments' : issueSummary(request.error)}`);
      throw new IpcError('errors.invalidInput');
    }
    let result: Res;
    try {
      result = await handle(request.data);
    } catch (error) {
      if (error instanceof IpcError) {
        // The renderer gets the key only; the underlying cause (a path, an errno) stays in main's log.
        if (error.cause !== undefined) log(`IPC ${method} failed (${error.key}): ${String(error.cause)}`);
        throw error;
      }
      log(`IPC ${method} failed: ${String(error)}`);
      throw new IpcError('errors.unexpected', { cause: error });
    }
    const response = schemas.response.safeParse(result);
    if (!response.success) {
      log(`IPC ${method} produced an invalid response: ${issueSummary(response.error)}`);
      throw new IpcError('errors.unexpected');
    }
    return response.data;
  };
}

/** Issue paths and codes only: the values themselves may be a whole file's bytes. */
function issueSummary(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`).join('; ');
}

/** Registers one `ipcMain.handle` per method of IPC_METHODS. */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: IpcHandlers, guards: IpcGuards): void {
  // Spelled out per method (not a loop over a union) so each handler is type-checked against its
  // own schemas; the mapped type makes a method added to the contract a compile error here.
  const listeners: Record<IpcMethod, InvokeListener> = {
    appInfo: createInvokeListener('appInfo', ipcContract.appInfo, handlers.appInfo, guards),
    saveFile: createInvokeListener('saveFile', ipcContract.saveFile, handlers.saveFile, guards),
    openFile: createInvokeListener('openFile', ipcContract.openFile, handlers.openFile, guards),
    pickFolder: createInvokeListener('pickFolder', ipcContract.pickFolder, handlers.pickFolder, guards),
    vaultConnect: createInvokeListener('vaultConnect', ipcContract.vaultConnect, handlers.vaultConnect, guards),
    vaultList: createInvokeListener('vaultList', ipcContract.vaultList, handlers.vaultList, guards),
    vaultRead: createInvokeListener('vaultRead', ipcContract.vaultRead, handlers.vaultRead, guards),
    vaultWriteNew: createInvokeListener('vaultWriteNew', ipcContract.vaultWriteNew, handlers.vaultWriteNew, guards),
    vaultRename: createInvokeListener('vaultRename', ipcContract.vaultRename, handlers.vaultRename, guards),
    vaultEnsureFolder: createInvokeListener(
      'vaultEnsureFolder',
      ipcContract.vaultEnsureFolder,
      handlers.vaultEnsureFolder,
      guards,
    ),
    vaultForget: createInvokeListener('vaultForget', ipcContract.vaultForget, handlers.vaultForget, guards),
    vaultRemember: createInvokeListener('vaultRemember', ipcContract.vaultRemember, handlers.vaultRemember, guards),
    vaultRestore: createInvokeListener('vaultRestore', ipcContract.vaultRestore, handlers.vaultRestore, guards),
  };
  for (const method of IPC_METHODS) ipcMain.handle(channelOf(method), listeners[method]);
}
