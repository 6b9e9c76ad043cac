/**
 * What the People screen writes, each through the db door as one unit that can be undone: a new
 * person, an edit, a delete (a tombstone), and a photo with the person's link to it together.
 */
import type { MissionDb } from '../../db';
import { runUnit, type UndoStep } from '../../db/unit';
import type { InputOf, Person, Photo } from '../../domain/entities';
import type { PersonFields } from '../../domain/entities/person';
import type { PhotoFields } from '../../domain/entities/photo';
import { AppError } from '../../domain/errors';

export interface Undoable<R> {
  readonly result: R;
  readonly undo: readonly UndoStep[];
}

export function createPerson(db: MissionDb, input: InputOf<'people'>): Promise<Undoable<Person>> {
  return runUnit(db, ['people'], (unit) => unit.create('people', input));
}

/** The fields the person form edits: all but the photo link, which only the photo unit changes. */
export type EditablePersonFields = Omit<PersonFields, 'photoId'>;

/**
 * The fields of `after` that differ from `before`, the photo link left out: a form opened before
 * a photo was added must not put the old link back, and a field changed elsewhere meanwhile (sync,
 * another window) is not overwritten by a form that did not touch it.
 */
export function changedPersonFields(before: PersonFields, after: PersonFields): Partial<EditablePersonFields> {
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (field === 'photoId') continue;
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[field])) patch[field] = value;
  }
  return patch as Partial<EditablePersonFields>;
}

/** Saves an edit; null when there was nothing to save (nothing written, nothing to undo). */
export async function savePerson(
  db: MissionDb,
  id: string,
  patch: Partial<EditablePersonFields>,
): Promise<Undoable<Person> | null> {
  if (Object.keys(patch).length === 0) return null;
  return runUnit(db, ['people'], (unit) => unit.update('people', id, patch));
}

export async function deletePerson(db: MissionDb, id: string): Promise<readonly UndoStep[]> {
  return (await runUnit(db, ['people'], (unit) => unit.remove('people', id))).undo;
}

export type PhotoInput = Omit<InputOf<'photos'>, 'credit'> & Partial<Pick<PhotoFields, 'credit'>>;

/**
 * Stores a photo and links it to the person in one unit: either both land or neither does. A
 * photo the person had before becomes a tombstone (undo brings it back with the old link).
 */
export function setPersonPhoto(db: MissionDb, personId: string, photo: PhotoInput): Promise<Undoable<Photo>> {
  return runUnit(db, ['photos', 'people'], async (unit) => {
    const person = await unit.get('people', personId);
    if (!person) throw new AppError('errors.notFound', `person ${personId} not found`);
    const stored = await unit.create('photos', photo);
    await unit.update('people', personId, { photoId: stored.id });
    if (person.photoId && (await unit.get('photos', person.photoId))) await unit.remove('photos', person.photoId);
    return stored;
  });
}

export async function removePersonPhoto(db: MissionDb, personId: string): Promise<readonly UndoStep[]> {
  const { undo } = await runUnit(db, ['photos', 'people'], async (unit) => {
    const person = await unit.get('people', personId);
    if (!person) throw new AppError('errors.notFound', `person ${personId} not found`);
    if (!person.photoId) return;
    await unit.update('people', personId, { photoId: '' });
    if (await unit.get('photos', person.photoId)) await unit.remove('photos', person.photoId);
  });
  return undo;
}
