/**
 * What the knowledge screens write, each as one unit that can be undone: organisations (create,
 * edit, delete with their contacts unlinked), a contact linked to or unlinked from one, and a
 * confirmed CSV import.
 */
import type { CsvTable } from '../domain/csv/columns';
import { mergePatch, type ImportPreview } from '../domain/csv/preview';
import type { InputOf, Organisation, Person } from '../domain/entities';
import type { OrganisationFields } from '../domain/entities/organisation';
import { AppError } from '../domain/errors';
import type { MissionDb } from './database';
import { runUnit, type UndoStep } from './unit';

export interface Undoable<R> {
  readonly result: R;
  readonly undo: readonly UndoStep[];
}

export function createOrganisation(db: MissionDb, input: InputOf<'organisations'>): Promise<Undoable<Organisation>> {
  return runUnit(db, ['organisations'], (unit) => unit.create('organisations', input));
}

/**
 * The fields of `after` that differ from `before`: a field changed elsewhere meanwhile (sync,
 * another window) is not overwritten by a form that did not touch it.
 */
export function changedFields<F extends object>(before: F, after: F): Partial<F> {
  const patch: Partial<F> = {};
  for (const field of Object.keys(after) as (keyof F)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) patch[field] = after[field];
  }
  return patch;
}

/** Saves an edit; null when there was nothing to save (nothing written, nothing to undo). */
export async function saveOrganisation(
  db: MissionDb,
  id: string,
  patch: Partial<OrganisationFields>,
): Promise<Undoable<Organisation> | null> {
  if (Object.keys(patch).length === 0) return null;
  return runUnit(db, ['organisations'], (unit) => unit.update('organisations', id, patch));
}

/**
 * A tombstone for the organisation; its contacts stay in the People registry with its name as
 * free text, so nobody loses where they work. Targets and meetings keep their link (undo restores
 * it whole), and show the organisation as missing.
 */
export async function deleteOrganisation(db: MissionDb, id: string): Promise<readonly UndoStep[]> {
  const { undo } = await runUnit(db, ['organisations', 'people'], async (unit) => {
    const organisation = await unit.get('organisations', id);
    if (!organisation) throw new AppError('errors.notFound', `organisation ${id} not found`);
    const contacts = await db.people.where('organisationId').equals(id).toArray();
    for (const contact of contacts) {
      if (contact.deleted !== 0) continue;
      await unit.update('people', contact.id, {
        organisationId: '',
        organisationName: contact.organisationName || organisation.name,
      });
    }
    await unit.remove('organisations', id);
  });
  return undo;
}

/** Makes an existing person a contact of the organisation, in the role given (their job title). */
export function linkContact(
  db: MissionDb,
  organisationId: string,
  personId: string,
  jobTitle: string,
): Promise<Undoable<Person>> {
  return runUnit(db, ['organisations', 'people'], async (unit) => {
    if (!(await unit.get('organisations', organisationId))) {
      throw new AppError('errors.notFound', `organisation ${organisationId} not found`);
    }
    return unit.update('people', personId, { organisationId, jobTitle });
  });
}

/** The person is no longer this organisation's contact; the rest of their record stays. */
export function unlinkContact(db: MissionDb, personId: string): Promise<Undoable<Person>> {
  return runUnit(db, ['people'], (unit) => unit.update('people', personId, { organisationId: '' }));
}

/** What the user chose for one likely duplicate: skip it, or merge the chosen fields into the existing record. */
export interface DuplicateDecision {
  readonly merge: boolean;
  /** Per differing field, take the incoming value; a field not named follows the preview's proposal. */
  readonly fields: Readonly<Record<string, boolean>>;
}

export interface ImportOutcome {
  readonly created: number;
  readonly merged: number;
}

/**
 * Writes a confirmed import preview in one unit: every `new` row created, every duplicate the user
 * did not skip merged into its existing record (only the fields taken), rejected rows left out.
 * Either all of it lands or none of it does; the undo steps take the whole import back.
 */
export function writeCsvImport<T extends CsvTable>(
  db: MissionDb,
  preview: ImportPreview<T>,
  decisions: ReadonlyMap<number, DuplicateDecision> = new Map(),
): Promise<Undoable<ImportOutcome>> {
  const table: CsvTable = preview.table;
  return runUnit(db, ['organisations', 'people'], async (unit) => {
    let created = 0;
    let merged = 0;
    for (const row of preview.rows) {
      if (row.fate === 'new') {
        await unit.create(table, row.fields as InputOf<typeof table>);
        created++;
      } else if (row.fate === 'duplicate') {
        const decision = decisions.get(row.row);
        if (decision && !decision.merge) continue;
        const patch = mergePatch(row, decision?.fields);
        if (Object.keys(patch).length === 0) continue;
        await unit.update(table, row.existingId, patch as Partial<InputOf<typeof table>>);
        merged++;
      }
    }
    return { created, merged };
  });
}

/** A local, not synced value (the saved search index): outside the change log on purpose. */
export async function writeMeta(db: MissionDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
