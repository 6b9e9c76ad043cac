import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WINDOW_TITLE, createMainWindow, type MainWindowLike } from '../../../electron/main/window';

/** Stands in for BrowserWindow: records what Electron would have been given. */
class FakeWindow implements MainWindowLike {
  static created: FakeWindow[] = [];
  readonly listeners = new Map<string, () => void>();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);

  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.created.push(this);
  }

  once(event: 'ready-to-show', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
}

const PRELOAD = '/app/out/preload/index.cjs';
const START = 'app://mission-dossier/index.html';

function open(): FakeWindow {
  return createMainWindow({ BrowserWindow: FakeWindow, preloadPath: PRELOAD, startUrl: START });
}

afterEach(() => {
  FakeWindow.created = [];
  vi.restoreAllMocks();
});

describe('createMainWindow', () => {
  it('gives the renderer no Node and no way around the web security model', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual({
      preload: PRELOAD,
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('does not enable anything risky by another name', () => {
    const prefs = open().options.webPreferences ?? {};
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('plugins');
    expect(prefs).not.toHaveProperty('devTools');
  });

  it('is titled Mission Dossier and only shown once it has painted', () => {
    const window = open();
    expect(WINDOW_TITLE).toBe('Mission Dossier');
    expect(window.options.title).toBe('Mission Dossier');
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.listeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the start URL', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledWith(START);
  });

  it('logs, rather than crashing main, when the page cannot load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    class BrokenWindow extends FakeWindow {
      override readonly loadURL = vi.fn(() => Promise.reject(new Error('ERR_FILE_NOT_FOUND')));
    }
    createMainWindow({ BrowserWindow: BrokenWindow, preloadPath: PRELOAD, startUrl: START });
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });
});
