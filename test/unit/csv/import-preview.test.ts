import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrganisationIndex, PersonIndex, findLikelyDuplicates } from '../../../src/domain/csv/duplicates';
import { inspectCsv, mergePatch, previewCsvImport, type PreviewRow } from '../../../src/domain/csv/preview';
import { OrganisationFields } from '../../../src/domain/entities/organisation';
import type { FieldsOf } from '../../../src/domain/entities';
import { AppError } from '../../../src/domain/errors';

const corpus = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../fixtures/csv', name)));

function organisation(id: string, fields: Partial<FieldsOf<'organisations'>>) {
  return { id, ...OrganisationFields.parse({ kind: 'company', countryCode: 'NL', ...fields }) };
}

const emptyOrganisations = () => new OrganisationIndex<FieldsOf<'organisations'>>();

function fieldsOf(row: PreviewRow<'organisations'> | undefined): FieldsOf<'organisations'>;
function fieldsOf(row: PreviewRow<'people'> | undefined): FieldsOf<'people'>;
function fieldsOf(row: PreviewRow<'organisations'> | PreviewRow<'people'> | undefined): object {
  if (!row || row.fate === 'rejected') throw new Error(`row is ${row?.fate ?? 'missing'}`);
  return row.fields;
}

describe('reading files as Excel saves them', () => {
  it('reads Dutch Excel: Windows-1252, semicolons, decimal comma, Dutch headers and labels', async () => {
    const inspection = inspectCsv(corpus('organisations-nl-1252.csv'), 'organisations');
    expect(inspection).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimal: ',', unmapped: [] });
    const preview = await previewCsvImport(inspection, 'organisations', { existing: emptyOrganisations() });
    expect(preview.counts).toEqual({ new: 3, duplicate: 0, rejected: 0 });
    expect(fieldsOf(preview.rows[0])).toMatchObject({
      name: 'Müller Präzisionstechnik GmbH',
      kind: 'company',
      countryCode: 'DE',
      city: 'München',
      sectors: ['ict'],
      website: 'https://www.mueller-praezision.de',
      employees: 1250,
      revenueEur: 12345678.9,
      description: 'Familiebedrijf, “derde generatie”',
      relationship: 'prospect',
    });
    expect(fieldsOf(preview.rows[1])).toMatchObject({
      name: 'Curaçao Trading Company',
      countryCode: 'CW',
      revenueEur: 1234.56,
      description: 'Omzet in € – geschat',
      relationship: 'trade_partner',
    });
    expect(fieldsOf(preview.rows[2])).toMatchObject({
      kind: 'knowledge_institution',
      sectors: ['life_sciences_health', 'innovation_sustainability'],
      employees: 8000,
      revenueEur: null,
      description: 'Onderzoek; vooral medische beeldvorming',
    });
  });

  it('reads English Excel: UTF-8 with BOM, commas, quoted cells with commas, quotes and line breaks', async () => {
    const inspection = inspectCsv(corpus('organisations-en-utf8-bom.csv'), 'organisations');
    expect(inspection).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', decimal: '.' });
    expect(inspection.headers[0]).toBe('Company name');
    const preview = await previewCsvImport(inspection, 'organisations', { existing: emptyOrganisations() });
    expect(preview.rows.map((row) => row.row)).toEqual([2, 3]);
    expect(fieldsOf(preview.rows[0])).toMatchObject({
      name: 'Acme Robotics, Inc.',
      countryCode: 'US',
      employees: 1200,
      revenueEur: 3500000.5,
      description: 'Met at Hannover Messe.\r\nFollow up in Q3, with "pilot" proposal.',
      website: 'https://acme-robotics.example.com',
    });
    expect(fieldsOf(preview.rows[1])).toMatchObject({ countryCode: 'GB', sectors: ['life_sciences_health'] });
  });

  it('reads UTF-8 without BOM, with names in Chinese, Japanese and Korean script', async () => {
    const inspection = inspectCsv(corpus('organisations-utf8-cjk.csv'), 'organisations');
    expect(inspection.encoding).toBe('utf-8');
    const preview = await previewCsvImport(inspection, 'organisations', { existing: emptyOrganisations() });
    expect(preview.rows.map((row) => [row.row, row.fate])).toEqual([
      [2, 'new'],
      [3, 'new'],
      [4, 'new'],
    ]);
    expect(fieldsOf(preview.rows[0])).toMatchObject({
      localName: '新竹光電股份有限公司',
      localNameLang: 'zh-Hant',
      countryCode: 'TW',
      description: 'Fabrikant van lenzen;\r\nbezocht in 2025',
    });
    expect(fieldsOf(preview.rows[1])).toMatchObject({
      localName: 'さくら医療株式会社',
      countryCode: 'JP',
      city: '大阪',
    });
    expect(fieldsOf(preview.rows[2])).toMatchObject({ localName: '한빛에너지', countryCode: 'KR' });
  });

  it('refuses binary garbage and empty files with a message the user can act on', () => {
    expect(() => inspectCsv(corpus('garbage.bin'), 'organisations')).toThrow(
      expect.objectContaining({ key: 'errors.csvNotText' }),
    );
    expect(() => inspectCsv(new Uint8Array(), 'organisations')).toThrow(
      expect.objectContaining({ key: 'errors.csvEmpty' }),
    );
    expect(() => inspectCsv(new TextEncoder().encode(';;\r\n'), 'organisations')).toThrow(AppError);
  });
});

