/**
 * The app talks to no host but the vault: the session's request policy (on a fake session that
 * records the listener) and the spellchecker setting that keeps dictionaries from being downloaded.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  installRequestPolicy,
  isRequestAllowed,
  vaultOriginOf,
  type PolicySession,
  type RequestPolicy,
} from '../../../electron/main/request-policy';
import { NO_DICTIONARIES_URL, configureSpellchecker } from '../../../electron/main/spellcheck';

const VAULT = 'https://cloud.example.nl/remote.php/dav/files/anna/vault/';
const packaged = (vaultOrigins: string[] = []): RequestPolicy => ({
  isPackaged: true,
  devOrigin: null,
  vaultOrigins: new Set(vaultOrigins),
});

describe('isRequestAllowed', () => {
  it.each([
    'app://mission-dossier/index.html',
    'app://mission-dossier/assets/index-3f2a.js',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://mission-dossier/6c9f3a52-1111-4c1e-9c0e-0123456789ab',
  ])('lets the app itself through: %s', (url) => {
    expect(isRequestAllowed(url, packaged())).toBe(true);
  });

  it.each([
    ["Google's dictionary CDN", 'https://redirector.gvt1.com/edgedl/chrome/dict/nl-nl-3-0.bdic'],
    ['a font CDN', 'https://fonts.googleapis.com/css2?family=Inter'],
    ['plain http', 'http://example.com/'],
    ['a websocket', 'wss://example.com/socket'],
    ['a local file', 'file:///etc/passwd'],
    ['another app host', 'app://evil/index.html'],
    ['a blob of another origin', 'blob:https://evil.example/6c9f3a52-1111-4c1e-9c0e-0123456789ab'],
    ['devtools in a packaged app', 'devtools://devtools/bundled/inspector.html'],
    ['the dev server in a packaged app', 'http://localhost:5173/'],
    ['an ftp address', 'ftp://files.example.nl/'],
    ['not an address', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isRequestAllowed(url, packaged())).toBe(false);
  });

  it('allows the configured vault origin, any path on it, and nothing on other hosts or ports', () => {
    const policy = packaged([vaultOriginOf(VAULT) ?? '']);
    expect(isRequestAllowed(VAULT, policy)).toBe(true);
    expect(isRequestAllowed('https://cloud.example.nl/remote.php/dav/files/anna/vault/changes/', policy)).toBe(true);
    expect(isRequestAllowed('https://cloud.example.nl:8443/remote.php/dav/', policy)).toBe(false);
    expect(isRequestAllowed('http://cloud.example.nl/remote.php/dav/', policy)).toBe(false);
    expect(isRequestAllowed('https://evil.example.nl/', policy)).toBe(false);
    expect(isRequestAllowed('https://cloud.example.nl.evil.example/', policy)).toBe(false);
  });

  it('during development: the loopback dev server, its hot-reload socket and devtools', () => {
    const dev: RequestPolicy = { isPackaged: false, devOrigin: 'http://localhost:5173', vaultOrigins: new Set() };
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:9999/', dev)).toBe(false);
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isRequestAllowed('https://example.com/', dev)).toBe(false);
  });
});

describe('vaultOriginOf', () => {
  it('https anywhere, plain http only on this machine, nothing else', () => {
    expect(vaultOriginOf(VAULT)).toBe('https://cloud.example.nl');
    expect(vaultOriginOf('http://127.0.0.1:8080/dav/')).toBe('http://127.0.0.1:8080');
    expect(vaultOriginOf('http://cloud.example.nl/dav/')).toBeNull();
    expect(vaultOriginOf('file:///mnt/share/')).toBeNull();
    expect(vaultOriginOf('no address')).toBeNull();
  });
});

describe('installRequestPolicy', () => {
  function fakeSession() {
    let listener: Parameters<PolicySession['webRequest']['onBeforeRequest']>[0] | undefined;
    const session: PolicySession = {
      webRequest: {
        onBeforeRequest(l) {
          listener = l;
        },
      },
    };
    const request = (url: string) => {
      if (!listener) throw new Error('no listener installed');
      let answer: { cancel: boolean } | undefined;
      listener({ url }, (response) => {
        answer = response;
      });
      return answer;
    };
    return { session, request };
  }

  it("follows the vaults as they change: a removed vault's origin is refused from then on", () => {
    const { session, request } = fakeSession();
    let origins = new Set<string>();
    const log = vi.fn();
    installRequestPolicy(session, () => ({ isPackaged: true, devOrigin: null, vaultOrigins: origins }), log);

    expect(request(`${VAULT}vault.json`)).toEqual({ cancel: true });
    origins = new Set([vaultOriginOf(VAULT) ?? '']);
    expect(request(`${VAULT}vault.json`)).toEqual({ cancel: false });
    expect(request('app://mission-dossier/index.html')).toEqual({ cancel: false });
    origins = new Set();
    expect(request(`${VAULT}vault.json`)).toEqual({ cancel: true });
  });

  it('logs a refused address without its query string (it could carry data)', () => {
    const { session, request } = fakeSession();
    const log = vi.fn();
    installRequestPolicy(session, () => packaged(), log);
    expect(request('https://tracker.example/p?name=Anna%20de%20Vries#x')).toEqual({ cancel: true });
    expect(log).toHaveBeenCalledWith('Refused request to https://tracker.example/p');
  });
});

describe('spellchecker', () => {
  function fakeSession() {
    return { setSpellCheckerEnabled: vi.fn(), setSpellCheckerDictionaryDownloadURL: vi.fn() };
  }

  it.each(['win32', 'linux'] as const)('on %s it is off (Hunspell dictionaries would come from a CDN)', (platform) => {
    const session = fakeSession();
    expect(configureSpellchecker(session, platform)).toBe('off');
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.setSpellCheckerEnabled).not.toHaveBeenCalledWith(true);
  });

  it('on macOS the system spellchecker stays on (it downloads nothing)', () => {
    const session = fakeSession();
    expect(configureSpellchecker(session, 'darwin')).toBe('system');
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(true);
  });

  it("the download address points at the app's own scheme everywhere, which the request policy allows but serves no dictionary", () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const session = fakeSession();
      configureSpellchecker(session, platform);
      expect(session.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(NO_DICTIONARIES_URL);
    }
    expect(NO_DICTIONARIES_URL).toMatch(/^app:\/\/mission-dossier\/.+\/$/);
  });
});
