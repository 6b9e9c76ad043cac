/**
 * The one small interface every vault storage implements (memory, folder, WebDAV). Drivers never
 * overwrite: a new file is written under a temporary name and then renamed without clobbering.
 */
export type WriteOutcome = 'written' | 'exists';

export interface VaultTransport {
  /** Creates the folder (relative to the vault root) if it is not there yet. */
  ensureFolder(folder: string): Promise<void>;
  /** Names of the complete files directly in the folder; temporary files left out; [] if the folder is missing. */
  list(folder: string): Promise<string[]>;
  /** The file's bytes, or undefined when it is not (or not yet) there. */
  read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** Writes a new file atomically (temporary name, then no-clobber rename); `exists` if the name is taken. */
  writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome>;
  /** Renames without ever replacing an existing file; `exists` if the target is taken. */
  rename(from: string, to: string): Promise<WriteOutcome>;
}

const TEMP_SUFFIX = '.tmp';

/** A temporary name beside the final one, unique per attempt. */
export function tempNameFor(path: string): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${path}.${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}${TEMP_SUFFIX}`;
}

export function isTempName(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/** Splits `a/b/c` into the folder `a/b` and the name `c`. */
export function splitPath(path: string): { folder: string; name: string } {
  const at = path.lastIndexOf('/');
  return at < 0 ? { folder: '', name: path } : { folder: path.slice(0, at), name: path.slice(at + 1) };
}

/** Vault paths are relative, `/`-separated, without `..` or empty segments: a driver refuses anything else. */
export function assertVaultPath(path: string): void {
  if (path === '') return;
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes(':'))) {
    throw new Error(`not a vault path: ${path}`);
  }
}
