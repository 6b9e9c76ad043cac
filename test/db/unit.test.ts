import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { applyUndo, runUnit } from '../../src/db/unit';
import { AppError } from '../../src/domain/errors';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('unit-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const person = { givenName: 'Anna', familyName: 'de Vries', kind: 'official' } as const;

describe('a unit of work over several tables', () => {
  it('creates a new person and their delegation place together', async () => {
    const { missionId } = await importDossier(db, sample);
    const { result } = await runUnit(db, ['people', 'delegation'], async (unit) => {
      const created = await unit.create('people', person);
      return unit.create('delegation', { missionId, personId: created.id, role: 'official' });
    });
    expect((await db.people.get(result.personId))?.familyName).toBe('de Vries');
  });

  it('writes nothing when a later write of the unit is invalid', async () => {
    const { missionId } = await importDossier(db, sample);
    const [people, delegation, changes] = [
      await db.people.count(),
      await db.delegation.count(),
      await db.changes.count(),
    ];
    const failed = runUnit(db, ['people', 'delegation'], async (unit) => {
      const created = await unit.create('people', person);
      // An arrival without its zone: refused after the person was written inside the unit.
      return unit.create('delegation', {
        missionId,
        personId: created.id,
        role: 'official',
        arrivalAt: '2027-03-15T07:25:00.000Z',
      });
    });
    await expect(failed).rejects.toMatchObject({ key: 'errors.invalidInput' });
    expect([await db.people.count(), await db.delegation.count(), await db.changes.count()]).toEqual([
      people,
      delegation,
      changes,
    ]);
  });

  it('refuses a status change that skips a step, and keeps the mission as it was', async () => {
    const { missionId } = await importDossier(db, sample);
    const before = await db.missions.get(missionId);
    const error = await runUnit(db, ['missions'], (unit) => unit.update('missions', missionId, { status: 'completed' }))
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('errors.statusSkipped');
    expect(await db.missions.get(missionId)).toEqual(before);
  });

  it('undoes an edit, a delete and a creation, as new stamped writes', async () => {
    const { missionId } = await importDossier(db, sample);
    const edit = await runUnit(db, ['missions'], (unit) =>
      unit.update('missions', missionId, { title: 'Nieuwe titel' }),
    );
    await applyUndo(db, edit.undo);
    expect((await db.missions.get(missionId))?.title).toBe(sample.mission.title);

    const item = (await db.agenda.where('missionId').equals(missionId).first())?.id ?? '';
    const removal = await runUnit(db, ['agenda'], (unit) => unit.remove('agenda', item));
    expect((await db.agenda.get(item))?.deleted).toBe(1);
    await applyUndo(db, removal.undo);
    const restored = await db.agenda.get(item);
    expect(restored?.deleted).toBe(0);
    expect(restored?.stamps.deleted && restored.stamps.deleted > restored.createdAt).toBe(true);

    const creation = await runUnit(db, ['people'], (unit) => unit.create('people', person));
    await applyUndo(db, creation.undo);
    expect((await db.people.get(creation.result.id))?.deleted).toBe(1);

    await expect(applyUndo(db, [])).rejects.toMatchObject({ key: 'errors.nothingToUndo' });
  });
});
