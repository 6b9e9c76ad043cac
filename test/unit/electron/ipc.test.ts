import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, channelOf, type IpcMethod } from '../../../src/shared/ipc-channels';
import { MAX_FILE_BYTES, ipcContract } from '../../../src/shared/ipc-contract';
import { createAppInfoHandler } from '../../../electron/main/ipc/app-info';
import { IpcError } from '../../../electron/main/ipc/ipc-error';
import {
  createInvokeListener,
  registerIpcHandlers,
  type InvokeEvent,
  type InvokeListener,
  type IpcHandlers,
} from '../../../electron/main/ipc/register';
import { isTrustedSender } from '../../../electron/main/security';

const VAULT_ID = '0123456789abcdef0123456789abcdef';
const TRUSTED: InvokeEvent = { senderFrame: { url: 'app://mission-dossier/index.html' } };
const log = vi.fn();

function fakeHandlers(): { [M in IpcMethod]: ReturnType<typeof vi.fn<IpcHandlers[M]>> } {
  return {
    appInfo: vi.fn<IpcHandlers['appInfo']>(async () => ({
      name: 'Mission Dossier',
      version: '0.1.0',
      platform: 'linux',
      dataLocation: '/home/u/.config/Mission Dossier',
    })),
    saveFile: vi.fn<IpcHandlers['saveFile']>(async () => ({ status: 'saved', location: '/home/u/Downloads/a.pdf' })),
    openFile: vi.fn<IpcHandlers['openFile']>(async () => ({ status: 'cancelled' })),
    pickFolder: vi.fn<IpcHandlers['pickFolder']>(async () => ({ status: 'picked', path: '/mnt/vault' })),
    vaultConnect: vi.fn<IpcHandlers['vaultConnect']>(async () => ({
      status: 'connected',
      vaultId: VAULT_ID,
      name: 'team-vault',
    })),
    vaultList: vi.fn<IpcHandlers['vaultList']>(async () => []),
    vaultRead: vi.fn<IpcHandlers['vaultRead']>(async () => undefined),
    vaultWriteNew: vi.fn<IpcHandlers['vaultWriteNew']>(async () => 'written'),
    vaultRename: vi.fn<IpcHandlers['vaultRename']>(async () => 'written'),
    vaultEnsureFolder: vi.fn<IpcHandlers['vaultEnsureFolder']>(async () => undefined),
    vaultForget: vi.fn<IpcHandlers['vaultForget']>(async () => undefined),
    vaultRemember: vi.fn<IpcHandlers['vaultRemember']>(async () => ({ status: 'remembered' })),
    vaultRestore: vi.fn<IpcHandlers['vaultRestore']>(async () => ({ status: 'unknown' })),
  };
}

/** Registers the handlers on a fake ipcMain and returns what was registered, by channel. */
function register(handlers: IpcHandlers = fakeHandlers()): Map<string, InvokeListener> {
  const registered = new Map<string, InvokeListener>();
  registerIpcHandlers(
    {
      handle(channel, listener) {
        if (registered.has(channel)) throw new Error(`${channel} registered twice`);
        registered.set(channel, listener);
      },
    },
    handlers,
    { isTrustedSender: (url) => isTrustedSender(url, null), log },
  );
  return registered;
}

function listener(registered: Map<string, InvokeListener>, method: IpcMethod): InvokeListener {
  const found = registered.get(channelOf(method));
  if (found === undefined) throw new Error(`no listener for ${method}`);
  return found;
}

const validSave = { suggestedName: 'briefing-japan.pdf', data: new Uint8Array([37, 80, 68, 70]), kind: 'pdf' };

beforeEach(() => log.mockClear());
afterEach(() => vi.restoreAllMocks());

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract method, on its channel', () => {
    const registered = register();
    expect([...registered.keys()].sort()).toEqual(IPC_METHODS.map(channelOf).sort());
  });

  it('passes a valid request, parsed (defaults applied), and returns the validated response', async () => {
    const handlers = fakeHandlers();
    const registered = register(handlers);
    await expect(listener(registered, 'saveFile')(TRUSTED, validSave)).resolves.toEqual({
      status: 'saved',
      location: '/home/u/Downloads/a.pdf',
    });
    expect(handlers.saveFile).toHaveBeenCalledWith(validSave);
    await expect(listener(registered, 'appInfo')(TRUSTED)).resolves.toMatchObject({ name: 'Mission Dossier' });
    await expect(listener(registered, 'pickFolder')(TRUSTED, undefined)).resolves.toEqual({
      status: 'picked',
      path: '/mnt/vault',
    });
  });
});

