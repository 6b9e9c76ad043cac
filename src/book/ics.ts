/** The agenda as an iCalendar file (RFC 5545) that Outlook, Google and Apple import at the right local times. */
import { AppError } from '../domain/errors';
import { displayName } from '../domain/entities/person';
import { offsetTransitions, zoneOffsetMinutes, type OffsetTransition } from '../domain/time';
import { en } from '../i18n/en';
import { nl, type Catalog } from '../i18n/nl';

// Structural inputs: stored records fit. Only the fields named here are read, so the sensitive
// fields of a person (passport, date of birth, health) cannot reach the file.
export interface IcsAgendaItem {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  /** ISO UTC instants, and the IANA zone of the place. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly location: string;
  readonly address: string;
  readonly organisationId: string;
  readonly contactIds: readonly string[];
  /** Empty means the whole delegation. */
  readonly participantIds: readonly string[];
  readonly objective: string;
  readonly talkingPoints: string;
}

export interface IcsPerson {
  readonly honorific: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly jobTitle: string;
}

export interface IcsInput {
  readonly mission: { readonly title: string; readonly timeZone: string };
  readonly items: readonly IcsAgendaItem[];
  readonly people: ReadonlyMap<string, IcsPerson>;
  readonly organisations: ReadonlyMap<string, { readonly name: string }>;
  /** Only the items this delegation member attends. */
  readonly personId?: string;
}

export interface IcsOptions {
  /** The moment of export (DTSTAMP). */
  readonly now: Date;
  readonly language: 'nl' | 'en';
}

const CATALOGS: Record<IcsOptions['language'], Catalog> = { nl, en };

interface Timed {
  readonly item: IcsAgendaItem;
  readonly start: number;
  readonly end: number;
}
const MINUTE = 60_000;

/**
 * The agenda, or one member's part of it, as an .ics file: each item a VEVENT in the local time of
 * its place (TZID plus a VTIMEZONE derived from the tz database), CRLF lines folded at 75 octets.
 */
