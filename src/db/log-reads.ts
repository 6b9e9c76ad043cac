/**
 * The reads the search worker needs, apart from the rest of the queries: they use Dexie and
 * nothing else, so the worker's script does not carry the record schemas (zod) and the CSV parser
 * that the screens' queries and writes bring with them, and starts sooner. `queries.ts` re-exports
 * them for the screens.
 */
import Dexie from 'dexie';
import type { EntityTable, Person, StoredRecord } from '../domain/entities';
import type { MissionDb } from './database';

export type ListedTable = Extract<EntityTable, 'missions' | 'people' | 'organisations' | 'notes'>;

/** A registry's live records (deleted 0) or its tombstones (deleted 1), in sort order. */
export function sorted<T extends ListedTable>(db: MissionDb, table: T, deleted: 0 | 1) {
  return db.entityTable(table).where('[deleted+sortKey]').between([deleted, Dexie.minKey], [deleted, Dexie.maxKey]);
}

/**
 * The live records of a registry: all records less the tombstones. Counting the live range of the
 * [deleted+sortKey] index instead took 530–640 ms for 50,000 organisations in Chromium (an index
 * count checks every entry against its record), and IndexedDB does nothing else meanwhile: the
 * search worker's first read and the registry's first page waited behind it. The store's own count
 * took 73 ms and the tombstones' range a few (test/bench/README.md, "Counting").
 */
export function countLive(db: MissionDb, table: ListedTable): Promise<number> {
  const records = db.entityTable(table);
  return db.transaction('r', records, async () => {
    const [all, tombstones] = await Promise.all([records.count(), sorted(db, table, 1).count()]);
    return all - tombstones;
  });
}

/** The organisation's contacts (people linked to it), by family name. */
export async function contactsOf(db: MissionDb, organisationId: string): Promise<Person[]> {
  const people = await db.people
    .where('organisationId')
    .equals(organisationId)
    .filter((person) => person.deleted === 0)
    .toArray();
  return people.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

export type SearchedTable = 'missions' | 'organisations' | 'people' | 'notes';
export const SEARCHED_TABLES: readonly SearchedTable[] = ['missions', 'organisations', 'people', 'notes'];

/** The records with these ids, live or not (a tombstone tells the index to drop it); missing ones left out. */
export async function recordsByIds<T extends SearchedTable>(
  db: MissionDb,
  table: T,
  ids: readonly string[],
): Promise<StoredRecord<T>[]> {
  const rows = (await db.entityTable(table).bulkGet([...ids])) as (StoredRecord<T> | undefined)[];
  return rows.filter((row): row is StoredRecord<T> => row !== undefined);
}

/** The change log after `seq`, oldest first, at most `limit` rows: what a follower of the log has not seen. */
export function changesAfter(db: MissionDb, seq: number, limit = 5000) {
  return db.changes.where('seq').above(seq).limit(limit).toArray();
}

/** The newest change-log sequence number, 0 for an empty log. */
export async function lastChangeSeq(db: MissionDb): Promise<number> {
  const last = await db.changes.orderBy('seq').last();
  return last?.seq ?? 0;
}

export async function readMeta(db: MissionDb, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}
