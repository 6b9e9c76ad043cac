/**
 * The hand-written check of snapshot parts (`snapshotPartRecords`) refuses exactly what the
 * `SnapshotPart` schema and the per-record checks it replaced refuse. The reference below is that
 * old path, kept here as the test's oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEntityTable } from '../../src/domain/entities';
import { isHlc } from '../../src/domain/hlc';
import { ID_PATTERN } from '../../src/domain/ids';
import { snapshotPartRecords } from '../../src/sync/incoming';
import { compactStamps } from '../../src/sync/snapshots';
import { RECORDS_PER_PART, SnapshotPart } from '../../src/sync/vault-files';

const RESERVED = ['id', 'createdAt', 'updatedAt', 'stamps', 'hlc', 'sortKey', '__proto__', 'constructor', 'prototype'];

/** An own `__proto__` key in a record's fields or stamps: zod dropped it silently, the new check refuses. */
function hasProtoKey(json: unknown): boolean {
  const records = (json as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return false;
  return records.some((r: { f?: unknown; s?: unknown } | null) =>
    [r?.f, r?.s].some((o) => typeof o === 'object' && o !== null && Object.hasOwn(o, '__proto__')),
  );
}

/** The old path: zod, then snapshotBatch's checks per record. True when the part was accepted. */
function reference(json: unknown): boolean {
  if (hasProtoKey(json)) return false;
  const parsed = SnapshotPart.safeParse(json);
  if (!parsed.success) return false;
  return parsed.data.records.every(
    (record) =>
      isEntityTable(record.t) &&
      ID_PATTERN.test(record.id) &&
      (record.h === undefined || isHlc(record.h)) &&
      Object.keys(record.f).every((field) => !RESERVED.includes(field)) &&
      Object.keys(record.f).every((field) => isHlc(record.s[field] ?? record.h ?? '')),
  );
}

const STAMP = '2026-11-28T08:00:00.000Z-0000-00000000000000a1';
const OTHER_STAMP = '2026-11-28T08:00:01.000Z-0003-00000000000000b2';
const ID = '0193a000-0000-7000-8000-000000000001';

const record = (overrides: Record<string, unknown> = {}) => ({
  t: 'organisations',
  id: ID,
  f: { name: 'Formosa BioSensing', kind: 'company', countryCode: 'TW', deleted: 0 },
  s: { name: STAMP, kind: STAMP, countryCode: OTHER_STAMP, deleted: STAMP },
  ...overrides,
});

/** Parts as they arrive: through JSON, so `__proto__` is an ordinary own key. */
const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('snapshot part check', () => {
  it('accepts a well-formed part and gives its records without copying them', () => {
    const part = viaJson({ records: [record(), record({ t: 'people', extra: 'ignored' })] }) as {
      records: { f: unknown; s: unknown }[];
    };
    const records = snapshotPartRecords(part);
    expect(records).toEqual([
      { table: 'organisations', id: ID, fields: part.records[0]?.f, stamps: part.records[0]?.s },
      { table: 'people', id: ID, fields: part.records[1]?.f, stamps: part.records[1]?.s },
    ]);
    expect(reference(part)).toBe(true);
    expect(snapshotPartRecords({ records: [] })).toEqual([]);
  });

  it('spells out a shared stamp for every field not stamped otherwise, as the writer compacts them', () => {
    const stamps = { name: STAMP, kind: STAMP, countryCode: OTHER_STAMP, deleted: STAMP };
    const compact = compactStamps(stamps);
    expect(compact).toEqual({ h: STAMP, s: { countryCode: OTHER_STAMP } });
    const part = viaJson({ records: [record({ ...compact })] });
    expect(snapshotPartRecords(part)?.[0]?.stamps).toEqual(stamps);
    expect(reference(part)).toBe(true);
    // Nothing shared: every stamp stays in `s`.
    expect(compactStamps({ name: STAMP, kind: OTHER_STAMP })).toEqual({ s: { name: STAMP, kind: OTHER_STAMP } });
  });

  const refused: [string, unknown][] = [
    ['not an object', 'records'],
    ['null', null],
    ['an array', [record()]],
    ['no records', {}],
    ['records not an array', { records: { 0: record() } }],
    ['too many records', { records: Array.from({ length: RECORDS_PER_PART + 1 }, () => record()) }],
    ['a record that is not an object', { records: [record(), 7] }],
    ['a record that is an array', { records: [[record()]] }],
    ['a table that is not a string', { records: [record({ t: 1 })] }],
    ['an unknown table', { records: [record({ t: 'users' })] }],
    ['a table from the prototype', { records: [record({ t: 'toString' })] }],
    ['an id that is not a string', { records: [record({ id: 12 })] }],
    ['a malformed id', { records: [record({ id: 'abc' })] }],
    ['fields missing', { records: [record({ f: undefined })] }],
    ['fields as an array', { records: [record({ f: ['x'] })] }],
    ['fields null', { records: [record({ f: null })] }],
    ['stamps as an array', { records: [record({ s: [STAMP] })] }],
    ['a stamp that is not a string', { records: [record({ s: { ...record().s, city: 5 } })] }],
    ['a stamp longer than 64 characters', { records: [record({ s: { ...record().s, city: 'x'.repeat(65) } })] }],
    ['a field without a stamp', { records: [record({ f: { ...record().f, city: 'Hsinchu' } })] }],
    [
      'a __proto__ stamp (the schema dropped it)',
      { records: [record({ s: { ...record().s, ['__proto__']: STAMP } })] },
    ],
    ['a shared stamp that is not a stamp', { records: [record({ h: 'yesterday' })] }],
    ['a shared stamp that is not a string', { records: [record({ h: 5 })] }],
    ['a field with a malformed stamp', { records: [record({ s: { ...record().s, name: 'yesterday' } })] }],
    ...RESERVED.map((field): [string, unknown] => [
      `the reserved field ${field}`,
      { records: [record({ f: { ...record().f, [field]: 1 }, s: { ...record().s, [field]: STAMP } })] },
    ]),
  ];

  it.each(refused)('refuses %s, as the schema path did', (_why, part) => {
    const json = viaJson(part);
    expect(snapshotPartRecords(json)).toBeUndefined();
    expect(reference(json)).toBe(false);
  });

  it('agrees with the schema path on randomly damaged parts (seed 8008)', () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>(STAMP, OTHER_STAMP, 'organisations', 'people', 'nope', ID, 'x'.repeat(65), '', 0, null),
      fc.constant<unknown>([]),
      fc.constant<unknown>({}),
    );
    const key = fc.constantFrom('name', 'city', 'deleted', 'id', '__proto__', 'sortKey', 't', 'extra');
    const damage = fc.record({
      target: fc.constantFrom('t', 'id', 'f', 's', 'h', 'record', 'records'),
      key,
      value,
      remove: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(damage, { maxLength: 3 }), fc.integer({ min: 0, max: 3 }), (damages, count) => {
        const records: Record<string, unknown>[] = Array.from({ length: count }, () => viaJson(record()) as never);
        const part: Record<string, unknown> = { records };
        const isObject = (v: unknown): v is Record<string, unknown> =>
          typeof v === 'object' && v !== null && !Array.isArray(v);
        for (const [i, damage] of damages.entries()) {
          // A copy: the generated values are shared between runs and must not be changed.
          const d = { ...damage, value: structuredClone(damage.value) };
          const at = i % Math.max(1, records.length);
          const target = records[at];
          if (d.target === 'records') part.records = d.remove ? undefined : d.value;
          else if (!isObject(target)) continue;
          else if (d.target === 'record') records[at] = d.value as never;
          else if (d.target === 'f' || d.target === 's') {
            const inner = target[d.target];
            if (!isObject(inner)) continue;
            if (d.remove) Reflect.deleteProperty(inner, d.key);
            else inner[d.key] = d.value;
          } else target[d.target] = d.remove ? undefined : d.value;
        }
        const json = viaJson(part);
        expect(snapshotPartRecords(json) !== undefined).toBe(reference(json));
      }),
      { seed: 8008, numRuns: 2000 },
    );
  });
});
