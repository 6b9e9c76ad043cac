import type { PathLike } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileStore } from '../../../electron/main/ipc/file-store';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'md-file-store-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('readFileAtMost', () => {
  const store = createFileStore();

  it('reads a file up to the limit exactly', async () => {
    await fs.writeFile(join(dir, 'ten.bin'), Buffer.from('0123456789'));
    const bytes = await store.readFileAtMost(join(dir, 'ten.bin'), 10);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes ?? new Uint8Array())).toBe('0123456789');
  });

  it('refuses a file one byte over the limit', async () => {
    await fs.writeFile(join(dir, 'eleven.bin'), Buffer.from('0123456789A'));
    expect(await store.readFileAtMost(join(dir, 'eleven.bin'), 10)).toBeNull();
  });

  it('reads files larger than one read chunk intact', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    big[big.length - 1] = 42;
    await fs.writeFile(join(dir, 'big.bin'), big);
    const bytes = await store.readFileAtMost(join(dir, 'big.bin'), big.length);
    expect(bytes?.byteLength).toBe(big.length);
    expect(bytes?.[big.length - 1]).toBe(42);
  });

  it('reads an empty file', async () => {
    await fs.writeFile(join(dir, 'empty.txt'), '');
    expect((await store.readFileAtMost(join(dir, 'empty.txt'), 10))?.byteLength).toBe(0);
  });

  it('rejects when the file does not exist', async () => {
    await expect(store.readFileAtMost(join(dir, 'missing.txt'), 10)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('writeFileAtomic', () => {
  it('writes bytes and strings (as UTF-8)', async () => {
    const store = createFileStore();
    await store.writeFileAtomic(join(dir, 'a.bin'), new Uint8Array([1, 2, 3]));
    await store.writeFileAtomic(join(dir, 'b.txt'), 'Missie naar Tokio — 東京');
    expect([...(await fs.readFile(join(dir, 'a.bin')))]).toEqual([1, 2, 3]);
    expect(await fs.readFile(join(dir, 'b.txt'), 'utf8')).toBe('Missie naar Tokio — 東京');
    expect(await fs.readdir(dir)).toEqual(['a.bin', 'b.txt']);
  });

  it('replaces an existing file', async () => {
    const target = join(dir, 'dossier.pdf');
    await fs.writeFile(target, 'old');
    await createFileStore().writeFileAtomic(target, 'new');
    expect(await fs.readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the old file untouched and no temporary file behind when the rename fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const target = join(dir, 'dossier.pdf');
    await fs.writeFile(target, 'old');
    const failingRename = vi.fn(async (_from: PathLike, _to: PathLike) => {
      throw Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' });
    });
    const store = createFileStore({ open: fs.open, rm: fs.rm, rename: failingRename });
    await expect(store.writeFileAtomic(target, 'new')).rejects.toThrow('EXDEV');
    // The temporary file was written next to the target, so the rename would not cross devices.
    const [from, to] = failingRename.mock.calls[0] ?? [];
    expect(String(from).startsWith(join(dir, '.mission-dossier-'))).toBe(true);
    expect(to).toBe(target);
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['dossier.pdf']);
  });

  it('rejects when the folder does not exist', async () => {
    await expect(createFileStore().writeFileAtomic(join(dir, 'nope', 'x.txt'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
