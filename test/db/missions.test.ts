import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { addDelegationMember, createMission, duplicateMission, removeMission } from '../../src/db/missions';
import { builtInTaskTemplate, saveTaskTemplate } from '../../src/db/task-template';
import { readMissionSnapshot } from '../../src/db/snapshot';
import { applyUndo } from '../../src/db/unit';
import type { InputOf } from '../../src/domain/entities';
import { formatTimeIn } from '../../src/domain/time';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('missions-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const newMission: InputOf<'missions'> = {
  title: 'Missie Boston: life sciences',
  countryCodes: ['US'],
  cities: ['Boston'],
  timeZone: 'America/New_York',
  startDate: '2027-03-10',
  endDate: '2027-03-16',
  status: 'approved',
  kind: 'invest',
  sectors: ['life_sciences_health'],
  purpose: '',
};

describe('mission writes across tables', () => {
  it('a new mission starts as an idea with the task template', async () => {
    const { result } = await createMission(db, newMission, 'en');
    expect(result.status).toBe('idea');
    const snapshot = await readMissionSnapshot(db, result.id);
    expect(snapshot.tasks.map((t) => t.title)).toEqual(builtInTaskTemplate('en').map((t) => t.title));
  });

  it("a new mission follows the team's edited task template; a bad template is refused whole", async () => {
    await saveTaskTemplate(db, [
      { title: 'Visum China aanvragen', daysBeforeDeparture: 90 },
      { title: 'Tolk Mandarijn', daysBeforeDeparture: 20 },
    ]);
    await expect(saveTaskTemplate(db, [{ title: '', daysBeforeDeparture: 3 }])).rejects.toMatchObject({
      key: 'errors.invalidInput',
    });
    const { result } = await createMission(db, newMission, 'nl');
    const snapshot = await readMissionSnapshot(db, result.id);
    expect(snapshot.tasks.map((t) => [t.title, t.daysBeforeDeparture, t.order])).toEqual([
      ['Visum China aanvragen', 90, 0],
      ['Tolk Mandarijn', 20, 1],
    ]);
  });

  it('duplicates a mission to a new date in one unit, keeping local times; undo removes the copy whole', async () => {
    const { missionId } = await importDossier(db, sample);
    const original = await readMissionSnapshot(db, missionId);
    const { result, undo } = await duplicateMission(db, missionId, '2027-11-02', 'Handelsmissie Taiwan najaar');
    const copy = await readMissionSnapshot(db, result.id);
    expect(copy.mission.startDate).toBe('2027-11-02');
    expect(copy.mission.endDate).toBe('2027-11-05');
    expect(copy.mission.status).toBe('idea');
    expect(copy.agenda).toHaveLength(original.agenda.length);
    expect(copy.agenda.map((a) => formatTimeIn(a.start, a.timeZone, 'nl'))).toEqual(
      original.agenda.map((a) => formatTimeIn(a.start, a.timeZone, 'nl')),
    );
    expect(copy.delegation.map((m) => m.personId).sort()).toEqual(original.delegation.map((m) => m.personId).sort());
    expect(copy.targets).toHaveLength(original.targets.length);
    // The original is untouched.
    expect((await readMissionSnapshot(db, missionId)).agenda.map((a) => a.start)).toEqual(
      original.agenda.map((a) => a.start),
    );
    await applyUndo(db, undo);
    await expect(readMissionSnapshot(db, result.id)).rejects.toMatchObject({ key: 'errors.notFound' });
    expect(
      await db.agenda
        .where('missionId')
        .equals(result.id)
        .filter((a) => a.deleted === 0)
        .count(),
    ).toBe(0);
  });

  it('adds a new person and their delegation place together, or neither', async () => {
    const { missionId } = await importDossier(db, sample);
    const people = await db.people.count();
    const { result } = await addDelegationMember(
      db,
      missionId,
      { create: { givenName: 'Fenna', familyName: 'Bakker', kind: 'company' } },
      { role: 'company' },
    );
    expect((await db.people.get(result.personId))?.givenName).toBe('Fenna');
    await expect(
      addDelegationMember(
        db,
        missionId,
        { create: { givenName: 'Piet', familyName: 'Jansen', kind: 'company', email: 'not-an-address' } },
        { role: 'company' },
      ),
    ).rejects.toMatchObject({ key: 'errors.invalidInput' });
    expect(await db.people.count()).toBe(people + 1);
  });

  it('deleting a mission tombstones its own records and leaves the registry; undo brings all back', async () => {
    const { missionId } = await importDossier(db, sample);
    const { undo } = await removeMission(db, missionId);
    const live = (table: 'agenda' | 'delegation') =>
      db
        .table(table)
        .where('missionId')
        .equals(missionId)
        .filter((row: { deleted: number }) => row.deleted === 0)
        .count();
    expect(await live('agenda')).toBe(0);
    expect(await db.people.filter((p) => p.deleted === 0).count()).toBe(sample.people.length);
    await applyUndo(db, undo);
    expect(await live('agenda')).toBe(sample.agenda.length);
    expect(await live('delegation')).toBe(sample.delegation.length);
  });
});
