/** An in-memory model of Chromium's File System Access handles, where the driver depends on their behaviour. */
import type { DirectoryHandleLike, FileHandleLike } from '../../../src/platform/fs-access-transport';

function domError(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

/** Behaves like Chromium's handles where the driver depends on it: NotFoundError, TypeMismatchError, writable commit on close. */
export class FakeDirectory implements DirectoryHandleLike {
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

export class FakeFile implements FileHandleLike {
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
  // A method, not an own property: IndexedDB must be able to store the handle (structured clone).
  async move(to: string): Promise<void> {
    this.parent.entries.delete(this.name);
    this.name = to;
    this.parent.entries.set(to, this);
  }
}
