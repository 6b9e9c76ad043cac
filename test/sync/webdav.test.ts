import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebDavTransport } from '../../src/sync/transports/webdav';
import { transportContract } from './transport-contract';
import { apacheInstalled, startDavServer, WEB_ORIGIN, type DavServer } from './webdav-server';

if (!apacheInstalled()) {
  console.warn('SKIPPED: the WebDAV tests need Apache httpd with mod_dav (apt-get install apache2)');
}

describe.skipIf(!apacheInstalled())('WebDAV transport against Apache mod_dav', () => {
  let server: DavServer;
  let folderCount = 0;
  beforeAll(async () => {
    server = await startDavServer();
  }, 20_000);
  afterAll(async () => {
    await server?.stop();
  });

  /** Each test gets its own vault folder on the server. */
  async function freshVault(): Promise<WebDavTransport> {
    const root = new WebDavTransport({ url: server.url, username: server.username, password: server.password });
    const name = `vault-${++folderCount}`;
    await root.ensureFolder(name);
    return new WebDavTransport({ url: `${server.url}${name}`, username: server.username, password: server.password });
  }

  transportContract(freshVault);

  it('a wrong password is a refused login', async () => {
    const t = new WebDavTransport({ url: server.url, username: server.username, password: 'wrong' });
    await expect(t.list('')).rejects.toMatchObject({ key: 'errors.vaultAuth' });
  });

  it('answers the browser preflight without credentials, for the web build origin', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: {
        Origin: WEB_ORIGIN,
        'Access-Control-Request-Method': 'PROPFIND',
        'Access-Control-Request-Headers': 'authorization, depth',
      },
    });
    expect(response.ok).toBe(true);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB_ORIGIN);
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(response.headers.get('access-control-allow-methods')).toContain('MOVE');
  });
});
