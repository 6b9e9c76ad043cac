import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../../src/db/database';
import {
  createOrganisation,
  deleteOrganisation,
  linkContact,
  saveOrganisation,
} from '../../../src/db/knowledge-writes';
import { runUnit } from '../../../src/db/unit';
import type { IndexFile } from '../../../src/features/search/index-file';
import { SEARCH_META_KEY, SearchService } from '../../../src/features/search/search-service';
import { useFreshDb } from '../../db/fresh-db';

const freshDb = useFreshDb('search-service');
let db: MissionDb;
let idle: (() => void)[];

function service() {
  return new SearchService(db, { whenIdle: (work) => idle.push(work) });
}

async function runIdle() {
  const work = idle.splice(0);
  for (const job of work) job();
  // The save is asynchronous: wait until it has landed.
  for (let i = 0; i < 50 && !(await db.meta.get(SEARCH_META_KEY)); i++) await new Promise((r) => setTimeout(r, 5));
}

async function titles(search: SearchService, query: string, kind = 'organisations') {
  const groups = await search.search(query);
  return groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.title) ?? [];
}

beforeEach(async () => {
  db = freshDb();
  idle = [];
  await createOrganisation(db, { name: 'Société Générale', kind: 'company', countryCode: 'FR', city: 'Paris' });
});

