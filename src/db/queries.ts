/**
 * Read queries for the screens, all through indexes: nothing here scans a whole table, so start-up
 * does not grow with the data.
 */
import Dexie from 'dexie';
import type { EntityTable, Mission, StoredRecord } from '../domain/entities';
import type { MissionDb } from './database';
import { deviceId } from './writer';

type ListedTable = Extract<EntityTable, 'missions' | 'people' | 'organisations' | 'notes'>;

function liveSorted<T extends ListedTable>(db: MissionDb, table: T) {
  return db.entityTable(table).where('[deleted+sortKey]').between([0, Dexie.minKey], [0, Dexie.maxKey]);
}

export function listMissions(db: MissionDb): Promise<Mission[]> {
  return liveSorted(db, 'missions').toArray();
}

export function countLive(db: MissionDb, table: ListedTable): Promise<number> {
  return liveSorted(db, table).count();
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
