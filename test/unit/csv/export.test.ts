import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrganisationIndex, PersonIndex } from '../../../src/domain/csv/duplicates';
import { exportCsv } from '../../../src/domain/csv/export';
import { inspectCsv, previewCsvImport } from '../../../src/domain/csv/preview';
import type { FieldsOf } from '../../../src/domain/entities';
import { OrganisationFields, ORGANISATION_KINDS, RELATIONSHIPS } from '../../../src/domain/entities/organisation';
import { PersonFields } from '../../../src/domain/entities/person';
import { SECTORS } from '../../../src/domain/entities/mission';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

const muller = OrganisationFields.parse({
  name: 'Müller; Söhne "Präzision" GmbH',
  kind: 'knowledge_institution',
  countryCode: 'DE',
  city: 'München',
  sectors: ['ict', 'gaming'],
  website: 'https://mueller.example.de',
  employees: 1250,
  revenueEur: 1234567.89,
  description: '=HYPERLINK("http://evil.example","klik")\nTweede regel',
  relationship: 'investor',
});

describe('CSV export for Dutch Excel', () => {
  const bytes = exportCsv('organisations', [muller], { language: 'nl' });
  const text = decode(bytes);

  it('starts with a UTF-8 BOM, separates with semicolons and ends rows with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header).toBe(
      'Naam;Naam in eigen schrift;Taal van de naam;Soort;Land;Plaats;Sectoren;Branche;Website;Medewerkers;Omzet (EUR);Omschrijving;Relatie',
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes a decimal comma, Dutch labels and country names, and quotes cells holding ; " or line breaks', () => {
    expect(text).toContain(';1250;1234567,89;');
    expect(text).toContain('"Müller; Söhne ""Präzision"" GmbH";;;Kennisinstelling;Duitsland;München;ICT, Gaming;');
    expect(text).toContain(';Investeerder in de regio\r\n');
  });

  it('neutralises a formula so Excel shows it as text', () => {
    expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"",""klik"")\nTweede regel";`);
  });

  it('writes English headers and labels for an English user', () => {
    const english = decode(exportCsv('organisations', [muller], { language: 'en' }));
    expect(english).toMatch(/^\ufeffName;Local name;/);
    expect(english).toContain(';Knowledge institution;Germany;');
  });

  it('leaves sensitive person fields out unless asked for', () => {
    const person = PersonFields.parse({
      givenName: 'Jan',
      familyName: 'de Vries',
      kind: 'official',
      passportNumber: 'NX1234567',
      dateOfBirth: '1970-03-07',
    });
    const plain = decode(exportCsv('people', [person], { language: 'nl' }));
    expect(plain).not.toContain('NX1234567');
    expect(plain).not.toContain('Paspoortnummer');
    const full = decode(exportCsv('people', [person], { language: 'nl', includeSensitive: true }));
    expect(full).toContain('NX1234567');
    expect(full).toContain('07-03-1970');
  });
});

// Text that survives the schema (trimmed, no control characters but line breaks) and CSV quoting.
const cellText = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom('a', 'Z', 'é', 'ß', '臺', ' ', ';', ',', '"', "'", '=', '+', '-', '@', '\n', '1', '.'),
      maxLength: max,
    })
    .map((value) => value.trim());
const name = cellText(30).filter((value) => value !== '' && !/^[\d.,\s-]*$/.test(value));

const organisationArbitrary = fc
  .record({
    name,
    localName: cellText(20),
    kind: fc.constantFrom(...ORGANISATION_KINDS),
    countryCode: fc.constantFrom('DE', 'GB', 'US', 'CA', 'CN', 'TW', 'IN', 'JP', 'NL', 'KR'),
    city: cellText(20).map((value) => value.replace(/\n/g, ' ')),
    sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 4 }),
    industry: cellText(20),
    website: fc.option(fc.webUrl({ validSchemes: ['https'], withQueryParameters: false, withFragments: false }), {
      nil: '',
    }),
    employees: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
    revenueEur: fc.option(fc.double({ min: 0, max: 1e13, noNaN: true }), { nil: null }),
    description: cellText(80),
    relationship: fc.constantFrom(...RELATIONSHIPS),
  })
  .map((raw) => OrganisationFields.safeParse(raw))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data as FieldsOf<'organisations'>);

describe('round trip: export, then import, gives the same records', () => {
  it('for organisations, in both languages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(organisationArbitrary, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('nl' as const, 'en' as const),
        async (generated, language) => {
          // Distinct names and websites, so no row is a duplicate of another: each must come back as it went out.
          const records = generated.map((record, i) => ({
            ...record,
            name: `${record.name} ${i}`,
            website: record.website === '' ? '' : `https://org${i}.example.com${new URL(record.website).pathname}`,
          }));
          const bytes = exportCsv('organisations', records, { language });
          const preview = await previewCsvImport(inspectCsv(bytes, 'organisations'), 'organisations', {
            existing: new OrganisationIndex<FieldsOf<'organisations'>>(),
          });
          expect(preview.rows.map((row) => (row.fate === 'new' ? row.fields : row))).toEqual(records);
        },
      ),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('for contacts, with the organisation linked by name', async () => {
    const registry = new OrganisationIndex([{ id: '0190f3c4-0000-7000-8000-00000000000a', ...muller }]);
    const people = [
      PersonFields.parse({
        givenName: 'Jan',
        familyName: 'van den Berg',
        honorific: 'drs.',
        kind: 'administrator',
        jobTitle: 'Wethouder',
        email: 'jan@example.nl',
        phone: '+31 30 123 4567',
        languages: ['nl', 'en', 'de'],
        bio: 'Regel één\nRegel twee',
      }),
      PersonFields.parse({
        givenName: 'Mei-Ling',
        familyName: 'Chen',
        kind: 'company',
        organisationId: '0190f3c4-0000-7000-8000-00000000000a',
      }),
    ];
    const bytes = exportCsv('people', people, {
      language: 'nl',
      organisationNames: new Map([['0190f3c4-0000-7000-8000-00000000000a', muller.name]]),
    });
    const preview = await previewCsvImport(inspectCsv(bytes, 'people'), 'people', {
      existing: new PersonIndex<FieldsOf<'people'>>(),
      organisations: registry,
    });
    expect(preview.rows.map((row) => (row.fate === 'rejected' ? row : row.fields))).toEqual(people);
  });
});
