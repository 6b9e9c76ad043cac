import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  createNavigationGuard,
  createPermissionCheckHandler,
  createPermissionRequestHandler,
  createWindowOpenHandler,
  devServerOrigin,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  safeExternalUrl,
  type PermissionCheckHandler,
  type PermissionRequestHandler,
} from '../../../electron/main/security';

const DEV = 'http://localhost:5173';

// The guards log what they block; keep the test output for real failures.
const warn = vi.fn();
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(warn);
});
afterEach(() => {
  vi.restoreAllMocks();
  warn.mockClear();
});

/** Links no page of ours may open, navigate to, or call main from. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'file://server/share/evil.exe',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'blob:app://mission-dossier/0b6a1c2e',
  '\\\\evil-host\\share\\payload.exe',
  '\\\\?\\C:\\Windows\\System32\\cmd.exe',
  '//evil.example/path',
  'C:\\Windows\\System32\\calc.exe',
  '/etc/passwd',
  'app://evil.example/index.html',
  'app://mission-dossier.evil.example/index.html',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x&crumb=location:\\\\evil\\share',
  'smb://evil.example/share',
  'ftp://example.com/file',
  'chrome://settings',
  'about:blank',
  '',
  'not a url',
];

describe('isAppUrl', () => {
  it.each([
    'app://mission-dossier/index.html',
    'app://mission-dossier/',
    'app://mission-dossier/missions/42?tab=agenda#top',
    'app://MISSION-DOSSIER/index.html',
  ])('accepts our renderer %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each(HOSTILE_URLS)('rejects %j', (url) => expect(isAppUrl(url)).toBe(false));

  it.each([
    'http://localhost:5173/',
    'https://example.com/',
    'http://mission-dossier/index.html',
    'app://user@mission-dossier/index.html',
    'app://mission-dossier:444/index.html',
  ])('rejects %s outside development', (url) => expect(isAppUrl(url)).toBe(false));

  it('accepts the dev server origin only when given, and only that origin', () => {
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('trusts a loopback dev server while not packaged', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe(DEV);
    expect(devServerOrigin('http://127.0.0.1:5173/index.html', false)).toBe('http://127.0.0.1:5173');
  });

  it('never trusts ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull();
  });

  it.each(['https://evil.example/', 'http://192.168.1.10:5173/', 'file:///tmp/index.html', 'nonsense', ''])(
    'ignores %j',
    (url) => {
      expect(devServerOrigin(url, false)).toBeNull();
    },
  );

  it('is null without the variable', () => expect(devServerOrigin(undefined, false)).toBeNull());
});

describe('isTrustedSender', () => {
  it('trusts frames showing our renderer', () => {
    expect(isTrustedSender('app://mission-dossier/index.html')).toBe(true);
    expect(isTrustedSender('http://localhost:5173/', DEV)).toBe(true);
  });

  it.each([...HOSTILE_URLS, 'https://example.com/'])('does not trust a frame at %j', (url) => {
    expect(isTrustedSender(url)).toBe(false);
    expect(isTrustedSender(url, DEV)).toBe(false);
  });

  it('does not trust a missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.utrechtregion.com/', 'https://www.utrechtregion.com/'],
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['mailto:delegatie@example.nl', 'mailto:delegatie@example.nl'],
    ['mailto:a@example.nl?subject=Missie%20Japan', 'mailto:a@example.nl?subject=Missie%20Japan'],
  ])('allows %s (as %s)', (url, normalised) => {
    expect(isSafeExternalUrl(url)).toBe(true);
    expect(safeExternalUrl(url)).toBe(normalised);
  });

  it.each([
    ...HOSTILE_URLS,
    'http://example.com/',
    'https://user:password@example.com/',
    'https://example.com@evil.example/',
    'https:\\\\evil.example\\share',
    'https://example.com/\u0000',
    'https://example.com/ spaced',
    'app://mission-dossier/index.html',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('refuses %j', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('navigation guard', () => {
  it('lets the window move within the app', () => {
    const openExternal = vi.fn(async () => undefined);
    const guard = createNavigationGuard(openExternal, null);
    const event = navigation('app://mission-dossier/missions/3');
    guard(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('lets the window move within the dev server in development', () => {
    const event = navigation('http://localhost:5173/#/agenda');
    createNavigationGuard(
      vi.fn(async () => undefined),
      DEV,
    )(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks a web page and opens it in the browser instead', () => {
    const openExternal = vi.fn(async () => undefined);
    const event = navigation('https://example.com/');
    createNavigationGuard(openExternal, null)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it.each(HOSTILE_URLS)('blocks %j and opens nothing', (url) => {
    const openExternal = vi.fn(async () => undefined);
    const event = navigation(url);
    createNavigationGuard(openExternal, null)(event);
    // Hostile app:// URLs are not ours either: only the exact app host may be navigated to.
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks the dev server origin when not in development', () => {
    const event = navigation('http://localhost:5173/');
    createNavigationGuard(
      vi.fn(async () => undefined),
      null,
    )(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('window open handler', () => {
  it.each(['https://example.com/', 'mailto:a@example.nl', 'app://mission-dossier/index.html', ...HOSTILE_URLS])(
    'always denies a new window for %j',
    (url) => {
      expect(createWindowOpenHandler(vi.fn(async () => undefined))({ url })).toEqual({ action: 'deny' });
    },
  );

  it('hands safe links to the OS, normalised', () => {
    const openExternal = vi.fn(async () => undefined);
    const handler = createWindowOpenHandler(openExternal);
    handler({ url: 'HTTPS://Example.com/page' });
    handler({ url: 'mailto:a@example.nl' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/page'], ['mailto:a@example.nl']]);
  });

  it.each(HOSTILE_URLS)('never hands %j to the OS', (url) => {
    const openExternal = vi.fn(async () => undefined);
    createWindowOpenHandler(openExternal)({ url });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('logs instead of throwing when the OS cannot open a link', async () => {
    createWindowOpenHandler(() => Promise.reject(new Error('no browser')))({ url: 'https://example.com/' });
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('no browser')));
  });
});

describe('hardenWebContents', () => {
  function wire() {
    const contents = new (class extends EventEmitter {
      windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
      setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
        this.windowOpenHandler = handler;
      }
    })();
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(contents, { openExternal, devOrigin: null });
    return { contents, openExternal };
  }

  it('guards will-navigate and will-redirect', () => {
    const { contents } = wire();
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = navigation('https://evil.example/');
      contents.emit(name, event);
      expect(event.preventDefault, name).toHaveBeenCalledOnce();
    }
  });

  it('installs a window open handler that denies', () => {
    const { contents } = wire();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('prevents every webview from attaching', () => {
    const { contents } = wire();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

/** Every permission Electron 40 can ask about, plus one it may add later. */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'hid',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'openExternal',
  'pointerLock',
  'keyboardLock',
  'serial',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'usb',
  'window-management',
  'fileSystem',
  'unknown',
  'some-future-permission',
];
const DENIED = PERMISSIONS.filter((permission) => !ALLOWED_PERMISSIONS.has(permission));

