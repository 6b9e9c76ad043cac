import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatTimeIn,
  localDateIn,
  offsetTransitions,
  shiftKeepingLocalTime,
  zonedTimeToInstant,
} from '../../../src/domain/time';

describe('addDays', () => {
  it('walks across month, year and leap-day boundaries', () => {
    expect(addDays('2027-03-14', 1)).toBe('2027-03-15');
    expect(addDays('2027-01-31', 1)).toBe('2027-02-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-14', 0)).toBe('2027-03-14');
    expect(addDays('2027-03-14', 365)).toBe('2028-03-13');
  });

  it('refuses dates that do not exist and fractional day counts', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('14-03-2027', 1)).toThrow(RangeError);
    expect(() => addDays('2027-03-14', 1.5)).toThrow(RangeError);
  });
});

describe('shiftKeepingLocalTime', () => {
  const boston = 'America/New_York';

  it('keeps 09:00 in Boston at 09:00 when the US clocks spring forward in between', () => {
    // 9 March 2027 09:00 EST is 14:00 UTC; a week later (EDT) 09:00 is 13:00 UTC.
    const before = zonedTimeToInstant('2027-03-09', '09:00', boston);
    expect(before).toBe('2027-03-09T14:00:00.000Z');
    const after = shiftKeepingLocalTime(before, boston, 7);
    expect(after).toBe('2027-03-16T13:00:00.000Z');
    expect(formatTimeIn(after, boston, 'nl')).toBe('09:00');
    expect(localDateIn(after, boston)).toBe('2027-03-16');
  });

  it('keeps the local time when shifting back across the autumn change', () => {
    const november = zonedTimeToInstant('2027-11-10', '18:30', 'Europe/Amsterdam');
    const october = shiftKeepingLocalTime(november, 'Europe/Amsterdam', -14);
    expect(october).toBe('2027-10-27T16:30:00.000Z');
    expect(formatTimeIn(october, 'Europe/Amsterdam', 'nl')).toBe('18:30');
  });

  it('moves by the calendar days of the place, not of UTC or the Netherlands', () => {
    // 08:00 on 2 April in Tokyo is still 1 April in UTC; one day later is 08:00 on 3 April in Tokyo.
    const tokyo = zonedTimeToInstant('2027-04-02', '08:00', 'Asia/Tokyo');
    const next = shiftKeepingLocalTime(tokyo, 'Asia/Tokyo', 1);
    expect(localDateIn(next, 'Asia/Tokyo')).toBe('2027-04-03');
    expect(formatTimeIn(next, 'Asia/Tokyo', 'nl')).toBe('08:00');
    expect(Date.parse(next) - Date.parse(tokyo)).toBe(86_400_000);
  });

  it('lands a time the target day skips just after the gap', () => {
    // 02:30 on 14 March 2027 does not exist in Boston: it becomes 03:30 EDT (07:30 UTC).
    const saturday = zonedTimeToInstant('2027-03-13', '02:30', boston);
    expect(shiftKeepingLocalTime(saturday, boston, 1)).toBe('2027-03-14T07:30:00.000Z');
  });

  it('keeps seconds and is the identity for zero days', () => {
    expect(shiftKeepingLocalTime('2027-03-09T14:00:42.500Z', boston, 7)).toBe('2027-03-16T13:00:42.500Z');
    expect(shiftKeepingLocalTime('2027-03-09T14:00:00.000Z', boston, 0)).toBe('2027-03-09T14:00:00.000Z');
  });

  it('refuses an instant that is not one', () => {
    expect(() => shiftKeepingLocalTime('not a time', boston, 1)).toThrow(RangeError);
  });
});

describe('offsetTransitions', () => {
  const year2027 = [Date.UTC(2027, 0, 1), Date.UTC(2028, 0, 1)] as const;

  it('finds the US and Dutch changes of 2027 to the minute', () => {
    expect(offsetTransitions('America/New_York', ...year2027)).toEqual([
      { at: Date.parse('2027-03-14T07:00:00Z'), from: -300, to: -240 },
      { at: Date.parse('2027-11-07T06:00:00Z'), from: -240, to: -300 },
    ]);
    expect(offsetTransitions('Europe/Amsterdam', ...year2027)).toEqual([
      { at: Date.parse('2027-03-28T01:00:00Z'), from: 60, to: 120 },
      { at: Date.parse('2027-10-31T01:00:00Z'), from: 120, to: 60 },
    ]);
  });

  it('finds half-hour changes and none where there is no daylight saving', () => {
    // Lord Howe Island moves by 30 minutes: +11:00 in summer (until April), +10:30 in winter.
    expect(offsetTransitions('Australia/Lord_Howe', ...year2027).map(({ from, to }) => [from, to])).toEqual([
      [660, 630],
      [630, 660],
    ]);
    expect(offsetTransitions('Asia/Taipei', ...year2027)).toEqual([]);
  });
});
