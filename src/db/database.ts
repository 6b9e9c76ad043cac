/** The Dexie database. Only src/db writes to it; screens read through live queries. */
import Dexie, { type Table } from 'dexie';
import type { EntityTable, StoredRecord } from '../domain/entities';
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema';

export interface ChangeRow {
  seq?: number;
  hlc: string;
  device: string;
  table: EntityTable;
  rowId: string;
  /** The fields this write changed, with their new values (`deleted` included). */
  fields: Record<string, unknown>;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/** What an issued briefing book held, so the next issue can list what changed. Local to the device. */
export interface BookIssueRow {
  missionId: string;
  version: number;
  issuedAt: string;
  /** The book's own summary of its content (src/book decides the shape). */
  summary: unknown;
}

export type EntityTables = { [T in EntityTable]: Table<StoredRecord<T>, string> };

export class MissionDb extends Dexie {
  declare missions: EntityTables['missions'];
  declare people: EntityTables['people'];
  declare organisations: EntityTables['organisations'];
  declare delegation: EntityTables['delegation'];
  declare agenda: EntityTables['agenda'];
  declare targets: EntityTables['targets'];
  declare notes: EntityTables['notes'];
  declare tasks: EntityTables['tasks'];
  declare photos: EntityTables['photos'];
  declare countrySheets: EntityTables['countrySheets'];
  declare bookIssues: Table<BookIssueRow, [string, number]>;
  declare changes: Table<ChangeRow, number>;
  declare meta: Table<MetaRow, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const schema of SCHEMA_VERSIONS) {
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
  }

  entityTable<T extends EntityTable>(table: T): EntityTables[T] {
    return this.table(table) as unknown as EntityTables[T];
  }
}
