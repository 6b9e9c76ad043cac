/**
 * Conflicts to review: what the Sync screen shows of each (which record, which field, mine and
 * theirs, when) and the user's choice saved as a normal write through the db layer, then dismissed.
 */
import { runUnit, type MissionDb } from '../../db';
import type { UndoStep } from '../../db/unit';
import type { Conflict } from '../../db/apply-remote';
import { dismissConflict, listConflicts } from '../../db/apply-remote';
import { userFieldsOf } from '../../domain/entities/common';
import { ENTITY_TABLES, type EntityTable } from '../../domain/entities';
import { AppError } from '../../domain/errors';

export type StoredConflict = Conflict & { readonly key: string; readonly detectedAt: string };

export interface ConflictView extends StoredConflict {
  readonly entity: EntityTable | null;
  /** A name for the record (title, name, person), or '' when it has none. */
  readonly label: string;
  /** When each side was written: the wall-clock part of its HLC stamp. */
  readonly mineAt: string;
  readonly theirsAt: string;
}

function isEntityTable(table: string): table is EntityTable {
  return (ENTITY_TABLES as readonly string[]).includes(table);
}

/** The wall time of an HLC stamp (`<ISO instant>-<counter>-<device>`), or '' when unreadable. */
export function stampTime(stamp: string): string {
  const iso = stamp.slice(0, 24);
  return Number.isNaN(Date.parse(iso)) ? '' : iso;
}

function recordLabel(record: Record<string, unknown> | undefined): string {
  if (!record) return '';
  for (const field of ['title', 'name']) {
    const value = record[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  const person = [record.givenName, record.familyName].filter((v) => typeof v === 'string' && v !== '').join(' ');
  return person;
}

/** The conflicts on this device with a name for each record; a read for useLiveQuery. */
export async function readConflicts(db: MissionDb): Promise<ConflictView[]> {
  const conflicts = await listConflicts(db);
  return Promise.all(
    conflicts.map(async (conflict) => {
      const entity = isEntityTable(conflict.table) ? conflict.table : null;
      const record = entity ? ((await db.entityTable(entity).get(conflict.rowId)) as object | undefined) : undefined;
      // `mine` is always this device's value, whichever side the merge kept.
      return {
        ...conflict,
        entity,
        label: recordLabel(record ? (record as Record<string, unknown>) : undefined),
        mineAt: stampTime(conflict.local.stamp),
        theirsAt: stampTime(conflict.remote.stamp),
      };
    }),
  );
}

/** What the screen shows for a value: text as is, lists joined, the rest as JSON. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return JSON.stringify(value);
}

/**
 * Saves `value` for the conflict's field as a normal (stamped, logged, synced) write and dismisses
 * the conflict. A delete-against-edit conflict: 0 restores the record with the fields it has now
 * (the concurrent edit was merged into them), 1 keeps it deleted. Returns the undo steps.
 */
export async function resolveConflict(
  db: MissionDb,
  conflict: StoredConflict,
  value: unknown,
): Promise<readonly UndoStep[]> {
  const { table, rowId, field } = conflict;
  if (!isEntityTable(table)) throw new AppError('errors.invalidInput', `conflict on unknown table ${table}`);
  let undo: readonly UndoStep[] = [];
  if (field === 'deleted') {
    const stored = (await db.entityTable(table).get(rowId)) as ({ deleted: number } & object) | undefined;
    if (!stored) throw new AppError('errors.notFound', `${table} ${rowId} not found`);
    if (value === 0 && stored.deleted === 1) {
      const fields = userFieldsOf(stored);
      ({ undo } = await runUnit(db, [table], (unit) => unit.create(table, fields as never, rowId)));
    } else if (value === 1 && stored.deleted === 0) {
      ({ undo } = await runUnit(db, [table], (unit) => unit.remove(table, rowId)));
    }
  } else {
    const current = (await db.entityTable(table).get(rowId)) as Record<string, unknown> | undefined;
    // Writing a value the record already holds would only add a stamp; the choice is then made.
    if (!current || JSON.stringify(current[field]) !== JSON.stringify(value)) {
      ({ undo } = await runUnit(db, [table], (unit) => unit.update(table, rowId, { [field]: value } as never)));
    }
  }
  await dismissConflict(db, conflict.key);
  return undo;
}
