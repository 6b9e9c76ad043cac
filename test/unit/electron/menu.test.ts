import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menu';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('has the standard edit roles on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const all = roles(menuTemplate({ isPackaged: true, platform, appName: 'Mission Dossier' }));
      for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']) expect(all).toContain(role);
    }
  });

  it('offers reload and developer tools only in an unpackaged build', () => {
    const packaged = roles(menuTemplate({ isPackaged: true, platform: 'win32', appName: 'Mission Dossier' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    const development = roles(menuTemplate({ isPackaged: false, platform: 'win32', appName: 'Mission Dossier' }));
    expect(development).toContain('toggleDevTools');
  });

  it('has the app menu only on macOS', () => {
    expect(roles(menuTemplate({ isPackaged: true, platform: 'darwin', appName: 'Mission Dossier' }))[0]).toBe(
      'appMenu',
    );
    expect(roles(menuTemplate({ isPackaged: true, platform: 'linux', appName: 'Mission Dossier' }))).not.toContain(
      'appMenu',
    );
  });
});
