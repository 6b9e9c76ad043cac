import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../../src/db/database';
import { runUnit } from '../../../src/db/unit';
import { namePrefixes, peopleByNameQuery, searchOrganisations } from '../../../src/db/queries';
import { useFreshDb } from '../../db/fresh-db';

const freshDb = useFreshDb('people-filter');
let db: MissionDb;

const PEOPLE = [
  ['Jan', 'de Vries'],
  ['Anna', 'Vriesema'],
  ['Karel', 'De Smet'], // Belgian: the capital D belongs to the name and sorts under D
  ['Dirk', 'Dekker'],
  ['Zoë', 'Çelik'],
  ['Marieke', 'van den Heuvel'],
  ['Sanne', 'de Wit'],
] as const;

beforeEach(async () => {
  db = freshDb();
  await runUnit(db, ['people', 'organisations'], async (unit) => {
    for (const [givenName, familyName] of PEOPLE)
      await unit.create('people', { givenName, familyName, kind: 'official' });
    for (const name of ['École Polytechnique', 'Ecolab', 'Provincie Utrecht', 'ITRI'])
      await unit.create('organisations', { name, kind: 'other', countryCode: 'NL' });
  });
});

async function names(filter: string, offset = 0, limit = 100) {
  const query = peopleByNameQuery(filter);
  const rows = await query.page(db, offset, limit);
  return { count: await query.count(db), names: rows.map((p) => `${p.givenName} ${p.familyName}`) };
}

describe('filtering the people list by family name', () => {
  it('finds Dutch names by the part they sort by, typed with or without the prefix, in any case', async () => {
    for (const filter of ['de vries', 'Vries', 'DE VRIES', ' vries  j']) {
      expect((await names(filter)).names, filter).toContain('Jan de Vries');
    }
    expect((await names('vries')).names).toEqual(['Jan de Vries', 'Anna Vriesema']);
    expect((await names('vries j')).names).toEqual(['Jan de Vries']);
    expect((await names('heuvel')).names).toEqual(['Marieke van den Heuvel']);
  });

  it('ignores accents both ways', async () => {
    expect((await names('celik')).names).toEqual(['Zoë Çelik']);
    expect((await names('vriés')).names).toContain('Jan de Vries');
  });

  it('finds a Belgian "De Smet" typed as written, next to the Dutch reading', async () => {
    expect(namePrefixes('De Smet')).toEqual(['smet', 'de smet']);
    expect((await names('De Smet')).names).toEqual(['Karel De Smet']);
    expect((await names('de')).names).toEqual(['Karel De Smet', 'Dirk Dekker']);
  });

  it('counts and pages across both readings without losing or repeating anyone', async () => {
    await runUnit(db, ['people'], async (unit) => {
      await unit.create('people', { givenName: 'Bram', familyName: 'de Smet', kind: 'company' }); // sorts under S
    });
    const all = await names('de smet');
    expect(all).toEqual({ count: 2, names: ['Bram de Smet', 'Karel De Smet'] });
    const pages = [(await names('de smet', 0, 1)).names, (await names('de smet', 1, 1)).names];
    expect(pages).toEqual([['Bram de Smet'], ['Karel De Smet']]);
  });

  it('finds nobody when nobody matches', async () => {
    expect(await names('xyz')).toEqual({ count: 0, names: [] });
  });
});

describe('searching the organisation registry for the organisation field', () => {
  it('matches the start of the name, accent- and case-insensitively, in name order', async () => {
    expect((await searchOrganisations(db, 'eco')).map((o) => o.name)).toEqual(['Ecolab', 'École Polytechnique']);
    expect((await searchOrganisations(db, 'ÉCOLE')).map((o) => o.name)).toEqual(['École Polytechnique']);
    expect((await searchOrganisations(db, '', 2)).map((o) => o.name)).toEqual(['Ecolab', 'École Polytechnique']);
  });
});
