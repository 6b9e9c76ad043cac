/**
 * IPC `vault*` in main, through the same gates the app registers (sender, request schema, response
 * schema): a folder vault picked by main's own dialog on a real temporary folder, WebDAV on a fake
 * server, unknown ids, paths outside the layout refused before the handler runs, and driver errors
 * crossing as their `errors.vault*` key only (no path, no password).
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppInfoHandler } from '../../../electron/main/ipc/app-info';
import { registerIpcHandlers, type InvokeEvent, type InvokeListener } from '../../../electron/main/ipc/register';
import { createVaultHandlers, type VaultHandlerDeps } from '../../../electron/main/ipc/vault';
import { isTrustedSender } from '../../../electron/main/security';
import { openDriver, vaultFetch } from '../../../electron/main/vault/drivers';
import type { SecretStore } from '../../../electron/main/vault/secret-store';
import type { VaultSpec } from '../../../electron/main/vault/types';
import { AppError } from '../../../src/domain/errors';
import { channelOf, type IpcMethod } from '../../../src/shared/ipc-channels';

const TRUSTED: InvokeEvent = { senderFrame: { url: 'app://mission-dossier/index.html' } };
const CHANGE = 'changes/00112233aabbccdd-0000000001-0123456789abcdef.mdc';
const OTHER_CHANGE = 'changes/00112233aabbccdd-0000000002-fedcba9876543210.mdc';
const PASSWORD = 'app-wachtwoord-Geheim-42';

let root: string;
let parent: string;
const log = vi.fn<(message: string) => void>();

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'md-ipc-vault-'));
  root = join(parent, 'team-vault');
  await mkdir(root);
  log.mockClear();
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

function memorySecrets(): SecretStore & { saved: Map<string, VaultSpec> } {
  const saved = new Map<string, VaultSpec>();
  return {
    saved,
    remember: async (id, spec) => {
      saved.set(id, spec);
      return 'remembered';
    },
    restore: async (id) => saved.get(id),
    forget: async (id) => {
      saved.delete(id);
    },
  };
}

/** The vault handlers as main registers them, with the other methods refusing (not under test). */
function setUp(overrides: Partial<VaultHandlerDeps> = {}) {
  const deps: VaultHandlerDeps = {
    pickFolder: vi.fn(async () => root),
    openDriver: (spec) => openDriver(spec),
    secrets: memorySecrets(),
    ...overrides,
  };
  const vault = createVaultHandlers(deps);
  const spied = {
    vaultConnect: vi.fn(vault.vaultConnect),
    vaultList: vi.fn(vault.vaultList),
    vaultRead: vi.fn(vault.vaultRead),
    vaultWriteNew: vi.fn(vault.vaultWriteNew),
    vaultRename: vi.fn(vault.vaultRename),
    vaultEnsureFolder: vi.fn(vault.vaultEnsureFolder),
    vaultForget: vi.fn(vault.vaultForget),
    vaultRemember: vi.fn(vault.vaultRemember),
    vaultRestore: vi.fn(vault.vaultRestore),
  };
  const unused = () => Promise.reject(new Error('not under test'));
  const registered = new Map<string, InvokeListener>();
  registerIpcHandlers(
    { handle: (channel, listener) => registered.set(channel, listener) },
    {
      appInfo: createAppInfoHandler({
        app: { getName: () => 'x', getVersion: () => '0', getPath: () => '/' },
        platform: 'linux',
      }),
      saveFile: unused,
      openFile: unused,
      pickFolder: unused,
      ...spied,
    },
    { isTrustedSender: (url) => isTrustedSender(url, null), log },
  );
  const call = (method: IpcMethod, argument?: unknown) => {
    const listener = registered.get(channelOf(method));
    if (!listener) throw new Error(`no ${method}`);
    return listener(TRUSTED, argument);
  };
  return { call, spied, deps, connected: vault.connected };
}

async function connectFolder(call: ReturnType<typeof setUp>['call']): Promise<string> {
  const result = (await call('vaultConnect', { kind: 'folder' })) as { status: string; vaultId: string };
  expect(result.status).toBe('connected');
  return result.vaultId;
}