export function buildIcs(input: IcsInput, options: IcsOptions): string {
  const labels = CATALOGS[options.language].ics;
  const items = input.items
    .filter((item) => attends(item, input.personId))
    .map((item): Timed => ({ item, start: Date.parse(item.start), end: Date.parse(item.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || (a.item.id < b.item.id ? -1 : 1));
  const broken = items.find(({ start, end }) => Number.isNaN(start) || Number.isNaN(end) || end < start);
  if (broken) throw new AppError('errors.invalidInput', `agenda item ${broken.item.id} has no valid start and end`);

  const zones = zonesUsed(input, items, options.now);
  const member = input.personId ? input.people.get(input.personId) : undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Trade & Invest Regio Utrecht//Mission Dossier//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(member ? `${input.mission.title} – ${displayName(member)}` : input.mission.title)}`,
    `X-WR-TIMEZONE:${input.mission.timeZone}`,
    ...[...zones.values()].flatMap(vtimezone),
    ...items.flatMap(({ item, start, end }) => {
      const zone = zones.get(item.timeZone);
      if (!zone) throw new AppError('errors.unexpected', `no time zone table for ${item.timeZone}`);
      return [
        'BEGIN:VEVENT',
        `UID:${item.id}@mission-dossier`,
        `DTSTAMP:${utcStamp(options.now.getTime())}`,
        `DTSTART${zonedStamp(start, zone)}`,
        `DTEND${zonedStamp(end, zone)}`,
        `SUMMARY:${escapeText(item.title)}`,
        ...optional('LOCATION', [item.location, item.address].filter(Boolean).join(', ')),
        ...optional('DESCRIPTION', description(item, input, labels)),
        // Free time should not block the calendar of whoever imports it.
        `TRANSP:${item.kind === 'free_time' ? 'TRANSPARENT' : 'OPAQUE'}`,
        'END:VEVENT',
      ];
    }),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

function attends(item: IcsAgendaItem, personId: string | undefined): boolean {
  return personId === undefined || item.participantIds.length === 0 || item.participantIds.includes(personId);
}

function optional(name: string, value: string): string[] {
  return value === '' ? [] : [`${name}:${escapeText(value)}`];
}

function description(item: IcsAgendaItem, input: IcsInput, labels: Catalog['ics']): string {
  const person = (id: string) => {
    const found = input.people.get(id);
    if (!found) return null;
    return found.jobTitle ? `${displayName(found)} (${found.jobTitle})` : displayName(found);
  };
  const names = (ids: readonly string[]) => ids.map(person).filter((name) => name !== null);
  // "ASML – Jan Jansen (CEO), Eva de Vries": the organisation, then the people met there.
  const contacts = names(item.contactIds).join(', ');
  const counterpart = [input.organisations.get(item.organisationId)?.name ?? '', contacts].filter(Boolean).join(' – ');
  const participants = item.participantIds.length === 0 ? [labels.wholeDelegation] : names(item.participantIds);
  return [
    item.objective && `${labels.objective}: ${item.objective}`,
    item.talkingPoints && `${labels.talkingPoints}:\n${item.talkingPoints}`,
    counterpart && `${labels.counterpart}: ${counterpart}`,
    participants.length > 0 && `${labels.participants}: ${participants.join(', ')}`,
  ]
    .filter((part) => typeof part === 'string' && part !== '')
    .join('\n\n');
}

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Content lines longer than 75 octets are folded (RFC 5545 3.1): CRLF and a space, the space
 * counting towards the next line. Octets of UTF-8, and never inside one character's sequence.
 */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

// --- Time zones ---------------------------------------------------------------------------

interface ZoneTable {
  readonly zone: string;
  /** Start of the scanned span, and the offset then. */
  readonly since: number;
  readonly initial: number;
  /** The earliest instant an item needs (now, for an empty agenda). */
  readonly firstUse: number;
  readonly transitions: readonly OffsetTransition[];
}

/**
 * Every zone the file uses, with its offset changes from the year before the first item to the
 * year after the last: enough for any item, and for a yearly rule to be seen to hold.
 */
function zonesUsed(input: IcsInput, items: readonly Timed[], now: Date): Map<string, ZoneTable> {
  const spans = new Map<string, { first: number; last: number }>();
  for (const { item, start, end } of items) {
    const span = spans.get(item.timeZone);
    spans.set(item.timeZone, { first: Math.min(span?.first ?? start, start), last: Math.max(span?.last ?? end, end) });
  }
  // An empty agenda still makes a valid file: it describes the mission's zone around now.
  if (spans.size === 0) spans.set(input.mission.timeZone, { first: now.getTime(), last: now.getTime() });
  const tables = new Map<string, ZoneTable>();
  for (const [zone, { first, last }] of spans) {
    const since = Date.UTC(new Date(first).getUTCFullYear() - 1, 0, 1);
    const until = Date.UTC(new Date(last).getUTCFullYear() + 2, 0, 1);
    const transitions = offsetTransitions(zone, since, until);
    tables.set(zone, { zone, since, initial: zoneOffsetMinutes(since, zone), firstUse: first, transitions });
  }
  return tables;
}

/** The offset in force at an instant, from the table (no Intl look-up per event). */
function offsetAt(table: ZoneTable, instant: number): number {
  let offset = table.initial;
  for (const change of table.transitions) {
    if (change.at > instant) break;
    offset = change.to;
  }
  return offset;
}

/**
 * `;TZID=zone:local time`, the form every calendar shows in the place's time. A local time in the
 * hour that a fall-back change repeats names two instants; RFC 5545 says the first, but parsers
 * differ (ical.js takes the second), so an instant in either pass is written in UTC instead.
 */
function zonedStamp(instant: number, table: ZoneTable): string {
  const repeated = table.transitions.some(({ at, from, to }) => {
    const overlap = (from - to) * MINUTE;
    return overlap > 0 && instant >= at - overlap && instant < at + overlap;
  });
  if (repeated) return `:${utcStamp(instant)}`;
  return `;TZID=${table.zone}:${wallStamp(instant + offsetAt(table, instant) * MINUTE)}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** A wall time, given as the UTC fields of a shifted instant, as YYYYMMDDTHHMMSS. */
function wallStamp(shifted: number): string {
  const d = new Date(shifted);
  return (
    `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

function utcStamp(instant: number): string {
  return `${wallStamp(instant)}Z`;
}

function utcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Changes that follow one yearly rule ("the second Sunday of March at 02:00") in consecutive years. */
interface YearlyRun {
  readonly changes: OffsetTransition[];
  year: number;
  readonly month: number;
  readonly weekday: number;
  readonly nth: number;
  /** Whether every change fell on the same week of the month, and whether every one on the last. */
  nthHolds: boolean;
  lastHolds: boolean;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

function yearlyRuns(transitions: readonly OffsetTransition[]): YearlyRun[] {
  const runs: YearlyRun[] = [];
  const open = new Map<string, YearlyRun>();
  for (const change of transitions) {
    // The rule is read on the clocks before the change, as DTSTART is written.
    const wall = new Date(change.at + change.from * MINUTE);
    const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const [nth, last] = [Math.ceil(day / 7), day > daysInMonth - 7];
    const key = `${change.from} ${change.to} ${month} ${wall.getUTCDay()} ${wallStamp(wall.getTime()).slice(9)}`;
    const run = open.get(key);
    if (run && year === run.year + 1 && ((run.nthHolds && nth === run.nth) || (run.lastHolds && last))) {
      run.changes.push(change);
      run.year = year;
      run.nthHolds &&= nth === run.nth;
      run.lastHolds &&= last;
      continue;
    }
    const fresh = { changes: [change], year, month, weekday: wall.getUTCDay(), nth, nthHolds: true, lastHolds: last };
    runs.push(fresh);
    open.set(key, fresh);
  }
  return runs;
}

/**
 * A VTIMEZONE for the scanned span. Changes that repeat year after year on one rule become one
 * observance with an RRULE bounded by UNTIL, the form Outlook itself writes and reads best;
 * irregular changes are written one by one; a zone without changes gets one STANDARD observance.
 */
function vtimezone(table: ZoneTable): string[] {
  const observances: string[][] = [];
  const first = table.transitions[0];
  // Items before the first change (a zone that starts DST only later), or a zone without any
  // change, need an observance from the start of the span.
  if (!first || first.at > table.firstUse) {
    const start = first ? wallStamp(table.since + table.initial * MINUTE) : '19700101T000000';
    observances.push(observance('STANDARD', start, table.initial, table.initial, null));
  }
  for (const run of yearlyRuns(table.transitions)) {
    const head = run.changes[0];
    const last = run.changes.at(-1);
    if (!head || !last) continue;
    const week = run.nthHolds ? run.nth : -1;
    const rrule =
      run.changes.length > 1
        ? `FREQ=YEARLY;BYMONTH=${run.month};BYDAY=${week}${WEEKDAYS[run.weekday]};UNTIL=${utcStamp(last.at)}`
        : null;
    const kind = head.to > head.from ? 'DAYLIGHT' : 'STANDARD';
    observances.push(observance(kind, wallStamp(head.at + head.from * MINUTE), head.from, head.to, rrule));
  }
  return ['BEGIN:VTIMEZONE', `TZID:${table.zone}`, ...observances.flat(), 'END:VTIMEZONE'];
}

function observance(kind: string, start: string, from: number, to: number, rrule: string | null): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
}
