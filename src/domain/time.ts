/**
 * Times abroad: an instant (ISO UTC) plus the IANA zone of the place. Shown in the local time of
 * the place and in Dutch time. All conversions go through Intl, so daylight saving is right.
 */
export const HOME_ZONE = 'Europe/Amsterdam';

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    // Intl throws RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

// Building an Intl.DateTimeFormat costs ~50x more than using one, and the agenda asks thousands
// of times per screen: one formatter per zone (and locale) is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formatters.get(key);
  if (!format) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

function wallTimeIn(instant: number, zone: string): WallTime {
  const parts = formatter(
    `wall ${zone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** Offset of the zone from UTC at that instant, in minutes (Taipei: +480). */
export function zoneOffsetMinutes(instant: number, zone: string): number {
  const wall = wallTimeIn(instant, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant / 60000) * 60000) / 60000);
}

/**
 * The instant at which the clocks of `zone` show the given date and time. A time that does not
 * exist (skipped by a DST change) moves forward by the gap; an ambiguous one takes the first.
 */
export function zonedTimeToInstant(date: string, time: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if ([y, m, d, hh, mm].some((n) => n === undefined || Number.isNaN(n)))
    throw new RangeError(`bad date/time ${date} ${time}`);
  const guess = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  const day = 86_400_000;
  const before = guess - zoneOffsetMinutes(guess - day, zone) * 60000;
  const after = guess - zoneOffsetMinutes(guess + day, zone) * 60000;
  const valid = [before, after].filter((candidate) => candidate + zoneOffsetMinutes(candidate, zone) * 60000 === guess);
  // Ambiguous (clocks fall back): the first occurrence. Skipped (clocks spring forward): the
  // reading with the old offset, which lands just after the gap.
  const chosen = valid.length > 0 ? Math.min(...valid) : before;
  return new Date(chosen).toISOString();
}

export function formatTimeIn(instant: string, zone: string, locale: string): string {
  return formatter(
    `time ${zone} ${locale}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(new Date(instant));
}

export function formatDayIn(instant: string, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(instant),
  );
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone, for grouping an agenda by day. */
export function localDateIn(instant: string, zone: string): string {
  const wall = wallTimeIn(Date.parse(instant), zone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** Calendar date written out in the given locale, without a time (dates are zone-free). */
export function formatDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date `days` after a YYYY-MM-DD date (before it when negative); dates carry no zone. */
export function addDays(date: string, days: number): string {
  const match = ISO_DATE.exec(date);
  if (!match || !Number.isInteger(days)) throw new RangeError(`bad date or day count: ${date} + ${days}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 30 February over into March: such a date was never valid.
  if (start.getUTCFullYear() !== y || start.getUTCMonth() !== m - 1 || start.getUTCDate() !== d)
    throw new RangeError(`no such date: ${date}`);
  start.setUTCDate(start.getUTCDate() + days);
  return start.toISOString().slice(0, 10);
}

/**
 * The instant that shows the same wall-clock time `days` calendar days later in `zone`: 09:00
 * stays 09:00 when a daylight-saving change falls in between, so a duplicated agenda keeps its
 * local times. A time the target day skips (spring forward) lands just after the gap; one it
 * repeats (fall back) takes the first occurrence, as `zonedTimeToInstant` does.
 */
export function shiftKeepingLocalTime(instant: string, zone: string, days: number): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`bad instant: ${instant}`);
  const wall = wallTimeIn(ms, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  // The local date and time from one reading (what localDateIn gives), to spare a second Intl pass.
  const date = `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
  const shifted = Date.parse(zonedTimeToInstant(addDays(date, days), `${pad(wall.hour)}:${pad(wall.minute)}`, zone));
  // Wall times are kept to the minute; seconds and milliseconds ride along unchanged.
  const belowMinute = ((ms % 60_000) + 60_000) % 60_000;
  return new Date(shifted + belowMinute).toISOString();
}

/** A change of a zone's offset from UTC: daylight saving starting or ending, or a new standard time. */
export interface OffsetTransition {
  /** The first instant (ms) of the new offset. */
  readonly at: number;
  /** Offsets in minutes before and after. */
  readonly from: number;
  readonly to: number;
}

/**
 * The offset changes of a zone between two instants, read from Intl (which knows the tz database
 * but does not list its changes): the offset is sampled once a week and each change is narrowed
 * down to the minute by bisection. Two changes within one week that cancel out would be missed;
 * no zone has had those in modern times.
 */
export function offsetTransitions(zone: string, from: number, until: number): OffsetTransition[] {
  const week = 7 * 86_400_000;
  const minute = 60_000;
  const found: OffsetTransition[] = [];
  let at = from;
  let offset = zoneOffsetMinutes(at, zone);
  while (at < until) {
    const probe = Math.min(at + week, until);
    if (zoneOffsetMinutes(probe, zone) === offset) {
      at = probe;
      continue;
    }
    let [low, high] = [at, probe];
    while (high - low > minute) {
      const middle = low + Math.floor((high - low) / 2 / minute) * minute;
      if (zoneOffsetMinutes(middle, zone) === offset) low = middle;
      else high = middle;
    }
    const to = zoneOffsetMinutes(high, zone);
    found.push({ at: high, from: offset, to });
    [at, offset] = [high, to];
  }
  return found;
}
