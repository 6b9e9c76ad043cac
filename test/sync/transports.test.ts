import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors';
import { FolderTransport } from '../../src/sync/transports/folder-node';
import { MemoryTransport, SimulatedCrash } from '../../src/sync/transports/memory';
import { parsePropfind } from '../../src/sync/transports/propfind';
import { WebDavTransport } from '../../src/sync/transports/webdav';
import { transportContract } from './transport-contract';

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

describe('memory transport', () => {
  transportContract(() => new MemoryTransport());

  it('injects faults: a dropped upload, a crash after the write, a lagging listing', async () => {
    const t = new MemoryTransport();
    await t.ensureFolder('changes');
    t.faults.dropWrites = 1;
    expect(await t.writeNew('changes/a', new Uint8Array([1]))).toBe('written');
    expect(await t.read('changes/a')).toBeUndefined();
    t.faults.crashAfterWrites = 1;
    await expect(t.writeNew('changes/b', new Uint8Array([2]))).rejects.toBeInstanceOf(SimulatedCrash);
    expect(await t.read('changes/b')).toBeDefined();
    t.faults.listingLag = 1;
    await t.writeNew('changes/c', new Uint8Array([3]));
    expect(await t.list('changes')).toEqual(['b']);
  });
});

describe('folder transport', () => {
  transportContract(async () => {
    const root = await mkdtemp(join(tmpdir(), 'vault-folder-'));
    roots.push(root);
    return new FolderTransport(root);
  });

  it('leaves no temporary file behind after a refused write', async () => {
    const root = await mkdtemp(join(tmpdir(), 'vault-folder-'));
    roots.push(root);
    const t = new FolderTransport(root);
    await t.ensureFolder('changes');
    await t.writeNew('changes/x', new Uint8Array([1]));
    await t.writeNew('changes/x', new Uint8Array([2]));
    expect(await readdir(join(root, 'changes'))).toEqual(['x']);
  });

  it('a vault folder that is gone reads as unreachable', async () => {
    const t = new FolderTransport(join(tmpdir(), 'no-such-vault-folder-', String(Date.now())));
    const error = await t.ensureFolder('changes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('errors.vaultUnreachable');
  });
});

describe('WebDAV multistatus parsing', () => {
  it('reads hrefs under any namespace prefix, decodes them, and tells folders from files', () => {
    const apache = `<?xml version="1.0" encoding="utf-8"?>
<D:multistatus xmlns:D="DAV:" xmlns:ns0="DAV:">
<D:response xmlns:lp1="DAV:"><D:href>/dav/vault/changes/</D:href><D:propstat><D:prop><lp1:resourcetype><D:collection/></lp1:resourcetype></D:prop></D:propstat></D:response>
<D:response><D:href>/dav/vault/changes/a%20b-0000000001-%C3%A4.mdc</D:href><D:propstat><D:prop><lp1:resourcetype/></D:prop></D:propstat></D:response>
</D:multistatus>`;
    expect(parsePropfind(apache)).toEqual([
      { href: '/dav/vault/changes/', collection: true },
      { href: '/dav/vault/changes/a%20b-0000000001-%C3%A4.mdc', collection: false },
    ]);
    const nextcloud = `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><d:response><d:href>/remote.php/dav/files/anna/v/changes/x%2by.mdc?a=1&amp;b=2</d:href><d:propstat><d:prop><d:resourcetype/></d:prop></d:propstat></d:response></d:multistatus>`;
    expect(parsePropfind(nextcloud)).toEqual([
      { href: '/remote.php/dav/files/anna/v/changes/x%2by.mdc?a=1&b=2', collection: false },
    ]);
    const defaultNs = `<multistatus xmlns="DAV:"><response><href>/v/c/f1</href><propstat><prop><resourcetype></resourcetype></prop></propstat></response></multistatus>`;
    expect(parsePropfind(defaultNs)).toEqual([{ href: '/v/c/f1', collection: false }]);
    // An element named "response" in another namespace is not a DAV response.
    expect(
      parsePropfind(`<x:multistatus xmlns:x="urn:other"><x:response><x:href>/a</x:href></x:response></x:multistatus>`),
    ).toEqual([]);
  });

  it('classifies server answers: 401 is a refused login, a network failure is unreachable', async () => {
    const answer = (status: number) => async () => new Response(null, { status });
    const refused = new WebDavTransport({
      url: 'http://127.0.0.1:9/v',
      username: 'u',
      password: 'p',
      fetch: answer(401),
    });
    await expect(refused.list('changes')).rejects.toMatchObject({ key: 'errors.vaultAuth' });
    const full = new WebDavTransport({ url: 'http://127.0.0.1:9/v', username: 'u', password: 'p', fetch: answer(507) });
    await expect(full.writeNew('changes/a', new Uint8Array([1]))).rejects.toMatchObject({ key: 'errors.vaultWrite' });
    const down = new WebDavTransport({
      url: 'http://127.0.0.1:9/v',
      username: 'u',
      password: 'p',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await expect(down.read('changes/a')).rejects.toMatchObject({ key: 'errors.vaultUnreachable' });
  });
});
