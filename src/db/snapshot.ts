/**
 * A consistent snapshot of one mission with everything it links to, read in one transaction:
 * what the briefing book is built from, in the shape of the dossier file plus record meta.
 */
import { DOSSIER_FORMAT, DOSSIER_FORMAT_VERSION, type DossierFile } from '../domain/dossier';
import type {
  AgendaItem,
  CountrySheet,
  DelegationMember,
  IntelligenceNote,
  Mission,
  Organisation,
  Person,
  Photo,
  Target,
  Task,
} from '../domain/entities';
import { AppError } from '../domain/errors';
import type { MissionDb } from './database';
import { userFieldsOf } from '../domain/entities/common';

export interface MissionSnapshot {
  readonly takenAt: string;
  readonly mission: Mission;
  readonly people: Person[];
  readonly organisations: Organisation[];
  readonly delegation: DelegationMember[];
  readonly agenda: AgendaItem[];
  readonly targets: Target[];
  readonly notes: IntelligenceNote[];
  readonly tasks: Task[];
  /** The photos of the people in the snapshot. */
  readonly photos: Photo[];
  /** The country sheets of the mission's countries. */
  readonly countrySheets: CountrySheet[];
}

const live = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((row) => row.deleted === 0);

export async function readMissionSnapshot(db: MissionDb, missionId: string): Promise<MissionSnapshot> {
  return db.transaction(
    'r',
    [
      db.missions,
      db.people,
      db.organisations,
      db.delegation,
      db.agenda,
      db.targets,
      db.notes,
      db.tasks,
      db.photos,
      db.countrySheets,
    ],
    async () => {
      const mission = await db.missions.get(missionId);
      if (!mission || mission.deleted === 1) throw new AppError('errors.notFound', `mission ${missionId} not found`);
      const [delegation, agenda, targets, countryNotes, tasks, countrySheets] = await Promise.all([
        db.delegation.where('missionId').equals(missionId).toArray().then(live),
        db.agenda.where('[missionId+start]').between([missionId, ''], [missionId, '\uffff']).toArray().then(live),
        db.targets.where('missionId').equals(missionId).toArray().then(live),
        db.notes.where('countryCodes').anyOf(mission.countryCodes).distinct().toArray().then(live),
        db.tasks.where('missionId').equals(missionId).toArray().then(live),
        db.countrySheets.where('countryCode').anyOf(mission.countryCodes).toArray().then(live),
      ]);
      const notes = await withBriefingCandidates(db, mission, targets, countryNotes);
      const organisationIds = new Set([
        ...targets.map((t) => t.organisationId),
        ...agenda.map((a) => a.organisationId).filter((id) => id !== ''),
      ]);
      const personIds = new Set([
        ...delegation.map((d) => d.personId),
        ...agenda.flatMap((a) => [...a.participantIds, ...a.contactIds]),
        ...[mission.leadPersonId, mission.coordinatorPersonId].filter((id) => id !== ''),
        // The country teams, named in the book's country briefing.
        ...countrySheets.flatMap((sheet) => sheet.teamPersonIds),
      ]);
      const [people, organisations] = await Promise.all([
        db.people.bulkGet([...personIds]),
        db.organisations.bulkGet([...organisationIds]),
      ]);
      const present = <T>(rows: (T | undefined)[]) => rows.filter((row): row is T => row !== undefined);
      const livePeople = live(present(people));
      const photoIds = livePeople.map((p) => p.photoId).filter((id) => id !== '');
      const photos = live(present(await db.photos.bulkGet(photoIds)));
      return {
        takenAt: new Date().toISOString(),
        mission,
        people: livePeople,
        organisations: live(present(organisations)),
        delegation,
        agenda,
        targets,
        notes: notes.sort((a, b) => a.sortKey.localeCompare(b.sortKey)),
        tasks: tasks.sort((a, b) => a.order - b.order),
        photos,
        countrySheets,
      };
    },
  );
}

/**
 * The notes the country briefing may hold: those tagged with a mission country (read above),
 * plus those tagged with a target organisation and those chosen by hand before (their tags may
 * have changed since). Notes have no organisation index, so the target tags are a filtered scan,
 * done only when the mission has targets.
 */
async function withBriefingCandidates(
  db: MissionDb,
  mission: Mission,
  targets: readonly Target[],
  countryNotes: IntelligenceNote[],
): Promise<IntelligenceNote[]> {
  const have = new Set(countryNotes.map((n) => n.id));
  const targetIds = new Set(targets.map((t) => t.organisationId));
  const tagged =
    targetIds.size === 0
      ? []
      : await db.notes
          .filter((n) => n.deleted === 0 && !have.has(n.id) && n.organisationIds.some((id) => targetIds.has(id)))
          .toArray();
  for (const note of tagged) have.add(note.id);
  const chosenIds = (mission.briefingSelection ?? [])
    .filter((ref) => ref.kind === 'note' && !have.has(ref.id))
    .map((ref) => ref.id);
  const chosen = live((await db.notes.bulkGet([...new Set(chosenIds)])).filter((n) => n !== undefined));
  return [...countryNotes, ...tagged, ...chosen];
}

/** The snapshot as a dossier file: user fields only, no sync meta. */
export function snapshotToDossier(snapshot: MissionSnapshot): DossierFile {
  const entry = <T extends { id: string }>(record: T) => ({ ...userFieldsOf(record), id: record.id }) as never;
  return {
    format: DOSSIER_FORMAT,
    formatVersion: DOSSIER_FORMAT_VERSION,
    exportedAt: snapshot.takenAt,
    mission: entry(snapshot.mission),
    people: snapshot.people.map(entry),
    organisations: snapshot.organisations.map(entry),
    delegation: snapshot.delegation.map(entry),
    agenda: snapshot.agenda.map(entry),
    targets: snapshot.targets.map(entry),
    notes: snapshot.notes.map(entry),
    tasks: snapshot.tasks.map(entry),
    photos: snapshot.photos.map(entry),
    countrySheets: snapshot.countrySheets.map(entry),
  };
}
