/**
 * One upgrade test per schema version: fill a database exactly as version N left it (raw
 * IndexedDB, its own store definitions), open it with the current code, check the rows.
 * When version 2 arrives, add a case that fills version 1 and checks what the upgrade did.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { MissionDb } from '../../src/db/database';
import { Repository } from '../../src/db/repository';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../src/db/schema';

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
      await db
        .table('meta')
        .put({
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
    const updated = await repo.update('01a1f545-4c42-7e20-ac5c-5b5892a9288d', { sector: 'Energie' });
    expect(updated.hlc > stamp).toBe(true);
    db.close();
  });
});
