/**
 * Read queries for the screens, all through indexes: nothing here scans a whole table, so start-up
 * does not grow with the data.
 */
import type { AgendaItem, Mission, Organisation, Person, Photo, StoredRecord, Target } from '../domain/entities';
import { foldForSearch, surnameSortKey } from '../domain/text';
import type { MissionDb } from './database';
import type { CountrySheet, IntelligenceNote } from '../domain/entities';
import { countOverdue } from '../domain/note-review';
import { deviceId } from './writer';
import { sorted, type ListedTable, type SearchedTable } from './log-reads';

export {
  changesAfter,
  contactsOf,
  countLive,
  lastChangeSeq,
  readMeta,
  recordsByIds,
  SEARCHED_TABLES,
  type SearchedTable,
} from './log-reads';

function liveSorted<T extends ListedTable>(db: MissionDb, table: T) {
  return sorted(db, table, 0);
}

export function listMissions(db: MissionDb): Promise<Mission[]> {
  return liveSorted(db, 'missions').toArray();
}

/** One page of a sorted registry, for virtualised lists. */
export function pageOf<T extends ListedTable>(
  db: MissionDb,
  table: T,
  offset: number,
  limit: number,
): Promise<StoredRecord<T>[]> {
  return liveSorted(db, table).offset(offset).limit(limit).toArray() as Promise<StoredRecord<T>[]>;
}

export interface MissionCounts {
  readonly delegation: number;
  readonly agenda: number;
  readonly targets: number;
}

export async function missionCounts(db: MissionDb, missionId: string): Promise<MissionCounts> {
  const live = (row: { deleted: 0 | 1 }) => row.deleted === 0;
  const [delegation, agenda, targets] = await Promise.all([
    db.delegation.where('missionId').equals(missionId).filter(live).count(),
    db.agenda.where('missionId').equals(missionId).filter(live).count(),
    db.targets.where('missionId').equals(missionId).filter(live).count(),
  ]);
  return { delegation, agenda, targets };
}

export async function notesPerCountry(db: MissionDb, countryCodes: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(
    countryCodes.map(
      async (code) =>
        [
          code,
          await db.notes
            .where('countryCodes')
            .equals(code)
            .filter((n) => n.deleted === 0)
            .count(),
        ] as const,
    ),
  );
  return Object.fromEntries(counts);
}

export function notesFor(db: MissionDb, countryCode: string) {
  return db.notes
    .where('countryCodes')
    .equals(countryCode)
    .filter((n) => n.deleted === 0)
    .sortBy('sortKey');
}

export interface SyncStatus {
  readonly deviceId: string | undefined;
  readonly pendingChanges: number;
}

/** Until a vault is linked, every logged change is still to be shared. */
export async function syncStatus(db: MissionDb): Promise<SyncStatus> {
  return { deviceId: await deviceId(db), pendingChanges: await db.changes.count() };
}

// Above every character a folded key can hold, so [prefix, prefix + END) is "starts with prefix".
const END = '\uffff';

/** A part of a sorted registry (a filter), read through an index like the whole list. */
export interface SortedQuery<T extends 'people' | 'organisations'> {
  /** Changes when the query does, so live reads restart. */
  readonly key: string;
  count(db: MissionDb): Promise<number>;
  page(db: MissionDb, offset: number, limit: number): Promise<StoredRecord<T>[]>;
}

/** Rows of several sort-key ranges in turn, paged as one list. */
function rangesQuery<T extends 'people' | 'organisations'>(
  table: T,
  key: string,
  prefixes: readonly string[],
): SortedQuery<T> {
  const ranges = prefixes.map(
    (prefix) => (db: MissionDb) =>
      db
        .entityTable(table)
        .where('[deleted+sortKey]')
        .between([0, prefix], [0, prefix + END]),
  );
  return {
    key,
    count: async (db) => (await Promise.all(ranges.map((range) => range(db).count()))).reduce((a, b) => a + b, 0),
    page: async (db, offset, limit) => {
      const rows: StoredRecord<T>[] = [];
      let skip = offset;
      for (const range of ranges) {
        if (rows.length >= limit) break;
        const size = await range(db).count();
        if (skip >= size) {
          skip -= size;
          continue;
        }
        rows.push(
          ...((await range(db)
            .offset(skip)
            .limit(limit - rows.length)
            .toArray()) as StoredRecord<T>[]),
        );
        skip = 0;
      }
      return rows;
    },
  };
}

/**
 * The folded prefixes a filter can mean: the family name as typed ("De Smet", a Belgian name that
 * sorts under D) and without a Dutch prefix ("de Vries" sorts under V). One prefix that the other
 * starts with covers both.
 */
export function namePrefixes(filter: string): string[] {
  const asTyped = foldForSearch(filter);
  const withoutPrefix = surnameSortKey(filter.toLocaleLowerCase('nl'));
  return asTyped.startsWith(withoutPrefix) ? [withoutPrefix] : [withoutPrefix, asTyped];
}

/**
 * People whose sort key (family name without its prefixes, then given name; folded) starts with
 * what the user typed, folded the same way: "de vries", "Vries" and "vriés j" all find Jan de Vries.
 * Matches by the Dutch reading come first, then those by the name as typed.
 */
export function peopleByNameQuery(filter: string): SortedQuery<'people'> {
  const prefixes = namePrefixes(filter);
  return rangesQuery('people', `people:${prefixes.join('|')}`, prefixes);
}

