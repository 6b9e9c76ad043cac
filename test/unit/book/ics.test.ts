import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsAgendaItem, type IcsInput, type IcsPerson } from '../../../src/book/ics';
import { formatTimeIn, localDateIn, zonedTimeToInstant } from '../../../src/domain/time';

const NOW = new Date('2027-02-01T10:00:00Z');
const BOSTON = 'America/New_York';
const AMSTERDAM = 'Europe/Amsterdam';
const TAIPEI = 'Asia/Taipei';

// People as stored, sensitive fields included: the export must leave those out.
const SENSITIVE = {
  passportNumber: 'NXP1234567',
  passportExpiry: '2031-05-17',
  dateOfBirth: '1968-09-23',
  dietaryNeeds: 'strictly halal',
  medicalNotes: 'penicillin allergy',
  emergencyContact: 'Marieke +31 6 9876 5432',
};
type StoredPerson = IcsPerson & typeof SENSITIVE;
const person = (honorific: string, givenName: string, familyName: string, jobTitle = ''): StoredPerson => ({
  honorific,
  givenName,
  familyName,
  jobTitle,
  ...SENSITIVE,
});
const people = new Map<string, StoredPerson>([
  ['p-head', person('drs.', 'Hanneke', 'van der Laan', 'gedeputeerde')],
  ['p-ceo', person('', 'Bas', 'Verhoef', 'CEO')],
  ['p-support', person('', 'Fatima', 'El Amrani')],
  ['c-chen', person('Dr.', '美玲', '陳', '研發副總')],
  ['c-smith', person('', 'Ann', 'Smith', 'Director, Business Development')],
]);
const organisations = new Map([
  ['o-mit', { name: 'MIT Industrial Liaison Program' }],
  ['o-itri', { name: '工業技術研究院 (ITRI)' }],
]);

let serial = 0;
/** An item from local clock times; it ends on `endDate` when that is given (past midnight). */
function item(
  zone: string,
  date: string,
  from: string,
  to: string,
  extra: Partial<IcsAgendaItem> = {},
  endDate = date,
): IcsAgendaItem {
  return {
    id: `item-${++serial}`,
    title: `Item ${serial}`,
    kind: 'meeting',
    timeZone: zone,
    location: '',
    address: '',
    organisationId: '',
    contactIds: [],
    participantIds: [],
    objective: '',
    talkingPoints: '',
    ...extra,
    start: zonedTimeToInstant(date, from, zone),
    end: zonedTimeToInstant(endDate, to, zone),
  };
}

function input(items: IcsAgendaItem[], extra: Partial<IcsInput> = {}): IcsInput {
  return { mission: { title: 'Missie Boston 2027', timeZone: BOSTON }, items, people, organisations, ...extra };
}

/** Parses with ical.js, the time zones registered from the file itself and from nowhere else. */
function parse(ics: string): ICAL.Component {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return calendar;
}

