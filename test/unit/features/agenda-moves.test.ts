import { describe, expect, it } from 'vitest';
import {
  moveToLocalTime,
  shiftByDays,
  shiftByMinutes,
  swapWithNeighbour,
  type Timed,
} from '../../../src/features/agenda/agenda-moves';

const item = (id: string, start: string, end: string, timeZone = 'Asia/Taipei'): Timed => ({
  id,
  start,
  end,
  timeZone,
});

describe('rescheduling an agenda item', () => {
  it('Alt+ArrowUp/Down: 15 minutes earlier or later, the duration kept', () => {
    const meeting = item('a', '2027-03-16T01:00:00.000Z', '2027-03-16T02:30:00.000Z');
    expect(shiftByMinutes(meeting, 15)).toEqual({
      id: 'a',
      start: '2027-03-16T01:15:00.000Z',
      end: '2027-03-16T02:45:00.000Z',
    });
    expect(shiftByMinutes(meeting, -15)).toEqual({
      id: 'a',
      start: '2027-03-16T00:45:00.000Z',
      end: '2027-03-16T02:15:00.000Z',
    });
  });

  it('Alt+ArrowLeft/Right: a day, keeping the local time when the clocks change in between', () => {
    // Saturday 13 March 2027, 09:00–10:00 in New York (EST); the US clocks go forward that night.
    const boston = item('b', '2027-03-13T14:00:00.000Z', '2027-03-13T15:00:00.000Z', 'America/New_York');
    expect(shiftByDays(boston, 1)).toEqual({
      id: 'b',
      start: '2027-03-14T13:00:00.000Z',
      end: '2027-03-14T14:00:00.000Z',
    });
    const back = shiftByDays({ ...boston, ...shiftByDays(boston, 1) }, -1);
    expect(back).toEqual({ id: 'b', start: boston.start, end: boston.end });
  });

  it('a drop lands on the quarter hour nearest to where it was let go, in the item’s own zone', () => {
    const meeting = item('c', '2027-03-16T01:00:00.000Z', '2027-03-16T02:00:00.000Z');
    // 10:07 local on 17 March → 10:00 Taipei = 02:00 UTC; 10:08 → 10:15.
    expect(moveToLocalTime(meeting, '2027-03-17', 10 * 60 + 7)).toEqual({
      id: 'c',
      start: '2027-03-17T02:00:00.000Z',
      end: '2027-03-17T03:00:00.000Z',
    });
    expect(moveToLocalTime(meeting, '2027-03-17', 10 * 60 + 8).start).toBe('2027-03-17T02:15:00.000Z');
    // Above the top of the day it starts at midnight, never on the day before.
    expect(moveToLocalTime(meeting, '2027-03-17', -40).start).toBe('2027-03-16T16:00:00.000Z');
  });

  it('reordering: neighbours trade places, each keeps its length, the pair still ends when it did', () => {
    const first = item('first', '2027-03-16T01:00:00.000Z', '2027-03-16T02:00:00.000Z'); // 09:00–10:00
    const second = item('second', '2027-03-16T02:30:00.000Z', '2027-03-16T04:00:00.000Z'); // 10:30–12:00
    expect(swapWithNeighbour(first, second)).toEqual([
      { id: 'second', start: '2027-03-16T01:00:00.000Z', end: '2027-03-16T02:30:00.000Z' }, // 09:00–10:30
      { id: 'first', start: '2027-03-16T03:00:00.000Z', end: '2027-03-16T04:00:00.000Z' }, // 11:00–12:00
    ]);
  });

  it('reordering two overlapping items also keeps their lengths and the pair’s end', () => {
    const first = item('first', '2027-03-16T01:00:00.000Z', '2027-03-16T03:00:00.000Z');
    const second = item('second', '2027-03-16T02:00:00.000Z', '2027-03-16T02:30:00.000Z');
    const [later, earlier] = swapWithNeighbour(first, second);
    expect(later).toEqual({ id: 'second', start: '2027-03-16T01:00:00.000Z', end: '2027-03-16T01:30:00.000Z' });
    expect(earlier.end).toBe(second.end);
    expect(Date.parse(earlier.end) - Date.parse(earlier.start)).toBe(2 * 3_600_000);
  });
});