describe('vaultConnect', () => {
  it('a folder: main shows its own picker and answers an opaque id and the folder name, never the path', async () => {
    const onVaultsChanged = vi.fn();
    const { call, deps } = setUp({ onVaultsChanged });
    const result = await call('vaultConnect', { kind: 'folder' });
    expect(result).toEqual({
      status: 'connected',
      vaultId: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'team-vault',
    });
    expect(JSON.stringify(result)).not.toContain(parent);
    expect(deps.pickFolder).toHaveBeenCalledTimes(1);
    expect(onVaultsChanged).toHaveBeenLastCalledWith([{ kind: 'folder', path: root }]);
  });

  it('a cancelled picker connects nothing', async () => {
    const onVaultsChanged = vi.fn();
    const { call, connected } = setUp({ pickFolder: async () => null, onVaultsChanged });
    await expect(call('vaultConnect', { kind: 'folder' })).resolves.toEqual({ status: 'cancelled' });
    expect(connected()).toEqual([]);
    expect(onVaultsChanged).not.toHaveBeenCalled();
  });

  it('the page cannot name a folder itself', async () => {
    const { call, spied } = setUp();
    await expect(call('vaultConnect', { kind: 'folder', path: '/etc' })).rejects.toThrow('errors.invalidInput');
    expect(spied.vaultConnect).not.toHaveBeenCalled();
  });

  it('WebDAV: the answer holds the server host only; the password stays in main', async () => {
    const { call, connected } = setUp();
    const result = await call('vaultConnect', {
      kind: 'webdav',
      url: 'https://cloud.example.nl/remote.php/dav/files/anna/vault/',
      username: 'anna',
      password: PASSWORD,
    });
    expect(result).toMatchObject({ status: 'connected', name: 'cloud.example.nl' });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
    expect(JSON.stringify(result)).not.toContain('anna');
    expect(connected()).toEqual([expect.objectContaining({ kind: 'webdav', password: PASSWORD })]);
  });

  it.each([
    ['plain http to another host', 'http://cloud.example.nl/dav/'],
    ['credentials in the address', 'https://anna:pw@cloud.example.nl/dav/'],
    ['a file: address', 'file:///etc/'],
    ['not an address', 'cloud.example.nl'],
  ])('WebDAV refuses %s before the handler runs', async (_label, url) => {
    const { call, spied } = setUp();
    await expect(call('vaultConnect', { kind: 'webdav', url, username: 'anna', password: PASSWORD })).rejects.toThrow(
      'errors.invalidInput',
    );
    expect(spied.vaultConnect).not.toHaveBeenCalled();
  });
});

