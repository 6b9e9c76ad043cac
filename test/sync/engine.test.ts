import { afterEach, describe, expect, it } from 'vitest';
import { dismissConflict, listConflicts } from '../../src/db/apply-remote';
import { deviceId } from '../../src/db/writer';
import { AppError } from '../../src/domain/errors';
import { createVault, encodeVaultHeader } from '../../src/sync/crypto';
import { SyncEngine } from '../../src/sync/engine';
import { CHANGES_FOLDER, HEADER_FILE, SNAPSHOTS_FOLDER, writeSealed } from '../../src/sync/vault-files';
import { Device, SimClock, agendaItem, memoryVault, organisation, person } from './devices';

const open: Device[] = [];
afterEach(async () => {
  for (const device of open.splice(0)) await device.close();
});

async function setup(count: number) {
  const { transport, vault } = await memoryVault();
  const clock = new SimClock();
  const devices: Device[] = [];
  for (let i = 0; i < count; i++) devices.push(await Device.open(`d${i}`, clock, transport, vault));
  open.push(...devices);
  return { transport, vault, clock, devices };
}

async function syncAll(devices: Device[], rounds = 2): Promise<void> {
  for (let r = 0; r < rounds; r++) for (const d of devices) expect((await d.engine.sync()).state).toBe('synced');
}

