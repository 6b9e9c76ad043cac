/**
 * The renderer's IPC vault transport against a window.api that mirrors the contract: each call
 * goes through main's real listeners (sender check, request and response schemas, structured
 * clone of the argument) to main's vault handlers on a real temporary folder. Then two devices
 * sync through it: the same engine code the desktop app runs, end to end minus Electron itself.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers, type InvokeListener } from '../../../electron/main/ipc/register';
import { createVaultHandlers } from '../../../electron/main/ipc/vault';
import { isTrustedSender } from '../../../electron/main/security';
import { openDriver } from '../../../electron/main/vault/drivers';
import { IpcVaultTransport, type VaultApi } from '../../../src/platform/ipc-vault-transport';
import { channelOf, type IpcMethod } from '../../../src/shared/ipc-channels';
import type { RendererApi } from '../../../src/shared/ipc-contract';
import { HEADER_FILE } from '../../../src/sync/vault-files';
import { Device, SimClock, organisation, sharedVault } from '../../sync/devices';

const CHANGE = 'changes/00112233aabbccdd-0000000001-0123456789abcdef.mdc';
let parent: string;
let root: string;

beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'md-ipc-transport-'));
  root = join(parent, 'team-vault');
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

/** window.api as the preload builds it, each call invoking main's registered listener. */
function mainBehindBridge(): RendererApi {
  const registered = new Map<string, InvokeListener>();
  const unused = () => Promise.reject(new Error('not under test'));
  registerIpcHandlers(
    { handle: (channel, listener) => registered.set(channel, listener) },
    {
      appInfo: unused,
      saveFile: unused,
      openFile: unused,
      pickFolder: unused,
      ...createVaultHandlers({
        pickFolder: async () => root,
        openDriver: (spec) => openDriver(spec),
        secrets: { remember: unused, restore: unused, forget: async () => undefined },
      }),
    },
    { isTrustedSender: (url) => isTrustedSender(url, null), log: () => undefined },
  );
  const invoke = (method: IpcMethod) => async (request?: unknown) => {
    const listener = registered.get(channelOf(method));
    if (!listener) throw new Error(`no ${method}`);
    // Electron structured-clones the argument and rejects with an Error carrying main's message.
    try {
      return await listener({ senderFrame: { url: 'app://mission-dossier/index.html' } }, structuredClone(request));
    } catch (error) {
      throw new Error(`Error invoking remote method 'md:${method}': ${String(error)}`);
    }
  };
  const call = <M extends IpcMethod>(method: M) => invoke(method) as RendererApi[M];
  return {
    appInfo: call('appInfo'),
    saveFile: call('saveFile'),
    openFile: call('openFile'),
    pickFolder: call('pickFolder'),
    vaultConnect: call('vaultConnect'),
    vaultList: call('vaultList'),
    vaultRead: call('vaultRead'),
    vaultWriteNew: call('vaultWriteNew'),
    vaultRename: call('vaultRename'),
    vaultEnsureFolder: call('vaultEnsureFolder'),
    vaultForget: call('vaultForget'),
    vaultRemember: call('vaultRemember'),
    vaultRestore: call('vaultRestore'),
  };
}

async function connected(api: RendererApi): Promise<IpcVaultTransport> {
  await mkdir(root, { recursive: true });
  const result = await api.vaultConnect({ kind: 'folder' });
  if (result.status !== 'connected') throw new Error('not connected');
  return new IpcVaultTransport(api, result.vaultId);
}

describe('IpcVaultTransport', () => {
  it('list, read, write-new and rename with the semantics of src/sync/transport.ts', async () => {
    const transport = await connected(mainBehindBridge());
    await expect(transport.list('changes')).resolves.toEqual([]); // a missing folder lists empty
    await transport.ensureFolder('changes');
    await expect(transport.read(CHANGE)).resolves.toBeUndefined();
    const bytes = new Uint8Array([7, 7, 7, 0, 255]);
    await expect(transport.writeNew(CHANGE, bytes)).resolves.toBe('written');
    // Never an overwrite: the second write of a taken name is `exists`, and the first bytes stay.
    await expect(transport.writeNew(CHANGE, new Uint8Array([1]))).resolves.toBe('exists');
    const read = await transport.read(CHANGE);
    expect(read).toEqual(bytes);
    expect(read?.buffer).toBeInstanceOf(ArrayBuffer);
    await expect(transport.list('changes')).resolves.toEqual([CHANGE.slice('changes/'.length)]);
    expect(new Uint8Array(await readFile(join(root, CHANGE)))).toEqual(bytes);
    // A rename to a free name moves the file (main refuses to replace a taken one: ipc-vault.test.ts).
    await expect(transport.rename(CHANGE, CHANGE.replace('0000000001', '0000000002'))).resolves.toBe('written');
    await expect(transport.list('changes')).resolves.toEqual([
      CHANGE.replace('0000000001', '0000000002').slice('changes/'.length),
    ]);
  });

  it("main's refusals arrive as typed errors with their key", async () => {
    const api = mainBehindBridge();
    const transport = await connected(api);
    await expect(transport.read('../../etc/passwd')).rejects.toMatchObject({ key: 'errors.invalidInput' });
    await expect(transport.list('../')).rejects.toMatchObject({ key: 'errors.unexpected' });
    const stranger = new IpcVaultTransport(api, 'ffffffffffffffffffffffffffffffff');
    await expect(stranger.list('changes')).rejects.toMatchObject({ key: 'errors.vaultUnreachable' });
    const spy: VaultApi = { ...api, vaultList: vi.fn(api.vaultList) };
    await new IpcVaultTransport(spy, transport.vaultId).list('snapshots');
    expect(spy.vaultList).toHaveBeenCalledWith({ vaultId: transport.vaultId, folder: 'snapshots' });
  });
});

describe('two devices syncing through the IPC transport (folder driver in main)', () => {
  const open: Device[] = [];
  afterEach(async () => {
    for (const device of open.splice(0)) await device.close();
  });

  it('carry records both ways, and the folder holds only ciphertext', async () => {
    const api = mainBehindBridge();
    const transport = await connected(api);
    const { header, vault } = await sharedVault();
    await expect(transport.writeNew(HEADER_FILE, header)).resolves.toBe('written');
    const clock = new SimClock();
    // Each device has its own connection to the vault: its own id in main.
    const a = await Device.open('a', clock, transport, vault);
    const b = await Device.open('b', clock, await connected(api), vault);
    open.push(a, b);

    await a.create('organisations', organisation('Formosa BioSensing'));
    clock.advance(1000);
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pushedFiles: 1 });
    await b.create('organisations', organisation('Rijkswaterstaat Internationaal'));
    clock.advance(1000);
    expect(await b.engine.sync()).toMatchObject({ state: 'synced', pulledFiles: 1, pushedFiles: 1 });
    expect(await a.engine.sync()).toMatchObject({ state: 'synced', pulledFiles: 1 });
    expect(await b.contents()).toEqual(await a.contents());
    expect(Object.keys(await a.contents()).filter((key) => key.startsWith('organisations/'))).toHaveLength(2);

    const files = await readdir(join(root, 'changes'));
    expect(files).toHaveLength(2);
    for (const name of files) {
      const text = new TextDecoder('latin1').decode(await readFile(join(root, 'changes', name)));
      expect(text).not.toContain('Formosa');
      expect(text).not.toContain('Rijkswaterstaat');
    }
  });
});
