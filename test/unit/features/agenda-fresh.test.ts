import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../src/domain/entities';
import { mergeWritten } from '../../../src/features/agenda/fresh-agenda';

// Only what the merge reads: id, the clock stamp, and a title to tell versions apart.
const item = (id: string, hlc: string, title: string) => ({ id, hlc, title }) as unknown as AgendaItem;
const A1 = item('a', '2027-03-01T09:00:00.000Z-0000-0000000000000001', 'Lunch');
const A2 = item('a', '2027-03-01T09:05:00.000Z-0000-0000000000000001', 'Lunch met TAITRA');
const A3 = item('a', '2027-03-01T09:10:00.000Z-0000-00000000000000ff', 'Lunch (van een collega)');
const B1 = item('b', '2027-03-01T09:00:00.000Z-0001-0000000000000001', 'Seminar');

describe('the agenda with this screen’s own writes, before the snapshot is read again', () => {
  it('shows a record as written while the snapshot still has the older one', () => {
    expect(mergeWritten([A1, B1], new Map([['a', A2]])).map((i) => i.title)).toEqual(['Lunch met TAITRA', 'Seminar']);
  });

  it('gives way as soon as the snapshot holds that write, or a newer one from elsewhere', () => {
    const stored = [A2, B1];
    expect(mergeWritten(stored, new Map([['a', A2]]))).toBe(stored);
    expect(mergeWritten([A3, B1], new Map([['a', A2]])).map((i) => i.title)).toEqual([
      'Lunch (van een collega)',
      'Seminar',
    ]);
  });

  it('hides a deleted item until the snapshot no longer has it; shows a created one until it does', () => {
    expect(mergeWritten([A1, B1], new Map([['b', null]])).map((i) => i.id)).toEqual(['a']);
    const stored = [A1];
    expect(mergeWritten(stored, new Map([['b', null]]))).toBe(stored);
    expect(mergeWritten([A1], new Map([['b', B1]])).map((i) => i.id)).toEqual(['a', 'b']);
  });
});
