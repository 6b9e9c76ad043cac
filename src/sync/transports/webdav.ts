/**
 * A vault on a WebDAV server (Nextcloud, Apache mod_dav) over fetch: PROPFIND Depth 1, GET,
 * PUT to a temporary name and MOVE with `Overwrite: F`. Relies on nothing that real servers
 * handle differently (conditional PUT, ETags): see shared/design/WEBDAV-FACTS.md.
 */
import { AppError } from '../../domain/errors';
import { parsePropfind } from './propfind';
import { assertVaultPath, isTempName, tempNameFor, type VaultTransport, type WriteOutcome } from '../transport';

export interface WebDavOptions {
  /** The vault's folder on the server, e.g. https://cloud.example.nl/remote.php/dav/files/anna/vault/ */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly fetch?: typeof fetch;
}

function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** Status codes differ per server for the same failure, so they are classified broadly. */
function httpError(status: number, what: string): AppError {
  if (status === 401 || status === 403) return new AppError('errors.vaultAuth', `${what}: HTTP ${status}`);
  if (status >= 500 && status !== 507) return new AppError('errors.vaultUnreachable', `${what}: HTTP ${status}`);
  return new AppError('errors.vaultWrite', `${what}: HTTP ${status}`);
}

export class WebDavTransport implements VaultTransport {
  private readonly base: URL;
  private readonly auth: string;
  private readonly fetcher: typeof fetch;

  constructor(options: WebDavOptions) {
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.auth = basicAuth(options.username, options.password);
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  private url(path: string, folder = false): URL {
    assertVaultPath(path);
    const encoded = path === '' ? '' : path.split('/').map(encodeURIComponent).join('/');
    return new URL(folder && encoded !== '' ? `${encoded}/` : encoded, this.base);
  }

  private async request(method: string, url: URL, init: RequestInit = {}): Promise<Response> {
    try {
      return await this.fetcher(url, {
        ...init,
        method,
        cache: 'no-store',
        credentials: 'omit',
        headers: { Authorization: this.auth, ...(init.headers as Record<string, string> | undefined) },
      });
    } catch (error) {
      throw new AppError('errors.vaultUnreachable', `${method} ${url.pathname}: ${String(error)}`);
    }
  }

  async ensureFolder(folder: string): Promise<void> {
    const response = await this.request('MKCOL', this.url(folder, true));
    await response.body?.cancel();
    // 201 made it; 405 (Apache) or 301 means it is already there.
    if (response.ok || response.status === 405 || response.status === 301) return;
    throw httpError(response.status, `MKCOL ${folder}`);
  }

  async list(folder: string): Promise<string[]> {
    const url = this.url(folder, true);
    const response = await this.request('PROPFIND', url, {
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>',
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return [];
    }
    if (response.status !== 207) {
      await response.body?.cancel();
      throw httpError(response.status, `PROPFIND ${folder}`);
    }
    const entries = parsePropfind(await response.text());
    const prefix = decodeURIComponent(url.pathname);
    const names: string[] = [];
    for (const entry of entries) {
      if (entry.collection) continue;
      const path = decodeURIComponent(new URL(entry.href, url).pathname);
      if (!path.startsWith(prefix)) continue;
      const name = path.slice(prefix.length);
      if (name !== '' && !name.includes('/') && !isTempName(name)) names.push(name);
    }
    return names;
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const response = await this.request('GET', this.url(path));
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw httpError(response.status, `GET ${path}`);
    }
    try {
      return new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      // A dropped connection mid-body: treat as not there yet; the next sync retries.
      console.warn(`vault read of ${path} broke off: ${String(error)}`);
      return undefined;
    }
  }

  async writeNew(path: string, bytes: Uint8Array<ArrayBuffer>): Promise<WriteOutcome> {
    const temp = tempNameFor(path);
    const response = await this.request('PUT', this.url(temp), {
      headers: { 'Content-Type': 'application/octet-stream' },
      body: bytes,
    });
    await response.body?.cancel();
    if (!response.ok) throw httpError(response.status, `PUT ${path}`);
    const outcome = await this.rename(temp, path);
    if (outcome === 'exists') {
      // The name is taken: the temporary upload is ours to clean up.
      const cleanup = await this.request('DELETE', this.url(temp));
      await cleanup.body?.cancel();
    }
    return outcome;
  }

  async rename(from: string, to: string): Promise<WriteOutcome> {
    const response = await this.request('MOVE', this.url(from), {
      headers: { Destination: this.url(to).href, Overwrite: 'F' },
    });
    await response.body?.cancel();
    if (response.ok) return 'written';
    if (response.status === 412) return 'exists';
    throw httpError(response.status, `MOVE ${from}`);
  }
}
