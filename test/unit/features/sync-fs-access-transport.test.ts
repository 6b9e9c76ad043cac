/** The File System Access driver against the shared transport contract, on an in-memory model of the browser's handles. */
import { describe, expect, it } from 'vitest';
import { FileSystemAccessTransport } from '../../../src/platform/fs-access-transport';
import { FakeDirectory } from './sync-fake-directory';
import { transportContract } from '../../sync/transport-contract';

describe('FileSystemAccessTransport', () => {
  transportContract(() => new FileSystemAccessTransport(new FakeDirectory('vault')));

  it('works without move() (older Chromium): copy, then the temporary is removed', async () => {
    const root = new FakeDirectory('vault');
    const t = new FileSystemAccessTransport(root);
    await t.ensureFolder('changes');
    const changes = root.entries.get('changes') as FakeDirectory;
    const original = changes.getFileHandle.bind(changes);
    changes.getFileHandle = async (name, options) => {
      const handle = await original(name, options);
      return { kind: 'file', getFile: () => handle.getFile(), createWritable: () => handle.createWritable() };
    };
    expect(await t.writeNew('changes/a', new TextEncoder().encode('x'))).toBe('written');
    expect([...changes.entries.keys()]).toEqual(['a']);
  });

  it('says the folder is not writable when the browser refuses', async () => {
    const t = new FileSystemAccessTransport(new FakeDirectory('vault', true));
    await expect(t.ensureFolder('changes')).rejects.toMatchObject({ key: 'errors.vaultWrite' });
  });
});
