import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import { fillKnownFacts, knownFactsPatch, saveCountrySheet } from '../../src/db/knowledge-writes';
import { countrySheetById, countrySheetFor } from '../../src/db/queries';
import { applyUndo } from '../../src/db/unit';
import { emptySheet, prefilledSheet } from '../../src/domain/country-facts';
import type { CountrySheetFields } from '../../src/domain/entities/country-sheet';
import { AppError } from '../../src/domain/errors';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('knowledge-sheets');
let db: MissionDb;

beforeEach(() => {
  db = freshDb();
});

async function refused(write: Promise<unknown>): Promise<AppError> {
  const error = await write.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('country sheet writes', () => {
  it('the first save keeps the prefilled facts with the change; later saves write only the change', async () => {
    const form = prefilledSheet('JP', 'nl');
    const first = await saveCountrySheet(db, 'JP', { ...form, goals: 'Twee fabrieken' }, { goals: 'Twee fabrieken' });
    expect(first?.result).toMatchObject({
      countryCode: 'JP',
      timeZones: ['Asia/Tokyo'],
      currency: 'JPY – Japanse yen',
      goals: 'Twee fabrieken',
    });
    // Another device changed the currency meanwhile; this form only touched the job target.
    const sheet = await countrySheetFor(db, 'JP');
    await saveCountrySheet(db, 'JP', { ...form, currency: 'Yen' }, { currency: 'Yen' });
    await saveCountrySheet(db, 'JP', { ...form, jobTarget: 120 }, { jobTarget: 120 });
    const after = await countrySheetById(db, sheet?.id ?? '');
    expect(after).toMatchObject({ currency: 'Yen', jobTarget: 120, goals: 'Twee fabrieken' });
    expect(await db.countrySheets.count()).toBe(1);
  });

  it.each<[string, Partial<CountrySheetFields>, string]>([
    ['a negative job target', { jobTarget: -5 }, 'jobTarget'],
    [
      'a key contact without a name',
      { keyContacts: [{ kind: 'embassy', name: '', phone: '', email: '', address: '' }] },
      'keyContacts',
    ],
    [
      'a key contact with a broken email',
      { keyContacts: [{ kind: 'nbso', name: 'NBSO Osaka', phone: '', email: 'nbso@', address: '' }] },
      'keyContacts',
    ],
    ['a plan year of 99', { planYear: 99 }, 'planYear'],
  ])('refuses a sheet with %s: nothing written, not even the first save', async (_what, bad, field) => {
    const whole = { ...prefilledSheet('IN', 'en'), ...bad };
    const error = await refused(saveCountrySheet(db, 'IN', whole, bad));
    expect(error.issues.map((issue) => issue.path.split('.')[0])).toContain(field);
    expect(await db.countrySheets.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('an invalid edit of a stored sheet leaves it as it was', async () => {
    const whole = { ...prefilledSheet('DE', 'nl'), goals: 'Waterstof' };
    await saveCountrySheet(db, 'DE', whole, { goals: 'Waterstof' });
    const changes = await db.changes.count();
    await refused(saveCountrySheet(db, 'DE', whole, { goals: 'Waterstof en chips', jobTarget: -1 }));
    expect((await countrySheetFor(db, 'DE'))?.goals).toBe('Waterstof');
    expect(await db.changes.count()).toBe(changes);
  });

  it('a save without a change writes nothing: opening a country creates no sheet', async () => {
    expect(await saveCountrySheet(db, 'CN', prefilledSheet('CN', 'nl'), {})).toBeNull();
    expect(await db.countrySheets.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('refuses to move a sheet to another country', async () => {
    await refused(saveCountrySheet(db, 'US', prefilledSheet('CA', 'en'), {}));
    await refused(saveCountrySheet(db, 'US', prefilledSheet('US', 'en'), { countryCode: 'CA' }));
    expect(await db.countrySheets.count()).toBe(0);
  });

  it('an undone first save can be saved again: the same sheet comes back, never a second one', async () => {
    const first = await saveCountrySheet(db, 'TW', prefilledSheet('TW', 'en'), { goals: 'x' });
    await applyUndo(db, first?.undo ?? []);
    expect(await countrySheetFor(db, 'TW')).toBeUndefined();
    const again = await saveCountrySheet(db, 'TW', { ...prefilledSheet('TW', 'en'), goals: 'y' }, { goals: 'y' });
    expect(again?.result.id).toBe(first?.result.id);
    expect((await countrySheetFor(db, 'TW'))?.goals).toBe('y');
  });
});

describe('filling in the known facts', () => {
  it('creates a focus country sheet with its facts, in the user language', async () => {
    const filled = await fillKnownFacts(db, 'JP', 'en');
    expect(filled?.result).toMatchObject({
      focus: 'invest',
      timeZones: ['Asia/Tokyo'],
      currency: 'JPY – Japanese yen',
      languages: 'Japanese',
    });
    await applyUndo(db, filled?.undo ?? []);
    expect(await countrySheetFor(db, 'JP')).toBeUndefined();
  });

  it('fills only the empty fact fields and never overwrites what the team wrote', async () => {
    const written: CountrySheetFields = {
      ...emptySheet('US'),
      focus: 'invest',
      currency: 'Dollar (cash rarely needed)',
      goals: 'Three investors in Utrecht',
    };
    await saveCountrySheet(db, 'US', written, { goals: written.goals });
    const filled = await fillKnownFacts(db, 'US', 'nl');
    expect(filled?.result).toMatchObject({
      focus: 'invest',
      currency: 'Dollar (cash rarely needed)',
      goals: 'Three investors in Utrecht',
      languages: 'Engels',
    });
    expect(filled?.result.timeZones).toContain('America/New_York');
    // Nothing left to fill: nothing written.
    const changes = await db.changes.count();
    expect(await fillKnownFacts(db, 'US', 'nl')).toBeNull();
    expect(await db.changes.count()).toBe(changes);
  });

  it('a country without known facts gets no empty sheet', async () => {
    expect(await fillKnownFacts(db, 'FR', 'nl')).toBeNull();
    expect(await db.countrySheets.count()).toBe(0);
    expect(knownFactsPatch(emptySheet('FR'), 'nl')).toEqual({});
  });
});