describe('the search service', () => {
  it('builds the index on first use and finds an organisation typed without its accents', async () => {
    expect(await titles(service(), 'societe generale')).toEqual(['Société Générale']);
  });

  it('follows the change log: new, renamed and deleted records, and a contact under a renamed organisation', async () => {
    const search = service();
    expect(await titles(search, 'tsmc')).toEqual([]);
    const { result: tsmc } = await createOrganisation(db, { name: 'TSMC', kind: 'company', countryCode: 'TW' });
    expect(await titles(search, 'tsmc')).toEqual(['TSMC']);

    const { result: lin } = await runUnit(db, ['people'], (unit) =>
      unit.create('people', { givenName: 'Mei', familyName: 'Lin', kind: 'company' }),
    );
    await linkContact(db, tsmc.id, lin.id, 'Director');
    await saveOrganisation(db, tsmc.id, { name: 'Taiwan Semiconductor' });
    expect(await titles(search, 'tsmc')).toEqual([]);
    expect(await titles(search, 'semiconductor')).toEqual(['Taiwan Semiconductor']);
    const people = (await search.search('mei lin')).find((group) => group.kind === 'people');
    expect(people?.hits[0]?.subtitle).toBe('Director, Taiwan Semiconductor');

    await deleteOrganisation(db, tsmc.id);
    expect(await titles(search, 'semiconductor')).toEqual([]);
  });

  it('saves the index with its cursor when idle; a restart reopens it and follows only what came after', async () => {
    const first = service();
    await first.search('x');
    expect(first.origin).toBe('rebuilt');
    await runIdle();
    const saved = (await db.meta.get(SEARCH_META_KEY))?.value as { cursor: number; index: unknown };
    expect(saved.cursor).toBeGreaterThan(0);
    expect(saved.index).toBeInstanceOf(Uint8Array);

    await createOrganisation(db, { name: 'Ecolab', kind: 'company', countryCode: 'US' });
    const restarted = service();
    expect(await titles(restarted, 'ecolab')).toEqual(['Ecolab']);
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
    // Reopened from the saved bytes, not rebuilt from the records.
    expect(restarted.origin).toBe('saved');
  });

  it('rebuilds an index saved as text by an older version once, then reopens the one it saved', async () => {
    const cursor = (await db.changes.orderBy('seq').last())?.seq ?? 0;
    // Format 2 saved the index as JSON text: it is not read, but rebuilt and saved as bytes.
    await db.meta.put({ key: SEARCH_META_KEY, value: { format: 2, cursor, index: '{"version":2,"docs":[]}' } });
    const upgraded = service();
    expect(await titles(upgraded, 'societe')).toEqual(['Société Générale']);
    expect(upgraded.origin).toBe('rebuilt');
    await db.meta.delete(SEARCH_META_KEY);
    await runIdle();
    expect((await db.meta.get(SEARCH_META_KEY))?.value).toMatchObject({ format: 5, index: expect.any(Uint8Array) });

    const next = service();
    expect(await titles(next, 'generale')).toEqual(['Société Générale']);
    expect(next.origin).toBe('saved');
  });

  it('rebuilds when the saved bytes are damaged', async () => {
    const first = service();
    await first.search('x');
    await runIdle();
    const saved = (await db.meta.get(SEARCH_META_KEY))?.value as { format: number; cursor: number; index: Uint8Array };
    await db.meta.put({
      key: SEARCH_META_KEY,
      value: { ...saved, index: saved.index.subarray(0, saved.index.length - 3) },
    });
    const restarted = service();
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('rebuilt');
  });

  it('notices records written outside the change log on reopening, and rebuilds', async () => {
    const first = service();
    await first.search('x');
    await runIdle();
    // A record written behind the log's back (as a sync join into an empty database does) is seen
    // only by a rebuild, and the count check asks for one.
    const existing = await db.organisations.toCollection().first();
    if (!existing) throw new Error('the organisation of beforeEach is missing');
    await db.organisations.put({
      ...existing,
      id: 'c6b3a6a4-0000-4000-8000-000000000001',
      name: 'Philips',
      sortKey: 'philips',
    });
    const restarted = service();
    // The first query is answered from the reopened index; the count check follows when idle, and rebuilds.
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('saved');
    for (const work of idle.splice(0)) work();
    await restarted.checked();
    expect(restarted.origin).toBe('rebuilt');
    expect(await titles(restarted, 'philips')).toEqual(['Philips']);
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
  });

  it('keeps the reopened index when its count matches, and follows writes made while it was checked', async () => {
    const first = service();
    await first.search('x');
    await runIdle();
    const restarted = service();
    const answered = restarted.search('generale');
    const { result } = await createOrganisation(db, { name: 'Ecolab', kind: 'company', countryCode: 'US' });
    expect((await answered).find((group) => group.kind === 'organisations')?.total).toBe(1);
    for (const work of idle.splice(0)) work();
    await restarted.checked();
    expect(restarted.origin).toBe('saved');
    expect(await titles(restarted, 'ecolab')).toEqual(['Ecolab']);
    await deleteOrganisation(db, result.id);
    expect(await titles(restarted, 'ecolab')).toEqual([]);
  });

  it('builds from a registry larger than one read slice, leaving deleted records out', async () => {
    const existing = await db.organisations.toCollection().first();
    if (!existing) throw new Error('the organisation of beforeEach is missing');
    const many = Array.from({ length: 4100 }, (_, i) => ({
      ...existing,
      id: `c6b3a6a4-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Werkplaats ${i}`,
      sortKey: `werkplaats ${i}`,
      deleted: (i === 4099 ? 1 : 0) as 0 | 1,
    }));
    await db.organisations.bulkPut(many);
    const search = service();
    const groups = await search.search('werkplaats', 3);
    expect(groups.find((group) => group.kind === 'organisations')?.total).toBe(4099);
    expect(await titles(search, 'werkplaats 4098')).toEqual(['Werkplaats 4098']);
    expect(await titles(search, 'werkplaats 4099')).toEqual([]);
    expect(await titles(search, 'societe')).toEqual(['Société Générale']);
  });

  it('rebuilds when the saved index cannot be read', async () => {
    await db.meta.put({ key: SEARCH_META_KEY, value: { format: 1, cursor: 999, index: 'not json' } });
    expect(await titles(service(), 'societe')).toEqual(['Société Générale']);
  });
});

