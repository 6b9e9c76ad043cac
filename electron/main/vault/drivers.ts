/**
 * The one place main loads the sync drivers of src/sync/transports: the Node folder driver and the
 * WebDAV driver (on Node's fetch). Both are free of the DOM and of Electron; this file and its
 * exception to "electron/ sees only src/shared" are pinned by module-boundaries.test.ts.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_VAULT_FILE_BYTES } from '../../../src/shared/ipc-contract';
// eslint-disable-next-line no-restricted-imports -- the vault drivers run in main by design (docs/security.md)
import { FolderTransport } from '../../../src/sync/transports/folder-node';
// eslint-disable-next-line no-restricted-imports -- the vault drivers run in main by design (docs/security.md)
import { WebDavTransport } from '../../../src/sync/transports/webdav';
import { IpcError } from '../ipc/ipc-error';
import type { VaultDriver, VaultSpec } from './types';

/** A WebDAV request that has not answered within this time fails as unreachable. */
export const WEBDAV_TIMEOUT_MS = 60_000;

/**
 * Node's fetch for the vault: only to the vault's own origin (main's requests do not pass the
 * session's request policy, so the driver keeps to the vault itself), never following a redirect
 * (the Authorization header must not travel to another address; WebDAV servers do not redirect
 * their DAV URLs), and giving up after a timeout.
 */
export function vaultFetch(origin: string, fetcher: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    if (target.origin !== origin) {
      return Promise.reject(new IpcError('errors.vaultUnreachable', { cause: `not the vault: ${target.origin}` }));
    }
    return fetcher(input, { ...init, redirect: 'manual', signal: AbortSignal.timeout(WEBDAV_TIMEOUT_MS) });
  };
}

/** The folder driver, with reads refused before loading a file larger than any vault file. */
function folderDriver(root: string): VaultDriver {
  const folder = new FolderTransport(root);
  return {
    ensureFolder: (name) => folder.ensureFolder(name),
    list: (name) => folder.list(name),
    async read(path) {
      // Paths reaching here have passed the contract's layout check: no `..`, no separators of their own.
      const size = await stat(join(root, ...path.split('/'))).then(
        (s) => s.size,
        () => 0, // missing or unreadable: the driver's own read reports it properly
      );
      if (size > MAX_VAULT_FILE_BYTES) throw new IpcError('errors.vaultDamaged');
      return folder.read(path);
    },
    writeNew: (path, bytes) => folder.writeNew(path, bytes),
    rename: (from, to) => folder.rename(from, to),
  };
}

export function openDriver(spec: VaultSpec, fetcher?: typeof fetch): VaultDriver {
  if (spec.kind === 'folder') return folderDriver(spec.path);
  return new WebDavTransport({
    url: spec.url,
    username: spec.username,
    password: spec.password,
    fetch: vaultFetch(new URL(spec.url).origin, fetcher),
  });
}
