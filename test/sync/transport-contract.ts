/** The behaviour every vault transport must have, run against each driver (memory, folder, WebDAV). */
import { expect, it } from 'vitest';
import type { VaultTransport } from '../../src/sync/transport';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

export function transportContract(make: () => Promise<VaultTransport> | VaultTransport): void {
  it('writes new files atomically and never overwrites one', async () => {
    const t = await make();
    await t.ensureFolder('changes');
    await t.ensureFolder('changes'); // twice is fine
    expect(await t.list('changes')).toEqual([]);
    expect(await t.writeNew('changes/a-0000000001-x.mdc', bytes('first'))).toBe('written');
    expect(await t.writeNew('changes/a-0000000001-x.mdc', bytes('second'))).toBe('exists');
    expect(text(await t.read('changes/a-0000000001-x.mdc'))).toBe('first');
    expect(await t.list('changes')).toEqual(['a-0000000001-x.mdc']); // no temporary files left over
  });

  it('reads a missing file as undefined and lists a missing folder as empty', async () => {
    const t = await make();
    expect(await t.read('changes/nothing-here.mdc')).toBeUndefined();
    expect(await t.list('not-a-folder')).toEqual([]);
  });

  it('renames without clobbering', async () => {
    const t = await make();
    await t.ensureFolder('snapshots');
    await t.writeNew('snapshots/one', bytes('1'));
    await t.writeNew('snapshots/two', bytes('2'));
    expect(await t.rename('snapshots/one', 'snapshots/two')).toBe('exists');
    expect(text(await t.read('snapshots/two'))).toBe('2');
    expect(await t.rename('snapshots/one', 'snapshots/three')).toBe('written');
    expect((await t.list('snapshots')).sort()).toEqual(['three', 'two']);
  });

  it('keeps binary content and odd names intact', async () => {
    const t = await make();
    await t.ensureFolder('changes');
    const all = new Uint8Array(256).map((_, i) => i);
    await t.writeNew('changes/näme with space+%.bin', all);
    expect(Array.from((await t.read('changes/näme with space+%.bin')) ?? [])).toEqual(Array.from(all));
    expect(await t.list('changes')).toEqual(['näme with space+%.bin']);
  });

  it('refuses paths that climb out of the vault', async () => {
    const t = await make();
    await expect(t.read('../etc/passwd')).rejects.toThrow();
    await expect(t.writeNew('changes/../../x', bytes('x'))).rejects.toThrow();
  });
}