describe('sync engine (Dexie + memory vault)', () => {
  it('carries records to another device; the vault holds only ciphertext', async () => {
    const { transport, devices, clock } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const orgId = await a.create('organisations', organisation('Formosa BioSensing'));
    await a.create('people', { ...person('Mei-Ling', 'Chen'), passportNumber: 'X1234567' });
    clock.advance(1000);
    const first = await a.engine.sync();
    expect(first).toMatchObject({ state: 'synced', pushedFiles: 1 });
    const second = await b.engine.sync();
    expect(second).toMatchObject({ state: 'synced', pulledFiles: 1, changedRecords: 2 });
    expect(await b.contents()).toEqual(await a.contents());
    expect((await b.db.organisations.get(orgId))?.sortKey).toBe('formosa biosensing');
    for (const [path, bytes] of transport.files) {
      if (path === HEADER_FILE) continue;
      const text = new TextDecoder('latin1').decode(bytes);
      for (const secret of ['Formosa', 'Chen', 'X1234567', 'organisations']) expect(text).not.toContain(secret);
    }
    // Nothing new: nothing pulled, nothing pushed.
    expect(await b.engine.sync()).toMatchObject({ pulledFiles: 0, pushedFiles: 0 });
    // B lists A among the vault's devices, with the time of A's newest change.
    expect(await b.engine.devices()).toEqual([
      {
        device: await deviceId(a.db),
        lastFile: 1,
        lastActivity: expect.stringMatching(/^2026-11-28T08:00:00\.\d{3}Z$/),
      },
    ]);
  });

  it('concurrent edits of one field converge on the newer stamp and list the loser as a conflict', async () => {
    const { devices, clock } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const id = await a.create('agenda', agendaItem('Meeting ITRI'));
    await syncAll([a, b]);
    await a.edit('agenda', id, { location: 'Hsinchu, building 51' });
    clock.advance(5);
    await b.edit('agenda', id, { location: 'Taipei 101, floor 35' });
    await syncAll([a, b]);
    expect(await a.contents()).toEqual(await b.contents());
    expect((await a.db.agenda.get(id))?.location).toBe('Taipei 101, floor 35');
    // A pushed first; B, applying A's older value over its own unseen edit, lists the loss.
    // A then received B's file, whose writer had seen A's value: no second listing needed.
    expect(await listConflicts(b.db)).toEqual([
      expect.objectContaining({
        table: 'agenda',
        rowId: id,
        field: 'location',
        kind: 'edit',
        local: expect.objectContaining({ value: 'Taipei 101, floor 35' }),
        remote: expect.objectContaining({ value: 'Hsinchu, building 51' }),
        kept: 'local',
      }),
    ]);
    expect(await listConflicts(a.db)).toEqual([]);
    // Once the user has chosen, the conflict is dismissed; the data is untouched.
    const [conflict] = await listConflicts(b.db);
    if (!conflict) throw new Error('no conflict');
    await dismissConflict(b.db, conflict.key);
    expect(await listConflicts(b.db)).toEqual([]);
    expect((await b.db.agenda.get(id))?.location).toBe('Taipei 101, floor 35');
  });

  it('an edit after seeing the other device is no conflict', async () => {
    const { devices, clock } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const id = await a.create('people', person('Jan', 'de Vries'));
    await syncAll([a, b]);
    await a.edit('people', id, { jobTitle: 'Director' });
    await syncAll([a, b]);
    clock.advance(10);
    await b.edit('people', id, { jobTitle: 'CEO' });
    await syncAll([a, b]);
    expect((await a.db.people.get(id))?.jobTitle).toBe('CEO');
    expect(await listConflicts(a.db)).toEqual([]);
    expect(await listConflicts(b.db)).toEqual([]);
  });

  it('delete against a concurrent edit: the delete stands, the edit is kept and listed', async () => {
    const { devices, clock } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const id = await a.create('organisations', organisation('Taiwan Semiconductor'));
    await syncAll([a, b]);
    await a.remove('organisations', id);
    clock.advance(5);
    await b.edit('organisations', id, { city: 'Hsinchu' });
    await syncAll([a, b]);
    expect(await a.contents()).toEqual(await b.contents());
    const merged = await a.db.organisations.get(id);
    expect(merged).toMatchObject({ deleted: 1, city: 'Hsinchu' });
    // B received the delete over its own unseen edit: it lists the pair for review.
    expect(await listConflicts(b.db)).toEqual([
      expect.objectContaining({
        rowId: id,
        kind: 'deleteEdit',
        kept: 'remote',
        remote: expect.objectContaining({ value: 1 }),
      }),
    ]);
  });

  it('refuses a batch stamped more than 5 minutes ahead and moves nothing, then takes it when the clock agrees', async () => {
    const { devices, clock } = await setup(2);
    const [a, b] = devices as [Device, Device];
    a.skewMs = 6 * 60 * 1000;
    await a.create('organisations', organisation('Future Corp'));
    await a.engine.sync();
    const before = await b.contents();
    const error = await b.engine.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('errors.clockDrift');
    expect(await b.contents()).toEqual(before);
    expect(await b.db.meta.get('clock')).toBeDefined();
    clock.advance(2 * 60 * 1000);
    expect(await b.engine.sync()).toMatchObject({ state: 'synced', pulledFiles: 1 });
    expect(await b.contents()).toEqual(await a.contents());
  });

  it('a crash right after writing a file: it is neither sent twice nor split', async () => {
    const { transport, devices } = await setup(2);
    const [a, b] = devices as [Device, Device];
    await a.create('people', person('Sanne', 'Bakker'));
    transport.faults.crashAfterWrites = 1;
    await expect(a.engine.sync()).rejects.toThrow('simulated crash');
    await a.create('people', person('Piet', 'Jansen'));
    await a.engine.sync();
    const names = [...transport.files.keys()].filter((p) => p.startsWith(`${CHANGES_FOLDER}/`));
    expect(names.map((n) => n.split('-')[1])).toEqual(['0000000001', '0000000002']);
    await b.engine.sync();
    expect(await b.contents()).toEqual(await a.contents());
  });

  it('a crash, an edit, then a listing that lags: every copy of a file carries the same changes', async () => {
    const { transport, devices } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const id = await a.create('people', person('Ruud', 'Vermeer'));
    transport.faults.crashAfterWrites = 1;
    await expect(a.engine.sync()).rejects.toThrow('simulated crash');
    await a.edit('people', id, { jobTitle: 'Consul' });
    transport.faults.listingLag = 1; // file 1 is there but not listed: it is written again
    await a.engine.sync();
    transport.faults.listingLag = 0;
    await b.engine.sync();
    await b.engine.sync();
    expect((await b.db.people.get(id))?.jobTitle).toBe('Consul');
    expect(await b.contents()).toEqual(await a.contents());
  });

  it('an upload that silently vanished is written again; the reader waits at the gap meanwhile', async () => {
    const { transport, devices } = await setup(2);
    const [a, b] = devices as [Device, Device];
    transport.faults.dropWrites = 1;
    await a.create('people', person('Kees', 'Visser'));
    await a.engine.sync();
    await a.create('people', person('Anna', 'Smit'));
    await a.engine.sync(); // rewrites file 1, writes file 2
    await b.engine.sync();
    expect(await b.contents()).toEqual(await a.contents());
    expect(Object.keys(await b.contents())).toHaveLength(2);
  });

  it('pauses before deleting more than 20 % of the local records, and applies once confirmed', async () => {
    const { devices } = await setup(2);
    const [a, b] = devices as [Device, Device];
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await a.create('organisations', organisation(`Org ${i}`)));
    await syncAll([a, b]);
    for (const id of ids.slice(0, 6)) await a.remove('organisations', id);
    await a.engine.sync();
    const before = await b.contents();
    expect(await b.engine.sync()).toEqual({ state: 'paused', reason: 'massDeletion', deletions: 6, live: 20 });
    expect(await b.contents()).toEqual(before);
    expect(await b.engine.sync({ confirm: 'massDeletion' })).toMatchObject({ state: 'synced' });
    expect(await b.contents()).toEqual(await a.contents());
  });

  it('pauses when the vault was emptied or replaced by another vault', async () => {
    const { transport, devices, vault } = await setup(1);
    const [a] = devices as [Device];
    await a.create('people', person('Eva', 'Mulder'));
    await a.engine.sync();
    await a.engine.sync(); // the second sync sees its own file listed
    const saved = new Map(transport.files);
    for (const path of [...transport.files.keys()]) if (path !== HEADER_FILE) transport.files.delete(path);
    expect(await a.engine.sync()).toEqual({ state: 'paused', reason: 'vaultEmpty' });
    for (const [path, bytes] of saved) transport.files.set(path, bytes);
    const other = await createVault('another team', { name: 'pbkdf2-sha256' });
    transport.files.set(HEADER_FILE, encodeVaultHeader(other.header));
    const elsewhere = new SyncEngine(a.db, transport, other.vault, () => a.now());
    expect(await elsewhere.sync()).toEqual({ state: 'paused', reason: 'vaultReplaced' });
    // Confirmed: this device starts over in the new vault and sends everything it has.
    expect(await elsewhere.sync({ confirm: 'vaultChange' })).toMatchObject({ state: 'synced', pushedFiles: 1 });
    expect(vault.vaultId).not.toBe(other.vault.vaultId);
  });

  it('a new device joins from a snapshot without replaying change files', async () => {
    const { devices, transport, vault, clock } = await setup(1);
    const [a] = devices as [Device];
    for (let i = 0; i < 30; i++) await a.create('organisations', organisation(`Org ${i}`));
    await a.engine.sync({ snapshot: true });
    expect([...transport.files.keys()].some((p) => p.startsWith(`${SNAPSHOTS_FOLDER}/`) && p.endsWith('.mds'))).toBe(
      true,
    );
    const c = await Device.open('late', clock, transport, vault);
    open.push(c);
    const joined = await c.engine.sync();
    expect(joined).toMatchObject({ state: 'synced', pulledFiles: 0, changedRecords: 30, joinedEmpty: true });
    // Joining an empty database writes no change-log rows (half the writes); the result says so.
    expect(await c.db.changes.count()).toBe(0);
    expect(await c.contents()).toEqual(await a.contents());
    // And later changes still flow after the snapshot's cursor.
    const id = await a.create('people', person('Lotte', 'de Boer'));
    await a.engine.sync();
    expect(await c.engine.sync()).toMatchObject({ pulledFiles: 1 });
    expect(await c.db.people.get(id)).toBeDefined();
  });

  it('a snapshot whose part decrypts but holds a malformed record is passed over, none of it written; the device replays the changes', async () => {
    const { devices, transport, vault, clock } = await setup(1);
    const [a] = devices as [Device];
    for (let i = 0; i < 3; i++) await a.create('organisations', organisation(`Org ${i}`));
    await a.engine.sync();
    // A's snapshot, sealed with the vault key (so it is authentic), with a record of an unknown table.
    for (const path of [...transport.files.keys()])
      if (path.startsWith(`${SNAPSHOTS_FOLDER}/`)) transport.files.delete(path);
    const me = (await deviceId(a.db)) ?? '';
    const good = {
      t: 'organisations',
      id: '0193a000-0000-7000-8000-0000000000aa',
      f: { name: 'Good', kind: 'company', countryCode: 'TW', deleted: 0 },
      s: Object.fromEntries(
        ['name', 'kind', 'countryCode', 'deleted'].map((f) => [f, `2026-11-28T08:00:00.000Z-0000-${me}`]),
      ),
    };
    // Part 0 is sound and is written first inside the join's transaction; part 1 aborts it.
    const whole = await writeSealed(
      transport,
      vault,
      SNAPSHOTS_FOLDER,
      { device: me, seq: 1, kind: 'part', part: 0 },
      { records: [good] },
    );
    const part = await writeSealed(
      transport,
      vault,
      SNAPSHOTS_FOLDER,
      { device: me, seq: 1, kind: 'part', part: 1 },
      { records: [{ ...good, id: '0193a000-0000-7000-8000-0000000000ab', t: 'users' }] },
    );
    await writeSealed(
      transport,
      vault,
      SNAPSHOTS_FOLDER,
      { device: me, seq: 1, kind: 'manifest', part: 0 },
      {
        seen: { [me]: { seq: 1, stamp: `2026-11-28T08:00:00.000Z-0000-${me}` } },
        records: 2,
        parts: [whole, part],
      },
    );
    const c = await Device.open('late', clock, transport, vault);
    open.push(c);
    const joined = await c.engine.sync();
    expect(joined).toMatchObject({ state: 'synced', pulledFiles: 1, changedRecords: 3, joinedEmpty: false });
    expect(joined.state === 'synced' && joined.damaged).toEqual([expect.stringContaining(part)]);
    expect(await c.db.organisations.get(good.id)).toBeUndefined();
    expect(await c.contents()).toEqual(await a.contents());
  });

  it('a tampered file is not applied and is reported; that device waits before it', async () => {
    const { transport, devices } = await setup(2);
    const [a, b] = devices as [Device, Device];
    await a.create('people', person('Bram', 'Peters'));
    await a.engine.sync();
    await a.create('people', person('Fleur', 'Hendriks'));
    await a.engine.sync();
    const first = [...transport.files.keys()].find((p) => p.includes('-0000000001-'));
    const bytes = first ? transport.files.get(first) : undefined;
    if (!first || !bytes) throw new Error('no first file');
    const copy = bytes.slice();
    copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 1;
    // Keep the name's hash right, so only the authentication tag can catch it.
    const { contentHash } = await import('../../src/sync/crypto');
    transport.files.delete(first);
    transport.files.set(first.replace(/-[0-9a-f]{16}\.mdc$/, `-${await contentHash(copy)}.mdc`), copy);
    const result = await b.engine.sync();
    expect(result).toMatchObject({ state: 'synced', pulledFiles: 0 });
    expect(result.state === 'synced' && result.damaged.length).toBe(1);
    expect(await b.contents()).toEqual({});
  });
});
