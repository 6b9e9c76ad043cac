/**
 * Rescheduling an agenda item by keyboard or drag: the new start and end of each item moved.
 * Pure, on instants; a move by days keeps the local time of the place across daylight saving.
 */
import { shiftKeepingLocalTime, zonedTimeToInstant } from '../../domain/time';

export interface Timed {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface Move {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/** The step of Alt+ArrowUp/Down and the grid a drag snaps to. */
export const STEP_MINUTES = 15;
const MINUTE = 60_000;

function duration(item: Timed): number {
  return Date.parse(item.end) - Date.parse(item.start);
}

function at(ms: number): string {
  return new Date(ms).toISOString();
}

/** Earlier (negative) or later by a number of minutes, the duration unchanged. */
export function shiftByMinutes(item: Timed, minutes: number): Move {
  const start = Date.parse(item.start) + minutes * MINUTE;
  return { id: item.id, start: at(start), end: at(start + duration(item)) };
}

/** To the same local time a number of days earlier or later, at the item's place. */
export function shiftByDays(item: Timed, days: number): Move {
  const start = shiftKeepingLocalTime(item.start, item.timeZone, days);
  return { id: item.id, start, end: at(Date.parse(start) + duration(item)) };
}

/** To a local date and minute of the day (a drop in the day view), snapped to the grid. */
export function moveToLocalTime(item: Timed, date: string, minuteOfDay: number): Move {
  const snapped = Math.min(24 * 60 - STEP_MINUTES, Math.max(0, snapToStep(minuteOfDay)));
  const pad = (n: number) => String(n).padStart(2, '0');
  const start = zonedTimeToInstant(date, `${pad(Math.floor(snapped / 60))}:${pad(snapped % 60)}`, item.timeZone);
  return { id: item.id, start, end: at(Date.parse(start) + duration(item)) };
}

export function snapToStep(minutes: number): number {
  return Math.round(minutes / STEP_MINUTES) * STEP_MINUTES;
}

/**
 * Two neighbours trade places (reordering in the list view): the later one moves to where the
 * earlier began, and the earlier follows it after the same gap as before, so the pair still
 * ends when it used to. Each keeps its own duration.
 */
export function swapWithNeighbour(earlier: Timed, later: Timed): [Move, Move] {
  const begin = Date.parse(earlier.start);
  const gap = Date.parse(later.start) - Date.parse(earlier.end);
  const laterStart = begin;
  const earlierStart = begin + duration(later) + gap;
  return [
    { id: later.id, start: at(laterStart), end: at(laterStart + duration(later)) },
    { id: earlier.id, start: at(earlierStart), end: at(earlierStart + duration(earlier)) },
  ];
}
