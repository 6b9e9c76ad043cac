/** What the Sync screen says about this device: local changes not yet in the vault, and the remembered connection. */
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db';
import { unsharedChanges } from '../../../src/features/sync/sync-reads';
import { CONNECTION_KEY, useSyncStore, type VaultConnection } from '../../../src/stores/sync';
import { Device, SimClock, memoryVault, organisation } from '../../sync/devices';

const open: Device[] = [];
afterEach(async () => {
  for (const device of open.splice(0)) await device.close();
});

describe('local changes not shared yet', () => {
  it('counts the whole log before a sync, nothing after it, and a new edit again', async () => {
    const { transport, vault } = await memoryVault();
    const a = await Device.open('reads-a', new SimClock(), transport, vault);
    open.push(a);
    const id = await a.create('organisations', organisation('Formosa BioSensing'));
    await a.create('organisations', organisation('TaiGrid Energy Systems'));
    expect(await unsharedChanges(a.db)).toBe(2);
    expect((await a.engine.sync()).state).toBe('synced');
    expect(await unsharedChanges(a.db)).toBe(0);
    await a.edit('organisations', id, { city: 'Hsinchu' });
    expect(await unsharedChanges(a.db)).toBe(1);
  });
});

describe('the remembered vault connection', () => {
  it('keeps the address and user name but never a password, even one passed by mistake', async () => {
    const url = 'https://cloud.example.nl/remote.php/dav/files/anna/vault/';
    const withSecret = {
      kind: 'webdav',
      url,
      username: 'anna',
      password: 'app-password-1234',
      passphrase: 'team passphrase',
    } as VaultConnection;
    await useSyncStore.getState().rememberConnection(withSecret);
    const row = await db.meta.get(CONNECTION_KEY);
    expect(row?.value).toEqual({ kind: 'webdav', url, username: 'anna' });
    expect(JSON.stringify(row?.value)).not.toContain('1234');
    useSyncStore.setState({ connection: undefined });
    await useSyncStore.getState().loadConnection();
    expect(useSyncStore.getState().connection).toEqual({ kind: 'webdav', url, username: 'anna' });
    await useSyncStore.getState().forgetConnection();
    expect(await db.meta.get(CONNECTION_KEY)).toBeUndefined();
  });

  it('refuses an address that is not http(s)', async () => {
    await expect(
      useSyncStore.getState().rememberConnection({ kind: 'webdav', url: 'file:///etc/passwd', username: 'x' }),
    ).rejects.toThrow();
  });
});
