/**
 * The two disk operations behind the file dialogs, written so that neither can hurt the user's
 * data: reads stop at a byte limit (a huge file never lands in memory or crosses IPC), writes go to
 * a temporary file in the same folder and are renamed into place (a crash or full disk never
 * leaves half a file where the old one was).
 */
import { randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface FileStore {
  /** The whole file, or null when it holds more than `maxBytes`. */
  readFileAtMost(path: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null>;
  /** Replaces (or creates) `path` with `data` (a string is written as UTF-8) in one rename. */
  writeFileAtomic(path: string, data: Uint8Array | string): Promise<void>;
}

/** The parts of node:fs/promises used; injectable so a test can make a step fail. */
export type FsPrimitives = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

const CHUNK_BYTES = 1024 * 1024;

export function createFileStore(fs: FsPrimitives = nodeFs): FileStore {
  return {
    async readFileAtMost(path, maxBytes) {
      const handle = await fs.open(path, 'r');
      try {
        // stat first so a too-big file is refused without reading it; the loop below still
        // enforces the limit in case the file grows while we read.
        const { size } = await handle.stat();
        if (size > maxBytes) return null;
        const chunks: Uint8Array[] = [];
        let total = 0;
        for (;;) {
          const chunk = new Uint8Array(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
          const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
          if (bytesRead === 0) break;
          total += bytesRead;
          if (total > maxBytes) return null;
          chunks.push(chunk.subarray(0, bytesRead));
        }
        const bytes = new Uint8Array(total);
        let offset = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
        return bytes;
      } finally {
        await handle.close();
      }
    },

    async writeFileAtomic(path, data) {
      // Same folder as the target, so the rename never crosses file systems; a short fixed-length
      // name, so a long target name cannot push it past the 255-byte limit.
      const temp = join(dirname(path), `.mission-dossier-${randomUUID()}.tmp`);
      try {
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(data);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, path);
      } catch (error) {
        await fs.rm(temp, { force: true }).catch((cleanupError: unknown) => {
          console.warn(`Could not remove temporary file ${temp}: ${String(cleanupError)}`);
        });
        throw error;
      }
    },
  };
}
