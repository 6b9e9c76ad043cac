/**
 * Two and three devices syncing through real storage: a temporary folder, and Apache httpd with
 * mod_dav on 127.0.0.1. What lands on the storage must be ciphertext.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConflicts } from '../../src/db/apply-remote';
import { AppError } from '../../src/domain/errors';
import type { VaultTransport } from '../../src/sync/transport';
import { FolderTransport } from '../../src/sync/transports/folder-node';
import { WebDavTransport } from '../../src/sync/transports/webdav';
import { createVaultIn, openVault } from '../../src/sync/vault';
import { Device, SimClock, agendaItem, organisation, person } from './devices';
import { apacheInstalled, startDavServer, type DavServer } from './webdav-server';

const PASSPHRASE = 'Utrecht-Taipei 2026 handelsmissie';
const SECRETS = ['Formosa', 'Mei-Ling', 'X1234567', 'Hsinchu Science Park', 'organisations', 'passportNumber'];

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function scenarios(name: string, storage: () => { transport: () => VaultTransport; folder: () => string }) {
  describe(name, () => {
    const devices: Device[] = [];
    afterAll(async () => {
      for (const d of devices) await d.close();
    });

    it('two and then three devices sync through it; a wrong passphrase writes nothing; the storage holds only ciphertext', async () => {
      const { transport, folder } = storage();
      const clock = new SimClock(Date.now());
      const vaultA = await createVaultIn(transport(), PASSPHRASE);
      const before = await filesUnder(folder());
      const wrong = await openVault(transport(), 'Utrecht-Taipei 2025').catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(AppError);
      expect((wrong as AppError).key).toBe('errors.vaultPassphrase');
      expect(await filesUnder(folder())).toEqual(before);

      const vaultB = await openVault(transport(), PASSPHRASE);
      if (!vaultB) throw new Error('the vault header was not found');
      const a = await Device.open('a', clock, transport(), vaultA);
      const b = await Device.open('b', clock, transport(), vaultB);
      devices.push(a, b);
      const orgId = await a.create('organisations', {
        ...organisation('Formosa BioSensing'),
        city: 'Hsinchu Science Park',
      });
      const personId = await a.create('people', { ...person('Mei-Ling', 'Chen'), passportNumber: 'X1234567' });
      const meetingId = await a.create('agenda', agendaItem('Formosa site visit'));
      expect(await a.engine.sync()).toMatchObject({ state: 'synced', pushedFiles: 1 });
      expect(await b.engine.sync()).toMatchObject({ state: 'synced', pulledFiles: 1, changedRecords: 3 });
      expect(await b.contents()).toEqual(await a.contents());

      clock.advance(1000);
      await b.edit('people', personId, { jobTitle: 'Head of R&D' });
      await b.engine.sync({ snapshot: true });
      await a.engine.sync();
      expect((await a.db.people.get(personId))?.jobTitle).toBe('Head of R&D');

      // A third device joins from B's snapshot; then all three edit the same meeting at once.
      const vaultC = await openVault(transport(), PASSPHRASE);
      if (!vaultC) throw new Error('the vault header was not found');
      const c = await Device.open('c', clock, transport(), vaultC);
      devices.push(c);
      expect(await c.engine.sync()).toMatchObject({ state: 'synced', changedRecords: 3 });
      clock.advance(1000);
      await a.edit('agenda', meetingId, { location: 'Room A' });
      clock.advance(3);
      await b.edit('agenda', meetingId, { location: 'Room B' });
      clock.advance(3);
      await c.edit('agenda', meetingId, { location: 'Room C' });
      await c.remove('organisations', orgId);
      for (let round = 0; round < 2; round++)
        for (const d of [a, b, c]) expect((await d.engine.sync()).state).toBe('synced');
      const final = await a.contents();
      expect(await b.contents()).toEqual(final);
      expect(await c.contents()).toEqual(final);
      expect((await a.db.agenda.get(meetingId))?.location).toBe('Room C');
      const lost = new Set<unknown>();
      for (const d of [a, b, c])
        for (const conflict of await listConflicts(d.db)) lost.add(conflict.local.value).add(conflict.remote.value);
      expect(lost).toContain('Room A');
      expect(lost).toContain('Room B');

      // Every byte on the storage: the header is JSON without secrets, the rest is ciphertext.
      const files = await filesUnder(folder());
      expect(files.length).toBeGreaterThan(4);
      for (const file of files) {
        const text = (await readFile(file)).toString('latin1');
        for (const secret of SECRETS) expect(text, `${file} contains ${secret}`).not.toContain(secret);
      }
    }, 60_000);
  });
}

const roots: string[] = [];
let folderRoot = '';
beforeAll(async () => {
  folderRoot = await mkdtemp(join(tmpdir(), 'vault-real-'));
  roots.push(folderRoot);
});
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

scenarios('a vault in a folder', () => ({
  transport: () => new FolderTransport(folderRoot),
  folder: () => folderRoot,
}));

if (!apacheInstalled())
  console.warn('SKIPPED: the WebDAV vault test needs Apache httpd with mod_dav (apt-get install apache2)');

describe.skipIf(!apacheInstalled())('through Apache mod_dav', () => {
  let server: DavServer | undefined;
  beforeAll(async () => {
    server = await startDavServer();
  }, 20_000);
  afterAll(async () => {
    await server?.stop();
  });
  const live = () => {
    if (!server) throw new Error('no server');
    return server;
  };
  scenarios('a vault on WebDAV', () => ({
    transport: () => new WebDavTransport({ url: live().url, username: live().username, password: live().password }),
    folder: () => live().folder,
  }));
});
