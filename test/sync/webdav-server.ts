/**
 * A private Apache httpd with mod_dav on 127.0.0.1 for the WebDAV tests: its own config, pid,
 * logs and lock database in a temporary folder, basic auth from a generated htpasswd, and CORS
 * headers for the web build's origin (http://127.0.0.1:5180), as WEBDAV-FACTS.md describes.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const APACHE = process.env.APACHE_BIN ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
export const WEB_ORIGIN = 'http://127.0.0.1:5180';

export function apacheInstalled(): boolean {
  return existsSync(APACHE) && existsSync(join(MODULES, 'mod_dav_fs.so'));
}

export interface DavServer {
  /** The DAV root, e.g. http://127.0.0.1:41234/dav/ */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** The folder on disk behind the DAV root, to inspect what the server stores. */
  readonly folder: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function config(dir: string, port: number, asRoot: boolean): string {
  const modules = [
    'mpm_event',
    'authn_core',
    'authn_file',
    'auth_basic',
    'authz_core',
    'authz_user',
    'alias',
    'headers',
    'dav',
    'dav_fs',
  ];
  return [
    `ServerRoot "${dir}"`,
    `PidFile "${dir}/httpd.pid"`,
    `DefaultRuntimeDir "${dir}/run"`,
    `ErrorLog "${dir}/error.log"`,
    'LogLevel warn',
    `Listen 127.0.0.1:${port}`,
    'ServerName 127.0.0.1',
    ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    ...(asRoot ? ['User www-data', 'Group www-data'] : []),
    'StartServers 1',
    'ServerLimit 2',
    'ThreadsPerChild 10',
    'MaxRequestWorkers 20',
    'TraceEnable off',
    `DavLockDB "${dir}/lock/davlock"`,
    `Alias /dav "${dir}/dav"`,
    `<Directory "${dir}/dav">`,
    '  Dav On',
    '  AuthType Basic',
    '  AuthName "vault"',
    `  AuthUserFile "${dir}/htpasswd"`,
    // The CORS preflight carries no credentials, so it must pass without them.
    '  <RequireAny>',
    '    Require method OPTIONS',
    '    Require valid-user',
    '  </RequireAny>',
    `  Header always set Access-Control-Allow-Origin "${WEB_ORIGIN}"`,
    '  Header always set Access-Control-Allow-Methods "GET, PUT, PROPFIND, MKCOL, MOVE, DELETE, OPTIONS"',
    '  Header always set Access-Control-Allow-Headers "Authorization, Depth, Destination, Overwrite, Content-Type, If-None-Match, If-Match"',
    '  Header always set Access-Control-Expose-Headers "ETag"',
    '  Header always set Access-Control-Max-Age "600"',
    '</Directory>',
    '',
  ].join('\n');
}

async function waitForServer(url: string, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { method: 'OPTIONS' });
      await response.body?.cancel();
      return;
    } catch {
      // Not listening yet: try again shortly.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const log = await readFile(join(dir, 'error.log'), 'utf8').catch((error: unknown) => String(error));
  throw new Error(`apache did not start within 10 s:\n${log}`);
}

/** Starts a fresh server; call stop() afterwards (it also removes the temporary folder). */
export async function startDavServer(): Promise<DavServer> {
  const dir = await mkdtemp(join(tmpdir(), 'dav-'));
  const asRoot = process.getuid?.() === 0;
  for (const sub of ['run', 'lock', 'dav']) await mkdir(join(dir, sub));
  if (asRoot) {
    // The workers run as www-data and must write the files and the lock database.
    await chmod(dir, 0o755);
    const { stdout } = await run('id', ['-u', 'www-data']);
    const { stdout: gid } = await run('id', ['-g', 'www-data']);
    for (const sub of ['lock', 'dav']) await chown(join(dir, sub), Number(stdout.trim()), Number(gid.trim()));
  }
  const username = 'anna';
  const password = randomBytes(12).toString('base64url');
  const sha = createHash('sha1').update(password).digest('base64');
  await writeFile(join(dir, 'htpasswd'), `${username}:{SHA}${sha}\n`);
  const port = await freePort();
  const conf = join(dir, 'httpd.conf');
  await writeFile(conf, config(dir, port, asRoot));
  try {
    await run(APACHE, ['-f', conf, '-k', 'start']);
  } catch (error) {
    const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`apache did not start: ${String(error)}\n${log}`);
  }
  const url = `http://127.0.0.1:${port}/dav/`;
  await waitForServer(url, dir);
  return {
    url,
    username,
    password,
    folder: join(dir, 'dav'),
    async stop() {
      await run(APACHE, ['-f', conf, '-k', 'stop']).catch((error: unknown) => {
        console.warn(`apache stop: ${String(error)}`);
      });
      // -k stop returns before the workers are gone; wait for the pid file to disappear.
      const deadline = Date.now() + 5000;
      while (existsSync(join(dir, 'httpd.pid')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
