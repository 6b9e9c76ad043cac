/** Agenda conflicts: a member booked twice, an item outside the mission dates, too little travel time. */
import { foldForSearch } from './text';
import { addDays, zonedTimeToInstant } from './time';

// Structural inputs, so the rules do not depend on the entity module and can be fed from a form
// that has not been saved yet.
export interface ConflictMission {
  /** First and last day of the mission, local at the destination (YYYY-MM-DD). */
  readonly startDate: string;
  readonly endDate: string;
  /** Minimum minutes between items at different places. */
  readonly travelBufferMinutes: number;
}

export interface ConflictItem {
  readonly id: string;
  /** ISO UTC instants. */
  readonly start: string;
  readonly end: string;
  /** IANA zone of the place: the item's local dates are read in it. */
  readonly timeZone: string;
  /** Who takes part; empty means the whole delegation. */
  readonly participantIds: readonly string[];
  readonly location: string;
  readonly address: string;
  readonly kind: string;
}

export interface ConflictInput {
  readonly mission: ConflictMission;
  readonly delegationPersonIds: readonly string[];
  readonly items: readonly ConflictItem[];
}

export type AgendaConflict =
  | {
      readonly kind: 'double_booking';
      readonly personId: string;
      /** The earlier item first. */
      readonly itemIds: readonly [string, string];
    }
  | {
      readonly kind: 'outside_mission';
      readonly itemId: string;
      /** Starts before the first day, or ends after the last. */
      readonly side: 'before' | 'after';
    }
  | {
      readonly kind: 'travel_time';
      readonly personId: string;
      /** From the first place to the next. */
      readonly itemIds: readonly [string, string];
      readonly gapMinutes: number;
      readonly bufferMinutes: number;
    };

interface Slot {
  readonly item: ConflictItem;
  readonly start: number;
  readonly end: number;
  /** Folded place, or null when the item names none. */
  readonly place: string | null;
  /** Position in the agenda sorted by start: orders the report. */
  readonly order: number;
}

// Free time binds nobody, so it never clashes; a travel item is the journey itself, not a place.
const NEVER_CONFLICTS = 'free_time';
const JOURNEY = 'travel';
const MINUTE = 60_000;

/**
 * Every conflict in a mission's agenda, ordered by the start of the first item involved. All
 * comparisons are on instants, so a daylight-saving change (at home or abroad) cannot shift them;
 * only "which local day" questions use the item's own zone.
 *
 * Items that merely touch (one ends when the next starts) do not overlap. A person listed on an
 * item but no longer in the delegation is still checked: being booked twice is a clash either way.
 * Cost: one sort of the items, then a sweep per person over what they attend.
 */
