/**
 * Repositories: the only way the app writes data. Each call validates with the entity's zod
 * schema before anything is written, then writes through the stamped, logged write path.
 */
import { ENTITIES, type EntityTable, type FieldsOf, type StoredRecord } from '../domain/entities';
import { userFieldsOf } from '../domain/entities/common';
import { AppError, issuesFromZod } from '../domain/errors';
import { newId } from '../domain/ids';
import type { MissionDb } from './database';
import { inWriteTransaction } from './writer';

export function validateFields<T extends EntityTable>(table: T, input: unknown): FieldsOf<T> {
  const result = ENTITIES[table].fields.safeParse(input);
  if (!result.success) {
    throw new AppError('errors.invalidInput', `invalid ${table} record`, issuesFromZod(result.error.issues));
  }
  return result.data as FieldsOf<T>;
}

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

  async create(input: unknown): Promise<StoredRecord<T>> {
    const fields = validateFields(this.table, input);
    const id = newId();
    const record = await inWriteTransaction(this.db, [this.table], (session) =>
      session.apply({ kind: 'put', table: this.table, id, fields }),
    );
    if (!record) throw new AppError('errors.unexpected', `create of ${this.table} wrote nothing`);
    return record;
  }

  /** Changes some fields; the whole record is validated as it would be after the change. */
  async update(id: string, patch: unknown): Promise<StoredRecord<T>> {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new AppError('errors.invalidInput', 'a patch must be an object');
    }
    return inWriteTransaction(this.db, [this.table], async (session) => {
      const current = await this.get(id);
      if (!current) throw new AppError('errors.notFound', `${this.table} ${id} not found`);
      const fields = validateFields(this.table, { ...userFieldsOf(current), ...patch });
      return (await session.apply({ kind: 'put', table: this.table, id, fields })) ?? current;
    });
  }

  /** Marks the record deleted (a tombstone that sync can carry); it is never removed outright. */
  async remove(id: string): Promise<void> {
    await inWriteTransaction(this.db, [this.table], async (session) => {
      const current = await this.get(id);
      if (!current) throw new AppError('errors.notFound', `${this.table} ${id} not found`);
      await session.apply({ kind: 'delete', table: this.table, id });
    });
  }
}
