/**
 * The Sync screen's session: connect to a folder vault (the File System Access driver on an
 * in-memory folder), sync into the store, pause when the vault was emptied until the user confirms,
 * and a refusing folder shown as an error in the store.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { db, repositories } from '../../../src/db';
import { connectVault, disconnectVault, isUnlocked, syncNow } from '../../../src/features/sync/sync-session';
import { useSyncStore } from '../../../src/stores/sync';
import { FakeDirectory } from './sync-fake-directory';

const PASSPHRASE = 'oranje-tulp-zeilboot-2027';

afterAll(async () => {
  await disconnectVault();
});

describe('sync session', () => {
  const folder = new FakeDirectory('team-vault');
  const connection = { kind: 'folder', name: folder.name, handle: folder } as const;

  it('asks before making a vault, then makes it, remembers the folder and pushes the local records', async () => {
    expect(await connectVault({ connection, passphrase: PASSPHRASE })).toBe('noVault');
    expect(isUnlocked()).toBe(false);
    expect(folder.entries.size).toBe(0);

    await repositories.organisations.create({ name: 'Formosa BioSensing', kind: 'company', countryCode: 'TW' });
    expect(await connectVault({ connection, passphrase: PASSPHRASE, create: true })).toBe('connected');
    expect(useSyncStore.getState().connection).toMatchObject({ kind: 'folder', name: 'team-vault' });
    await syncNow();
    const state = useSyncStore.getState();
    expect(state.phase).toBe('idle');
    expect(state.lastSummary).toMatchObject({ pushedFiles: 1, pulledFiles: 0 });
    const changes = folder.entries.get('changes') as FakeDirectory;
    expect(changes.entries.size).toBe(1);
  });

  it('a wrong passphrase is refused with its own message and leaves the vault locked', async () => {
    await disconnectVault();
    await expect(connectVault({ connection, passphrase: 'not-the-passphrase' })).rejects.toMatchObject({
      key: 'errors.vaultPassphrase',
    });
    expect(isUnlocked()).toBe(false);
    expect(useSyncStore.getState().phase).toBe('locked');
    expect(await connectVault({ connection, passphrase: PASSPHRASE })).toBe('connected');
  });

  it('pauses when the vault was emptied, and goes on only when the user confirms', async () => {
    // A second sync sees this device's file listed: from then on an empty vault is a surprise, not a lost upload.
    await syncNow();
    expect(useSyncStore.getState().phase).toBe('idle');
    for (const sub of ['changes', 'snapshots']) (folder.entries.get(sub) as FakeDirectory).entries.clear();
    await syncNow();
    expect(useSyncStore.getState()).toMatchObject({ phase: 'paused', pause: { reason: 'vaultEmpty' } });
    await syncNow('vaultChange');
    expect(useSyncStore.getState().phase).toBe('idle');
    expect((folder.entries.get('changes') as FakeDirectory).entries.size).toBe(1);
  });

  it('a folder that refuses writes shows as an error, and the next sync recovers', async () => {
    await repositories.organisations.create({ name: 'TaiGrid Energy Systems', kind: 'company', countryCode: 'TW' });
    const changes = folder.entries.get('changes') as FakeDirectory;
    const original = changes.getFileHandle.bind(changes);
    changes.getFileHandle = async (name, options) => {
      if (options?.create) {
        const error = new Error('read-only');
        error.name = 'NoModificationAllowedError';
        throw error;
      }
      return original(name, options);
    };
    await syncNow();
    expect(useSyncStore.getState()).toMatchObject({ phase: 'error', error: { key: 'errors.vaultWrite' } });
    changes.getFileHandle = original;
    await syncNow();
    expect(useSyncStore.getState().phase).toBe('idle');
    expect(await db.meta.get('sync:connection')).toBeDefined();
  });
});