describe('permission handlers', () => {
  function requestResult(handler: PermissionRequestHandler, permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    handler(null, permission, (answer) => (granted = answer), { requestingUrl });
    if (granted === undefined) throw new Error('the handler never answered');
    return granted;
  }

  it.each(DENIED)('denies the %s request, even to our own page', (permission) => {
    const handler = createPermissionRequestHandler(null);
    expect(requestResult(handler, permission, 'app://mission-dossier/index.html')).toBe(false);
  });

  it.each(DENIED)('denies the %s check, even to our own page', (permission) => {
    const check: PermissionCheckHandler = createPermissionCheckHandler(null);
    expect(check(null, permission, 'app://mission-dossier', {})).toBe(false);
  });

  it('allows only clipboard writing, and only to our own page', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
    const request = createPermissionRequestHandler(null);
    const check = createPermissionCheckHandler(null);
    expect(requestResult(request, 'clipboard-sanitized-write', 'app://mission-dossier/index.html')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://mission-dossier', {})).toBe(true);
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'data:text/html,x', 'app://evil/']) {
      expect(requestResult(request, 'clipboard-sanitized-write', url)).toBe(false);
      expect(check(null, 'clipboard-sanitized-write', url, {})).toBe(false);
    }
  });

  it('denies a request that does not say who is asking', () => {
    let granted: boolean | undefined;
    createPermissionRequestHandler(null)(null, 'clipboard-sanitized-write', (answer) => (granted = answer), {});
    expect(granted).toBe(false);
  });

  it('hardenSession installs request, check and device handlers that deny', () => {
    let request: PermissionRequestHandler | undefined;
    let check: PermissionCheckHandler | undefined;
    let device: ((details: unknown) => boolean) | undefined;
    hardenSession(
      {
        setPermissionRequestHandler: (handler) => (request = handler),
        setPermissionCheckHandler: (handler) => (check = handler),
        setDevicePermissionHandler: (handler) => (device = handler),
      },
      null,
    );
    if (request === undefined || check === undefined || device === undefined) throw new Error('handler missing');
    expect(requestResult(request, 'media', 'app://mission-dossier/index.html')).toBe(false);
    expect(check(null, 'geolocation', 'app://mission-dossier', {})).toBe(false);
    expect(device({ deviceType: 'usb', origin: 'app://mission-dossier' })).toBe(false);
  });
});
