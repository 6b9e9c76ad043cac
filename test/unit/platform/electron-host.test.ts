import { describe, expect, it, vi } from 'vitest';
import { createElectronHost } from '../../../src/platform/electron-host';
import type { RendererApi } from '../../../src/shared/ipc-contract';

const VAULT_ID = '0123456789abcdef0123456789abcdef';

function fakeApi(overrides: Partial<RendererApi> = {}): RendererApi {
  return {
    appInfo: vi.fn(async () => ({
      name: 'Mission Dossier',
      version: '0.1.0',
      platform: 'linux',
      dataLocation: '/home/u/.config/Mission Dossier',
    })),
    saveFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    openFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    pickFolder: vi.fn(async () => ({ status: 'picked' as const, path: '/mnt/share/vault' })),
    vaultConnect: vi.fn(async () => ({ status: 'connected' as const, vaultId: VAULT_ID, name: 'vault' })),
    vaultList: vi.fn(async () => []),
    vaultRead: vi.fn(async () => undefined),
    vaultWriteNew: vi.fn(async () => 'written' as const),
    vaultRename: vi.fn(async () => 'written' as const),
    vaultEnsureFolder: vi.fn(async () => undefined),
    vaultForget: vi.fn(async () => undefined),
    vaultRemember: vi.fn(async () => ({ status: 'unavailable' as const })),
    vaultRestore: vi.fn(async () => ({ status: 'unknown' as const })),
    ...overrides,
  };
}

describe('electron host', () => {
  it('passes calls through the bridge with defaults filled in', async () => {
    const api = fakeApi();
    const host = createElectronHost(api);
    expect(host.kind).toBe('electron');
    expect((await host.appInfo()).dataLocation).toContain('Mission Dossier');
    await host.saveFile({ suggestedName: 'dossier.json', data: '{}', kind: 'dossier' });
    // Only the kind crosses the bridge: main picks the extension and the dialog's filter.
    expect(api.saveFile).toHaveBeenCalledWith({ suggestedName: 'dossier.json', data: '{}', kind: 'dossier' });
    expect(await host.pickFolder?.()).toEqual({ status: 'picked', path: '/mnt/share/vault' });
  });

  it('turns a rejected call into a typed error with the key main sent, and unknown failures into "unexpected"', async () => {
    const host = createElectronHost(
      fakeApi({
        openFile: () =>
          Promise.reject(new Error("Error invoking remote method 'md:openFile': Error: errors.fileTooLarge")),
        saveFile: () => Promise.reject(new Error('Error invoking remote method: EPERM /secret/path')),
      }),
    );
    await expect(host.openFile()).rejects.toMatchObject({ key: 'errors.fileTooLarge' });
    await expect(host.saveFile({ suggestedName: 'a.pdf', data: '', kind: 'pdf' })).rejects.toMatchObject({
      key: 'errors.unexpected',
    });
  });

  it('the vault crosses by its id only, and remembering says when the keychain is missing', async () => {
    const api = fakeApi();
    const vault = createElectronHost(api).vault;
    if (!vault) throw new Error('the desktop host has a vault');
    await expect(vault.connect({ kind: 'folder' })).resolves.toMatchObject({ vaultId: VAULT_ID });
    expect(api.vaultConnect).toHaveBeenCalledWith({ kind: 'folder' });
    await expect(vault.remember(VAULT_ID)).resolves.toEqual({ status: 'unavailable' });
    expect(api.vaultRemember).toHaveBeenCalledWith({ vaultId: VAULT_ID });
    await expect(vault.restore(VAULT_ID)).resolves.toEqual({ status: 'unknown' });
    await vault.forget(VAULT_ID);
    expect(api.vaultForget).toHaveBeenCalledWith({ vaultId: VAULT_ID });
  });
});
