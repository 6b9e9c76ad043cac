/** The File System Access driver against the shared transport contract, on an in-memory model of the browser's handles. */
import { describe, expect, it } from 'vitest';
import {
  FileSystemAccessTransport,
  type DirectoryHandleLike,
  type FileHandleLike,
} from '../../../src/platform/fs-access-transport';
import { transportContract } from '../../sync/transport-contract';

function domError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

/** Behaves like Chromium's handles where the driver depends on it: NotFoundError, TypeMismatchError, writable commit on close. */
class FakeDirectory implements DirectoryHandleLike {
  readonly kind = 'directory' as const;
  readonly entries = new Map<string, FakeDirectory | FakeFile>();
  constructor(
    readonly name: string,
    private readonly readOnly = false,
  ) {}
  async getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryHandleLike> {
    const entry = this.entries.get(name);
    if (entry instanceof FakeDirectory) return entry;
    if (entry) throw domError('TypeMismatchError');
    if (!options?.create) throw domError('NotFoundError');
    if (this.readOnly) throw domError('NotAllowedError');
    const dir = new FakeDirectory(name);
    this.entries.set(name, dir);
    return dir;
  }
  async getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike> {
    const entry = this.entries.get(name);
    if (entry instanceof FakeFile) return entry;
    if (entry) throw domError('TypeMismatchError');
    if (!options?.create) throw domError('NotFoundError');
    if (this.readOnly) throw domError('NotAllowedError');
    const file = new FakeFile(this, name);
    this.entries.set(name, file);
    return file;
  }
  async removeEntry(name: string): Promise<void> {
    if (!this.entries.delete(name)) throw domError('NotFoundError');
  }
  async *keys(): AsyncIterable<string> {
    for (const key of [...this.entries.keys()]) yield key;
  }
}

class FakeFile implements FileHandleLike {
  readonly kind = 'file' as const;
  data = new Uint8Array(0);
  constructor(
    private readonly parent: FakeDirectory,
    private name: string,
  ) {}
  async getFile(): Promise<Blob> {
    return new Blob([this.data]);
  }
  async createWritable() {
    let pending = new Uint8Array(0);
    return {
      write: async (data: Uint8Array<ArrayBuffer>) => {
        pending = new Uint8Array(data);
      },
      close: async () => {
        this.data = pending;
      },
    };
  }
  move = async (to: string): Promise<void> => {
    this.parent.entries.delete(this.name);
    this.name = to;
    this.parent.entries.set(to, this);
  };
}

describe('FileSystemAccessTransport', () => {
  transportContract(() => new FileSystemAccessTransport(new FakeDirectory('vault')));

  it('works without move() (older Chromium): copy, then the temporary is removed', async () => {
    const root = new FakeDirectory('vault');
    const t = new FileSystemAccessTransport(root);
    await t.ensureFolder('changes');
    const changes = root.entries.get('changes') as FakeDirectory;
    const original = changes.getFileHandle.bind(changes);
    changes.getFileHandle = async (name, options) => {
      const handle = await original(name, options);
      return { kind: 'file', getFile: () => handle.getFile(), createWritable: () => handle.createWritable() };
    };
    expect(await t.writeNew('changes/a', new TextEncoder().encode('x'))).toBe('written');
    expect([...changes.entries.keys()]).toEqual(['a']);
  });

  it('says the folder is not writable when the browser refuses', async () => {
    const t = new FileSystemAccessTransport(new FakeDirectory('vault', true));
    await expect(t.ensureFolder('changes')).rejects.toMatchObject({ key: 'errors.vaultWrite' });
  });
});
