/**
 * The desktop app's vault transport: every call crosses to main (electron/main/ipc/vault.ts) with
 * the opaque vault id main gave on connecting. Main holds the folder path or the WebDAV login and
 * runs the driver; the page sees file names, bytes and `errors.vault*` keys only.
 */
import { AppError } from '../domain/errors';
import { ipcErrorKeyIn, VAULT_FOLDERS, type RendererApi } from '../shared/ipc-contract';
import type { VaultTransport, WriteOutcome } from '../sync/transport';

/** The vault part of window.api. */
export type VaultApi = Pick<
  RendererApi,
  'vaultList' | 'vaultRead' | 'vaultWriteNew' | 'vaultRename' | 'vaultEnsureFolder'
>;

type VaultFolder = (typeof VAULT_FOLDERS)[number];

/** A failed call across the bridge, as a typed error with the key main sent. */
export function typedIpc<T>(call: Promise<T>): Promise<T> {
  return call.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new AppError(ipcErrorKeyIn(message), message);
  });
}

function folderOf(folder: string): VaultFolder {
  if (!(VAULT_FOLDERS as readonly string[]).includes(folder))
    throw new AppError('errors.unexpected', `not a vault folder: ${folder}`);
  return folder as VaultFolder;
}

export class IpcVaultTransport implements VaultTransport {
  constructor(
    private readonly api: VaultApi,
    readonly vaultId: string,
  ) {}

  async ensureFolder(folder: string): Promise<void> {
    await typedIpc(this.api.vaultEnsureFolder({ vaultId: this.vaultId, folder: folderOf(folder) }));
  }

  async list(folder: string): Promise<string[]> {
    return typedIpc(this.api.vaultList({ vaultId: this.vaultId, folder: folderOf(folder) }));
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const bytes = await typedIpc(this.api.vaultRead({ vaultId: this.vaultId, path }));
    // Structured clone hands over a fresh Uint8Array; copy only if it views a shared buffer.
    if (bytes === undefined) return undefined;
    return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  }

  writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome> {
    return typedIpc(this.api.vaultWriteNew({ vaultId: this.vaultId, path, bytes }));
  }

  rename(from: string, to: string): Promise<WriteOutcome> {
    return typedIpc(this.api.vaultRename({ vaultId: this.vaultId, from, to }));
  }
}
