/**
 * The dossier file: one mission with everything it links to, as JSON. It is the format of the
 * sample mission, of a snapshot for the briefing book, and (later) of dossier export/import.
 * Every entry is `{ id, ...fields }`; references must resolve inside the file.
 */
import { z } from 'zod';
import { Id, IsoInstant } from './entities/common';
import { ENTITIES } from './entities';

export const DOSSIER_FORMAT = 'mission-dossier';
/** History: 1 — the foundation; 2 — dossier editing (tasks, photos, richer fields; see docs/dossier-format.md). */
export const DOSSIER_FORMAT_VERSION = 2;

function entry<S extends z.ZodType>(fields: S) {
  return z.intersection(z.object({ id: Id }), fields);
}

export const DossierFile = z
  .object({
    format: z.literal(DOSSIER_FORMAT),
    formatVersion: z.literal(DOSSIER_FORMAT_VERSION),
    exportedAt: IsoInstant,
    mission: entry(ENTITIES.missions.fields),
    people: z.array(entry(ENTITIES.people.fields)).max(500),
    organisations: z.array(entry(ENTITIES.organisations.fields)).max(5000),
    delegation: z.array(entry(ENTITIES.delegation.fields)).max(500),
    agenda: z.array(entry(ENTITIES.agenda.fields)).max(2000),
    targets: z.array(entry(ENTITIES.targets.fields)).max(5000),
    notes: z.array(entry(ENTITIES.notes.fields)).max(2000),
    tasks: z.array(entry(ENTITIES.tasks.fields)).max(500).default([]),
    photos: z.array(entry(ENTITIES.photos.fields)).max(600).default([]),
    countrySheets: z.array(entry(ENTITIES.countrySheets.fields)).max(20).default([]),
  })
  .superRefine((dossier, ctx) => {
    const missionId = dossier.mission.id;
    const people = new Set(dossier.people.map((p) => p.id));
    const organisations = new Set(dossier.organisations.map((o) => o.id));
    const seen = new Set<string>([missionId]);
    const report = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    for (const table of [
      'people',
      'organisations',
      'delegation',
      'agenda',
      'targets',
      'notes',
      'tasks',
      'photos',
    ] as const) {
      dossier[table].forEach((row, index) => {
        if (seen.has(row.id)) report([table, index, 'id'], 'duplicate id');
        seen.add(row.id);
      });
    }
    for (const table of ['delegation', 'agenda', 'targets', 'tasks'] as const) {
      dossier[table].forEach((row, index) => {
        if (row.missionId !== missionId) report([table, index, 'missionId'], 'belongs to another mission');
      });
    }
    dossier.delegation.forEach((member, index) => {
      if (!people.has(member.personId)) report(['delegation', index, 'personId'], 'unknown person');
    });
    dossier.targets.forEach((target, index) => {
      if (!organisations.has(target.organisationId))
        report(['targets', index, 'organisationId'], 'unknown organisation');
    });
    dossier.agenda.forEach((item, index) => {
      if (item.organisationId && !organisations.has(item.organisationId)) {
        report(['agenda', index, 'organisationId'], 'unknown organisation');
      }
      item.participantIds.forEach((personId, p) => {
        if (!people.has(personId)) report(['agenda', index, 'participantIds', p], 'unknown person');
      });
      item.contactIds.forEach((personId, p) => {
        if (!people.has(personId)) report(['agenda', index, 'contactIds', p], 'unknown person');
      });
    });
    for (const field of ['leadPersonId', 'coordinatorPersonId'] as const) {
      const personId = dossier.mission[field];
      if (personId && !people.has(personId)) report(['mission', field], 'unknown person');
    }
    const photos = new Set(dossier.photos.map((photo) => photo.id));
    dossier.people.forEach((person, index) => {
      if (person.photoId && !photos.has(person.photoId)) report(['people', index, 'photoId'], 'unknown photo');
    });
  });

export type DossierFile = z.output<typeof DossierFile>;
