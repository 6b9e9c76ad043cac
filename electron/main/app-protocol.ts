/**
 * The privileged `app://mission-dossier/` scheme that serves the built renderer from out/renderer.
 * A custom scheme instead of file:// gives the page a real origin (so IPC senders, navigation and
 * CSP can be checked against it) and lets the file:// fuse stay off.
 */
import { extname, join, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../build/csp-plugin';
import { hasControlCharacter } from './control-characters';

export const APP_SCHEME = 'app';
export const APP_HOST = 'mission-dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard + secure make it behave like https (origin, storage, fetch). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestResolution =
  { kind: 'file'; filePath: string; mimeType: string } | { kind: 'rejected'; reason: string };

const reject = (reason: string): AppRequestResolution => ({ kind: 'rejected', reason });

/**
 * Maps an `app://mission-dossier/<path>` URL to a file inside `rendererRoot`, or rejects it.
 * Pure: touches no file system, so every hostile URL can be tried in a unit test.
 */
export function resolveAppRequest(rawUrl: string, rendererRoot: string): AppRequestResolution {
  // Backslashes and NUL bytes never occur in URLs our own renderer builds; Windows would read a
  // backslash as a separator, so refuse them before any parsing can reinterpret them.
  if (rawUrl.includes('\\') || hasControlCharacter(rawUrl))
    return reject('backslash or control character (NUL) in URL');

  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch (error) {
    return reject(`unparsable URL: ${String(error)}`);
  }
  if (url.protocol !== `${APP_SCHEME}:`) return reject('wrong scheme');
  if (url.host.toLowerCase() !== APP_HOST || url.username !== '' || url.password !== '') {
    return reject('wrong host');
  }

  // The URL parser silently folds `..` (also `%2e%2e`) into the path, which would hide an attack;
  // so the segments are checked as they were written, then decoded one by one.
  const rawPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/, 1)[0] ?? '';
  const rawSegments = rawPath.split('/').slice(1);
  const segments: string[] = [];
  for (const [index, rawSegment] of rawSegments.entries()) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch (error) {
      return reject(`malformed escape: ${String(error)}`);
    }
    const isLast = index === rawSegments.length - 1;
    if (segment === '' && isLast) continue; // a trailing slash
    if (segment === '') return reject('empty path segment (absolute path)');
    if (segment === '.' || segment === '..') return reject('dot segment (traversal)');
    if (/[/\\]/.test(segment) || hasControlCharacter(segment)) return reject('encoded separator or control character');
    // Vite never names a file with a colon; on Windows one means a drive or an alternate data stream.
    if (segment.includes(':')) return reject('colon (drive letter or alternate data stream)');
    segments.push(segment);
  }

  // Client-side routes (`/missions/42`) have no extension: the single-page app handles them.
  const last = segments.at(-1);
  const relative = last === undefined || extname(last) === '' ? ['index.html'] : segments;

  const root = resolve(rendererRoot);
  const filePath = resolve(join(root, ...relative));
  // Belt and braces: whatever slipped through above, never serve outside the renderer folder.
  if (!filePath.startsWith(root + sep)) return reject('outside renderer root');
  return { kind: 'file', filePath, mimeType: mimeTypeOf(filePath) };
}

/** Headers on every response, including errors, so no app:// document ever lacks the CSP. */
export function securityHeaders(mimeType: string): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolDeps {
  rendererRoot: string;
  /** Reads a whole file; rejects with a Node-style `code` of ENOENT/EISDIR when it is missing. */
  readFile: (filePath: string) => Promise<Uint8Array>;
  /** Where problems are reported; the page only sees a status code. */
  log?: (message: string) => void;
}

function isMissingFileError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The request handler given to `protocol.handle`; plain Fetch API in and out, so Node can test it. */
export function createAppRequestHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const log = deps.log ?? ((message: string) => console.warn(message));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const resolution = resolveAppRequest(request.url, deps.rendererRoot);
    if (resolution.kind === 'rejected') {
      log(`app:// request refused (${resolution.reason}): ${request.url}`);
      return textResponse(400, 'Bad Request');
    }
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolution.filePath);
    } catch (error) {
      if (isMissingFileError(error)) return textResponse(404, 'Not Found');
      log(`app:// read failed for ${resolution.filePath}: ${String(error)}`);
      return textResponse(500, 'Internal Server Error');
    }
    const headers = securityHeaders(resolution.mimeType);
    // Response wants an ArrayBuffer-backed view; copying also detaches us from Node's Buffer pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Installs the handler on the default session's protocol; call after `app.whenReady()`. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, deps: AppProtocolDeps): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(deps));
}
