import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { countLive, listMissions, missionCounts, notesFor, pageOf, syncStatus } from '../../src/db/queries';
import { Repository } from '../../src/db/repository';
import { readMissionSnapshot } from '../../src/db/snapshot';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('queries-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

describe('read queries for the screens', () => {
  it('lists only live records, in sort order, and pages through them', async () => {
    const repo = new Repository(db, 'organisations');
    for (const name of ['Ærø Shipping', 'zeta', 'Alpha', 'Beta'])
      await repo.create({ name, kind: 'company', countryCode: 'DE' });
    const beta = (await pageOf(db, 'organisations', 0, 10)).find((o) => o.name === 'Beta');
    if (!beta) throw new Error('Beta was created');
    await repo.remove(beta.id);
    expect(await countLive(db, 'organisations')).toBe(3);
    expect((await pageOf(db, 'organisations', 0, 10)).map((o) => o.name)).toEqual(['Ærø Shipping', 'Alpha', 'zeta']);
    expect((await pageOf(db, 'organisations', 1, 1)).map((o) => o.name)).toEqual(['Alpha']);
  });

  it('a deleted member, agenda item or note disappears from counts and the snapshot', async () => {
    const { missionId } = await importDossier(db, sample);
    const snapshot = await readMissionSnapshot(db, missionId);
    const firstItem = snapshot.agenda[0];
    const firstMember = snapshot.delegation.find((m) => m.role !== 'head');
    const firstNote = snapshot.notes[0];
    if (!firstItem || !firstMember || !firstNote) throw new Error('sample is complete');
    await new Repository(db, 'agenda').remove(firstItem.id);
    await new Repository(db, 'delegation').remove(firstMember.id);
    await new Repository(db, 'notes').remove(firstNote.id);
    expect(await missionCounts(db, missionId)).toEqual({ delegation: 5, agenda: 11, targets: 8 });
    const after = await readMissionSnapshot(db, missionId);
    expect(after.agenda.map((a) => a.id)).not.toContain(firstItem.id);
    expect(after.delegation.map((m) => m.id)).not.toContain(firstMember.id);
    expect(after.notes).toHaveLength(2);
    expect(await notesFor(db, 'TW')).toHaveLength(2);
  });

  it('a deleted mission leaves the list and its snapshot says not found', async () => {
    const { missionId } = await importDossier(db, sample);
    expect((await listMissions(db)).map((m) => m.id)).toEqual([missionId]);
    await new Repository(db, 'missions').remove(missionId);
    expect(await listMissions(db)).toEqual([]);
    await expect(readMissionSnapshot(db, missionId)).rejects.toMatchObject({ key: 'errors.notFound' });
  });

  it('sync status counts every logged change and names this device', async () => {
    expect(await syncStatus(db)).toEqual({ deviceId: undefined, pendingChanges: 0 });
    await importDossier(db, sample);
    const status = await syncStatus(db);
    // One change per record of the file: the mission and every row it brings.
    const records =
      1 +
      (['people', 'organisations', 'delegation', 'agenda', 'targets', 'notes', 'tasks'] as const)
        .map((table) => sample[table].length)
        .reduce((a, b) => a + b, 0);
    expect(status.pendingChanges).toBe(records);
    expect(status.deviceId).toMatch(/^[0-9a-f]{16}$/);
  });
});