describe('the fate of every row', () => {
  const existing = () =>
    new OrganisationIndex([
      organisation('0190f3c4-0000-7000-8000-000000000001', {
        name: 'Bestaand BV',
        countryCode: 'DE',
        city: 'Köln',
        employees: null,
        description: 'Al bekend',
      }),
    ]);

  it('rejects bad rows with the row number Excel shows and a reason, and flags duplicates', async () => {
    const preview = await previewCsvImport(
      inspectCsv(corpus('organisations-awkward.csv'), 'organisations'),
      'organisations',
      {
        existing: existing(),
      },
    );
    const summary = preview.rows.map((row) =>
      row.fate === 'rejected' ? [row.row, row.reason, row.column, row.value] : [row.row, row.fate],
    );
    expect(summary).toEqual([
      [2, 'new'],
      [3, 'csvImport.reason.emptyName', '', ''],
      [4, 'csvImport.reason.badNumber', 'Medewerkers', 'veel'],
      [5, 'csvImport.reason.badNumber', 'Medewerkers', '12,5'],
      [6, 'csvImport.reason.unknownCountry', 'Land', 'Atlantis'],
      [7, 'csvImport.reason.missingCountry', 'Land', ''],
      [9, 'csvImport.reason.duplicateInFile', '', '2'],
      [10, 'csvImport.reason.duplicateInFile', '', '2'],
      [11, 'csvImport.reason.unknownValue', 'Soort', 'Ruimtevaartorganisatie'],
      [12, 'duplicate'],
      [13, 'new'],
    ]);
    expect(preview.counts).toEqual({ new: 2, duplicate: 1, rejected: 8 });
    expect(fieldsOf(preview.rows[10]).name).toBe("'=Formule BV");
  });

  it('proposes a merge field by field: fills what the existing record lacks, keeps what it has', async () => {
    const preview = await previewCsvImport(
      inspectCsv(corpus('organisations-awkward.csv'), 'organisations'),
      'organisations',
      {
        existing: existing(),
      },
    );
    const duplicate = preview.rows.find((row) => row.fate === 'duplicate');
    if (duplicate?.fate !== 'duplicate') throw new Error('no duplicate row');
    expect(duplicate).toMatchObject({ existingId: '0190f3c4-0000-7000-8000-000000000001', matchedBy: 'nameCountry' });
    // The file has employees (40) the record lacks; city and description are not in the file, so not proposed.
    expect(duplicate.differences).toEqual([{ field: 'employees', current: null, incoming: 40, take: true }]);
    expect(mergePatch(duplicate)).toEqual({ employees: 40 });
    expect(mergePatch(duplicate, { employees: false })).toEqual({});
  });

  it('takes the user mapping for headers it does not recognise', async () => {
    const inspection = inspectCsv(corpus('organisations-unknown-headers.csv'), 'organisations');
    expect(inspection.mapping).toEqual([null, null, null]);
    expect(inspection.unmapped).toEqual([0, 1, 2]);
    await expect(
      previewCsvImport(inspection, 'organisations', { existing: emptyOrganisations() }),
    ).rejects.toMatchObject({
      key: 'errors.csvNameColumnMissing',
    });
    const preview = await previewCsvImport(inspection, 'organisations', {
      existing: emptyOrganisations(),
      mapping: ['name', 'countryCode', null],
    });
    expect(fieldsOf(preview.rows[0])).toMatchObject({ name: 'Delta Systems', countryCode: 'US', description: '' });
  });

  it('applies defaults the user chose for the whole file where cells are empty', async () => {
    const inspection = inspectCsv(
      new TextEncoder().encode('Naam;Land\r\nZonder Land BV;\r\nMet Land BV;Japan\r\n'),
      'organisations',
    );
    const preview = await previewCsvImport(inspection, 'organisations', {
      existing: emptyOrganisations(),
      defaults: { countryCode: 'DE', kind: 'network' },
    });
    expect(preview.rows.map((row) => fieldsOf(row).countryCode)).toEqual(['DE', 'JP']);
    expect(fieldsOf(preview.rows[0]).kind).toBe('network');
  });
});