describe('a connected folder vault', () => {
  it('list, read, write-new and rename act on the picked folder, with "exists" for a taken name', async () => {
    const { call } = setUp();
    const vaultId = await connectFolder(call);
    await call('vaultEnsureFolder', { vaultId, folder: 'changes' });
    await expect(call('vaultList', { vaultId, folder: 'changes' })).resolves.toEqual([]);
    await expect(call('vaultRead', { vaultId, path: CHANGE })).resolves.toBeUndefined();

    const bytes = new Uint8Array([1, 2, 3, 250]);
    await expect(call('vaultWriteNew', { vaultId, path: CHANGE, bytes })).resolves.toBe('written');
    await expect(call('vaultWriteNew', { vaultId, path: CHANGE, bytes: new Uint8Array([9]) })).resolves.toBe('exists');
    await expect(call('vaultRead', { vaultId, path: CHANGE })).resolves.toEqual(bytes);
    await expect(call('vaultList', { vaultId, folder: 'changes' })).resolves.toEqual([CHANGE.slice(8)]);
    // Nothing else landed in the folder: no temporary file left behind by the refused write.
    expect(await readdir(join(root, 'changes'))).toEqual([CHANGE.slice(8)]);

    await writeFile(join(root, `${OTHER_CHANGE}.0123456789ab.tmp`), 'x');
    await expect(call('vaultRename', { vaultId, from: `${OTHER_CHANGE}.0123456789ab.tmp`, to: CHANGE })).resolves.toBe(
      'exists',
    );
    await expect(
      call('vaultRename', { vaultId, from: `${OTHER_CHANGE}.0123456789ab.tmp`, to: OTHER_CHANGE }),
    ).resolves.toBe('written');
    expect((await call('vaultList', { vaultId, folder: 'changes' })) as string[]).toHaveLength(2);
  });

  it.each([
    ['a parent folder', '../secret.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['a file outside the layout', 'changes/notes.txt'],
    ['a change name with a folder trick', 'changes/../../x-0000000001-0123456789abcdef.mdc'],
    ['a backslash', 'changes\\00112233aabbccdd-0000000001-0123456789abcdef.mdc'],
  ])('refuses %s before the handler runs', async (_label, path) => {
    const { call, spied } = setUp();
    const vaultId = await connectFolder(call);
    await expect(call('vaultRead', { vaultId, path })).rejects.toThrow('errors.invalidInput');
    await expect(call('vaultWriteNew', { vaultId, path, bytes: new Uint8Array([1]) })).rejects.toThrow(
      'errors.invalidInput',
    );
    await expect(call('vaultRename', { vaultId, from: path, to: CHANGE })).rejects.toThrow('errors.invalidInput');
    await expect(call('vaultList', { vaultId, folder: path })).rejects.toThrow('errors.invalidInput');
    expect(spied.vaultRead).not.toHaveBeenCalled();
    expect(spied.vaultWriteNew).not.toHaveBeenCalled();
    expect(spied.vaultRename).not.toHaveBeenCalled();
    expect(spied.vaultList).not.toHaveBeenCalled();
    expect(await readdir(parent)).toEqual(['team-vault']);
  });

  it('an unknown vault id (from before a restart, or made up) is unreachable', async () => {
    const { call } = setUp();
    await connectFolder(call);
    const unknown = 'ffffffffffffffffffffffffffffffff';
    await expect(call('vaultList', { vaultId: unknown, folder: 'changes' })).rejects.toThrow('errors.vaultUnreachable');
    await expect(call('vaultRemember', { vaultId: unknown })).rejects.toThrow('errors.vaultUnreachable');
    await expect(call('vaultRead', { vaultId: 'not-an-id', path: CHANGE })).rejects.toThrow('errors.invalidInput');
  });

  it("a folder that refuses writes crosses as errors.vaultWrite, with the path only in main's log", async () => {
    // The folder driver's own failure, as Node reports a read-only share (running as root here,
    // so a chmod would not refuse anything): the message names the absolute path and errno.
    const { call } = setUp({
      openDriver: (spec) => ({
        ...openDriver(spec),
        writeNew: async () => {
          throw new AppError('errors.vaultWrite', `cannot write ${join(root, CHANGE)}: EROFS`);
        },
      }),
    });
    const vaultId = await connectFolder(call);
    const failure = (await call('vaultWriteNew', { vaultId, path: CHANGE, bytes: new Uint8Array([1]) }).catch(
      (error: unknown) => error,
    )) as Error;
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toBe('errors.vaultWrite');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EROFS'));
  });

  it('an unexpected driver failure crosses as errors.unexpected, its text kept in main', async () => {
    const { call } = setUp({
      openDriver: (spec) => ({
        ...openDriver(spec),
        list: async () => {
          throw new Error(`boom in ${root}`);
        },
      }),
    });
    const vaultId = await connectFolder(call);
    const failure = (await call('vaultList', { vaultId, folder: 'changes' }).catch((e: unknown) => e)) as Error;
    expect(failure.message).toBe('errors.unexpected');
  });

  it('forget closes the vault: later calls are unreachable, and its remembered details are gone', async () => {
    const onVaultsChanged = vi.fn();
    const secrets = memorySecrets();
    const { call } = setUp({ onVaultsChanged, secrets });
    const vaultId = await connectFolder(call);
    await expect(call('vaultRemember', { vaultId })).resolves.toEqual({ status: 'remembered' });
    await call('vaultForget', { vaultId });
    expect(onVaultsChanged).toHaveBeenLastCalledWith([]);
    expect(secrets.saved.size).toBe(0);
    await expect(call('vaultList', { vaultId, folder: 'changes' })).rejects.toThrow('errors.vaultUnreachable');
  });
});

describe('remember and restore', () => {
  it('a restart restores a remembered vault under the same id; the answer names it, without the path', async () => {
    const secrets = memorySecrets();
    const first = setUp({ secrets });
    const vaultId = await connectFolder(first.call);
    await expect(first.call('vaultRemember', { vaultId })).resolves.toEqual({ status: 'remembered' });

    const second = setUp({ secrets }); // main started again: nothing connected
    await expect(second.call('vaultList', { vaultId, folder: '' })).rejects.toThrow('errors.vaultUnreachable');
    const restored = await second.call('vaultRestore', { vaultId });
    expect(restored).toEqual({ status: 'restored', name: 'team-vault' });
    await expect(second.call('vaultList', { vaultId, folder: '' })).resolves.toEqual([]);
  });

  it('without OS encryption the answer is "unavailable"', async () => {
    const { call } = setUp({
      secrets: { remember: async () => 'unavailable', restore: async () => undefined, forget: async () => undefined },
    });
    const vaultId = await connectFolder(call);
    await expect(call('vaultRemember', { vaultId })).resolves.toEqual({ status: 'unavailable' });
    await expect(call('vaultRestore', { vaultId: 'ffffffffffffffffffffffffffffffff' })).resolves.toEqual({
      status: 'unknown',
    });
  });
});

describe('a WebDAV vault', () => {
  const URL_ = 'https://cloud.example.nl/remote.php/dav/files/anna/vault/';

  function webdav(status: number) {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({ url: String(input), init });
      return new Response(null, { status });
    });
    return { seen, openDriver: (spec: VaultSpec) => openDriver(spec, fetcher as typeof fetch) };
  }

  it('a refused login crosses as errors.vaultAuth; neither the password nor the address reaches the page', async () => {
    const server = webdav(401);
    const { call } = setUp({ openDriver: server.openDriver });
    const { vaultId } = (await call('vaultConnect', {
      kind: 'webdav',
      url: URL_,
      username: 'anna',
      password: PASSWORD,
    })) as {
      vaultId: string;
    };
    const failure = (await call('vaultRead', { vaultId, path: 'vault.json' }).catch((e: unknown) => e)) as Error;
    expect(failure.message).toBe('errors.vaultAuth');
    expect(failure.message).not.toContain(PASSWORD);
    // Main sent the login, never followed a redirect, and logged no password.
    const { init } = server.seen[0] ?? { init: undefined };
    expect(new Headers(init?.headers).get('Authorization')).toMatch(/^Basic /);
    expect(init?.redirect).toBe('manual');
    expect(log.mock.calls.flat().join('\n')).not.toContain(PASSWORD);
  });

  it('a server that cannot be reached crosses as errors.vaultUnreachable', async () => {
    const { call } = setUp({
      openDriver: (spec) =>
        openDriver(spec, (async () => {
          throw new TypeError('fetch failed: getaddrinfo ENOTFOUND cloud.example.nl');
        }) as typeof fetch),
    });
    const { vaultId } = (await call('vaultConnect', {
      kind: 'webdav',
      url: URL_,
      username: 'anna',
      password: PASSWORD,
    })) as {
      vaultId: string;
    };
    await expect(call('vaultList', { vaultId, folder: 'changes' })).rejects.toThrow(/^errors\.vaultUnreachable$/);
  });

  it("main's fetch for a vault goes to that vault's origin only, and never follows a redirect", async () => {
    const fetcher = vi.fn(async () => new Response(null, { status: 207 }));
    const guarded = vaultFetch('https://cloud.example.nl', fetcher as typeof fetch);
    await guarded('https://cloud.example.nl/remote.php/dav/files/anna/vault/');
    expect(fetcher).toHaveBeenCalledWith(
      'https://cloud.example.nl/remote.php/dav/files/anna/vault/',
      expect.objectContaining({ redirect: 'manual' }),
    );
    await expect(guarded('https://tracker.example/x')).rejects.toThrow('errors.vaultUnreachable');
    await expect(guarded('http://cloud.example.nl/remote.php/')).rejects.toThrow('errors.vaultUnreachable');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
