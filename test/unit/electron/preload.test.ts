import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, channelOf } from '../../../src/shared/ipc-channels';

// The real `electron` module throws without its binary; the preload only needs these two objects.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => ({ status: 'cancelled' })) },
}));
vi.mock('electron', () => electron);

let exposed: Record<string, unknown> = {};

beforeAll(async () => {
  await import('../../../electron/preload/index');
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe('api');
  if (typeof api !== 'object' || api === null) throw new Error('the preload exposed no api object');
  exposed = { ...api };
});

function method(name: string): (...args: unknown[]) => Promise<unknown> {
  const fn = exposed[name];
  if (typeof fn !== 'function') throw new Error(`window.api.${name} is not a function`);
  return (...args) => Promise.resolve(fn(...args));
}

describe('preload', () => {
  it('exposes one object, as window.api, once', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  });

  it('exposes exactly the methods of IPC_METHODS, all functions', () => {
    expect(Object.keys(exposed).sort()).toEqual([...IPC_METHODS].sort());
    for (const name of IPC_METHODS) expect(typeof exposed[name]).toBe('function');
  });

  it('exposes no ipcRenderer, no require and no generic invoke', () => {
    for (const name of ['ipcRenderer', 'invoke', 'send', 'on', 'require', 'process']) {
      expect(exposed).not.toHaveProperty(name);
    }
  });

  it.each(IPC_METHODS)('%s invokes its own channel with exactly one argument', async (name) => {
    electron.ipcRenderer.invoke.mockClear();
    const request = { probe: name };
    await method(name)(request, 'smuggled second argument');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channelOf(name), request);
  });

  it('returns what main answers', async () => {
    await expect(method('pickFolder')()).resolves.toEqual({ status: 'cancelled' });
  });
});
