/**
 * App lifecycle: the thin, Electron-bound shell. Everything with a decision in it lives in the
 * modules beside this one, which take Electron's objects as parameters and are unit-tested.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol';
import { createAppInfoHandler } from './ipc/app-info';
import { createLinkOpener } from './external-links';
import { menuTemplate } from './menu';
import { createFileStore } from './ipc/file-store';
import { createFileHandlers, type FileDialogs } from './ipc/files';
import { registerIpcHandlers } from './ipc/register';
import { createVaultHandlers } from './ipc/vault';
import { installRequestPolicy, vaultOriginOf } from './request-policy';
import { configureSpellchecker } from './spellcheck';
import { devServerOrigin, hardenSession, hardenWebContents, isTrustedSender } from './security';
import { openDriver } from './vault/drivers';
import { SECRET_FILE_NAME, createSecretStore } from './vault/secret-store';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_ROOT = join(here, '../renderer');

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const devOrigin = devServerOrigin(rendererUrl, app.isPackaged);
const startUrl = devOrigin !== null && rendererUrl !== undefined ? rendererUrl : APP_ENTRY_URL;

// Both must happen before `ready`: privileges cannot be granted to a scheme later, and the
// sandbox must cover every renderer from the first one on.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

// Dialogs are modal to the window the user is working in, when there is one.
const dialogs: FileDialogs = {
  showSaveDialog(options) {
    const owner = BrowserWindow.getFocusedWindow();
    return owner === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(owner, options);
  },
  showOpenDialog(options) {
    const owner = BrowserWindow.getFocusedWindow();
    return owner === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(owner, options);
  },
};

function openMainWindow(): BrowserWindow {
  return createMainWindow({ BrowserWindow, preloadPath: PRELOAD_PATH, startUrl });
}

function start(): void {
  let mainWindow: BrowserWindow | null = null;

  // A second launch (e.g. a double-click on the desktop icon) brings the running window forward
  // instead of opening a second app on the same database.
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, not just the main window's, gets the navigation and window-open guards.
  const openLink = createLinkOpener({
    openExternal: (url) => shell.openExternal(url),
    confirmHost: async (host, url) => {
      const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined;
      const options = {
        type: 'question' as const,
        buttons: ['Openen / Open', 'Annuleren / Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `Deze link opent ${host} in uw browser. / This link opens ${host} in your browser.`,
        detail: url,
      };
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return response === 0;
    },
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: openLink, devOrigin });
  });

  app.on('window-all-closed', () => {
    // macOS apps stay active without windows until the user quits explicitly.
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, devOrigin);
      // Requests may go to the app itself and to the WebDAV vaults connected right now, nowhere else.
      let vaultOrigins: ReadonlySet<string> = new Set();
      installRequestPolicy(session.defaultSession, () => ({ isPackaged: app.isPackaged, devOrigin, vaultOrigins }));
      configureSpellchecker(session.defaultSession, process.platform);
      registerAppProtocol(protocol, { rendererRoot: RENDERER_ROOT, readFile: (path) => readFile(path) });
      const files = createFileStore();
      const secretsPath = join(app.getPath('userData'), SECRET_FILE_NAME);
      const vaultHandlers = createVaultHandlers({
        async pickFolder() {
          const choice = await dialogs.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
          const path = choice.filePaths[0];
          return choice.canceled || path === undefined ? null : path;
        },
        openDriver: (spec) => openDriver(spec),
        secrets: createSecretStore({
          safeStorage,
          file: {
            read: () =>
              files.readFileAtMost(secretsPath, 1024 * 1024).then(
                (bytes) => (bytes === null ? null : new TextDecoder().decode(bytes)),
                (error: unknown) => {
                  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
                  throw error;
                },
              ),
            write: (text) => files.writeFileAtomic(secretsPath, text),
          },
        }),
        onVaultsChanged: (specs) => {
          const origins = specs.map((spec) => (spec.kind === 'webdav' ? vaultOriginOf(spec.url) : null));
          vaultOrigins = new Set(origins.filter((origin) => origin !== null));
        },
      });
      registerIpcHandlers(
        ipcMain,
        {
          appInfo: createAppInfoHandler({ app, platform: process.platform }),
          ...createFileHandlers({ dialogs, files, downloadsPath: () => app.getPath('downloads') }),
          ...vaultHandlers,
        },
        { isTrustedSender: (frameUrl) => isTrustedSender(frameUrl, devOrigin) },
      );
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          menuTemplate({ isPackaged: app.isPackaged, platform: process.platform, appName: app.getName() }),
        ),
      );
      mainWindow = openMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Mission Dossier could not start:', error);
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
