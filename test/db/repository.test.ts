import { beforeEach, describe, expect, it } from 'vitest';
import type { MissionDb } from '../../src/db/database';
import { Repository } from '../../src/db/repository';
import { AppError } from '../../src/domain/errors';
import { isHlc } from '../../src/domain/hlc';
import { useFreshDb } from './fresh-db';

const freshDb = useFreshDb('repo-test');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const organisation = {
  name: 'Formosa BioSensing Co., Ltd.',
  localName: '福爾摩沙生醫感測股份有限公司',
  localNameLang: 'zh-Hant',
  kind: 'company',
  countryCode: 'TW',
} as const;

/** Input as it may arrive from outside the type system (a form, a file): checked at run time. */
const untyped = <T>(value: unknown) => value as T;

describe('repositories', () => {
  it('create validates, stamps every field with an HLC and logs the change in the same write', async () => {
    const repo = new Repository(db, 'organisations');
    const created = await repo.create(organisation);
    expect(created.createdAt).toBe(created.updatedAt);
    expect(isHlc(created.hlc)).toBe(true);
    expect(Object.keys(created.stamps).sort()).toEqual(
      [
        'city',
        'countryCode',
        'deleted',
        'description',
        'kind',
        'localName',
        'localNameLang',
        'name',
        'industry',
        'sectors',
        'employees',
        'revenueEur',
        'relationship',
        'website',
      ].sort(),
    );
    expect(created.sortKey).toBe('formosa biosensing co., ltd.');
    const changes = await db.changes.toArray();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ table: 'organisations', rowId: created.id, hlc: created.hlc });
    expect(changes[0]?.fields).toMatchObject({ name: organisation.name, deleted: 0 });
  });

  it('update stamps only the fields that changed, with a newer stamp', async () => {
    const repo = new Repository(db, 'organisations');
    const created = await repo.create(organisation);
    const updated = await repo.update(created.id, { city: 'Taipei' });
    expect(updated.city).toBe('Taipei');
    expect((updated.stamps.city ?? '') > (created.stamps.city ?? '')).toBe(true);
    expect(updated.stamps.name).toBe(created.stamps.name);
    const changes = await db.changes.orderBy('seq').toArray();
    expect(changes.map((c) => c.fields)).toEqual([expect.anything(), { city: 'Taipei' }]);
    // Writing the same value again changes nothing and logs nothing.
    await repo.update(created.id, { city: 'Taipei' });
    expect(await db.changes.count()).toBe(2);
  });

  it('bad input is refused with a message key and writes nothing, not even to the change log', async () => {
    const repo = new Repository(db, 'organisations');
    const created = await repo.create(organisation);
    const before = await db.organisations.get(created.id);
    for (const bad of [
      { name: '' },
      { countryCode: 'Taiwan' },
      { website: 'javascript:alert(1)' },
      { name: 'a\u0000b' },
    ]) {
      const error = await repo.update(created.id, bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).key).toBe('errors.invalidInput');
      expect((error as AppError).issues.length).toBeGreaterThan(0);
    }
    await expect(repo.create(untyped({ ...organisation, kind: 'pirate' }))).rejects.toBeInstanceOf(AppError);
    expect(await db.organisations.get(created.id)).toEqual(before);
    expect(await db.organisations.count()).toBe(1);
    expect(await db.changes.count()).toBe(1);
  });

  it('delete leaves a stamped tombstone that sync can carry', async () => {
    const repo = new Repository(db, 'organisations');
    const created = await repo.create(organisation);
    await repo.remove(created.id);
    const row = await db.organisations.get(created.id);
    expect(row?.deleted).toBe(1);
    expect(row?.stamps.deleted).toBe(row?.hlc);
    expect(await repo.get(created.id)).toBeUndefined();
    const last = await db.changes.orderBy('seq').last();
    expect(last?.fields).toEqual({ deleted: 1 });
    await expect(repo.update(created.id, { city: 'Taipei' })).rejects.toMatchObject({ key: 'errors.notFound' });
  });

  it('stamps stay monotonic across database reopen (the clock is persisted)', async () => {
    const repo = new Repository(db, 'organisations');
    const first = await repo.create(organisation);
    db.close();
    await db.open();
    const second = await new Repository(db, 'organisations').create({ ...organisation, name: 'Other' });
    expect(second.hlc > first.hlc).toBe(true);
    expect(second.hlc.slice(-16)).toBe(first.hlc.slice(-16));
  });
});