/** An index file held in memory, as the origin-private file system holds it in the app. */
class MemoryFile implements IndexFile {
  bytes: Uint8Array | null = null;
  failWrite = false;
  failRead = false;
  reads = 0;
  read() {
    this.reads++;
    return this.failRead ? Promise.reject(new Error('disk gone')) : Promise.resolve(this.bytes);
  }
  write(bytes: Uint8Array) {
    if (this.failWrite) return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
    this.bytes = bytes.slice();
    return Promise.resolve();
  }
}

describe('the search service with an index file', () => {
  let file: MemoryFile;
  const withFile = () => new SearchService(db, { whenIdle: (work) => idle.push(work), file });

  beforeEach(() => {
    file = new MemoryFile();
  });

  async function savedOnce() {
    const first = withFile();
    await first.search('x');
    await runIdle();
    return (await db.meta.get(SEARCH_META_KEY))?.value as Record<string, unknown>;
  }

  it('saves the index in the file and only its cursor and token in the database; a restart reopens the file', async () => {
    const saved = await savedOnce();
    expect(saved).toEqual({ format: 5, cursor: expect.any(Number), file: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(file.bytes?.length).toBeGreaterThan(100);

    await createOrganisation(db, { name: 'Ecolab', kind: 'company', countryCode: 'US' });
    const restarted = withFile();
    expect(await titles(restarted, 'ecolab')).toEqual(['Ecolab']);
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('saved');
  });

  it('warms from the file: opens it ahead of the first query, and reads it once', async () => {
    await savedOnce();
    file.reads = 0;
    const restarted = withFile();
    await restarted.warm();
    expect(restarted.origin).toBe('saved');
    expect(await titles(restarted, 'generale')).toEqual(['Société Générale']);
    expect(file.reads).toBe(1);
  });

  it('does not use a file that another save wrote (its token differs from the database row), and rebuilds', async () => {
    await savedOnce();
    const row = (await db.meta.get(SEARCH_META_KEY))?.value as Record<string, unknown>;
    // A save interrupted after the file and before the row, or a file left by another database.
    await db.meta.put({ key: SEARCH_META_KEY, value: { ...row, file: '0123456789abcdef' } });
    const restarted = withFile();
    expect(await titles(restarted, 'societe')).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('rebuilt');
  });

  it('rebuilds when the file is missing, damaged or cannot be read', async () => {
    await savedOnce();
    const bytes = file.bytes as Uint8Array;

    file.bytes = null;
    const missing = withFile();
    expect(await titles(missing, 'societe')).toEqual(['Société Générale']);
    expect(missing.origin).toBe('rebuilt');

    file.bytes = bytes.subarray(0, bytes.length - 5);
    const damaged = withFile();
    expect(await titles(damaged, 'societe')).toEqual(['Société Générale']);
    expect(damaged.origin).toBe('rebuilt');

    file.bytes = bytes;
    file.failRead = true;
    const unreadable = withFile();
    expect(await titles(unreadable, 'societe')).toEqual(['Société Générale']);
    expect(unreadable.origin).toBe('rebuilt');
  });

  it('saves the index in the database when the file cannot be written, and reopens it from there', async () => {
    file.failWrite = true;
    const saved = await savedOnce();
    expect(saved.index).toBeInstanceOf(Uint8Array);
    expect(saved.file).toBeUndefined();
    const restarted = withFile();
    expect(await titles(restarted, 'generale')).toEqual(['Société Générale']);
    expect(restarted.origin).toBe('saved');
  });

  it('reopens an index an earlier version saved in the database, then moves it to the file', async () => {
    const before = service();
    await before.search('x');
    await runIdle();
    const upgraded = withFile();
    expect(await titles(upgraded, 'societe')).toEqual(['Société Générale']);
    expect(upgraded.origin).toBe('saved');
    await upgraded.save();
    expect((await db.meta.get(SEARCH_META_KEY))?.value).toMatchObject({ file: expect.any(String) });
    expect(file.bytes).not.toBeNull();
  });
});
