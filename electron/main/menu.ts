/**
 * The application menu: the standard Edit roles (so copy, paste and undo work in every field and
 * with the platform's shortcuts), view zoom and full screen, the window menu; Reload and the
 * developer tools only in an unpackaged build, never in what users install.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform; appName: string }) {
  const mac = options.platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ label: options.appName, role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    {
      role: 'editMenu',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { role: 'windowMenu' },
  ];
  return template;
}
