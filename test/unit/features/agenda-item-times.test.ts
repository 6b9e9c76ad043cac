import { describe, expect, it } from 'vitest';
import { itemTimes } from '../../../src/features/agenda/item-times';

describe('an item’s times as the agenda shows them', () => {
  it('a dinner at 21:00 in Boston: its local day, its place in the column, and Dutch time the next day', () => {
    // 15 March 2027: New York is on daylight time (UTC-4), the Netherlands not yet (UTC+1).
    const dinner = { start: '2027-03-16T01:00:00.000Z', end: '2027-03-16T03:30:00.000Z', timeZone: 'America/New_York' };
    const times = itemTimes(dinner, 'nl-NL');
    expect(times.date).toBe('2027-03-15');
    expect(times.startMinute).toBe(21 * 60);
    expect(times.durationMinutes).toBe(150);
    expect(times.range).toMatchObject({ local: '21:00–23:30', home: '02:00–04:30', homeDayOffset: 1 });
  });

  it('is worked out once per start, end, zone and language', () => {
    const item = { start: '2027-03-16T01:00:00.000Z', end: '2027-03-16T02:00:00.000Z', timeZone: 'Asia/Taipei' };
    expect(itemTimes({ ...item }, 'en-GB')).toBe(itemTimes({ ...item }, 'en-GB'));
    expect(itemTimes(item, 'en-GB')).not.toBe(itemTimes({ ...item, end: '2027-03-16T02:15:00.000Z' }, 'en-GB'));
  });
});
