/** View rules shared by the screens and the briefing book: delegation and target order, the agenda by local day, times in two zones. */
import { foldForSearch, surnameSortKey } from './text';
import { formatTimeIn, HOME_ZONE, localDateIn } from './time';

/** The order a delegation is listed in: who leads first, support staff last. */
export const ROLE_ORDER = ['head', 'administrator', 'official', 'company', 'support'] as const;
type Role = (typeof ROLE_ORDER)[number];

// Structural inputs: stored records fit, and so do unsaved form values.
export interface PersonName {
  readonly givenName: string;
  readonly familyName: string;
}

export interface TimedItem {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface DayOfAgenda<T> {
  /** The calendar date in the zone of the items' place (YYYY-MM-DD). */
  readonly date: string;
  readonly items: T[];
}

export interface TimeRangeInTwoZones {
  /** "09:00–10:30" on the clocks of the place. */
  readonly local: string;
  /** The same range on Dutch clocks. */
  readonly home: string;
  readonly localZone: string;
  readonly homeZone: string;
  /** -1 when it is still the day before in the Netherlands, 1 when it is already the next day. */
  readonly homeDayOffset: -1 | 0 | 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by precomputed keys, so costly folding runs once per entry and not once per comparison. */
function sortByKeys<T>(list: readonly T[], keyOf: (entry: T) => readonly (number | string)[]): T[] {
  return list
    .map((entry) => ({ entry, key: keyOf(entry) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const [x, y] = [a.key[i] ?? '', b.key[i] ?? ''];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
        if (order !== 0) return order;
      }
      return 0;
    })
    .map(({ entry }) => entry);
}

/**
 * The delegation in role order, and within a role by name the way the people registry sorts:
 * surname without Dutch prefixes ("van den Berg" under B), then given name, accents folded.
 * A member whose person is missing from the registry comes last in their role.
 */
export function sortDelegation<M extends { readonly personId: string; readonly role: Role }>(
  members: readonly M[],
  nameOf: (personId: string) => PersonName | undefined,
): M[] {
  return sortByKeys(members, (member) => {
    const person = nameOf(member.personId);
    const name = person ? `${surnameSortKey(person.familyName)} ${foldForSearch(person.givenName)}` : '';
    return [ROLE_ORDER.indexOf(member.role), person ? 0 : 1, name, member.personId];
  });
}

/** Targets by priority (1 first), then by organisation name as the registry sorts it; unknown ones last. */
export function sortTargets<T extends { readonly organisationId: string; readonly priority: number }>(
  targets: readonly T[],
  nameOf: (organisationId: string) => string | undefined,
): T[] {
  return sortByKeys(targets, (target) => {
    const name = nameOf(target.organisationId);
    return [target.priority, name === undefined ? 1 : 0, foldForSearch(name ?? ''), target.organisationId];
  });
}

/**
 * The agenda as days, each the calendar date at the item's own place (a dinner at 21:00 in Boston
 * belongs to that evening, although it is past midnight in the Netherlands). Days in date order;
 * within a day by start, then end, then title.
 */
export function groupAgendaByLocalDay<I extends TimedItem & { readonly title: string }>(
  items: readonly I[],
): DayOfAgenda<I>[] {
  const sorted = sortByKeys(items, (item) => [Date.parse(item.start), Date.parse(item.end), foldForSearch(item.title)]);
  const days = new Map<string, I[]>();
  for (const item of sorted) {
    const date = localDateIn(item.start, item.timeZone);
    const day = days.get(date);
    if (day) day.push(item);
    else days.set(date, [item]);
  }
  return [...days.keys()].sort().map((date) => ({ date, items: days.get(date) ?? [] }));
}

/** An item's times on the clocks of the place and on Dutch clocks, with the day shift between them. */
export function timeRangeInTwoZones(item: TimedItem, locale: string): TimeRangeInTwoZones {
  const range = (zone: string) => `${formatTimeIn(item.start, zone, locale)}–${formatTimeIn(item.end, zone, locale)}`;
  const localDay = Date.parse(localDateIn(item.start, item.timeZone));
  const homeDay = Date.parse(localDateIn(item.start, HOME_ZONE));
  // Two clocks on Earth are never more than a day apart, so the sign is the whole answer.
  const homeDayOffset = Math.sign(homeDay - localDay) as -1 | 0 | 1;
  return {
    local: range(item.timeZone),
    home: range(HOME_ZONE),
    localZone: item.timeZone,
    homeZone: HOME_ZONE,
    homeDayOffset,
  };
}
