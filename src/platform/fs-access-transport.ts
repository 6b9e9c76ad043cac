/**
 * A folder vault in the browser through the File System Access API (Chromium): the user picks the
 * folder once, the page gets a directory handle, and this driver implements the vault transport on it.
 */
import { AppError } from '../domain/errors';
import {
  assertVaultPath,
  isTempName,
  splitPath,
  tempNameFor,
  type VaultTransport,
  type WriteOutcome,
} from '../sync/transport';

/** The part of FileSystemDirectoryHandle this driver uses (the DOM typings lack `entries` and `move`). */
export interface DirectoryHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

export interface FileHandleLike {
  readonly kind: 'file';
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }>;
  /** Chromium's no-overwrite-checked rename within a folder, where present. */
  move?: (name: string) => Promise<void>;
}

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

/** Missing files and folders are normal answers (absent), everything else is a failure the user must see. */
function isMissing(error: unknown): boolean {
  const name = errorName(error);
  return name === 'NotFoundError' || name === 'TypeMismatchError';
}

function failure(error: unknown, what: string): AppError {
  const name = errorName(error);
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'NoModificationAllowedError') {
    return new AppError('errors.vaultWrite', `${what}: ${name}`);
  }
  if (name === 'QuotaExceededError') return new AppError('errors.vaultWrite', `${what}: ${name}`);
  return new AppError('errors.vaultUnreachable', `${what}: ${String(error)}`);
}

export class FileSystemAccessTransport implements VaultTransport {
  constructor(private readonly root: DirectoryHandleLike) {}

  private async folder(path: string, create: boolean): Promise<DirectoryHandleLike | undefined> {
    assertVaultPath(path);
    let handle = this.root;
    if (path === '') return handle;
    for (const segment of path.split('/')) {
      try {
        handle = await handle.getDirectoryHandle(segment, { create });
      } catch (error) {
        if (isMissing(error) && !create) return undefined;
        throw failure(error, `open folder ${path}`);
      }
    }
    return handle;
  }

  private async exists(dir: DirectoryHandleLike, name: string): Promise<boolean> {
    try {
      await dir.getFileHandle(name);
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw failure(error, `look up ${name}`);
    }
  }

  async ensureFolder(folder: string): Promise<void> {
    await this.folder(folder, true);
  }

  async list(folder: string): Promise<string[]> {
    const dir = await this.folder(folder, false);
    if (!dir) return [];
    const names: string[] = [];
    try {
      for await (const name of dir.keys()) if (!isTempName(name)) names.push(name);
    } catch (error) {
      throw failure(error, `list ${folder}`);
    }
    return names;
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const { folder, name } = splitPath(path);
    const dir = await this.folder(folder, false);
    if (!dir) return undefined;
    try {
      const file = await (await dir.getFileHandle(name)).getFile();
      return new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw failure(error, `read ${path}`);
    }
  }

  async writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome> {
    const { folder, name } = splitPath(path);
    const dir = await this.folder(folder, true);
    if (!dir) throw new AppError('errors.vaultWrite', `no folder ${folder}`);
    if (await this.exists(dir, name)) return 'exists';
    const temp = splitPath(tempNameFor(path)).name;
    try {
      const writable = await (await dir.getFileHandle(temp, { create: true })).createWritable();
      await writable.write(bytes);
      await writable.close();
    } catch (error) {
      throw failure(error, `write ${path}`);
    }
    const outcome = await this.renameIn(dir, temp, name);
    if (outcome === 'exists') {
      // Lost a race for the name: the temporary is ours to drop.
      await dir.removeEntry(temp).catch((error: unknown) => console.warn('temporary file left behind', error));
    }
    return outcome;
  }

  async rename(from: string, to: string): Promise<WriteOutcome> {
    const source = splitPath(from);
    const target = splitPath(to);
    if (source.folder !== target.folder) throw new Error(`rename across folders: ${from} → ${to}`);
    const dir = await this.folder(source.folder, false);
    if (!dir) throw new AppError('errors.vaultWrite', `no folder ${source.folder}`);
    return this.renameIn(dir, source.name, target.name);
  }

  /**
   * The API has no no-clobber rename: the target is checked first. The window between check and
   * move is small, and vault names are content-derived, so a lost race replaces a file with the
   * same bytes (docs/sync.md); only `vault.json` could differ, and its creator re-reads it.
   */
  private async renameIn(dir: DirectoryHandleLike, from: string, to: string): Promise<WriteOutcome> {
    if (await this.exists(dir, to)) return 'exists';
    try {
      const handle = await dir.getFileHandle(from);
      if (handle.move) {
        await handle.move(to);
      } else {
        // Without move(): copy to the final name (createWritable commits on close), then drop the temporary.
        const data = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        const writable = await (await dir.getFileHandle(to, { create: true })).createWritable();
        await writable.write(data);
        await writable.close();
        await dir.removeEntry(from);
      }
      return 'written';
    } catch (error) {
      throw failure(error, `rename ${from}`);
    }
  }
}

/** Whether this browser can pick a folder for a vault. */
export function canPickFolder(): boolean {
  return typeof window !== 'undefined' && 'showDirectoryPicker' in window;
}

/** Asks the user for a folder; undefined when they cancel. */
export async function pickVaultFolder(): Promise<DirectoryHandleLike | undefined> {
  const picker = (window as unknown as { showDirectoryPicker?: (o: object) => Promise<DirectoryHandleLike> })
    .showDirectoryPicker;
  if (!picker) return undefined;
  try {
    return await picker({ mode: 'readwrite', id: 'mission-dossier-vault' });
  } catch (error) {
    if (errorName(error) === 'AbortError') return undefined;
    throw failure(error, 'pick folder');
  }
}

/** A remembered handle needs the user's permission again after a reload; false if refused. */
export async function ensureFolderPermission(handle: DirectoryHandleLike): Promise<boolean> {
  const withPermission = handle as DirectoryHandleLike & {
    queryPermission?: (o: object) => Promise<PermissionState>;
    requestPermission?: (o: object) => Promise<PermissionState>;
  };
  if (!withPermission.queryPermission || !withPermission.requestPermission) return true;
  if ((await withPermission.queryPermission({ mode: 'readwrite' })) === 'granted') return true;
  return (await withPermission.requestPermission({ mode: 'readwrite' })) === 'granted';
}
