/**
 * Window hardening in one place: which URLs count as the app, which may leave for the browser,
 * and the guards that block navigation, new windows, webviews and permissions. Every side effect
 * (opening a browser, the session, the web contents) comes in as a parameter so the guards are
 * unit-tested against hostile input without Electron.
 */
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { hasControlCharacter } from './control-characters';

/**
 * The origin of the electron-vite dev server, trusted only when the app is not packaged and the
 * server is on this machine: a packaged build must never be talked into loading a page from
 * elsewhere by an environment variable.
 */
export function devServerOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || rendererUrl === undefined || rendererUrl === '') return null;
  let url: URL;
  try {
    url = new URL(rendererUrl);
  } catch (error) {
    console.warn(`Ignoring ELECTRON_RENDERER_URL that is not a URL: ${String(error)}`);
    return null;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!loopback || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    console.warn(`Ignoring ELECTRON_RENDERER_URL that is not a loopback http(s) URL: ${rendererUrl}`);
    return null;
  }
  return url.origin;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    // Not a URL at all (e.g. a UNC path `\\host\share`): it is simply not ours and not safe.
    return null;
  }
}

/** True for URLs of our own renderer: `app://mission-dossier/...`, or the dev server in dev. */
export function isAppUrl(value: string, devOrigin: string | null = null): boolean {
  if (value.includes('\\') || hasControlCharacter(value)) return false;
  const url = parseUrl(value);
  if (url === null) return false;
  if (url.protocol === `${APP_SCHEME}:`) {
    // `app:` is not a scheme Node knows, so its origin is opaque: compare the parts instead.
    return url.host.toLowerCase() === APP_HOST && url.username === '' && url.password === '';
  }
  return devOrigin !== null && url.origin === devOrigin;
}

/** The one rule for IPC: only frames showing our own renderer may call main. */
export function isTrustedSender(frameUrl: string | null | undefined, devOrigin: string | null = null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, devOrigin);
}

/**
 * The normalised form of a link that may be handed to the operating system, or null.
 * Only https (web pages) and mailto (e-mail a contact); never file:, javascript:, data:, custom
 * app schemes or anything with credentials, backslashes or control characters in it, because the
 * OS handler would run or open whatever such a URL points to.
 */
export function safeExternalUrl(value: string): string | null {
  if (value.length > 4096 || /[\\\s]/.test(value) || hasControlCharacter(value)) return null;
  const url = parseUrl(value);
  if (url === null) return null;
  if (url.protocol === 'mailto:') return safeMailto(url);
  if (url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * A `mailto:` carries only the address, a subject and a body: `cc`, `bcc`, `attach` and other
 * headers some mail programs honour (attaching local files!) are dropped.
 */
function safeMailto(url: URL): string | null {
  const address = decodeURIComponent(url.pathname);
  if (!/^[^@\s,;<>"]+@[^@\s,;<>"]+$/.test(address)) return null;
  const kept = new URLSearchParams();
  for (const key of ['subject', 'body']) {
    const value = url.searchParams.get(key);
    if (value !== null) kept.set(key, value);
  }
  const query = kept.toString().replace(/\+/g, '%20');
  return `mailto:${encodeURIComponent(address).replace('%40', '@')}${query ? `?${query}` : ''}`;
}

export function isSafeExternalUrl(value: string): boolean {
  return safeExternalUrl(value) !== null;
}

/** Opens a link in the user's browser or mail program; errors are logged, never thrown at Electron. */
export type OpenExternal = (url: string) => Promise<void>;

function openOutside(url: string, openExternal: OpenExternal): void {
  const safe = safeExternalUrl(url);
  if (safe === null) {
    console.warn(`Blocked link to ${url}`);
    return;
  }
  openExternal(safe).catch((error: unknown) => console.warn(`Could not open ${safe}: ${String(error)}`));
}

export interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/**
 * `will-navigate` / `will-redirect`: the window stays on our renderer; a safe web link that the
 * user clicked opens in their browser instead.
 */
export function createNavigationGuard(
  openExternal: OpenExternal,
  devOrigin: string | null,
): (event: NavigationEvent) => void {
  return (event) => {
    if (isAppUrl(event.url, devOrigin)) return;
    event.preventDefault();
    openOutside(event.url, openExternal);
  };
}

/** `setWindowOpenHandler`: never a second Electron window; safe links go to the browser. */
export function createWindowOpenHandler(openExternal: OpenExternal): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    openOutside(url, openExternal);
    return { action: 'deny' };
  };
}

/** The minimal surface of `WebContents` the guards need; the real one fits it. */
export interface GuardedWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Applied to every web contents the app creates (see `web-contents-created` in index.ts). */
export function hardenWebContents(
  contents: GuardedWebContents,
  deps: { openExternal: OpenExternal; devOrigin: string | null },
): void {
  const guard = createNavigationGuard(deps.openExternal, deps.devOrigin);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(createWindowOpenHandler(deps.openExternal));
  // webviewTag is already false; this also stops a webview that some future option lets in.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Permissions the app's own page may use. Only writing to the clipboard (the "copy" buttons):
 * camera, microphone, location, notifications, HID/USB/serial, screen capture and the rest are
 * never needed by a dossier editor.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

function permissionAllowed(permission: string, url: string | undefined, devOrigin: string | null): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && url !== undefined && isAppUrl(url, devOrigin);
}

export type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;

export type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;

export function createPermissionRequestHandler(devOrigin: string | null): PermissionRequestHandler {
  return (_webContents, permission, callback, details) => {
    const granted = permissionAllowed(permission, details.requestingUrl, devOrigin);
    if (!granted) console.warn(`Denied permission request "${permission}" from ${details.requestingUrl ?? 'unknown'}`);
    callback(granted);
  };
}

export function createPermissionCheckHandler(devOrigin: string | null): PermissionCheckHandler {
  return (_webContents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, devOrigin);
}

/** The minimal surface of `Session` for permissions; the real one fits it. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: PermissionCheckHandler): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/** Deny by default: Electron's own default is to grant every permission. */
export function hardenSession(session: PermissionSession, devOrigin: string | null): void {
  session.setPermissionRequestHandler(createPermissionRequestHandler(devOrigin));
  session.setPermissionCheckHandler(createPermissionCheckHandler(devOrigin));
  session.setDevicePermissionHandler(() => false);
}
