/**
 * Repositories: one table's typed door to the unit of work. Each call validates with the
 * entity's zod schema before anything is written, then writes through the stamped, logged path.
 * Writes that span tables use `runUnit` directly.
 */
import type { EntityTable, InputOf, StoredRecord } from '../domain/entities';
import type { MissionDb } from './database';
import { runUnit, type UndoStep } from './unit';

export { validateFields } from './unit';

export class Repository<T extends EntityTable> {
  constructor(
    private readonly db: MissionDb,
    readonly table: T,
  ) {}

  /** A live (not deleted) record, or undefined. */
  async get(id: string): Promise<StoredRecord<T> | undefined> {
    const record = await this.db.entityTable(this.table).get(id);
    return record && record.deleted === 0 ? (record as StoredRecord<T>) : undefined;
  }

  async create(input: InputOf<T>): Promise<StoredRecord<T>> {
    return (await this.createUndoable(input)).result;
  }

  async createUndoable(input: InputOf<T>): Promise<{ result: StoredRecord<T>; undo: readonly UndoStep[] }> {
    return runUnit(this.db, [this.table], (unit) => unit.create(this.table, input));
  }

  /** Changes some fields; the whole record is validated as it would be after the change. */
  async update(id: string, patch: Partial<InputOf<T>>): Promise<StoredRecord<T>> {
    return (await this.updateUndoable(id, patch)).result;
  }

  async updateUndoable(
    id: string,
    patch: Partial<InputOf<T>>,
  ): Promise<{ result: StoredRecord<T>; undo: readonly UndoStep[] }> {
    return runUnit(this.db, [this.table], (unit) => unit.update(this.table, id, patch));
  }

  /** Marks the record deleted (a tombstone that sync can carry); it is never removed outright. */
  async remove(id: string): Promise<readonly UndoStep[]> {
    return (await runUnit(this.db, [this.table], (unit) => unit.remove(this.table, id))).undo;
  }
}
