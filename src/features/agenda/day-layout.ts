/**
 * Where items sit in a day column: by local start time, tall as they last, side by side in lanes
 * when they overlap. Pure, so the placement is tested without a browser.
 */

export interface DayEntry {
  readonly id: string;
  /** Minutes after local midnight on the clocks of the place. */
  readonly startMinute: number;
  readonly durationMinutes: number;
}

export interface Placement {
  /** Minutes after local midnight, clipped to the day. */
  readonly top: number;
  readonly height: number;
  /** 0-based lane among `lanes` side by side. */
  readonly lane: number;
  readonly lanes: number;
}

const DAY = 24 * 60;
/** Short items still get a box that can be read and grabbed. */
export const MIN_HEIGHT_MINUTES = 30;

/**
 * Items that overlap (also through a third) form a cluster; each gets the lowest lane free at its
 * start, and every item of a cluster is as narrow as the cluster's widest moment asks.
 */
export function layoutDay(entries: readonly DayEntry[]): Map<string, Placement> {
  const boxes = entries
    .map((entry) => {
      const top = Math.max(0, Math.min(DAY - MIN_HEIGHT_MINUTES, entry.startMinute));
      const height = Math.max(MIN_HEIGHT_MINUTES, Math.min(DAY - top, entry.durationMinutes));
      return { id: entry.id, top, height, bottom: top + height };
    })
    .sort((a, b) => a.top - b.top || b.height - a.height || (a.id < b.id ? -1 : 1));

  const placements = new Map<string, Placement>();
  let cluster: { id: string; top: number; height: number; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const box of cluster)
      placements.set(box.id, { top: box.top, height: box.height, lane: box.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const box of boxes) {
    if (box.top >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= box.top);
    if (lane === -1) lane = laneEnds.push(box.bottom) - 1;
    else laneEnds[lane] = box.bottom;
    cluster.push({ id: box.id, top: box.top, height: box.height, lane });
    clusterEnd = Math.max(clusterEnd, box.bottom);
  }
  close();
  return placements;
}

/** The hours a day view shows: a working day, widened to whatever the items need. */
export function hourWindow(entries: readonly DayEntry[]): { firstHour: number; lastHour: number } {
  let first = 8;
  let last = 19;
  for (const entry of entries) {
    first = Math.min(first, Math.floor(entry.startMinute / 60));
    last = Math.max(
      last,
      Math.ceil(Math.min(DAY, entry.startMinute + Math.max(entry.durationMinutes, MIN_HEIGHT_MINUTES)) / 60),
    );
  }
  return { firstHour: Math.max(0, first), lastHour: Math.min(24, last) };
}

/** "09:00" → 540. */
export function minuteOfClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
