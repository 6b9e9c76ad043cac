/**
 * An item's times as the agenda screen shows them (two-zone range, local day, place in the day
 * column), remembered per start, end, zone and language: each reading costs several Intl
 * formatters, and after an edit only the item that changed needs new ones.
 */
import { timeRangeInTwoZones, type TimeRangeInTwoZones } from '../../domain/dossier-view';
import { formatTimeIn, localDateIn } from '../../domain/time';
import { minuteOfClock } from './day-layout';

export interface ItemTimes {
  readonly range: TimeRangeInTwoZones;
  /** The local date of the start (YYYY-MM-DD), at the place. */
  readonly date: string;
  /** Minutes after local midnight of the start, at the place. */
  readonly startMinute: number;
  readonly durationMinutes: number;
}

interface TimedItem {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

const remembered = new Map<string, ItemTimes>();
// Several missions' agendas in two languages fit; past that the memo starts afresh.
const LIMIT = 5000;

export function itemTimes(item: TimedItem, locale: string): ItemTimes {
  const key = `${item.start}|${item.end}|${item.timeZone}|${locale}`;
  let times = remembered.get(key);
  if (!times) {
    times = {
      range: timeRangeInTwoZones(item, locale),
      date: localDateIn(item.start, item.timeZone),
      startMinute: minuteOfClock(formatTimeIn(item.start, item.timeZone, 'en-GB')),
      durationMinutes: Math.round((Date.parse(item.end) - Date.parse(item.start)) / 60_000),
    };
    if (remembered.size >= LIMIT) remembered.clear();
    remembered.set(key, times);
  }
  return times;
}
