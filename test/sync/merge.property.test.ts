/**
 * Property test of the merge core through a pure model of the protocol (test/sync/merge-model.ts):
 * 3 replicas, up to 200 operations each, faults and clock skew; 2,000 seeded runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameValue } from '../../src/db/writer';
import { Replica, Vault, type Fault, type Write } from './merge-model';

const DEVICES = ['00000000000000aa', '00000000000000bb', '00000000000000cc'];
const TABLES = ['people', 'agenda', 'organisations'] as const;
const FIELDS = ['title', 'city', 'notes'] as const;
const VALUES = ['a', 'b', 'c', '', 'Taipei', 'Hsinchu'];
/** Each device's clock is off by up to 2.5 minutes either way, so any two differ by at most 5 minutes. */
const SKEW = fc.integer({ min: -150_000, max: 150_000 });
const FAULT = fc.constantFrom<Fault>('none', 'none', 'none', 'duplicate', 'reorder', 'drop', 'crash');

const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      table: fc.constantFrom(...TABLES),
      value: fc.constantFrom(...VALUES),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      pick: fc.nat(),
      field: fc.constantFrom(...FIELDS),
      value: fc.constantFrom(...VALUES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restore' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), peer: fc.nat(1), fault: FAULT }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.nat(5_000) }) },
);
const step = fc.record({ replica: fc.nat(2), op });
/** Mostly short scenarios (quick), sometimes long ones: up to 200 operations per replica. */
const scenario = fc.oneof(
  { weight: 9, arbitrary: fc.array(step, { maxLength: 600, size: 'small' }) },
  { weight: 1, arbitrary: fc.array(step, { maxLength: 600, size: 'max' }) },
);

describe('merge core (pure model, 2,000 seeded runs)', () => {
  it('replicas converge, nothing acknowledged is silently lost, order and duplicates do not matter', () => {
    fc.assert(
      fc.property(fc.tuple(SKEW, SKEW, SKEW), scenario, fc.integer(), (skews, steps, seed) => {
        let state = seed >>> 0;
        const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const vault = new Vault();
        const replicas = DEVICES.map((d, i) => new Replica(d, skews[i] ?? 0));
        const writes: Write[] = [];
        const keys: string[] = [];
        let now = Date.parse('2026-11-28T08:00:00.000Z');
        for (const { replica: index, op } of steps) {
          const replica = replicas[index] as Replica;
          now += 1;
          const pick = (n: number) => keys[n % Math.max(1, keys.length)];
          if (op.kind === 'create') {
            const key = `${op.table}/${String(keys.length).padStart(8, '0')}`;
            keys.push(key);
            replica.write(key, { title: op.value, city: '', notes: '', deleted: 0 }, now, writes);
          } else if (op.kind === 'edit') {
            const key = pick(op.pick);
            if (key && replica.isLive(key)) replica.write(key, { [op.field]: op.value }, now, writes);
          } else if (op.kind === 'delete') {
            const key = pick(op.pick);
            if (key && replica.isLive(key)) replica.write(key, { deleted: 1 }, now, writes);
          } else if (op.kind === 'restore') {
            const key = pick(op.pick);
            if (key && replica.records.get(key)?.fields.deleted === 1) replica.write(key, { deleted: 0 }, now, writes);
          } else if (op.kind === 'sync') {
            const peer = DEVICES.filter((d) => d !== replica.device)[op.peer] as string;
            replica.push(vault, op.fault);
            replica.pull(vault, [peer], now, op.fault, random);
          } else {
            now += op.ms;
          }
        }
        // Full sync: everyone pushes, then everyone pulls everything, twice.
        for (let round = 0; round < 2; round++) {
          now += 1000;
          for (const r of replicas) r.push(vault, 'none');
          for (const r of replicas)
            r.pull(
              vault,
              DEVICES.filter((d) => d !== r.device),
              now,
              'none',
              random,
            );
        }

        // 1. All replicas identical.
        const final = replicas[0] as Replica;
        for (const r of replicas) expect([...r.records].sort()).toEqual([...final.records].sort());

        // 2. Every acknowledged write is the final value, was overwritten by a writer that knew it,
        //    or is listed as a conflict on some replica.
        const winnerKnew = new Map(writes.map((w) => [`${w.key}:${w.field}:${w.stamp}`, w.knew]));
        for (const w of writes) {
          const record = final.records.get(w.key);
          const finalStamp = record?.stamps[w.field] ?? '';
          expect(finalStamp >= w.stamp).toBe(true);
          if (finalStamp === w.stamp || sameValue(record?.fields[w.field], w.value)) continue;
          const knew = winnerKnew.get(`${w.key}:${w.field}:${finalStamp}`) ?? {};
          if ((knew[w.stamp.slice(-16)] ?? '') >= w.stamp) continue;
          const listed = replicas.some((r) => r.conflicts.has(`${w.key}:${w.field}:${w.stamp}`));
          expect(listed, `write ${w.key}.${w.field}=${String(w.value)} @${w.stamp} lost without a conflict`).toBe(true);
        }

        // 3. File order does not matter: a fresh replica applying every file in a random order agrees.
        const shuffled = [...vault.files].sort(() => random() - 0.5);
        const fresh = new Replica('00000000000000dd', 0);
        for (const file of shuffled) fresh.apply(file, now);
        expect([...fresh.records].sort()).toEqual([...final.records].sort());
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  }, 60_000);
});
