import { join, resolve, sep } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../build/csp-plugin';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  mimeTypeOf,
  registerAppProtocol,
  resolveAppRequest,
} from '../../../electron/main/app-protocol';

const ROOT = resolve('/srv/mission-dossier/out/renderer');
const inRoot = (...parts: string[]) => join(ROOT, ...parts);

describe('resolveAppRequest', () => {
  it.each([
    ['app://mission-dossier/index.html', inRoot('index.html')],
    ['app://mission-dossier/', inRoot('index.html')],
    ['app://mission-dossier', inRoot('index.html')],
    ['app://mission-dossier/assets/index-abc123.js', inRoot('assets', 'index-abc123.js')],
    ['app://mission-dossier/assets/index.css?v=2#top', inRoot('assets', 'index.css')],
    ['app://mission-dossier/fonts/Noto%20Sans.woff2', inRoot('fonts', 'Noto Sans.woff2')],
    ['app://MISSION-DOSSIER/index.html', inRoot('index.html')],
  ])('serves %s from the renderer folder', (url, filePath) => {
    expect(resolveAppRequest(url, ROOT)).toMatchObject({ kind: 'file', filePath });
  });

  it.each([
    'app://mission-dossier/missions',
    'app://mission-dossier/missions/42/agenda',
    'app://mission-dossier/missions/42/',
  ])('falls back to index.html for the client-side route %s', (url) => {
    expect(resolveAppRequest(url, ROOT)).toEqual({
      kind: 'file',
      filePath: inRoot('index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
  });

  it.each([
    ['dot-dot traversal', 'app://mission-dossier/../../etc/passwd', 'dot segment'],
    ['dot-dot in the middle', 'app://mission-dossier/assets/../../../etc/passwd', 'dot segment'],
    ['encoded dot-dot', 'app://mission-dossier/%2e%2e/%2e%2e/etc/passwd', 'dot segment'],
    ['mixed-case encoded dot-dot', 'app://mission-dossier/assets/%2E%2e/x.js', 'dot segment'],
    ['half-encoded dot-dot', 'app://mission-dossier/.%2e/x.js', 'dot segment'],
    ['single dot segment', 'app://mission-dossier/./index.html', 'dot segment'],
    ['encoded slash', 'app://mission-dossier/assets%2f..%2f..%2fsecret.txt', 'encoded separator'],
    ['encoded backslash', 'app://mission-dossier/assets%5c..%5c..%5csecret.txt', 'encoded separator'],
    ['raw backslash', 'app://mission-dossier/assets\\..\\..\\secret.txt', 'backslash'],
    ['encoded null byte', 'app://mission-dossier/index.html%00.png', 'control character'],
    ['raw null byte', 'app://mission-dossier/index.html\u0000.png', 'NUL'],
    ['absolute path via empty segment', 'app://mission-dossier//etc/passwd', 'absolute path'],
    ['Windows drive letter', 'app://mission-dossier/C:/Windows/win.ini', 'drive letter'],
    ['encoded drive letter', 'app://mission-dossier/C%3A/Windows/win.ini', 'drive letter'],
    ['alternate data stream', 'app://mission-dossier/index.html::$DATA', 'data stream'],
    ['malformed escape', 'app://mission-dossier/%E0%A4%A.js', 'malformed escape'],
    ['other host', 'app://evil.example/index.html', 'wrong host'],
    ['no host', 'app:///etc/passwd', 'wrong host'],
    ['credentials', 'app://user:pw@mission-dossier/index.html', 'wrong host'],
    ['port', 'app://mission-dossier:8080/index.html', 'wrong host'],
    ['file scheme', 'file:///etc/passwd', 'wrong scheme'],
    ['https scheme', 'https://mission-dossier/index.html', 'wrong scheme'],
    ['not a URL', 'mission-dossier/index.html', 'unparsable'],
  ])('rejects %s', (_label, url, reason) => {
    const result = resolveAppRequest(url, ROOT);
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') expect(result.reason).toContain(reason);
  });

  it('never resolves outside the renderer root', () => {
    const hostile = ['..', '%2e%2e', '.%2e', '%2e.', 'a/../..', 'a/%2e%2e/%2e%2e/b.js'];
    for (const path of hostile) {
      const result = resolveAppRequest(`app://mission-dossier/${path}`, ROOT);
      if (result.kind === 'file') expect(result.filePath.startsWith(ROOT + sep)).toBe(true);
    }
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.CSS', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a.wasm', 'application/wasm'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s is %s', (file, type) => expect(mimeTypeOf(file)).toBe(type));
});

describe('the app:// request handler', () => {
  const files = new Map<string, string>([
    [inRoot('index.html'), '<!doctype html><title>Mission Dossier</title>'],
    [inRoot('assets', 'app.js'), 'console.log(1)'],
  ]);
  const readFile = vi.fn(async (filePath: string) => {
    const text = files.get(filePath);
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' });
    return new TextEncoder().encode(text);
  });
  const log = vi.fn();
  const handle = createAppRequestHandler({ rendererRoot: ROOT, readFile, log });

  it('serves files with their MIME type and the Content-Security-Policy', async () => {
    const response = await handle(new Request('app://mission-dossier/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for the entry URL and for client-side routes', async () => {
    for (const url of [APP_ENTRY_URL, 'app://mission-dossier/missions/7']) {
      const response = await handle(new Request(url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('Mission Dossier');
    }
  });

  it('answers 404 for a missing asset, still with the CSP', async () => {
    const response = await handle(new Request('app://mission-dossier/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 400 without reading anything for traversal that survives URL normalisation', async () => {
    readFile.mockClear();
    for (const url of [
      'app://mission-dossier/assets%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://mission-dossier/assets%5c..%5c..%5cwin.ini',
      'app://mission-dossier/index.html%00.js',
      'app://other-host/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(400);
    }
    expect(readFile).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 500 and logs when the disk fails for another reason', async () => {
    const failing = createAppRequestHandler({
      rendererRoot: ROOT,
      readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })),
      log,
    });
    const response = await failing(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(500);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EIO'));
  });
});

describe('registration', () => {
  it('registers the app scheme as standard, secure and fetch-capable', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('installs one handler for the app scheme', () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, { rendererRoot: ROOT, readFile: vi.fn() });
    expect(handle).toHaveBeenCalledOnce();
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
