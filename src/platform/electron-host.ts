import { type RendererApi } from '../shared/ipc-contract';
import type { Host } from './host';
import { IpcVaultTransport, typedIpc as typed } from './ipc-vault-transport';

/** The desktop host: every call crosses to main through the typed, validated IPC contract. */
export function createElectronHost(api: RendererApi): Host {
  return {
    kind: 'electron',
    appInfo: () => typed(api.appInfo()),
    saveFile: ({ suggestedName, data, kind }) => typed(api.saveFile({ suggestedName, data, kind })),
    openFile: (filters) => typed(api.openFile({ filters: filters ?? [] })),
    pickFolder: () => typed(api.pickFolder()),
    vault: {
      connect: (request) => typed(api.vaultConnect(request)),
      transport: (vaultId) => new IpcVaultTransport(api, vaultId),
      remember: (vaultId) => typed(api.vaultRemember({ vaultId })),
      restore: (vaultId) => typed(api.vaultRestore({ vaultId })),
      forget: (vaultId) => typed(api.vaultForget({ vaultId })),
    },
  };
}
