/**
 * A vault in a folder (network share, synced cloud folder, USB stick), through Node's fs. Free of
 * Electron so the main process can import it; the renderer reaches it only through IPC.
 */
import { link, mkdir, readdir, readFile, rename as fsRename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/errors';
import { assertVaultPath, isTempName, tempNameFor, type VaultTransport, type WriteOutcome } from '../transport';

function code(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Filesystem errors as the user reads them: not writable, or not reachable. */
function fsError(error: unknown, what: string): AppError {
  const c = code(error);
  const key = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EISDIR'].includes(c)
    ? 'errors.vaultWrite'
    : 'errors.vaultUnreachable';
  return new AppError(key, `${what}: ${c || String(error)}`);
}

export class FolderTransport implements VaultTransport {
  constructor(private readonly root: string) {}

  private resolve(path: string): string {
    assertVaultPath(path);
    return path === '' ? this.root : join(this.root, ...path.split('/'));
  }

  async ensureFolder(folder: string): Promise<void> {
    try {
      await stat(this.root);
      await mkdir(this.resolve(folder), { recursive: true });
    } catch (error) {
      throw fsError(error, `cannot create ${folder}`);
    }
  }

  async list(folder: string): Promise<string[]> {
    try {
      const entries = await readdir(this.resolve(folder), { withFileTypes: true });
      return entries.filter((e) => e.isFile() && !isTempName(e.name)).map((e) => e.name);
    } catch (error) {
      if (code(error) === 'ENOENT' && folder !== '') return [];
      throw fsError(error, `cannot list ${folder}`);
    }
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    try {
      const buffer = await readFile(this.resolve(path));
      return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
    } catch (error) {
      if (code(error) === 'ENOENT') return undefined;
      throw fsError(error, `cannot read ${path}`);
    }
  }

  async writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome> {
    const temp = tempNameFor(path);
    try {
      // 'wx' fails rather than truncating if the temporary name somehow exists; flush before the rename.
      await writeFile(this.resolve(temp), bytes, { flag: 'wx', flush: true });
    } catch (error) {
      throw fsError(error, `cannot write ${path}`);
    }
    const outcome = await this.rename(temp, path);
    if (outcome === 'exists') {
      await unlink(this.resolve(temp)).catch((error: unknown) => {
        throw fsError(error, `cannot remove ${temp}`);
      });
    }
    return outcome;
  }

  async rename(from: string, to: string): Promise<WriteOutcome> {
    const source = this.resolve(from);
    const target = this.resolve(to);
    try {
      // A hard link fails when the target exists, unlike rename, which replaces it.
      await link(source, target);
      await unlink(source);
      return 'written';
    } catch (error) {
      const c = code(error);
      if (c === 'EEXIST') return 'exists';
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(c))
        throw fsError(error, `cannot rename ${from}`);
    }
    // Filesystems without hard links (FAT sticks, some shares): check, then rename. Only this device
    // writes names with its id, so nobody else can race for the target.
    try {
      await stat(target);
      return 'exists';
    } catch (error) {
      if (code(error) !== 'ENOENT') throw fsError(error, `cannot rename ${from}`);
    }
    try {
      await fsRename(source, target);
      return 'written';
    } catch (error) {
      throw fsError(error, `cannot rename ${from}`);
    }
  }
}
