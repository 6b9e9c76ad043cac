/**
 * Where the saved search index's bytes live: a file in the origin-private file system (OPFS) where
 * the platform has one. Read from there, the 14 MB of a large registry's index no longer queue in
 * IndexedDB behind the window's own reads at start-up (Chromium runs one database's requests one
 * after the other, window and worker alike): the worker reads and decodes the file while the
 * window reads its records. The `meta` row still says which file belongs to the database (see
 * SearchService.save), so a file left by another database or an interrupted save is never used.
 */

/** The bytes of one saved index; a test hands in one held in memory. */
export interface IndexFile {
  /** The file's bytes; null when there is none. */
  read(): Promise<Uint8Array | null>;
  /** Replaces the file whole: a reader sees the old bytes or the new, never a mix. */
  write(bytes: Uint8Array): Promise<void>;
}

/** The name of the index file of the database `databaseName`. */
export function indexFileName(databaseName: string): string {
  return `search-index-${databaseName}.bin`;
}

/** "MDSF": the first four bytes of an index file, then its 64-bit token, then the index. */
const FILE_MAGIC = 0x4d445346;
const HEADER_BYTES = 12;

/** A token as 16 hex digits, from the two 32-bit words the file's header holds. */
function tokenOf(words: ArrayLike<number>): string {
  return Array.from(words, (word) => word.toString(16).padStart(8, '0')).join('');
}

/** A fresh token naming one save: written into the file and into the meta row that points at it. */
export function newFileToken(): string {
  return tokenOf(crypto.getRandomValues(new Uint32Array(2)));
}

/** The file's bytes: header with the token, then the index. */
export function fileBytes(token: string, index: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES + index.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, FILE_MAGIC, true);
  view.setUint32(4, Number.parseInt(token.slice(0, 8), 16), true);
  view.setUint32(8, Number.parseInt(token.slice(8, 16), 16), true);
  bytes.set(index, HEADER_BYTES);
  return bytes;
}

/** A file's token and the index it holds; null when the bytes are not an index file. */
export function readIndexFile(bytes: Uint8Array): { token: string; index: Uint8Array } | null {
  if (bytes.length < HEADER_BYTES) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== FILE_MAGIC) return null;
  return { token: tokenOf([view.getUint32(4, true), view.getUint32(8, true)]), index: bytes.subarray(HEADER_BYTES) };
}

/** What a worker's file handle adds (the DOM types leave it out). */
interface SyncAccessible {
  createSyncAccessHandle?: () => Promise<{
    getSize(): number;
    read(buffer: Uint8Array, options: { at: number }): number;
    close(): void;
  }>;
}

/**
 * The index file `name` in the origin-private file system; null where there is none (Node, an
 * old engine). `createWritable` writes to a swap file and replaces the file on `close`, so an
 * interrupted save leaves the previous file whole.
 */
export function originPrivateFile(name: string): IndexFile | null {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (typeof storage?.getDirectory !== 'function') return null;
  return {
    async read() {
      const directory = await storage.getDirectory();
      let handle: FileSystemFileHandle;
      try {
        handle = await directory.getFileHandle(name);
      } catch (error) {
        if (error instanceof DOMException && error.name === 'NotFoundError') return null;
        throw error;
      }
      // In a worker, a synchronous access handle reads the file straight into memory (about
      // twice as fast as through a Blob); it is exclusive, so while another window writes the
      // file, or outside a worker, the Blob is read instead.
      const worker = handle as SyncAccessible;
      if (typeof worker.createSyncAccessHandle === 'function') {
        try {
          const access = await worker.createSyncAccessHandle();
          try {
            const bytes = new Uint8Array(access.getSize());
            const read = access.read(bytes, { at: 0 });
            return read === bytes.length ? bytes : bytes.subarray(0, read);
          } finally {
            access.close();
          }
        } catch (error) {
          if (!(error instanceof DOMException)) throw error;
        }
      }
      return new Uint8Array(await (await handle.getFile()).arrayBuffer());
    },
    async write(bytes) {
      const directory = await storage.getDirectory();
      const handle = await directory.getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      try {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
  };
}
