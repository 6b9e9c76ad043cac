/** The main window: locked-down web preferences, shown only once it has painted. */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Mission Dossier';

/** What the factory needs of a window; Electron's BrowserWindow fits, and so does a test fake. */
export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface MainWindowDeps<W extends MainWindowLike> {
  /** Electron's BrowserWindow class (injected so tests can capture the options). */
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  /** Absolute path of out/preload/index.cjs. */
  preloadPath: string;
  /** app://mission-dossier/index.html, or the dev server URL in development. */
  startUrl: string;
}

export function createMainWindow<W extends MainWindowLike>({
  BrowserWindow,
  preloadPath,
  startUrl,
}: MainWindowDeps<W>): W {
  // The preferences are written out literally, right here in the constructor call, so that both
  // the unit test (through a fake constructor) and electronegativity (which reads this literal)
  // verify exactly what Electron receives. Each one is Electron's secure default or stricter;
  // spelling them out keeps them safe if a default ever changes.
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click (auxclick) has been a way around navigation limits before; nothing here needs it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // Showing after the first paint avoids a white flash; the window never appears half-built.
  window.once('ready-to-show', () => window.show());
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`Could not load ${startUrl}: ${String(error)}`);
  });
  return window;
}
