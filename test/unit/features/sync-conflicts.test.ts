/** Resolving conflicts from the Sync screen: the choice is a normal synced write, and the conflict is gone. */
import { afterEach, describe, expect, it } from 'vitest';
import { readConflicts, resolveConflict } from '../../../src/features/sync/conflicts';
import { Device, SimClock, agendaItem, memoryVault, organisation } from '../../sync/devices';

const open: Device[] = [];
afterEach(async () => {
  for (const device of open.splice(0)) await device.close();
});

async function twoDevices() {
  const { transport, vault } = await memoryVault();
  // The screen writes through runUnit at the real time, so the simulated devices live at the real time too.
  const clock = new SimClock(Date.now());
  const a = await Device.open('conf-a', clock, transport, vault);
  const b = await Device.open('conf-b', clock, transport, vault);
  open.push(a, b);
  return { a, b, clock };
}

async function syncBoth(a: Device, b: Device) {
  for (let round = 0; round < 2; round++) for (const d of [a, b]) expect((await d.engine.sync()).state).toBe('synced');
}

/** A edits the location first, B later: B lists A's value as the loser. */
async function concurrentLocations() {
  const { a, b, clock } = await twoDevices();
  const id = await a.create('agenda', agendaItem('Meeting ITRI'));
  await syncBoth(a, b);
  await a.edit('agenda', id, { location: 'Hsinchu, building 51' });
  clock.advance(5);
  await b.edit('agenda', id, { location: 'Taipei 101, floor 35' });
  await syncBoth(a, b);
  return { a, b, id };
}

describe('conflicts on the Sync screen', () => {
  it('shows the record, the field, mine and theirs with when each was written', async () => {
    const { b } = await concurrentLocations();
    const [view, ...rest] = await readConflicts(b.db);
    expect(rest).toEqual([]);
    expect(view).toMatchObject({
      entity: 'agenda',
      label: 'Meeting ITRI',
      field: 'location',
      local: { value: 'Taipei 101, floor 35' },
      remote: { value: 'Hsinchu, building 51' },
    });
    expect(Date.parse(view?.theirsAt ?? '')).toBeLessThan(Date.parse(view?.mineAt ?? ''));
  });

  it('"keep theirs" writes their value, reaches the other device, and returns its undo step', async () => {
    const { a, b, id } = await concurrentLocations();
    const [conflict] = await readConflicts(b.db);
    if (!conflict) throw new Error('expected a conflict');
    const undo = await resolveConflict(b.db, conflict, conflict.remote.value);
    expect((await b.db.agenda.get(id))?.location).toBe('Hsinchu, building 51');
    expect(await readConflicts(b.db)).toEqual([]);
    expect(undo).toHaveLength(1);
    await syncBoth(a, b);
    expect((await a.db.agenda.get(id))?.location).toBe('Hsinchu, building 51');
    expect(await readConflicts(a.db)).toEqual([]);
  });

  it('an edited value is validated like any write: an invalid one is refused and the conflict stays', async () => {
    const { b, id } = await concurrentLocations();
    const [conflict] = await readConflicts(b.db);
    if (!conflict) throw new Error('expected a conflict');
    await expect(resolveConflict(b.db, { ...conflict, field: 'start' }, 'not an instant')).rejects.toMatchObject({
      key: 'errors.invalidInput',
    });
    expect(await readConflicts(b.db)).toHaveLength(1);
    await resolveConflict(b.db, conflict, 'Hsinchu, building 51, room 3');
    expect((await b.db.agenda.get(id))?.location).toBe('Hsinchu, building 51, room 3');
  });

  it('delete against edit: "keep mine" restores the record with the edit, everywhere', async () => {
    const { a, b, clock } = await twoDevices();
    const id = await a.create('organisations', organisation('Taiwan Semiconductor'));
    await syncBoth(a, b);
    await a.remove('organisations', id);
    clock.advance(5);
    await b.edit('organisations', id, { city: 'Hsinchu' });
    await syncBoth(a, b);
    const all = [...(await readConflicts(a.db)), ...(await readConflicts(b.db))];
    const onB = (await readConflicts(b.db))[0];
    expect(all.length).toBeGreaterThan(0);
    if (!onB) throw new Error('B, whose edit lost to the delete, lists it');
    expect(onB).toMatchObject({ field: 'deleted', kind: 'deleteEdit', local: { value: 0 }, remote: { value: 1 } });
    await resolveConflict(b.db, onB, 0);
    await syncBoth(a, b);
    for (const d of [a, b]) expect(await d.db.organisations.get(id)).toMatchObject({ deleted: 0, city: 'Hsinchu' });
  });
});