/** Organisations whose (folded) name starts with the filter: "societe" finds "Société Générale". */
export function organisationsByNameQuery(filter: string): SortedQuery<'organisations'> {
  const prefix = foldForSearch(filter);
  return rangesQuery('organisations', `organisations:${prefix}`, [prefix]);
}

/** Up to `limit` organisations whose name starts with the text, in name order. */
export function searchOrganisations(db: MissionDb, text: string, limit = 30): Promise<Organisation[]> {
  const prefix = foldForSearch(text);
  return db.organisations
    .where('[deleted+sortKey]')
    .between([0, prefix], [0, prefix + END])
    .limit(limit)
    .toArray();
}

/** Up to `limit` people whose family name starts with the text (as the People filter reads it). */
export function searchPeople(db: MissionDb, text: string, limit = 30): Promise<Person[]> {
  return peopleByNameQuery(text).page(db, 0, limit);
}

export async function organisationById(db: MissionDb, id: string): Promise<Organisation | undefined> {
  if (!id) return undefined;
  const organisation = await db.organisations.get(id);
  return organisation?.deleted === 0 ? organisation : undefined;
}

export async function personById(db: MissionDb, id: string): Promise<Person | undefined> {
  if (!id) return undefined;
  const person = await db.people.get(id);
  return person?.deleted === 0 ? person : undefined;
}

export async function photoById(db: MissionDb, id: string): Promise<Photo | undefined> {
  if (!id) return undefined;
  const photo = await db.photos.get(id);
  return photo?.deleted === 0 ? photo : undefined;
}

/** Every live organisation: what the duplicate guard compares a new one with. */
export function liveOrganisations(db: MissionDb): Promise<Organisation[]> {
  return liveSorted(db, 'organisations').toArray();
}

/** Every live person: what the contacts import compares its rows with. */
export function livePeople(db: MissionDb): Promise<Person[]> {
  return liveSorted(db, 'people').toArray();
}

export interface TargetingMission {
  readonly target: Target;
  readonly mission: Mission;
}

/** The missions that have the organisation as a target, latest start first. */
export async function missionsTargeting(db: MissionDb, organisationId: string): Promise<TargetingMission[]> {
  const targets = await db.targets
    .where('organisationId')
    .equals(organisationId)
    .filter((target) => target.deleted === 0)
    .toArray();
  const missions = await db.missions.bulkGet(targets.map((target) => target.missionId));
  const found: TargetingMission[] = [];
  targets.forEach((target, index) => {
    const mission = missions[index];
    if (mission && mission.deleted === 0) found.push({ target, mission });
  });
  return found.sort((a, b) => b.mission.startDate.localeCompare(a.mission.startDate));
}

export interface MeetingWith {
  readonly item: AgendaItem;
  readonly mission: Mission;
}

/** The agenda items held with the organisation (it is their counterpart), latest first. */
export async function meetingsWith(db: MissionDb, organisationId: string): Promise<MeetingWith[]> {
  const items = await db.agenda
    .where('organisationId')
    .equals(organisationId)
    .filter((item) => item.deleted === 0)
    .toArray();
  const missions = await db.missions.bulkGet([...new Set(items.map((item) => item.missionId))]);
  const byId = new Map(
    missions.flatMap((mission) => (mission && mission.deleted === 0 ? [[mission.id, mission]] : [])),
  );
  const found: MeetingWith[] = [];
  for (const item of items) {
    const mission = byId.get(item.missionId);
    if (mission) found.push({ item, mission });
  }
  return found.sort((a, b) => b.item.start.localeCompare(a.item.start));
}

/** Every live record of a searched table: what the search index is built from. */
export function liveRecords<T extends SearchedTable>(db: MissionDb, table: T): Promise<StoredRecord<T>[]> {
  return liveSorted(db, table).toArray() as Promise<StoredRecord<T>[]>;
}

/** The country's sheet, or undefined while it has none (it is created on the first edit). */
export async function countrySheetFor(db: MissionDb, countryCode: string): Promise<CountrySheet | undefined> {
  const sheet = await db.countrySheets.where('countryCode').equals(countryCode).first();
  return sheet && sheet.deleted === 0 ? sheet : undefined;
}

export async function countrySheetById(db: MissionDb, id: string): Promise<CountrySheet | undefined> {
  const sheet = await db.countrySheets.get(id);
  return sheet && sheet.deleted === 0 ? sheet : undefined;
}

export async function noteById(db: MissionDb, id: string): Promise<IntelligenceNote | undefined> {
  const note = await db.notes.get(id);
  return note && note.deleted === 0 ? note : undefined;
}

export interface CountryNotesSummary {
  readonly notes: number;
  /** Notes whose review-by date has passed (`isReviewOverdue`). */
  readonly overdue: number;
}

/** Per country, how many live notes are tagged with it and how many of them are overdue for review. */
export async function notesSummaryPerCountry(
  db: MissionDb,
  countryCodes: readonly string[],
  today: string,
): Promise<Record<string, CountryNotesSummary>> {
  const entries = await Promise.all(
    countryCodes.map(async (code) => {
      const notes = await db.notes
        .where('countryCodes')
        .equals(code)
        .filter((note) => note.deleted === 0)
        .toArray();
      return [code, { notes: notes.length, overdue: countOverdue(notes, today) }] as const;
    }),
  );
  return Object.fromEntries(entries);
}
