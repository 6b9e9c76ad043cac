import type { RendererApi } from '../shared/ipc-contract';
import type { Host } from './host';

/** The desktop host: every call crosses to main through the typed, validated IPC contract. */
export function createElectronHost(api: RendererApi): Host {
  return {
    kind: 'electron',
    appInfo: () => api.appInfo(),
    saveFile: ({ suggestedName, data, filters }) => api.saveFile({ suggestedName, data, filters: filters ?? [] }),
    openFile: (filters) => api.openFile({ filters: filters ?? [] }),
    pickFolder: () => api.pickFolder(),
  };
}