describe('contacts', () => {
  it('joins the tussenvoegsel, links a known organisation, keeps an unknown one as text, rejects a bad date', async () => {
    const registry = new OrganisationIndex([
      organisation('0190f3c4-0000-7000-8000-00000000000a', { name: 'Goed Bedrijf BV' }),
    ]);
    const inspection = inspectCsv(corpus('contacts-nl.csv'), 'people');
    expect(inspection.unmapped).toEqual([]);
    const preview = await previewCsvImport(inspection, 'people', {
      existing: new PersonIndex<FieldsOf<'people'>>(),
      organisations: registry,
    });
    expect(fieldsOf(preview.rows[0])).toMatchObject({
      givenName: 'Jan',
      familyName: 'van den Berg',
      jobTitle: 'Directeur',
      organisationId: '0190f3c4-0000-7000-8000-00000000000a',
      organisationName: '',
      email: 'jan@goed.example.nl',
      languages: ['nl', 'en'],
      dateOfBirth: '1970-03-07',
    });
    expect(fieldsOf(preview.rows[1])).toMatchObject({
      organisationId: '',
      organisationName: 'Onbekende Organisatie Ltd',
    });
    expect(preview.rows[2]).toMatchObject({
      fate: 'rejected',
      row: 4,
      reason: 'csvImport.reason.badDate',
      column: 'Geboortedatum',
      value: '31-02-1980',
    });
  });

  it('finds an existing contact by e-mail address', async () => {
    const existing = new PersonIndex([
      {
        id: '0190f3c4-0000-7000-8000-0000000000b1',
        givenName: 'Jan',
        familyName: 'Berg',
        email: 'JAN@goed.example.nl',
        organisationId: '',
        organisationName: '',
        kind: 'company' as const,
      },
    ]);
    const preview = await previewCsvImport(inspectCsv(corpus('contacts-nl.csv'), 'people'), 'people', {
      existing: existing as unknown as PersonIndex<FieldsOf<'people'>>,
    });
    expect(preview.rows[0]).toMatchObject({ fate: 'duplicate', matchedBy: 'email' });
  });

  it('splits a single name column into given and family name', async () => {
    const inspection = inspectCsv(new TextEncoder().encode('Naam,E-mail\nAnna de Wit,anna@example.com\n'), 'people');
    const preview = await previewCsvImport(inspection, 'people', { existing: new PersonIndex<FieldsOf<'people'>>() });
    expect(fieldsOf(preview.rows[0])).toMatchObject({ givenName: 'Anna', familyName: 'de Wit' });
  });
});

describe('the duplicate guard of the organisation form', () => {
  const index = new OrganisationIndex([
    organisation('0190f3c4-0000-7000-8000-000000000011', { name: 'Müller GmbH', countryCode: 'DE' }),
    organisation('0190f3c4-0000-7000-8000-000000000012', { name: 'Acme', website: 'https://www.acme.example.com/' }),
  ]);

  it('finds the same name in the same country regardless of case and accents', () => {
    expect(findLikelyDuplicates({ name: 'MULLER gmbh', countryCode: 'DE', website: '' }, index)).toEqual([
      { id: '0190f3c4-0000-7000-8000-000000000011', matchedBy: 'nameCountry' },
    ]);
    expect(findLikelyDuplicates({ name: 'Müller GmbH', countryCode: 'AT', website: '' }, index)).toEqual([]);
  });

  it('finds the same website domain under another name', () => {
    expect(
      findLikelyDuplicates({ name: 'Acme Holding', countryCode: 'US', website: 'acme.example.com' }, index),
    ).toEqual([{ id: '0190f3c4-0000-7000-8000-000000000012', matchedBy: 'website' }]);
  });

  it('does not flag the record being edited as its own duplicate', () => {
    expect(
      findLikelyDuplicates(
        { name: 'Müller GmbH', countryCode: 'DE', website: '' },
        index,
        '0190f3c4-0000-7000-8000-000000000011',
      ),
    ).toEqual([]);
  });
});
