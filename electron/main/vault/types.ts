/**
 * What main keeps per connected vault. The driver has the shape of src/sync/transport.ts
 * `VaultTransport` (spelled out here, since electron/ sees only src/shared and the one driver file).
 */
export type WriteOutcome = 'written' | 'exists';

export interface VaultDriver {
  ensureFolder(folder: string): Promise<void>;
  list(folder: string): Promise<string[]>;
  read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined>;
  writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome>;
  rename(from: string, to: string): Promise<WriteOutcome>;
}

/** Where a vault is, with its credentials: lives only in main (and, sealed, in the secret store). */
export type VaultSpec =
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'webdav'; readonly url: string; readonly username: string; readonly password: string };
