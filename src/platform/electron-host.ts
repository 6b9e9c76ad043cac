import { AppError } from '../domain/errors';
import { ipcErrorKeyIn, type RendererApi } from '../shared/ipc-contract';
import type { Host } from './host';

/** A failed call across the bridge, as a typed error with the key main sent. */
function typed<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError(ipcErrorKeyIn(message), message);
  });
}

/** The desktop host: every call crosses to main through the typed, validated IPC contract. */
export function createElectronHost(api: RendererApi): Host {
  return {
    kind: 'electron',
    appInfo: () => typed(api.appInfo()),
    saveFile: ({ suggestedName, data, kind }) => typed(api.saveFile({ suggestedName, data, kind })),
    openFile: (filters) => typed(api.openFile({ filters: filters ?? [] })),
    pickFolder: () => typed(api.pickFolder()),
  };
}