function events(calendar: ICAL.Component): ICAL.Event[] {
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** The wall clock of an instant in a zone, as Intl (the tz database) has it: YYYY-MM-DD HH:MM. */
function wallClock(instant: string, zone: string): string {
  return `${localDateIn(instant, zone)} ${formatTimeIn(instant, zone, 'en-GB')}`;
}

function icalWall(time: ICAL.Time): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${time.year}-${p(time.month)}-${p(time.day)} ${p(time.hour)}:${p(time.minute)}`;
}

/**
 * Every event: DTSTART and DTEND, read by ical.js through the file's VTIMEZONE, are exactly the
 * stored instants; and the local time written after TZID is the wall clock of the place, which is
 * what calendars that know the IANA zone themselves (Google, Apple) show.
 */
function expectExactInstants(ics: string, items: readonly IcsAgendaItem[]): void {
  const byId = new Map(items.map((i) => [`${i.id}@mission-dossier`, i]));
  const parsed = events(parse(ics));
  expect(parsed.length).toBe(items.length);
  for (const event of parsed) {
    const stored = byId.get(event.uid);
    if (!stored) throw new Error(`unexpected event ${event.uid}`);
    for (const [time, instant] of [
      [event.startDate, stored.start],
      [event.endDate, stored.end],
    ] as const) {
      expect(time.toJSDate().toISOString(), `${event.summary} at ${instant}`).toBe(instant);
      if (time.zone?.tzid === 'UTC') continue; // the second pass of a repeated hour, see below
      expect(time.zone?.tzid).toBe(stored.timeZone);
      expect(icalWall(time)).toBe(wallClock(instant, stored.timeZone));
    }
  }
}

function unfold(ics: string): string {
  return ics.replace(/\r\n /g, '');
}

describe('the calendar file', () => {
  it('has the calendar properties, CRLF line endings and a stable UID per item', () => {
    const items = [item(BOSTON, '2027-03-15', '09:00', '10:00')];
    const ics = buildIcs(input(items), { now: NOW, language: 'nl' });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      lines[2],
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines[2]).toMatch(/^PRODID:-\/\/.+\/\/Mission Dossier\/\/NL$/);
    expect(lines).toContain(`UID:${items[0]?.id}@mission-dossier`);
    expect(lines).toContain('DTSTAMP:20270201T100000Z');
    // Exported again later: the same UID, so calendars update the event instead of adding a copy.
    const later = buildIcs(input(items), { now: new Date('2027-03-01T08:00:00Z'), language: 'nl' });
    expect(later).toContain(`UID:${items[0]?.id}@mission-dossier`);
    expect(later).toContain('DTSTAMP:20270301T080000Z');
  });

  it('writes Taipei times that convert to exactly the stored instants, with one STANDARD observance', () => {
    const items = [
      item(TAIPEI, '2027-03-15', '09:00', '10:30', { title: 'ITRI', organisationId: 'o-itri' }),
      item(TAIPEI, '2027-03-15', '23:30', '01:00', { title: 'Night market' }, '2027-03-16'),
      item(TAIPEI, '2027-03-16', '00:00', '08:00', { kind: 'free_time' }),
      item(TAIPEI, '2027-12-31', '22:00', '02:00', { title: 'New year' }, '2028-01-01'),
    ];
    const ics = buildIcs(input(items, { mission: { title: 'Taiwan', timeZone: TAIPEI } }), {
      now: NOW,
      language: 'en',
    });
    expectExactInstants(ics, items);
    expect(ics).toContain('DTSTART;TZID=Asia/Taipei:20270315T090000');
    const vtimezone = parse(ics).getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getAllSubcomponents('standard').length).toBe(1);
    expect(vtimezone?.getAllSubcomponents('daylight').length).toBe(0);
    expect(unfold(ics)).toMatch(
      /BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:\+0800\r\nTZOFFSETTO:\+0800/,
    );
  });

  it('writes Boston and Dutch times across both their DST changes that convert to exactly the stored instants', () => {
    const items = [
      // Before, during and after the US spring change (14 March 2027, 02:00 EST becomes 03:00 EDT),
      // while the Netherlands keeps winter time until 28 March.
      item(BOSTON, '2027-03-12', '09:00', '10:30'),
      item(BOSTON, '2027-03-13', '22:00', '03:30', { title: 'Across the change' }, '2027-03-14'),
      item(BOSTON, '2027-03-14', '03:00', '04:00'),
      item(BOSTON, '2027-03-15', '09:00', '17:00'),
      item(AMSTERDAM, '2027-03-15', '14:00', '14:45', { title: 'Call with the office' }),
      // The Dutch spring change, and both autumn changes (Amsterdam 31 October, Boston 7 November).
      item(AMSTERDAM, '2027-03-28', '01:30', '04:00', {}, '2027-03-28'),
      item(AMSTERDAM, '2027-10-31', '01:00', '04:00'),
      item(BOSTON, '2027-11-06', '23:00', '01:30', {}, '2027-11-07'),
      item(BOSTON, '2027-11-07', '03:00', '09:00'),
      // A mission planned early: January, before any change of the year.
      item(BOSTON, '2027-01-20', '09:00', '10:00'),
    ];
    // 01:30 on 7 November happens twice in Boston (EDT 05:30Z, then EST 06:30Z): a local time
    // cannot say which, and parsers disagree, so both go out in UTC and must still arrive exactly.
    const secondPass = { ...item(BOSTON, '2027-11-07', '03:00', '04:00'), start: '2027-11-07T06:30:00.000Z' };
    items.push(secondPass);
    const ics = buildIcs(input(items), { now: NOW, language: 'nl' });
    expectExactInstants(ics, items);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20270313T220000');
    expect(ics).toContain('DTEND;TZID=America/New_York:20270314T033000');
    expect(ics).toContain('DTEND:20271107T053000Z');
    expect(ics).toContain('DTSTART:20271107T063000Z');
    const zones = parse(ics)
      .getAllSubcomponents('vtimezone')
      .map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual([BOSTON, AMSTERDAM]);
  });

  it('gives every zone a VTIMEZONE that agrees with the tz database on every day of the year', () => {
    // Southern hemisphere, a half-hour DST, a half-hour offset without DST, and Morocco, whose
    // changes around Ramadan follow no yearly rule.
    const zones = ['Australia/Sydney', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Africa/Casablanca', BOSTON, AMSTERDAM];
    const items = zones.map((zone) => item(zone, '2027-06-01', '10:00', '11:00'));
    const ics = buildIcs(input(items), { now: NOW, language: 'en' });
    expectExactInstants(ics, items);
    parse(ics);
    for (const zone of zones) {
      const timezone = ICAL.TimezoneService.get(zone);
      if (!timezone) throw new Error(`no VTIMEZONE for ${zone}`);
      // The oracle: Intl's own reading of the tz database, one formatter per zone.
      const clocks = new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone,
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      });
      for (let day = 0; day < 365; day++) {
        const date = new Date(Date.UTC(2027, 0, 1 + day));
        // Local noon of every day, read through the VTIMEZONE as a calendar imports it, must be
        // an instant at which the zone's clocks show noon of that day. The instants of the changes
        // themselves are checked by the items of the previous test.
        const noon = ICAL.Time.fromData(
          { year: 2027, month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 12, minute: 0, second: 0 },
          timezone,
        );
        const expected = `${date.toISOString().slice(0, 10)} 12:00`;
        expect(clocks.format(noon.toJSDate()), zone).toBe(expected);
      }
    }
  }, 30_000);
});

describe('contents of an event', () => {
  it('escapes TEXT and survives a round trip through a real parser', () => {
    const title = 'Lunch; MIT, Kendall\\Cambridge\nand a second line';
    const items = [
      item(BOSTON, '2027-03-15', '12:00', '13:30', {
        title,
        location: 'Kendall Square Room, 3rd floor',
        address: '77 Massachusetts Ave; Cambridge, MA',
        organisationId: 'o-mit',
        contactIds: ['c-smith'],
        participantIds: ['p-head', 'p-ceo'],
        objective: 'Agree on a joint pilot',
        talkingPoints: '1. Pilot, scope\n2. Funding; timing',
      }),
    ];
    const ics = buildIcs(input(items), { now: NOW, language: 'en' });
    expect(unfold(ics)).toContain('SUMMARY:Lunch\\; MIT\\, Kendall\\\\Cambridge\\nand a second line');
    const [event] = events(parse(ics));
    expect(event?.summary).toBe(title);
    expect(event?.location).toBe('Kendall Square Room, 3rd floor, 77 Massachusetts Ave; Cambridge, MA');
    expect(event?.description).toBe(
      [
        'Objective: Agree on a joint pilot',
        'Talking points:\n1. Pilot, scope\n2. Funding; timing',
        'Counterpart: MIT Industrial Liaison Program – Ann Smith (Director, Business Development)',
        'Participants: drs. Hanneke van der Laan (gedeputeerde), Bas Verhoef (CEO)',
      ].join('\n\n'),
    );
  });

  it('writes the labels in the chosen language and names the whole delegation when nobody is listed', () => {
    const items = [item(BOSTON, '2027-03-15', '09:00', '10:00', { objective: 'Kennismaken' })];
    const [nlEvent] = events(parse(buildIcs(input(items), { now: NOW, language: 'nl' })));
    expect(nlEvent?.description).toBe('Doel: Kennismaken\n\nDeelnemers: De hele delegatie');
    const [enEvent] = events(parse(buildIcs(input(items), { now: NOW, language: 'en' })));
    expect(enEvent?.description).toBe('Objective: Kennismaken\n\nParticipants: The whole delegation');
  });

  it('folds long lines of Chinese text at 75 octets without splitting a character', () => {
    const title = '與工業技術研究院討論半導體合作與人才交流計畫，並參觀新竹科學園區的研發中心 🚄 ' + 'ITRI';
    const objective = '建立長期合作關係；確認雙方聯絡窗口，並安排後續在烏特勒支的回訪行程。'.repeat(4);
    const items = [
      item(TAIPEI, '2027-03-16', '09:00', '12:00', {
        title,
        objective,
        organisationId: 'o-itri',
        contactIds: ['c-chen'],
      }),
    ];
    const ics = buildIcs(input(items, { mission: { title: '台灣', timeZone: TAIPEI } }), { now: NOW, language: 'nl' });
    const bytes = new TextEncoder().encode(ics);
    const lines: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        lines.push(bytes.subarray(from, i));
        from = i + 2;
      }
    }
    const strict = new TextDecoder('utf-8', { fatal: true });
    const decoded = lines.map((line) => strict.decode(line)); // throws on a split character
    expect(lines.every((line) => line.length <= 75)).toBe(true);
    const folded = decoded.filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(4);
    // Lines were cut as late as the limit allows: no room left for one more three-byte character.
    const summaryStart = decoded.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(lines[summaryStart]?.length).toBeGreaterThan(72);
    const [event] = events(parse(ics));
    expect(event?.summary).toBe(title);
    expect(event?.description).toContain(objective);
    expect(event?.description).toContain('工業技術研究院 (ITRI) – Dr. 陳美玲 (研發副總)');
  });
});

describe('one member’s calendar', () => {
  it('holds only the items that member attends, including those for the whole delegation', () => {
    const all = item(BOSTON, '2027-03-15', '08:00', '09:00', { title: 'Breakfast briefing' });
    const headOnly = item(BOSTON, '2027-03-15', '09:30', '10:30', { participantIds: ['p-head'] });
    const ceoOnly = item(BOSTON, '2027-03-15', '09:30', '10:30', { participantIds: ['p-ceo'] });
    const both = item(BOSTON, '2027-03-15', '11:00', '12:00', { participantIds: ['p-ceo', 'p-head'] });
    const items = [all, headOnly, ceoOnly, both];
    const ics = buildIcs(input(items, { personId: 'p-head' }), { now: NOW, language: 'nl' });
    const uids = events(parse(ics)).map((e) => e.uid);
    expect(uids).toEqual([all, headOnly, both].map((i) => `${i.id}@mission-dossier`));
    expect(unfold(ics)).toContain('X-WR-CALNAME:Missie Boston 2027 – drs. Hanneke van der Laan');
    expectExactInstants(
      ics,
      items.filter((i) => i !== ceoOnly),
    );
    // The whole delegation's file has all four.
    expect(events(parse(buildIcs(input(items), { now: NOW, language: 'nl' }))).length).toBe(4);
  });
});

describe('privacy', () => {
  it('never writes a sensitive person field, however the people are passed in', () => {
    const items = [
      item(BOSTON, '2027-03-15', '09:00', '10:00', {
        participantIds: ['p-head', 'p-ceo', 'p-support'],
        contactIds: ['c-smith'],
        organisationId: 'o-mit',
        objective: 'Introductions',
      }),
    ];
    for (const personId of [undefined, 'p-head']) {
      const text = unfold(buildIcs(input(items, { personId }), { now: NOW, language: 'en' }));
      expect(text).toContain('Fatima El Amrani'); // the people are there...
      for (const value of Object.values(SENSITIVE)) expect(text).not.toContain(value); // ...their secrets not
      expect(text).not.toMatch(/passport|birth|medical|dietary|emergency/i);
    }
  });
});

describe('an empty agenda', () => {
  it('still makes a file that parses, with the mission’s zone', () => {
    const ics = buildIcs(input([]), { now: NOW, language: 'nl' });
    const calendar = parse(ics);
    expect(events(calendar)).toEqual([]);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(BOSTON);
  });
});
