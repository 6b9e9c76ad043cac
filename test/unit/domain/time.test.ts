import { describe, expect, it } from 'vitest';
import { formatTimeIn, HOME_ZONE, localDateIn, zonedTimeToInstant, zoneOffsetMinutes } from '../../../src/domain/time';

describe('times abroad', () => {
  it('shows a Taipei meeting in local and Dutch time, winter and summer', () => {
    // 09:00 in Taipei is 01:00 UTC: 02:00 in the Netherlands in winter, 03:00 in summer.
    const winter = zonedTimeToInstant('2027-03-16', '09:00', 'Asia/Taipei');
    expect(winter).toBe('2027-03-16T01:00:00.000Z');
    expect(formatTimeIn(winter, 'Asia/Taipei', 'nl')).toBe('09:00');
    expect(formatTimeIn(winter, HOME_ZONE, 'nl')).toBe('02:00');
    const summer = zonedTimeToInstant('2027-04-16', '09:00', 'Asia/Taipei');
    expect(formatTimeIn(summer, HOME_ZONE, 'nl')).toBe('03:00');
  });

  it('gets the offset right on both sides of a DST change', () => {
    expect(zoneOffsetMinutes(Date.parse('2027-03-28T00:59:00Z'), HOME_ZONE)).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2027-03-28T01:00:00Z'), HOME_ZONE)).toBe(120);
    expect(zoneOffsetMinutes(Date.parse('2027-03-14T06:59:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(Date.parse('2027-03-14T07:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('moves a time skipped by spring-forward past the gap, and takes the first of a repeated hour', () => {
    // 02:30 does not exist in Amsterdam on 28 March 2027; 03:30 CEST does.
    expect(zonedTimeToInstant('2027-03-28', '02:30', HOME_ZONE)).toBe('2027-03-28T01:30:00.000Z');
    // 02:30 happens twice on 31 October 2027: first in CEST (00:30 UTC).
    expect(zonedTimeToInstant('2027-10-31', '02:30', HOME_ZONE)).toBe('2027-10-31T00:30:00.000Z');
  });

  it('groups by the local date of the place, not the Dutch date', () => {
    // 01:30 in Tokyo on 2 April is still 1 April in the Netherlands.
    const instant = zonedTimeToInstant('2027-04-02', '01:30', 'Asia/Tokyo');
    expect(localDateIn(instant, 'Asia/Tokyo')).toBe('2027-04-02');
    expect(localDateIn(instant, HOME_ZONE)).toBe('2027-04-01');
  });
});