describe('sender check', () => {
  const strangers: [string, InvokeEvent][] = [
    ['a web page', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/evil.html' } }],
    ['a data: page', { senderFrame: { url: 'data:text/html,<script>1</script>' } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html' } }],
    ['the dev server outside development', { senderFrame: { url: 'http://localhost:5173/' } }],
    ['about:blank', { senderFrame: { url: 'about:blank' } }],
    ['a destroyed frame', { senderFrame: null }],
  ];

  it.each(strangers)('rejects %s before looking at the argument or running the handler', async (_label, event) => {
    const handlers = fakeHandlers();
    const registered = register(handlers);
    for (const method of IPC_METHODS) {
      await expect(listener(registered, method)(event, validSave)).rejects.toThrow('errors.untrustedSender');
      expect(handlers[method]).not.toHaveBeenCalled();
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('untrusted sender'));
  });

  it('rejects a frame whose URL cannot even be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handlers = fakeHandlers();
    const event: InvokeEvent = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(listener(register(handlers), 'appInfo')(event)).rejects.toThrow('errors.untrustedSender');
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });
});

describe('argument validation', () => {
  const hostileSaves: [string, unknown][] = [
    ['no argument', undefined],
    ['a string', 'briefing.pdf'],
    ['a number', 42],
    ['null', null],
    ['an array', [validSave]],
    ['name missing', { data: 'x', kind: 'pdf' }],
    ['data missing', { suggestedName: 'a.txt', kind: 'pdf' }],
    ['name not a string', { suggestedName: 7, data: 'x', kind: 'pdf' }],
    ['data a number', { suggestedName: 'a.txt', data: 12, kind: 'pdf' }],
    ['data a plain array', { suggestedName: 'a.txt', data: [1, 2, 3], kind: 'pdf' }],
    ['data an object', { suggestedName: 'a.txt', data: { length: 1, 0: 1 }, kind: 'pdf' }],
    ['empty name', { suggestedName: '', data: 'x', kind: 'pdf' }],
    ['name with a slash', { suggestedName: '../../.bashrc', data: 'x', kind: 'pdf' }],
    ['name with a folder', { suggestedName: 'sub/a.txt', data: 'x', kind: 'pdf' }],
    ['name with a backslash', { suggestedName: '..\\..\\Startup\\evil.bat', data: 'x', kind: 'pdf' }],
    ['absolute POSIX name', { suggestedName: '/etc/passwd', data: 'x', kind: 'pdf' }],
    ['absolute Windows name', { suggestedName: 'C:\\Windows\\evil.dll', data: 'x', kind: 'pdf' }],
    ['drive-relative name', { suggestedName: 'C:evil.txt', data: 'x', kind: 'pdf' }],
    ['UNC name', { suggestedName: '\\\\server\\share\\x.txt', data: 'x', kind: 'pdf' }],
    ['dot-dot name', { suggestedName: '..', data: 'x', kind: 'pdf' }],
    ['NUL in name', { suggestedName: 'a.pdf\u0000.exe', data: 'x', kind: 'pdf' }],
    ['newline in name', { suggestedName: 'a\n.txt', data: 'x', kind: 'pdf' }],
    ['name too long', { suggestedName: `${'a'.repeat(201)}.txt`, data: 'x', kind: 'pdf' }],
    ['kind missing', { suggestedName: 'a.txt', data: 'x' }],
    ['an unknown kind', { suggestedName: 'a.exe', data: 'x', kind: 'exe' }],
    ['a kind that is an extension list', { suggestedName: 'a.txt', data: 'x', kind: ['pdf'] }],
    ['a kind with a filter in it', { suggestedName: 'a.txt', data: 'x', kind: { name: 'x', extensions: ['exe'] } }],
    [
      'a kind plus free filters',
      { suggestedName: 'a.pdf', data: 'x', kind: 'pdf', filters: [{ name: 'Programs', extensions: ['exe'] }] },
    ],
    [
      'free filters instead of a kind',
      { suggestedName: 'a.txt', data: 'x', filters: [{ name: 'x', extensions: ['*.exe;'] }] },
    ],
  ];

  it.each(hostileSaves)('saveFile rejects %s without running the handler', async (_label, argument) => {
    const handlers = fakeHandlers();
    await expect(listener(register(handlers), 'saveFile')(TRUSTED, argument)).rejects.toThrow('errors.invalidInput');
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('saveFile rejects bytes over MAX_FILE_BYTES', async () => {
    const handlers = fakeHandlers();
    const tooBig = new Uint8Array(MAX_FILE_BYTES + 1);
    await expect(
      listener(register(handlers), 'saveFile')(TRUSTED, { suggestedName: 'big.bin', data: tooBig, kind: 'pdf' }),
    ).rejects.toThrow('errors.invalidInput');
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it('saveFile rejects text over MAX_FILE_BYTES characters', async () => {
    const handlers = fakeHandlers();
    const tooLong = 'x'.repeat(MAX_FILE_BYTES + 1);
    await expect(
      listener(register(handlers), 'saveFile')(TRUSTED, { suggestedName: 'big.txt', data: tooLong, kind: 'csv' }),
    ).rejects.toThrow('errors.invalidInput');
    expect(handlers.saveFile).not.toHaveBeenCalled();
  });

  it.each([
    ['appInfo', { sneaky: true }],
    ['pickFolder', 'C:\\'],
    ['openFile', { filters: [{ name: '', extensions: ['pdf'] }] }],
    ['openFile', 'filters'],
  ] as const)('%s rejects the argument %j', async (method, argument) => {
    const handlers = fakeHandlers();
    await expect(listener(register(handlers), method)(TRUSTED, argument)).rejects.toThrow('errors.invalidInput');
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it('rejects a call with more than one argument (the preload never sends two)', async () => {
    const handlers = fakeHandlers();
    await expect(listener(register(handlers), 'openFile')(TRUSTED, {}, { extra: 1 })).rejects.toThrow(
      'errors.invalidInput',
    );
    expect(handlers.openFile).not.toHaveBeenCalled();
  });

  it('does not log the rejected values themselves (they may be a whole file)', async () => {
    await expect(
      listener(register(), 'saveFile')(TRUSTED, { suggestedName: 'geheim/../x', data: 'VERTROUWELIJK', kind: 'pdf' }),
    ).rejects.toThrow();
    expect(String(log.mock.calls)).not.toContain('VERTROUWELIJK');
  });
});

describe('handler results and failures', () => {
  it('refuses to send a response that breaks the contract', async () => {
    const handlers = fakeHandlers();
    // A handler bug simulated through the untyped door a real bug would use.
    handlers.pickFolder.mockResolvedValue(JSON.parse('{"status":"picked","path":42}'));
    await expect(listener(register(handlers), 'pickFolder')(TRUSTED)).rejects.toThrow('errors.unexpected');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('invalid response'));
  });

  it('passes typed errors through by their message key', async () => {
    const handlers = fakeHandlers();
    handlers.openFile.mockRejectedValue(new IpcError('errors.fileTooLarge'));
    const promise = listener(register(handlers), 'openFile')(TRUSTED, {});
    await expect(promise).rejects.toBeInstanceOf(IpcError);
    await expect(promise).rejects.toMatchObject({ key: 'errors.fileTooLarge', message: 'errors.fileTooLarge' });
  });

  it('turns unexpected errors into errors.unexpected, keeping details in main', async () => {
    const handlers = fakeHandlers();
    handlers.appInfo.mockRejectedValue(new Error('EACCES: /home/u/secret'));
    const promise = listener(register(handlers), 'appInfo')(TRUSTED);
    await expect(promise).rejects.toThrow('errors.unexpected');
    await expect(promise).rejects.not.toThrow('secret');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });
});

describe('createInvokeListener', () => {
  it('works for any schema pair of the contract', async () => {
    const handle = vi.fn(async () => ({ status: 'cancelled' as const }));
    const invoke = createInvokeListener('pickFolder', ipcContract.pickFolder, handle, {
      isTrustedSender: () => true,
      log,
    });
    await expect(invoke(TRUSTED)).resolves.toEqual({ status: 'cancelled' });
  });
});

describe('appInfo', () => {
  it('answers name, version, platform and the userData folder', async () => {
    const getPath = vi.fn((_name: string) => '/home/u/.config/Mission Dossier');
    const handler = createAppInfoHandler({
      app: { getName: () => 'Mission Dossier', getVersion: () => '0.1.0', getPath },
      platform: 'win32',
    });
    const info = await handler(undefined);
    expect(ipcContract.appInfo.response.parse(info)).toEqual({
      name: 'Mission Dossier',
      version: '0.1.0',
      platform: 'win32',
      dataLocation: '/home/u/.config/Mission Dossier',
    });
    expect(getPath).toHaveBeenCalledWith('userData');
  });
});
