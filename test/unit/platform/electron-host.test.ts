import { describe, expect, it, vi } from 'vitest';
import { createElectronHost } from '../../../src/platform/electron-host';
import type { RendererApi } from '../../../src/shared/ipc-contract';

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
});
