/**
 * The Sync screen's session in the desktop app: the vault is held by main (here main's real vault
 * handlers on a temporary folder, behind a window.api that calls them directly); the page keeps
 * only the vault id. Remembering through the keychain, a keychain that is missing, a vault main no
 * longer knows after a restart, and disconnecting closing it in main.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVaultHandlers } from '../../../electron/main/ipc/vault';
import { openDriver } from '../../../electron/main/vault/drivers';
import type { SecretStore } from '../../../electron/main/vault/secret-store';
import type { VaultSpec } from '../../../electron/main/vault/types';
import { db, repositories } from '../../../src/db';
import { connectVault, disconnectVault, isUnlocked, syncNow } from '../../../src/features/sync/sync-session';
import type { RendererApi } from '../../../src/shared/ipc-contract';
import { CONNECTION_KEY, useSyncStore } from '../../../src/stores/sync';

const PASSPHRASE = 'oranje-tulp-zeilboot-2027';
let parent: string;
let root: string;
let keychain = true;
const sealed = new Map<string, VaultSpec>();
const secrets: SecretStore = {
  remember: async (id, spec) => {
    if (!keychain) return 'unavailable';
    sealed.set(id, spec);
    return 'remembered';
  },
  restore: async (id) => sealed.get(id),
  forget: async (id) => {
    sealed.delete(id);
  },
};
/** Main as started anew: the handlers keep their open vaults in memory only. */
let main = createVaultHandlers({ pickFolder: async () => root, openDriver, secrets });
const unused = () => Promise.reject(new Error('not under test'));
const api: RendererApi = {
  appInfo: unused,
  saveFile: unused,
  openFile: unused,
  pickFolder: unused,
  vaultConnect: (r) => main.vaultConnect(r as never),
  vaultList: (r) => main.vaultList(r as never),
  vaultRead: (r) => main.vaultRead(r as never),
  vaultWriteNew: (r) => main.vaultWriteNew(r as never),
  vaultRename: (r) => main.vaultRename(r as never),
  vaultEnsureFolder: (r) => main.vaultEnsureFolder(r as never),
  vaultForget: vi.fn((r) => main.vaultForget(r as never)),
  vaultRemember: (r) => main.vaultRemember(r as never),
  vaultRestore: (r) => main.vaultRestore(r as never),
};

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'md-desktop-sync-'));
  root = join(parent, 'team-vault');
  await mkdir(root);
  // The preload's bridge, as getHost() finds it.
  (globalThis as { window?: unknown }).window = { api };
});
afterAll(async () => {
  await disconnectVault();
  delete (globalThis as { window?: unknown }).window;
  await rm(parent, { recursive: true, force: true });
});

async function connectFolder(): Promise<{ kind: 'main'; vaultId: string; name: string; via: 'folder' }> {
  const result = await api.vaultConnect({ kind: 'folder' });
  if (result.status !== 'connected') throw new Error('not connected');
  return { kind: 'main', vaultId: result.vaultId, name: result.name, via: 'folder' };
}

describe('desktop sync session', () => {
  it('creates the vault in the folder main picked, remembers it through the keychain, and pushes', async () => {
    const connection = await connectFolder();
    expect(await connectVault({ connection, passphrase: PASSPHRASE, remember: true })).toBe('noVault');
    await repositories.organisations.create({ name: 'Formosa BioSensing', kind: 'company', countryCode: 'TW' });
    expect(await connectVault({ connection, passphrase: PASSPHRASE, create: true, remember: true })).toBe('connected');
    expect(sealed.get(connection.vaultId)).toEqual({ kind: 'folder', path: root });
    expect(useSyncStore.getState().rememberUnavailable).toBe(false);
    // The page stores the id and the folder's name, never the path.
    const row = await db.meta.get(CONNECTION_KEY);
    expect(row?.value).toEqual(connection);
    expect(JSON.stringify(row?.value)).not.toContain(parent);
    await syncNow();
    expect(useSyncStore.getState()).toMatchObject({ phase: 'idle', lastSummary: { pushedFiles: 1 } });
    expect(await readdir(join(root, 'changes'))).toHaveLength(1);
  });

  it('after a restart of main, the remembered vault is reopened under the same id', async () => {
    const { connection } = useSyncStore.getState();
    if (connection?.kind !== 'main') throw new Error('expected a desktop connection');
    main = createVaultHandlers({ pickFolder: async () => root, openDriver, secrets });
    expect(await connectVault({ connection, passphrase: PASSPHRASE })).toBe('connected');
    await syncNow();
    expect(useSyncStore.getState().phase).toBe('idle');
  });

  it('a vault main no longer knows (not remembered) says so and stays locked', async () => {
    const { connection } = useSyncStore.getState();
    if (connection?.kind !== 'main') throw new Error('expected a desktop connection');
    sealed.clear();
    main = createVaultHandlers({ pickFolder: async () => root, openDriver, secrets });
    await expect(connectVault({ connection, passphrase: PASSPHRASE })).rejects.toMatchObject({
      key: 'errors.vaultNotRemembered',
    });
    expect(useSyncStore.getState().phase).toBe('locked');
  });

  it('without a keychain nothing is remembered and the user is told; disconnecting closes the vault in main', async () => {
    keychain = false;
    const connection = await connectFolder();
    expect(await connectVault({ connection, passphrase: PASSPHRASE, remember: true })).toBe('connected');
    expect(useSyncStore.getState().rememberUnavailable).toBe(true);
    expect(sealed.size).toBe(0);
    await disconnectVault();
    expect(isUnlocked()).toBe(false);
    expect(api.vaultForget).toHaveBeenCalledWith({ vaultId: connection.vaultId });
    expect(main.connected()).toEqual([]);
    expect(await db.meta.get(CONNECTION_KEY)).toBeUndefined();
  });
});
