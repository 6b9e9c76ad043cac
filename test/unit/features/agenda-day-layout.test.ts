import { describe, expect, it } from 'vitest';
import { hourWindow, layoutDay, MIN_HEIGHT_MINUTES } from '../../../src/features/agenda/day-layout';

const at = (id: string, start: string, minutes: number) => {
  const [h, m] = start.split(':').map(Number);
  return { id, startMinute: (h ?? 0) * 60 + (m ?? 0), durationMinutes: minutes };
};

describe('placing items in a day column', () => {
  it('items that do not overlap each get the whole width, at their local time', () => {
    const placed = layoutDay([at('a', '09:00', 60), at('b', '10:00', 90)]);
    expect(placed.get('a')).toEqual({ top: 540, height: 60, lane: 0, lanes: 1 });
    expect(placed.get('b')).toEqual({ top: 600, height: 90, lane: 0, lanes: 1 });
  });

  it('overlapping items share the width in lanes; a later item on its own is wide again', () => {
    const placed = layoutDay([at('a', '09:00', 120), at('b', '09:30', 60), at('c', '10:00', 60), at('d', '13:00', 60)]);
    expect([placed.get('a'), placed.get('b'), placed.get('c')].map((p) => [p?.lane, p?.lanes])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(placed.get('d')).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('a chain of overlaps reuses a lane that came free, so the cluster needs only two', () => {
    const placed = layoutDay([at('a', '09:00', 60), at('b', '09:30', 60), at('c', '10:00', 60)]);
    expect(placed.get('c')).toMatchObject({ lane: 0, lanes: 2 });
    expect(placed.get('b')).toMatchObject({ lane: 1, lanes: 2 });
  });

  it('a five-minute item still gets a box that can be read and grabbed, and nothing runs past midnight', () => {
    const placed = layoutDay([at('short', '12:00', 5), at('late', '23:00', 180)]);
    expect(placed.get('short')?.height).toBe(MIN_HEIGHT_MINUTES);
    expect(placed.get('late')).toMatchObject({ top: 23 * 60, height: 60 });
  });

  it('the hours shown: a working day, widened for an early breakfast or a late dinner', () => {
    expect(hourWindow([at('a', '10:00', 60)])).toEqual({ firstHour: 8, lastHour: 19 });
    expect(hourWindow([at('b', '06:30', 60), at('c', '21:00', 150)])).toEqual({ firstHour: 6, lastHour: 24 });
  });
});
