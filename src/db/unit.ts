/**
 * The door for writes: a unit of work over one or more tables, validated record by record and
 * written through the one stamped, logged write path in a single transaction. Either every write
 * of a unit lands or none does (a new person and their delegation place; a duplicated mission).
 * A unit also keeps what each record looked like before, so the whole unit can be undone.
 */
import { ENTITIES, type EntityTable, type FieldsOf, type InputOf, type StoredRecord } from '../domain/entities';
import { userFieldsOf, type RecordMeta } from '../domain/entities/common';
import { AppError, issuesFromZod } from '../domain/errors';
import { newId } from '../domain/ids';
import { checkStatusChange } from '../domain/mission-workflow';
import type { MissionDb } from './database';
import { inWriteTransaction, type WriteSession } from './writer';

export function validateFields<T extends EntityTable>(table: T, input: unknown): FieldsOf<T> {
  const result = ENTITIES[table].fields.safeParse(input);
  if (!result.success) {
    throw new AppError('errors.invalidInput', `invalid ${table} record`, issuesFromZod(result.error.issues));
  }
  return result.data as FieldsOf<T>;
}

/** Rules that look at a record before and after a change (both validated). */
type Guard<T extends EntityTable> = (before: FieldsOf<T>, after: FieldsOf<T>) => void;
const GUARDS: { [T in EntityTable]?: Guard<T> } = {
  missions: checkStatusChange,
};

/** How to put one record back as it was: its user fields, or null when the unit created it. */
export interface UndoStep {
  readonly table: EntityTable;
  readonly id: string;
  readonly before: Record<string, unknown> | null;
}

export interface Unit {
  get<T extends EntityTable>(table: T, id: string): Promise<StoredRecord<T> | undefined>;
  create<T extends EntityTable>(table: T, input: InputOf<T>, id?: string): Promise<StoredRecord<T>>;
  /** Changes some fields; the whole record is validated as it would be after the change. */
  update<T extends EntityTable>(table: T, id: string, patch: Partial<InputOf<T>>): Promise<StoredRecord<T>>;
  /** A tombstone that sync can carry; records are never removed outright. */
  remove(table: EntityTable, id: string): Promise<void>;
}

export interface UnitResult<R> {
  readonly result: R;
  /** Newest first: applying them in order restores every record the unit touched. */
  readonly undo: readonly UndoStep[];
}

function isPatch(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function runUnit<R>(
  db: MissionDb,
  tables: readonly EntityTable[],
  work: (unit: Unit) => Promise<R>,
): Promise<UnitResult<R>> {
  const undo: UndoStep[] = [];
  const remember = (table: EntityTable, id: string, before: (RecordMeta & object) | undefined) => {
    if (undo.some((step) => step.table === table && step.id === id)) return;
    const restore = before && before.deleted === 0 ? userFieldsOf(before) : null;
    // A record that was deleted before the unit revived it goes back to deleted: before = null.
    undo.unshift({ table, id, before: restore });
  };
  const result = await inWriteTransaction(db, tables, async (session: WriteSession) => {
    const raw = <T extends EntityTable>(table: T, id: string) =>
      db.entityTable(table).get(id) as Promise<StoredRecord<T> | undefined>;
    const unit: Unit = {
      async get(table, id) {
        const record = await raw(table, id);
        return record && record.deleted === 0 ? record : undefined;
      },
      async create(table, input, id = newId()) {
        const fields = validateFields(table, input);
        remember(table, id, await raw(table, id));
        const record = await session.apply({ kind: 'put', table, id, fields });
        if (!record) throw new AppError('errors.unexpected', `create of ${table} wrote nothing`);
        return record;
      },
      async update(table, id, patch) {
        if (!isPatch(patch)) throw new AppError('errors.invalidInput', 'a patch must be an object');
        const current = await unit.get(table, id);
        if (!current) throw new AppError('errors.notFound', `${table} ${id} not found`);
        const before = userFieldsOf(current) as FieldsOf<typeof table>;
        const fields = validateFields(table, { ...before, ...patch });
        (GUARDS[table] as Guard<typeof table> | undefined)?.(before, fields);
        remember(table, id, current);
        return (await session.apply({ kind: 'put', table, id, fields })) ?? current;
      },
      async remove(table, id) {
        const current = await unit.get(table, id);
        if (!current) throw new AppError('errors.notFound', `${table} ${id} not found`);
        remember(table, id, current);
        await session.apply({ kind: 'delete', table, id });
      },
    };
    return work(unit);
  });
  return { result, undo };
}

/**
 * Puts every record of an undone unit back as it was, as new stamped writes (so sync carries the
 * undo like any edit). Guards are not asked: going back to a state that was valid is allowed.
 */
export async function applyUndo(db: MissionDb, steps: readonly UndoStep[]): Promise<void> {
  if (steps.length === 0) throw new AppError('errors.nothingToUndo', 'nothing to undo');
  const tables = [...new Set(steps.map((step) => step.table))];
  await inWriteTransaction(db, tables, async (session) => {
    for (const step of steps) {
      if (step.before === null) await session.apply({ kind: 'delete', table: step.table, id: step.id });
      else {
        const fields = validateFields(step.table, step.before);
        await session.apply({ kind: 'put', table: step.table, id: step.id, fields });
      }
    }
  });
}
