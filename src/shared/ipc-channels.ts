/**
 * Channel names of the IPC contract, free of any runtime dependency so that the sandboxed
 * preload stays tiny. The schemas that go with them live in ipc-contract.ts.
 */
export const IPC_METHODS = [
  'appInfo',
  'saveFile',
  'openFile',
  'pickFolder',
  'vaultConnect',
  'vaultList',
  'vaultRead',
  'vaultWriteNew',
  'vaultRename',
  'vaultEnsureFolder',
  'vaultForget',
  'vaultRemember',
  'vaultRestore',
] as const;
export type IpcMethod = (typeof IPC_METHODS)[number];

export function channelOf(method: IpcMethod): `md:${IpcMethod}` {
  return `md:${method}`;
}
