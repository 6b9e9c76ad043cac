import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../../src/db/database';
import { createOrganisation } from '../../../src/db/knowledge-writes';
import { runUnit } from '../../../src/db/unit';
import { CountrySheetFields } from '../../../src/domain/entities/country-sheet';
import { SEARCH_META_KEY, SearchService } from '../../../src/features/search/search-service';
import { countrySheetDoc } from '../../../src/search/documents';
import { SearchIndex, type SearchGroup } from '../../../src/search/search-index';
import { useFreshDb } from '../../db/fresh-db';

function sheets(groups: readonly SearchGroup[]): { id: string; ref: string; subtitle: string }[] {
  return (groups.find((group) => group.kind === 'countrySheets')?.hits ?? []).map(({ id, ref, subtitle }) => ({
    id,
    ref,
    subtitle,
  }));
}

const germany = {
  id: 'sheet-de',
  ...CountrySheetFields.parse({
    countryCode: 'DE',
    focus: 'trade_invest',
    planYear: 2027,
    goals: 'Drie nieuwe vestigingen van Beierse medtech-bedrijven.',
    plannedActivities: 'Bezoek aan de Medica in Düsseldorf; rondetafel met de Kamer van Koophandel.',
    keyContacts: [
      {
        kind: 'embassy',
        name: 'Nederlandse ambassade Berlijn',
        phone: '+49 30 209560',
        email: 'ber@minbuza.nl',
        address: 'Klosterstraße 50',
      },
    ],
    etiquette: 'Titels gebruiken: Herr Doktor',
    visa: 'Geen visum nodig',
    emergencyNumbers: '112',
  }),
};

describe('country sheets in the search index', () => {
  const index = new SearchIndex();
  index.add(countrySheetDoc(germany));

  it('are found by the country name in Dutch and in English, with or without accents', () => {
    for (const query of ['duitsland', 'germany', 'duits']) {
      expect(sheets(index.search(query)), query).toEqual([{ id: 'sheet-de', ref: 'DE', subtitle: '2027' }]);
    }
  });

  it('are found by focus, goals, planned activities and key-contact names', () => {
    for (const query of ['investeren', 'trade', 'medtech', 'dusseldorf', 'ambassade berlijn']) {
      expect(
        sheets(index.search(query)).map((hit) => hit.id),
        query,
      ).toEqual(['sheet-de']);
    }
  });

  it('leave the key contacts’ phone numbers, e-mail and address and the practical notes out', () => {
    for (const query of ['209560', 'minbuza', 'klosterstrasse', 'doktor', 'visum', '112']) {
      expect(index.search(query), query).toEqual([]);
    }
    expect(new TextDecoder().decode(index.serialize())).not.toMatch(/minbuza|klosterstra|doktor|visum/i);
  });
});

const freshDb = useFreshDb('search-country-sheets');
let db: MissionDb;
let idle: (() => void)[];

function service() {
  return new SearchService(db, { whenIdle: (work) => idle.push(work) });
}

async function saveWhenIdle() {
  const work = idle.splice(0);
  for (const job of work) job();
  for (let i = 0; i < 50 && !(await db.meta.get(SEARCH_META_KEY)); i++) await new Promise((r) => setTimeout(r, 5));
}

async function createSheet(countryCode: string, goals = '') {
  const { result } = await runUnit(db, ['countrySheets'], (unit) =>
    unit.create('countrySheets', { countryCode, goals }),
  );
  return result;
}

describe('the search service and country sheets', () => {
  beforeEach(() => {
    db = freshDb();
    idle = [];
  });

  it('indexes the sheets on first use and follows their writes through the change log', async () => {
    const japan = await createSheet('JP', 'Robotica en zorgtechnologie');
    const search = service();
    expect(sheets(await search.search('japan')).map((hit) => hit.id)).toEqual([japan.id]);
    expect(sheets(await search.search('robotica')).map((hit) => hit.ref)).toEqual(['JP']);

    const canada = await createSheet('CA');
    expect(sheets(await search.search('canada')).map((hit) => hit.id)).toEqual([canada.id]);

    await runUnit(db, ['countrySheets'], (unit) =>
      unit.update('countrySheets', japan.id, { goals: 'Halfgeleiders in Kumamoto' }),
    );
    expect(sheets(await search.search('robotica'))).toEqual([]);
    expect(sheets(await search.search('kumamoto')).map((hit) => hit.id)).toEqual([japan.id]);

    await runUnit(db, ['countrySheets'], (unit) => unit.remove('countrySheets', japan.id));
    expect(sheets(await search.search('japan'))).toEqual([]);
  });

  it('reopens a saved index with the sheets, and rebuilds once an index saved before them', async () => {
    await createSheet('IN', 'Farmacie in Bengaluru');
    const first = service();
    await first.search('x');
    await saveWhenIdle();
    expect(sheets(await service().search('bengaluru')).map((hit) => hit.ref)).toEqual(['IN']);

    // An index saved by the previous version (format 1, no country sheets) is not used: rebuilt.
    await createOrganisation(db, { name: 'Infosys', kind: 'company', countryCode: 'IN' });
    const cursor = (await db.changes.orderBy('seq').last())?.seq ?? 0;
    await db.meta.put({ key: SEARCH_META_KEY, value: { format: 1, cursor, index: new SearchIndex().serialize() } });
    const restarted = service();
    expect(sheets(await restarted.search('india')).map((hit) => hit.ref)).toEqual(['IN']);
    expect((await restarted.search('infosys'))[0]?.hits[0]?.title).toBe('Infosys');
  });
});
