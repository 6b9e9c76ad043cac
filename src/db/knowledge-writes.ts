/**
 * What the knowledge screens write, each as one unit that can be undone: organisations (create,
 * edit, delete with their contacts unlinked), a contact linked to or unlinked from one, a
 * confirmed CSV import, intelligence notes and country sheets.
 */
import type { CsvTable } from '../domain/csv/columns';
import { mergePatch, type ImportPreview } from '../domain/csv/preview';
import { emptySheet, prefilledSheet } from '../domain/country-facts';
import type { CountrySheet, InputOf, IntelligenceNote, Organisation, Person } from '../domain/entities';
import type { CountrySheetFields } from '../domain/entities/country-sheet';
import type { IntelligenceNoteFields } from '../domain/entities/intelligence-note';
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

/** A new intelligence note. */
export function createNote(db: MissionDb, input: InputOf<'notes'>): Promise<Undoable<IntelligenceNote>> {
  return runUnit(db, ['notes'], (unit) => unit.create('notes', input));
}

/** Saves an edit of a note; null when nothing changed (nothing written, nothing to undo). */
export async function saveNote(
  db: MissionDb,
  id: string,
  patch: Partial<IntelligenceNoteFields>,
): Promise<Undoable<IntelligenceNote> | null> {
  if (Object.keys(patch).length === 0) return null;
  return runUnit(db, ['notes'], (unit) => unit.update('notes', id, patch));
}

/** A tombstone for the note; undo brings it back with its tags. */
export async function deleteNote(db: MissionDb, id: string): Promise<readonly UndoStep[]> {
  return (await runUnit(db, ['notes'], (unit) => unit.remove('notes', id))).undo;
}

/**
 * Saves a country's sheet. The first save creates it from `whole` (what the form showed: the
 * prefilled facts with the user's change); later saves write only the changed fields. Without a
 * change nothing is written: merely opening (and leaving) a country creates no sheet. A country
 * has one sheet (a unique index): one that was deleted (an undone first save) is revived under
 * its own id rather than duplicated.
 */
export async function saveCountrySheet(
  db: MissionDb,
  countryCode: string,
  whole: CountrySheetFields,
  patch: Partial<CountrySheetFields>,
): Promise<Undoable<CountrySheet> | null> {
  if (whole.countryCode !== countryCode || (patch.countryCode ?? countryCode) !== countryCode) {
    throw new AppError('errors.invalidInput', `a sheet of ${countryCode} cannot become another country's`);
  }
  if (Object.keys(patch).length === 0) return null;
  return runUnit(db, ['countrySheets'], async (unit) => {
    const existing = await db.countrySheets.where('countryCode').equals(countryCode).first();
    if (existing && existing.deleted === 0) return unit.update('countrySheets', existing.id, patch);
    return unit.create('countrySheets', whole, existing?.id);
  });
}

/** The facts a sheet can be given: the focus, time zones, currency and languages. */
type FactField = 'focus' | 'timeZones' | 'currency' | 'languages';

/**
 * What "fill in the known facts" would add to a sheet: only the fact fields that are still empty
 * and that the country has a known value for. What the team wrote is never part of it.
 */
export function knownFactsPatch(
  sheet: Pick<CountrySheetFields, 'countryCode' | FactField>,
  language: 'nl' | 'en',
): Partial<Pick<CountrySheetFields, FactField>> {
  const facts = prefilledSheet(sheet.countryCode, language);
  const patch: Partial<Pick<CountrySheetFields, FactField>> = {};
  if (sheet.focus === '' && facts.focus !== '') patch.focus = facts.focus;
  if (sheet.timeZones.length === 0 && facts.timeZones.length > 0) patch.timeZones = facts.timeZones;
  if (sheet.currency.trim() === '' && facts.currency !== '') patch.currency = facts.currency;
  if (sheet.languages.trim() === '' && facts.languages !== '') patch.languages = facts.languages;
  return patch;
}

/**
 * Fills the empty fact fields of the country's sheet (creating the sheet, prefilled, when it has
 * none yet), in one undoable unit; null when there was nothing to fill.
 */
export async function fillKnownFacts(
  db: MissionDb,
  countryCode: string,
  language: 'nl' | 'en',
): Promise<Undoable<CountrySheet> | null> {
  const saved = await runUnit(db, ['countrySheets'], async (unit) => {
    const existing = await db.countrySheets.where('countryCode').equals(countryCode).first();
    if (existing && existing.deleted === 0) {
      const patch = knownFactsPatch(existing, language);
      return Object.keys(patch).length === 0 ? existing : unit.update('countrySheets', existing.id, patch);
    }
    const prefilled = prefilledSheet(countryCode, language);
    // A country without known facts gets no empty sheet from this button.
    if (Object.keys(knownFactsPatch(emptySheet(countryCode), language)).length === 0) return null;
    return unit.create('countrySheets', prefilled, existing?.id);
  });
  return saved.result === null || saved.undo.length === 0 ? null : { result: saved.result, undo: saved.undo };
}
