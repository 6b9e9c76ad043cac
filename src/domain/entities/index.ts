/**
 * The registry of synced entities: one table each, the zod schema of its user fields, and how a
 * record sorts. Repositories, the change log, the dossier file and (later) sync all read this.
 */
import type { z } from 'zod';
import { AgendaItemFields } from './agenda-item';
import { CountrySheetFields } from './country-sheet';
import { DelegationMemberFields } from './delegation-member';
import { IntelligenceNoteFields } from './intelligence-note';
import { MissionFields } from './mission';
import { OrganisationFields } from './organisation';
import { PersonFields } from './person';
import { PhotoFields } from './photo';
import { TargetFields } from './target';
import { TaskFields } from './task';
import { foldForSearch, surnameSortKey } from '../text';
import type { RecordMeta } from './common';

export interface EntityDefinition<S extends z.ZodType> {
  readonly fields: S;
  /** The folded key that list screens sort by; null for link records that never list alone. */
  readonly sortKey: ((fields: z.output<S>) => string) | null;
}

function entity<S extends z.ZodType>(fields: S, sortKey: ((f: z.output<S>) => string) | null): EntityDefinition<S> {
  return { fields, sortKey };
}

export const ENTITIES = {
  missions: entity(MissionFields, (m) => `${m.startDate} ${foldForSearch(m.title)}`),
  people: entity(PersonFields, (p) => `${surnameSortKey(p.familyName)} ${foldForSearch(p.givenName)}`),
  organisations: entity(OrganisationFields, (o) => foldForSearch(o.name)),
  delegation: entity(DelegationMemberFields, null),
  agenda: entity(AgendaItemFields, null),
  targets: entity(TargetFields, null),
  notes: entity(IntelligenceNoteFields, (n) => foldForSearch(n.title)),
  tasks: entity(TaskFields, null),
  photos: entity(PhotoFields, null),
  countrySheets: entity(CountrySheetFields, (c) => c.countryCode),
} as const;

export type EntityTable = keyof typeof ENTITIES;
export const ENTITY_TABLES = Object.keys(ENTITIES) as EntityTable[];

export type FieldsOf<T extends EntityTable> = z.output<(typeof ENTITIES)[T]['fields']>;
export type InputOf<T extends EntityTable> = z.input<(typeof ENTITIES)[T]['fields']>;
/** A record as stored: its fields, its meta, and the derived sort key. */
export type StoredRecord<T extends EntityTable> = FieldsOf<T> & RecordMeta & { sortKey: string };

export type Mission = StoredRecord<'missions'>;
export type Person = StoredRecord<'people'>;
export type Organisation = StoredRecord<'organisations'>;
export type DelegationMember = StoredRecord<'delegation'>;
export type AgendaItem = StoredRecord<'agenda'>;
export type Target = StoredRecord<'targets'>;
export type IntelligenceNote = StoredRecord<'notes'>;
export type Task = StoredRecord<'tasks'>;
export type Photo = StoredRecord<'photos'>;
export type CountrySheet = StoredRecord<'countrySheets'>;

export function isEntityTable(name: string): name is EntityTable {
  return Object.hasOwn(ENTITIES, name);
}
