import { beforeEach, describe, expect, it } from 'vitest';
import { applyRemote, listConflicts, type IncomingRecord, type RemoteBatch } from '../../src/db/apply-remote';
import type { MissionDb } from '../../src/db/database';
import { Repository } from '../../src/db/repository';
import { AppError } from '../../src/domain/errors';
import { formatHlc } from '../../src/domain/hlc';
import { newId } from '../../src/domain/ids';
import { mergeRecord } from '../../src/sync/merge';
import { useFreshDb } from '../db/fresh-db';

const freshDb = useFreshDb('apply-remote');
let db: MissionDb;
beforeEach(() => {
  db = freshDb();
});

const REMOTE = 'abcdefabcdef0001';
const stamp = (iso: string, counter = 0, device = REMOTE) => formatHlc({ millis: Date.parse(iso), counter, device });

function record(table: string, id: string, fields: Record<string, unknown>, at: string): IncomingRecord {
  const s = stamp(at);
  return { table, id, fields, stamps: Object.fromEntries(Object.keys(fields).map((f) => [f, s])) };
}

const apply = (batches: RemoteBatch[], now = Date.parse('2026-11-28T09:00:00.000Z')) =>
  applyRemote(db, batches, { merge: mergeRecord, mine: {}, vectors: {}, now: () => now });

const org = { name: 'Ångström Labs', kind: 'company', countryCode: 'SE', deleted: 0 };

async function snapshot() {
  return {
    organisations: await db.organisations.toArray(),
    changes: await db.changes.toArray(),
    meta: await db.meta.toArray(),
  };
}

describe('applyRemote', () => {
  it('writes remote fields with their own stamps, recomputes the sort key and logs the remote device', async () => {
    const id = newId();
    const result = await apply([
      { sender: REMOTE, seen: {}, records: [record('organisations', id, org, '2026-11-28T08:00:00.000Z')] },
    ]);
    expect(result).toMatchObject({ status: 'applied', changedRecords: 1, conflicts: 0 });
    const stored = await db.organisations.get(id);
    expect(stored).toMatchObject({
      name: 'Ångström Labs',
      deleted: 0,
      sortKey: 'angstrom labs',
      hlc: stamp('2026-11-28T08:00:00.000Z'),
    });
    expect(stored?.stamps.name).toBe(stamp('2026-11-28T08:00:00.000Z'));
    const log = await db.changes.toArray();
    expect(log).toEqual([expect.objectContaining({ device: REMOTE, table: 'organisations', rowId: id })]);
    // A later remote rename re-sorts the record.
    await apply([
      {
        sender: REMOTE,
        seen: {},
        records: [record('organisations', id, { name: 'Zeta Labs' }, '2026-11-28T08:01:00.000Z')],
      },
    ]);
    expect((await db.organisations.get(id))?.sortKey).toBe('zeta labs');
  });

  it('advances the clock past remote stamps, so the next local edit wins', async () => {
    const repo = new Repository(db, 'organisations');
    const created = await repo.create({ name: 'Local', kind: 'company', countryCode: 'NL' });
    // The remote stamp is 4 minutes ahead of our wall clock (allowed), and newer than our edit.
    const ahead = new Date(Date.now() + 4 * 60_000).toISOString();
    await applyRemote(
      db,
      [{ sender: REMOTE, seen: {}, records: [record('organisations', created.id, { city: 'Remote' }, ahead)] }],
      {
        merge: mergeRecord,
        mine: {},
        vectors: {},
      },
    );
    const edited = await repo.update(created.id, { city: 'Mine' });
    expect((edited.stamps.city ?? '') > stamp(ahead)).toBe(true);
  });

  it('refuses a change stamped more than 5 minutes ahead: nothing at all changes', async () => {
    const now = Date.parse('2026-11-28T09:00:00.000Z');
    await apply(
      [{ sender: REMOTE, seen: {}, records: [record('organisations', newId(), org, '2026-11-28T08:00:00.000Z')] }],
      now,
    );
    const before = await snapshot();
    const good = record('organisations', newId(), org, '2026-11-28T08:59:00.000Z');
    const tooFar = record('organisations', newId(), org, '2026-11-28T09:05:00.001Z');
    const error = await apply([{ sender: REMOTE, seen: {}, records: [good, tooFar] }], now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).key).toBe('errors.clockDrift');
    expect(await snapshot()).toEqual(before);
    // Exactly 5 minutes ahead is still accepted.
    const edge = record('organisations', newId(), org, '2026-11-28T09:05:00.000Z');
    expect(await apply([{ sender: REMOTE, seen: {}, records: [edge] }], now)).toMatchObject({ status: 'applied' });
  });

  it('refuses a malformed batch (unknown table, meta field, missing stamp) without writing', async () => {
    const before = await snapshot();
    const bad: IncomingRecord[] = [
      record('secrets', newId(), org, '2026-11-28T08:00:00.000Z'),
      record('organisations', newId(), { ...org, sortKey: 'x' }, '2026-11-28T08:00:00.000Z'),
      { table: 'organisations', id: newId(), fields: org, stamps: {} },
      record('organisations', 'not-an-id', org, '2026-11-28T08:00:00.000Z'),
    ];
    for (const r of bad) {
      const ok = record('organisations', newId(), org, '2026-11-28T08:00:00.000Z');
      await expect(apply([{ sender: REMOTE, seen: {}, records: [ok, r] }])).rejects.toMatchObject({
        key: 'errors.vaultDamaged',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps an edit that arrives before its record aside, and completes the record when the create comes', async () => {
    const id = newId();
    await apply([
      {
        sender: REMOTE,
        seen: {},
        records: [record('organisations', id, { city: 'Lund' }, '2026-11-28T08:05:00.000Z')],
      },
    ]);
    expect(await db.organisations.get(id)).toBeUndefined();
    await apply([
      {
        sender: 'abcdefabcdef0002',
        seen: {},
        records: [record('organisations', id, { ...org, city: '' }, '2026-11-28T08:00:00.000Z')],
      },
    ]);
    expect(await db.organisations.get(id)).toMatchObject({ name: 'Ångström Labs', city: 'Lund', deleted: 0 });
    expect((await db.meta.toArray()).filter((row) => row.key.startsWith('pending:'))).toEqual([]);
  });

  it('applying the same batch twice changes nothing the second time', async () => {
    const id = newId();
    const batch: RemoteBatch = {
      sender: REMOTE,
      seen: {},
      records: [record('organisations', id, org, '2026-11-28T08:00:00.000Z')],
    };
    await apply([batch]);
    const before = await snapshot();
    expect(await apply([batch])).toMatchObject({ status: 'applied', changedRecords: 0 });
    const after = await snapshot();
    expect(after.organisations).toEqual(before.organisations);
    expect(after.changes).toEqual(before.changes);
    expect(await listConflicts(db)).toEqual([]);
  });
});
