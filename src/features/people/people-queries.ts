/**
 * Reads of the People screen, all through the `[deleted+sortKey]` index so none scans a table:
 * the list filtered by the start of the family name, organisations by the start of their name,
 * and a photo. (Candidates for src/db/queries.ts; kept here until that file is free to change.)
 */
import type { MissionDb } from '../../db';
import type { Organisation, Photo } from '../../domain/entities';
import { foldForSearch, surnameSortKey } from '../../domain/text';
import type { RegistryQuery } from '../common/VirtualRecordList';

// Above every character a folded key can hold, so [prefix, prefix + END) is "starts with prefix".
const END = '\uffff';

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
export function peopleByNameQuery(filter: string): RegistryQuery<'people'> {
  const ranges = namePrefixes(filter).map(
    (prefix) => (db: MissionDb) => db.people.where('[deleted+sortKey]').between([0, prefix], [0, prefix + END]),
  );
  return {
    key: `people:${namePrefixes(filter).join('|')}`,
    count: async (db) => (await Promise.all(ranges.map((range) => range(db).count()))).reduce((a, b) => a + b, 0),
    page: async (db, offset, limit) => {
      const rows = [];
      let skip = offset;
      for (const range of ranges) {
        if (rows.length >= limit) break;
        const size = await range(db).count();
        if (skip >= size) {
          skip -= size;
          continue;
        }
        rows.push(
          ...(await range(db)
            .offset(skip)
            .limit(limit - rows.length)
            .toArray()),
        );
        skip = 0;
      }
      return rows;
    },
  };
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

export async function organisationById(db: MissionDb, id: string): Promise<Organisation | undefined> {
  if (!id) return undefined;
  const organisation = await db.organisations.get(id);
  return organisation?.deleted === 0 ? organisation : undefined;
}

export async function photoById(db: MissionDb, id: string): Promise<Photo | undefined> {
  if (!id) return undefined;
  const photo = await db.photos.get(id);
  return photo?.deleted === 0 ? photo : undefined;
}
