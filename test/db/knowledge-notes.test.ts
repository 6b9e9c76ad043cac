import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import { changedFields, createNote, deleteNote, saveNote } from '../../src/db/knowledge-writes';
import { noteById, notesFor, notesSummaryPerCountry } from '../../src/db/queries';
import { applyUndo } from '../../src/db/unit';
import { AppError } from '../../src/domain/errors';
import type { InputOf } from '../../src/domain/entities';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('knowledge-notes');
let db: MissionDb;

beforeEach(() => {
  db = freshDb();
});

const NOTE: InputOf<'notes'> = {
  title: 'Semiconductor subsidies',
  body: 'The **Chips Act** funds fabs.\n\n- Arizona\n- Texas',
  source: 'CHIPS Program Office',
  sourceUrl: 'https://www.nist.gov/chips',
  sourceDate: '2026-09-01',
  reliability: 'confirmed',
  reviewBy: '2027-03-01',
  countryCodes: ['US'],
  sectors: [],
  organisationIds: [],
};

async function refusal(write: Promise<unknown>): Promise<AppError> {
  const error = await write.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('intelligence note writes', () => {
  it('creates a note with its source, dates and tags, and an undo takes it back', async () => {
    const { result, undo } = await createNote(db, NOTE);
    const stored = await noteById(db, result.id);
    expect(stored).toMatchObject({ title: NOTE.title, sourceDate: '2026-09-01', reviewBy: '2027-03-01' });
    expect((await notesFor(db, 'US')).map((note) => note.id)).toEqual([result.id]);
    await applyUndo(db, undo);
    expect(await noteById(db, result.id)).toBeUndefined();
  });

  it.each([
    ['an empty title', { title: '  ' }, 'title'],
    ['a javascript: source address', { sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
    ['a review date that is not a date', { reviewBy: '31-12-2026' }, 'reviewBy'],
    ['an unknown reliability', { reliability: 'rumour' }, 'reliability'],
    ['a country tag that is not an ISO code', { countryCodes: ['Japan'] }, 'countryCodes'],
  ])('refuses a note with %s and writes nothing at all', async (_what, bad, field) => {
    const error = await refusal(createNote(db, { ...NOTE, ...bad } as InputOf<'notes'>));
    expect(error.key).toBe('errors.invalidInput');
    expect(error.issues.map((issue) => issue.path.split('.')[0])).toContain(field);
    expect(await db.notes.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('an invalid edit leaves the stored note exactly as it was', async () => {
    const { result } = await createNote(db, NOTE);
    const changesBefore = await db.changes.count();
    await refusal(saveNote(db, result.id, { title: '', body: 'half an edit' }));
    const stored = await noteById(db, result.id);
    expect(stored?.title).toBe(NOTE.title);
    expect(stored?.body).toBe(NOTE.body);
    expect(await db.changes.count()).toBe(changesBefore);
  });

  it('saves only the changed fields, and an edit without changes writes nothing', async () => {
    const { result } = await createNote(db, NOTE);
    expect(await saveNote(db, result.id, {})).toBeNull();
    const form = { ...NOTE, reviewBy: '2026-01-15' };
    const patch = changedFields(NOTE, form);
    expect(patch).toEqual({ reviewBy: '2026-01-15' });
    const saved = await saveNote(db, result.id, patch);
    expect(saved?.result.reviewBy).toBe('2026-01-15');
    await applyUndo(db, saved?.undo ?? []);
    expect((await noteById(db, result.id))?.reviewBy).toBe('2027-03-01');
  });

  it('a deleted note leaves the country and comes back whole on undo', async () => {
    const { result } = await createNote(db, { ...NOTE, organisationIds: ['01a20eb7-dc99-775a-a7ce-c5eba361af83'] });
    const undo = await deleteNote(db, result.id);
    expect(await notesFor(db, 'US')).toEqual([]);
    await applyUndo(db, undo);
    expect((await noteById(db, result.id))?.organisationIds).toEqual(['01a20eb7-dc99-775a-a7ce-c5eba361af83']);
  });

  it('counts per country the notes and those past their review-by date (due today is not overdue)', async () => {
    await createNote(db, { ...NOTE, title: 'Past', reviewBy: '2026-12-04', countryCodes: ['US', 'CA'] });
    await createNote(db, { ...NOTE, title: 'Today', reviewBy: '2026-12-05' });
    await createNote(db, { ...NOTE, title: 'No date', reviewBy: '' });
    const { result: gone } = await createNote(db, { ...NOTE, title: 'Deleted', reviewBy: '2020-01-01' });
    await deleteNote(db, gone.id);
    expect(await notesSummaryPerCountry(db, ['US', 'CA', 'JP'], '2026-12-05')).toEqual({
      US: { notes: 3, overdue: 1 },
      CA: { notes: 1, overdue: 1 },
      JP: { notes: 0, overdue: 0 },
    });
  });
});