export function detectConflicts(input: ConflictInput): AgendaConflict[] {
  const placeOf = placeFolder();
  const slots = input.items
    .map((item) => ({
      item,
      start: Date.parse(item.start),
      end: Date.parse(item.end),
      place: placeOf(item),
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.item.id, b.item.id))
    .map((slot, order): Slot => ({ ...slot, order }));

  const found: { conflict: AgendaConflict; order: number; second: number; rank: number }[] = [];
  const add = (conflict: AgendaConflict, first: Slot, second: Slot | null) =>
    found.push({ conflict, order: first.order, second: second?.order ?? -1, rank: RANK[conflict.kind] });

  const outside = outsideMissionCheck(input.mission);
  for (const slot of slots) {
    const side = outside(slot);
    if (side) add({ kind: 'outside_mission', itemId: slot.item.id, side }, slot, null);
  }

  const buffer = input.mission.travelBufferMinutes * MINUTE;
  for (const [personId, attended] of attendanceByPerson(slots, input.delegationPersonIds)) {
    for (const [a, b] of overlappingPairs(attended)) {
      add({ kind: 'double_booking', personId, itemIds: [a.item.id, b.item.id] }, a, b);
    }
    for (const [a, b, gap] of shortHops(attended, buffer)) {
      const conflict: AgendaConflict = {
        kind: 'travel_time',
        personId,
        itemIds: [a.item.id, b.item.id],
        gapMinutes: Math.floor(gap / MINUTE),
        bufferMinutes: input.mission.travelBufferMinutes,
      };
      add(conflict, a, b);
    }
  }

  return found
    .sort(
      (a, b) =>
        a.order - b.order ||
        a.rank - b.rank ||
        a.second - b.second ||
        compareText(personOf(a.conflict), personOf(b.conflict)),
    )
    .map((entry) => entry.conflict);
}

const RANK: Record<AgendaConflict['kind'], number> = { outside_mission: 0, double_booking: 1, travel_time: 2 };

function personOf(conflict: AgendaConflict): string {
  return conflict.kind === 'outside_mission' ? '' : conflict.personId;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Place name and address folded together, so "Hotel Zürich" and "hotel zurich " are one place.
 * An agenda names few places many times, and folding is costly (locale-aware lower case), so
 * each distinct text is folded once.
 */
function placeFolder(): (item: ConflictItem) => string | null {
  const folded = new Map<string, string>();
  const fold = (text: string) => {
    let result = folded.get(text);
    if (result === undefined) {
      result = foldForSearch(text);
      folded.set(text, result);
    }
    return result;
  };
  return (item) => {
    const location = fold(item.location);
    const address = fold(item.address);
    return location === '' && address === '' ? null : `${location}\n${address}`;
  };
}

// Every zone's offset lies between UTC-12 and UTC+14: local midnight falls at most 14 hours
// before UTC midnight and 12 after. An hour of margin on both sides.
const MIDNIGHT_EARLIEST = -15 * 3_600_000;
const MIDNIGHT_LATEST = 13 * 3_600_000;

/**
 * Local midnight of a date in a zone, remembered: it costs several Intl look-ups (each builds a
 * formatter), and the agenda screen asks again on every edit with the same mission dates. The
 * answer depends only on the arguments, so a small memo is safe; it is emptied when it grows.
 */
const midnights = new Map<string, number>();
function localMidnight(date: string, zone: string): number {
  const key = `${date} ${zone}`;
  let instant = midnights.get(key);
  if (instant === undefined) {
    instant = Date.parse(zonedTimeToInstant(date, '00:00', zone));
    if (midnights.size >= 256) midnights.clear();
    midnights.set(key, instant);
  }
  return instant;
}

/**
 * The mission runs from local midnight of its first day to local midnight after its last, in the
 * zone of each item (a multi-country mission has more than one); an item that ends exactly at the
 * closing midnight is still inside. Only items close enough to an edge that the zone could matter
 * need the zone's midnight.
 */
function outsideMissionCheck(mission: ConflictMission): (slot: Slot) => 'before' | 'after' | null {
  const dayAfter = addDays(mission.endDate, 1);
  const opensUtc = Date.parse(`${mission.startDate}T00:00:00Z`);
  const closesUtc = Date.parse(`${dayAfter}T00:00:00Z`);
  return ({ start, end, item }) => {
    if (start < opensUtc + MIDNIGHT_LATEST && start < localMidnight(mission.startDate, item.timeZone)) return 'before';
    if (end > closesUtc + MIDNIGHT_EARLIEST && end > localMidnight(dayAfter, item.timeZone)) return 'after';
    return null;
  };
}

/** Per person, the items they attend, in agenda order (the slots arrive sorted). */
function attendanceByPerson(slots: readonly Slot[], delegation: readonly string[]): Map<string, Slot[]> {
  const byPerson = new Map<string, Slot[]>();
  for (const slot of slots) {
    const people = slot.item.participantIds.length === 0 ? delegation : slot.item.participantIds;
    for (const personId of new Set(people)) {
      const list = byPerson.get(personId);
      if (list) list.push(slot);
      else byPerson.set(personId, [slot]);
    }
  }
  return byPerson;
}

function overlaps(a: Slot, b: Slot): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sweep over items sorted by start, keeping only those still running: each clash once, earlier first. */
function* overlappingPairs(attended: readonly Slot[]): Generator<[Slot, Slot]> {
  let running: Slot[] = [];
  for (const slot of attended) {
    if (slot.item.kind === NEVER_CONFLICTS) continue;
    // Anything that ended by now cannot overlap this item or any later one.
    running = running.filter((earlier) => earlier.end > slot.start);
    for (const earlier of running) if (overlaps(earlier, slot)) yield [earlier, slot];
    running.push(slot);
  }
}

/**
 * Moves between places that leave less than the buffer. The person comes from the place of the
 * earlier item that ends last; overlapping items are a double booking, not a short hop.
 */
function* shortHops(attended: readonly Slot[], buffer: number): Generator<[Slot, Slot, number]> {
  let from: Slot | null = null;
  for (const slot of attended) {
    if (slot.place === null || slot.item.kind === JOURNEY || slot.item.kind === NEVER_CONFLICTS) continue;
    if (from) {
      const gap = slot.start - from.end;
      if (gap >= 0 && gap < buffer && from.place !== slot.place) yield [from, slot, gap];
    }
    if (!from || slot.end >= from.end) from = slot;
  }
}
