/**
 * The one write path. Inside a single Dexie transaction it stamps each changed field with a
 * hybrid-logical-clock stamp, keeps tombstones, writes the record and appends the change log.
 * Callers validate first (repositories, importers), so nothing half-written can land.
 */
import type { Table } from 'dexie';
import { ENTITIES, type EntityTable, type FieldsOf, type StoredRecord } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import { formatHlc, initialClock, newDeviceId, tick, type HlcState } from '../domain/hlc';
import type { MissionDb } from './database';

export const CLOCK_KEY = 'clock';

/** Tables every write transaction touches besides the entity tables. */
export function writeScope(db: MissionDb, tables: readonly EntityTable[]): Table[] {
  return [...tables.map((t) => db.table(t)), db.changes, db.meta];
}

export async function loadClock(db: MissionDb): Promise<HlcState> {
  const row = await db.meta.get(CLOCK_KEY);
  const value = row?.value as Partial<HlcState> | undefined;
  if (
    value &&
    typeof value.device === 'string' &&
    typeof value.millis === 'number' &&
    typeof value.counter === 'number'
  ) {
    return { device: value.device, millis: value.millis, counter: value.counter };
  }
  return initialClock(newDeviceId());
}

/** Field-level equality for change detection; values are plain JSON data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export type WriteOp<T extends EntityTable = EntityTable> =
  { kind: 'put'; table: T; id: string; fields: FieldsOf<T> } | { kind: 'delete'; table: T; id: string };

export interface WriteSession {
  /** Apply one validated write; returns the stored record, or undefined when nothing changed. */
  apply<T extends EntityTable>(op: WriteOp<T>): Promise<StoredRecord<T> | undefined>;
}

/**
 * Runs `work` in one read-write transaction over the given tables, the change log and the clock.
 * Either every write inside lands, or none does.
 */
export async function inWriteTransaction<R>(
  db: MissionDb,
  tables: readonly EntityTable[],
  work: (session: WriteSession) => Promise<R>,
  now: () => number = Date.now,
): Promise<R> {
  return db.transaction('rw', writeScope(db, tables), async () => {
    let clock = await loadClock(db);
    const session: WriteSession = {
      async apply<T extends EntityTable>(op: WriteOp<T>) {
        const table = db.entityTable(op.table) as unknown as Table<StoredRecord<T>, string>;
        const previous = await table.get(op.id);
        if (op.kind === 'delete' && (!previous || previous.deleted === 1)) return previous;

        const wall = now();
        clock = tick(clock, wall);
        const stamp = formatHlc(clock);
        const at = new Date(wall).toISOString();

        const userFields: Record<string, unknown> =
          op.kind === 'put' ? { ...(op.fields as Record<string, unknown>), deleted: 0 } : { deleted: 1 };
        const changed: Record<string, unknown> = {};
        for (const [field, value] of Object.entries(userFields)) {
          if (!previous || !sameValue((previous as Record<string, unknown>)[field], value)) changed[field] = value;
        }
        if (Object.keys(changed).length === 0) return previous;

        const stamps = { ...(previous?.stamps ?? {}) };
        for (const field of Object.keys(changed)) stamps[field] = stamp;

        const merged = userFieldsOf({ ...(previous ?? {}), ...userFields });
        const definition = ENTITIES[op.table];
        const sortKey = definition.sortKey ? (definition.sortKey as (f: unknown) => string)(merged) : '';

        const record = {
          ...merged,
          id: op.id,
          createdAt: previous?.createdAt ?? at,
          updatedAt: at,
          deleted: userFields.deleted,
          stamps,
          hlc: stamp,
          sortKey,
        } as StoredRecord<T>;
        await table.put(record);
        await db.changes.add({ hlc: stamp, device: clock.device, table: op.table, rowId: op.id, fields: changed });
        return record;
      },
    };
    const result = await work(session);
    await db.meta.put({ key: CLOCK_KEY, value: clock });
    return result;
  });
}

/** This device's id (created with the first write). */
export async function deviceId(db: MissionDb): Promise<string | undefined> {
  const row = await db.meta.get(CLOCK_KEY);
  const value = row?.value as Partial<HlcState> | undefined;
  return typeof value?.device === 'string' ? value.device : undefined;
}
