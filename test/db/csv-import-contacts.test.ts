/**
 * Contacts imported from a CSV as Dutch Excel saves it: people linked to an organisation of the
 * registry with their role there, written in one unit through the db layer, and found by search.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import { createOrganisation, writeCsvImport } from '../../src/db/knowledge-writes';
import { contactsOf, liveOrganisations, livePeople } from '../../src/db/queries';
import { applyUndo, runUnit } from '../../src/db/unit';
import { OrganisationIndex, PersonIndex } from '../../src/domain/csv/duplicates';
import { inspectCsv, previewCsvImport } from '../../src/domain/csv/preview';
import { SearchService } from '../../src/features/search/search-service';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('csv-import-contacts');
let db: MissionDb;
let goedId: string;

// Dutch Excel: BOM, `;`, a tussenvoegsel column, the organisation by name in any case.
const FILE = [
  'Voornaam;Tussenvoegsel;Achternaam;Functie;Organisatie;E-mail',
  'Jan;van den;Berg;Directeur;Goed Bedrijf BV;jan@goed.example.nl',
  'Sanne;;de Vries;Hoofd inkoop;GOED BEDRIJF BV;sanne@goed.example.nl',
  'Mei-Ling;;Chen;Sales manager;Onbekende Organisatie Ltd;mei@example.com',
  'Piet;;Jansen;Adviseur;Goed Bedrijf BV;PIET@example.com',
  ';;;Secretaris;Goed Bedrijf BV;naamloos@example.com',
].join('\r\n');

async function preview() {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FILE)]);
  const inspection = inspectCsv(bytes, 'people');
  expect(inspection.unmapped).toEqual([]);
  return previewCsvImport(inspection, 'people', {
    existing: new PersonIndex(await livePeople(db)),
    organisations: new OrganisationIndex(await liveOrganisations(db)),
  });
}

function roles(people: readonly { givenName: string; jobTitle: string }[]) {
  return people.map((person) => `${person.givenName}: ${person.jobTitle}`).sort();
}

beforeEach(async () => {
  db = freshDb();
  goedId = (await createOrganisation(db, { name: 'Goed Bedrijf BV', kind: 'company', countryCode: 'NL' })).result.id;
  // Piet is already in the people registry, without an organisation or role.
  await runUnit(db, ['people'], (unit) =>
    unit.create('people', { givenName: 'Piet', familyName: 'Jansen', email: 'piet@example.com', kind: 'company' }),
  );
});

describe('importing contacts from CSV', () => {
  it('links each person to the organisation named in the file, with their role there', async () => {
    const seen = await preview();
    expect(seen.counts).toEqual({ new: 3, duplicate: 1, rejected: 1 });
    expect(seen.rows.find((row) => row.fate === 'rejected')).toMatchObject({ row: 6 });

    const { result } = await writeCsvImport(db, seen);
    expect(result).toEqual({ created: 3, merged: 1 });

    // The organisation's page lists its contacts with their roles; Piet was merged, not doubled.
    const contacts = await contactsOf(db, goedId);
    expect(roles(contacts)).toEqual(['Jan: Directeur', 'Piet: Adviseur', 'Sanne: Hoofd inkoop']);
    expect(contacts.find((person) => person.givenName === 'Jan')?.familyName).toBe('van den Berg');
    const people = await livePeople(db);
    expect(people.filter((person) => person.givenName === 'Piet')).toHaveLength(1);
    // An organisation the registry does not know stays as text on the person, not a broken link.
    expect(people.find((person) => person.givenName === 'Mei-Ling')).toMatchObject({
      organisationId: '',
      organisationName: 'Onbekende Organisatie Ltd',
      jobTitle: 'Sales manager',
    });
  });

  it('is found by search with role and organisation under the name, and undo takes the import back whole', async () => {
    const search = new SearchService(db, { whenIdle: () => undefined });
    expect(await search.search('sanne')).toEqual([]);
    const { undo } = await writeCsvImport(db, await preview());

    const people = (await search.search('sanne de vries')).find((group) => group.kind === 'people');
    expect(people?.hits.map((hit) => [hit.title, hit.subtitle])).toEqual([
      ['Sanne de Vries', 'Hoofd inkoop, Goed Bedrijf BV'],
    ]);

    await applyUndo(db, undo);
    expect(await contactsOf(db, goedId)).toEqual([]);
    expect((await livePeople(db)).map((person) => [person.givenName, person.organisationId, person.jobTitle])).toEqual([
      ['Piet', '', ''],
    ]);
    expect(await search.search('sanne')).toEqual([]);
  });
});
