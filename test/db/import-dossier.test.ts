import { beforeEach, describe, expect, it } from 'vitest';
import sample from '../../resources/sample-mission.json';
import type { MissionDb } from '../../src/db/database';
import { importDossier } from '../../src/db/import-dossier';
import { readMissionSnapshot, snapshotToDossier } from '../../src/db/snapshot';
import { inWriteTransaction } from '../../src/db/writer';
import { DossierFile } from '../../src/domain/dossier';
import { AppError } from '../../src/domain/errors';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('import-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

async function rowCounts() {
  const tables = [
    'missions',
    'people',
    'organisations',
    'delegation',
    'agenda',
    'targets',
    'notes',
    'changes',
  ] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).count()])));
}

describe('importing a dossier', () => {
  it('loads the sample mission with everything linked, and a snapshot reads it back whole', async () => {
    const { missionId } = await importDossier(db, sample);
    expect(await rowCounts()).toMatchObject({
      missions: 1,
      people: 6,
      organisations: 8,
      delegation: 6,
      agenda: 12,
      targets: 8,
      notes: 3,
    });
    const snapshot = await readMissionSnapshot(db, missionId);
    expect(snapshot.mission.title).toBe(sample.mission.title);
    expect(snapshot.delegation).toHaveLength(6);
    expect(snapshot.people).toHaveLength(6);
    expect(snapshot.organisations).toHaveLength(8);
    expect(snapshot.agenda.map((a) => a.start)).toEqual([...snapshot.agenda.map((a) => a.start)].sort());
    // The snapshot is itself a valid dossier file.
    expect(DossierFile.safeParse(snapshotToDossier(snapshot)).success).toBe(true);
  });

  it('loading the sample twice gives two dossiers sharing one registry of people and organisations', async () => {
    const first = await importDossier(db, sample);
    const second = await importDossier(db, sample);
    expect(first.missionId).not.toBe(second.missionId);
    expect(await rowCounts()).toMatchObject({ missions: 2, people: 6, organisations: 8, delegation: 12, agenda: 24 });
  });

  it('a file with one bad row is refused whole: nothing is written', async () => {
    const broken = structuredClone(sample);
    const last = broken.agenda[11];
    if (!last) throw new Error('sample has 12 agenda items');
    last.end = '2027-03-01T00:00:00.000Z'; // ends before it starts
    const error = await importDossier(db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues[0]?.path).toBe('agenda.11.end');
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('a failure in the middle of a write transaction rolls back every write before it', async () => {
    await expect(
      inWriteTransaction(db, ['people'], async (session) => {
        const person = { ...sample.people[0], id: undefined };
        await session.apply({ kind: 'put', table: 'people', id: sample.people[0]?.id ?? '', fields: person as never });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.people.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('refuses what is not a dossier at all', async () => {
    for (const junk of [null, 42, 'dossier', [], { format: 'other' }]) {
      await expect(importDossier(db, junk)).rejects.toMatchObject({ key: 'errors.notADossier' });
    }
    await expect(importDossier(db, { ...sample, formatVersion: 99 })).rejects.toMatchObject({
      key: 'errors.dossierTooNew',
    });
    // A record that fails its schema is named for the user: which kind, which one, which field.
    await expect(
      importDossier(db, { ...sample, mission: { ...sample.mission, countryCodes: [] } }),
    ).rejects.toMatchObject({ key: 'errors.dossierInvalid', kind: 'mission', position: 0, field: 'countryCodes' });
    expect(await db.missions.count()).toBe(0);
  });
});
