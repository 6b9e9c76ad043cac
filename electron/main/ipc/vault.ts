/**
 * IPC `vault*`: the sync vault kept in main. `vaultConnect` shows the folder picker itself (or takes
 * a WebDAV address and login) and answers with an opaque, random vault id; every other call names
 * the vault by that id. The page never gets a path or a credential back. Paths have already passed
 * the contract's layout check (src/shared/ipc-contract.ts); driver failures cross as their
 * `errors.vault*` key only.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { IPC_ERROR_KEYS, type IpcErrorKey } from '../../../src/shared/ipc-contract';
import type { SecretStore } from '../vault/secret-store';
import type { VaultDriver, VaultSpec } from '../vault/types';
import { IpcError } from './ipc-error';
import type { IpcHandlers } from './register';

export type VaultHandlers = Pick<
  IpcHandlers,
  | 'vaultConnect'
  | 'vaultList'
  | 'vaultRead'
  | 'vaultWriteNew'
  | 'vaultRename'
  | 'vaultEnsureFolder'
  | 'vaultForget'
  | 'vaultRemember'
  | 'vaultRestore'
>;

export interface VaultHandlerDeps {
  /** The native folder picker; null when the user cancels. */
  pickFolder(): Promise<string | null>;
  openDriver(spec: VaultSpec): VaultDriver;
  secrets: SecretStore;
  /** 128 random bits as hex; injectable for tests. */
  newVaultId?: () => string;
  /** Told the connected vaults after every change (the request policy follows their origins). */
  onVaultsChanged?: (specs: readonly VaultSpec[]) => void;
}

interface OpenVault {
  readonly spec: VaultSpec;
  readonly driver: VaultDriver;
}

/** What the screen may show of a vault: a folder's own name or the server's host, never a path. */
export function displayName(spec: VaultSpec): string {
  const name = spec.kind === 'folder' ? basename(spec.path) || spec.path : new URL(spec.url).host;
  return name.slice(0, 255);
}

/** A driver's AppError (`errors.vaultAuth` …) becomes the same key across the bridge, with its cause kept in main. */
function asIpcError(error: unknown): unknown {
  if (error instanceof IpcError) return error;
  const key = typeof error === 'object' && error !== null && 'key' in error ? String(error.key) : '';
  if ((IPC_ERROR_KEYS as readonly string[]).includes(key)) return new IpcError(key as IpcErrorKey, { cause: error });
  return error;
}

export function createVaultHandlers(deps: VaultHandlerDeps): VaultHandlers & { connected(): readonly VaultSpec[] } {
  const vaults = new Map<string, OpenVault>();
  const newVaultId = deps.newVaultId ?? (() => randomBytes(16).toString('hex'));
  const changed = () => deps.onVaultsChanged?.([...vaults.values()].map((v) => v.spec));

  function open(spec: VaultSpec, vaultId = newVaultId()): string {
    vaults.set(vaultId, { spec, driver: deps.openDriver(spec) });
    changed();
    return vaultId;
  }

  /** The driver of a connected vault; an unknown id (e.g. from before a restart) is unreachable. */
  function driverOf(vaultId: string): VaultDriver {
    const found = vaults.get(vaultId);
    if (found === undefined) throw new IpcError('errors.vaultUnreachable', { cause: `no vault ${vaultId}` });
    return found.driver;
  }

  async function call<T>(vaultId: string, work: (driver: VaultDriver) => Promise<T>): Promise<T> {
    const driver = driverOf(vaultId);
    try {
      return await work(driver);
    } catch (error) {
      throw asIpcError(error);
    }
  }

  return {
    connected: () => [...vaults.values()].map((v) => v.spec),

    async vaultConnect(request) {
      let spec: VaultSpec;
      if (request.kind === 'folder') {
        const path = await deps.pickFolder();
        if (path === null) return { status: 'cancelled' };
        spec = { kind: 'folder', path };
      } else {
        spec = { kind: 'webdav', url: request.url, username: request.username, password: request.password };
      }
      const vaultId = open(spec);
      return { status: 'connected', vaultId, name: displayName(spec) };
    },

    vaultList: ({ vaultId, folder }) => call(vaultId, (driver) => driver.list(folder)),
    vaultRead: ({ vaultId, path }) => call(vaultId, (driver) => driver.read(path)),
    vaultWriteNew: ({ vaultId, path, bytes }) =>
      call(vaultId, (driver) => driver.writeNew(path, new Uint8Array(bytes))),
    vaultRename: ({ vaultId, from, to }) => call(vaultId, (driver) => driver.rename(from, to)),
    vaultEnsureFolder: ({ vaultId, folder }) =>
      call(vaultId, async (driver) => {
        await driver.ensureFolder(folder);
        return undefined;
      }),

    async vaultForget({ vaultId }) {
      const wasOpen = vaults.delete(vaultId);
      if (wasOpen) changed();
      try {
        await deps.secrets.forget(vaultId);
      } catch (error) {
        throw new IpcError('errors.fileWriteFailed', { cause: error });
      }
      return undefined;
    },

    async vaultRemember({ vaultId }) {
      const found = vaults.get(vaultId);
      if (found === undefined) throw new IpcError('errors.vaultUnreachable', { cause: `no vault ${vaultId}` });
      try {
        return { status: await deps.secrets.remember(vaultId, found.spec) };
      } catch (error) {
        throw new IpcError('errors.fileWriteFailed', { cause: error });
      }
    },

    async vaultRestore({ vaultId }) {
      const found = vaults.get(vaultId);
      if (found !== undefined) return { status: 'restored', name: displayName(found.spec) };
      let spec: VaultSpec | undefined;
      try {
        spec = await deps.secrets.restore(vaultId);
      } catch (error) {
        throw new IpcError('errors.fileReadFailed', { cause: error });
      }
      if (spec === undefined) return { status: 'unknown' };
      open(spec, vaultId);
      return { status: 'restored', name: displayName(spec) };
    },
  };
}
