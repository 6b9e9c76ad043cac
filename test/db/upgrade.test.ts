/**
 * One upgrade test per schema version: fill a database exactly as version N left it (raw
 * IndexedDB, its own store definitions), open it with the current code, check the rows.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MissionDb } from '../../src/db/database';
import { Repository } from '../../src/db/repository';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../src/db/schema';
import { upgradeRecordV1toV2 } from '../../src/domain/upgrades/v1-to-v2';

const NAME = 'upgrade-test';
afterEach(async () => {
  await Dexie.delete(NAME);
});

async function fillAtVersion(version: number, fill: (db: Dexie) => Promise<void>) {
  const old = new Dexie(NAME);
  for (const schema of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    old.version(schema.version).stores(schema.stores);
  }
  await old.open();
  await fill(old);
  old.close();
}

describe('schema upgrades', () => {
  it('versions are cumulative, dated and strictly increasing', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const s of SCHEMA_VERSIONS) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CURRENT_VERSION).toBe(versions.at(-1));
  });

  it('a version 1 database opens with the current code, rows intact and writable', async () => {
    const stamp = '2026-11-28T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
    await fillAtVersion(1, async (db) => {
      await db.table('organisations').put({
        id: '01a1f545-4c42-7e20-ac5c-5b5892a9288d',
        name: 'TaiGrid Energy Systems',
        localName: '台網能源系統股份有限公司',
        localNameLang: 'zh-Hant',
        kind: 'company',
        countryCode: 'TW',
        city: 'Taipei',
        sector: '',
        website: '',
        description: '',
        createdAt: '2026-11-28T08:00:00.000Z',
        updatedAt: '2026-11-28T08:00:00.000Z',
        deleted: 0,
        stamps: { name: stamp },
        hlc: stamp,
        sortKey: 'taigrid energy systems',
      });
      await db.table('meta').put({
        key: 'clock',
        value: { millis: Date.parse('2026-11-28T08:00:00.000Z'), counter: 0, device: 'aaaaaaaaaaaaaaaa' },
      });
    });
    const db = new MissionDb(NAME);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    const repo = new Repository(db, 'organisations');
    const row = await repo.get('01a1f545-4c42-7e20-ac5c-5b5892a9288d');
    expect(row?.localName).toBe('台網能源系統股份有限公司');
    const updated = await repo.update('01a1f545-4c42-7e20-ac5c-5b5892a9288d', { industry: 'Energie' });
    expect(updated.hlc > stamp).toBe(true);
    db.close();
  });

  it('version 1 → 2: the free-text sector becomes the industry, countries become lists, defaults filled', async () => {
    const stamp = '2026-11-28T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
    const meta = {
      createdAt: '2026-11-28T08:00:00.000Z',
      updatedAt: '2026-11-28T08:00:00.000Z',
      deleted: 0,
      hlc: stamp,
    };
    const missionId = '01a1f545-4c42-7e20-ac5c-5b5892a9288d';
    await fillAtVersion(1, async (db) => {
      await db.table('missions').put({
        id: missionId,
        title: 'Handelsmissie Taiwan',
        countryCode: 'TW',
        cities: ['Taipei'],
        timeZone: 'Asia/Taipei',
        startDate: '2027-03-16',
        endDate: '2027-03-19',
        status: 'idea',
        kind: 'trade',
        sectors: [],
        purpose: '',
        ...meta,
        stamps: { countryCode: stamp, title: stamp },
        sortKey: '2027-03-16 handelsmissie taiwan',
      });
      await db.table('organisations').put({
        id: '01a21f40-93b1-7936-b672-a635f44f2c71',
        name: 'TAITRA',
        localName: '',
        localNameLang: '',
        kind: 'network',
        countryCode: 'TW',
        city: 'Taipei',
        sector: 'Handelsbevordering',
        website: '',
        description: '',
        ...meta,
        stamps: { sector: stamp },
        sortKey: 'taitra',
      });
      await db.table('notes').put({
        id: '01a22577-8626-7e45-bf62-69276e05c9e1',
        countryCode: 'TW',
        title: 'Halfgeleiders',
        body: 'Tekst',
        source: '',
        reviewBy: '',
        ...meta,
        stamps: { countryCode: stamp },
        sortKey: 'halfgeleiders',
      });
    });
    const db = new MissionDb(NAME);
    await db.open();
    const mission = await db.missions.get(missionId);
    expect(mission?.countryCodes).toEqual(['TW']);
    expect(mission && 'countryCode' in mission).toBe(false);
    expect(mission?.stamps).toEqual({ countryCodes: stamp, title: stamp });
    expect(mission?.travelBufferMinutes).toBe(30);
    expect(mission?.assessment.answers.D).toEqual({ answer: '', rationale: '' });
    // The multi-entry index answers by any of the countries.
    expect(await db.missions.where('countryCodes').equals('TW').count()).toBe(1);
    expect(await db.notes.where('countryCodes').equals('TW').count()).toBe(1);
    const organisation = await db.organisations.get('01a21f40-93b1-7936-b672-a635f44f2c71');
    expect(organisation?.industry).toBe('Handelsbevordering');
    expect(organisation?.stamps).toEqual({ industry: stamp });
    expect(organisation?.sectors).toEqual([]);
    // Every upgraded record is valid for the current code: an edit validates the whole record.
    const missions = new Repository(db, 'missions');
    const edited = await missions.update(missionId, { countryCodes: ['TW', 'JP'] });
    expect(edited.countryCodes).toEqual(['TW', 'JP']);
    expect(await db.missions.where('countryCodes').equals('JP').count()).toBe(1);
    db.close();
  });

  it('version 2 → 3: missions get "briefing as proposed", and a country has one sheet', async () => {
    const stamp = '2026-11-28T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
    const missionId = '01a1f545-4c42-7e20-ac5c-5b5892a9288d';
    await fillAtVersion(2, async (db) => {
      await db.table('missions').put({
        ...upgradeRecordV1toV2('missions', {
          id: missionId,
          title: 'Handelsmissie Taiwan',
          countryCode: 'TW',
          cities: [],
          timeZone: 'Asia/Taipei',
          startDate: '2027-03-16',
          endDate: '2027-03-19',
          status: 'idea',
          kind: 'trade',
          sectors: [],
          purpose: '',
        }),
        briefingSelection: undefined,
        createdAt: '2026-11-28T08:00:00.000Z',
        updatedAt: '2026-11-28T08:00:00.000Z',
        deleted: 0,
        stamps: { title: stamp },
        hlc: stamp,
        sortKey: '2027-03-16 handelsmissie taiwan',
      });
    });
    const db = new MissionDb(NAME);
    await db.open();
    expect((await db.missions.get(missionId))?.briefingSelection).toBeNull();
    const sheets = new Repository(db, 'countrySheets');
    await sheets.create({ countryCode: 'TW' });
    await expect(sheets.create({ countryCode: 'TW' })).rejects.toThrow();
    expect(await db.countrySheets.count()).toBe(1);
    db.close();
  });
});
