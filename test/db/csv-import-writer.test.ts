import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import { createOrganisation, writeCsvImport } from '../../src/db/knowledge-writes';
import { liveOrganisations } from '../../src/db/queries';
import { applyUndo, runUnit } from '../../src/db/unit';
import { OrganisationIndex } from '../../src/domain/csv/duplicates';
import { inspectCsv, previewCsvImport } from '../../src/domain/csv/preview';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('csv-import-writer');
let db: MissionDb;

const FILE = [
  'Naam;Land;Plaats;Website;Contactpersoon bij ons',
  'Société Générale;Frankrijk;Parijs;https://societegenerale.com;Anna',
  'TSMC;Taiwan;Hsinchu;https://tsmc.com;Piet',
  ';Japan;Tokio;;',
  'Ecolab;Verenigde Staten;;https://ecolab.com;',
].join('\r\n');

async function preview(signal?: AbortSignal) {
  const inspection = inspectCsv(new TextEncoder().encode(FILE), 'organisations');
  // The unrecognised column is mapped to nothing, as the mapping step lets the user do.
  const mapping = inspection.mapping.map((field) => field);
  return previewCsvImport(inspection, 'organisations', {
    existing: new OrganisationIndex(await liveOrganisations(db)),
    mapping,
    signal,
  });
}

beforeEach(async () => {
  db = freshDb();
  await createOrganisation(db, { name: 'TSMC', kind: 'company', countryCode: 'TW' });
});

describe('writing a confirmed CSV import', () => {
  it('creates the new rows, merges the duplicate field by field, leaves the rejected row out; undo takes it all back', async () => {
    const seen = await preview();
    expect(seen.counts).toEqual({ new: 2, duplicate: 1, rejected: 1 });
    const duplicate = seen.rows.find((row) => row.fate === 'duplicate');
    if (duplicate?.fate !== 'duplicate') throw new Error('expected a duplicate row');
    expect(duplicate.differences.map((d) => d.field).sort()).toEqual(['city', 'website']);

    // The user takes the website but not the city.
    const { result, undo } = await writeCsvImport(
      db,
      seen,
      new Map([[duplicate.row, { merge: true, fields: { city: false, website: true } }]]),
    );
    expect(result).toEqual({ created: 2, merged: 1 });
    const byName = new Map((await liveOrganisations(db)).map((o) => [o.name, o]));
    expect([...byName.keys()].sort()).toEqual(['Ecolab', 'Société Générale', 'TSMC']);
    expect(byName.get('TSMC')?.website).toBe('https://tsmc.com');
    expect(byName.get('TSMC')?.city).toBe('');
    expect(byName.get('Société Générale')?.countryCode).toBe('FR');

    await applyUndo(db, undo);
    expect((await liveOrganisations(db)).map((o) => [o.name, o.website])).toEqual([['TSMC', '']]);
  });

  it('a skipped duplicate is not touched', async () => {
    const seen = await preview();
    const duplicate = seen.rows.find((row) => row.fate === 'duplicate');
    if (!duplicate) throw new Error('expected a duplicate row');
    const { result } = await writeCsvImport(db, seen, new Map([[duplicate.row, { merge: false, fields: {} }]]));
    expect(result).toEqual({ created: 2, merged: 0 });
    expect((await liveOrganisations(db)).find((o) => o.name === 'TSMC')?.website).toBe('');
  });

  it('writes nothing when one row cannot be written: the import is one unit', async () => {
    const seen = await preview();
    // Meanwhile (another window, sync) the duplicate's record was deleted: its merge fails.
    const tsmc = (await liveOrganisations(db)).find((o) => o.name === 'TSMC');
    if (!tsmc) throw new Error('TSMC missing');
    await runUnit(db, ['organisations'], async (unit) => {
      await unit.remove('organisations', tsmc.id);
    });
    const changesBefore = await db.changes.count();
    await expect(writeCsvImport(db, seen)).rejects.toThrow();
    expect(await liveOrganisations(db)).toEqual([]);
    expect(await db.changes.count()).toBe(changesBefore);
  });

  it('a cancelled preview writes nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    const before = await db.organisations.count();
    await expect(preview(controller.signal)).rejects.toThrow();
    expect(await db.organisations.count()).toBe(before);
  });
});
