import { describe, expect, it } from 'vitest';
import {
  groupAgendaByLocalDay,
  ROLE_ORDER,
  sortDelegation,
  sortTargets,
  timeRangeInTwoZones,
} from '../../../src/domain/dossier-view';
import { DELEGATION_ROLES } from '../../../src/domain/entities/delegation-member';
import { ENTITIES } from '../../../src/domain/entities';
import { PersonFields } from '../../../src/domain/entities/person';
import { zonedTimeToInstant } from '../../../src/domain/time';

const BOSTON = 'America/New_York';

describe('delegation order', () => {
  const people = new Map(
    [
      ['p-berg', 'Anna', 'van den Berg'],
      ['p-aalst', 'Wim', 'Aalst'],
      ['p-odegaard', 'Ørjan', 'Ødegaard'],
      ['p-olsen', 'Kari', 'Olsen'],
      ['p-bakker', 'Sanne', 'Bakker'],
      ['p-chen', 'Mei', 'Chen'],
    ].map(([id = '', givenName = '', familyName = '']) => [id, { givenName, familyName }]),
  );
  const nameOf = (id: string) => people.get(id);

  it('lists every role the schema knows, head first and support last', () => {
    expect([...ROLE_ORDER].sort()).toEqual([...DELEGATION_ROLES].sort());
    expect(ROLE_ORDER[0]).toBe('head');
    expect(ROLE_ORDER.at(-1)).toBe('support');
  });

  it('sorts by role, then by surname without prefixes and with accents folded', () => {
    const members = [
      { personId: 'p-chen', role: 'support' as const },
      { personId: 'p-olsen', role: 'company' as const },
      { personId: 'p-berg', role: 'company' as const },
      { personId: 'p-odegaard', role: 'company' as const },
      { personId: 'p-bakker', role: 'official' as const },
      { personId: 'p-aalst', role: 'head' as const },
    ];
    expect(sortDelegation(members, nameOf).map((m) => m.personId)).toEqual([
      'p-aalst', // head
      'p-bakker', // official
      'p-berg', // company: "van den Berg" files under B
      'p-odegaard', // Ødegaard folds to odegaard, before Olsen
      'p-olsen',
      'p-chen', // support
    ]);
  });

  it('orders names within a role exactly as the people registry lists them', () => {
    const registryKey = ENTITIES.people.sortKey;
    if (!registryKey) throw new Error('the people registry has lost its sort key');
    const ids = [...people.keys()];
    const key = (id: string) => registryKey(PersonFields.parse({ ...people.get(id), kind: 'company' }));
    const registryOrder = [...ids].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const members = ids.map((personId) => ({ personId, role: 'company' as const }));
    expect(sortDelegation(members, nameOf).map((m) => m.personId)).toEqual(registryOrder);
  });

  it('puts a member whose person is missing last in their role, and leaves the input alone', () => {
    const members = [
      { personId: 'gone', role: 'head' as const },
      { personId: 'p-olsen', role: 'head' as const },
      { personId: 'p-aalst', role: 'official' as const },
    ];
    const copy = [...members];
    expect(sortDelegation(members, nameOf).map((m) => m.personId)).toEqual(['p-olsen', 'gone', 'p-aalst']);
    expect(members).toEqual(copy);
  });
});

describe('target order', () => {
  const names = new Map([
    ['o-zeiss', 'Zeiss'],
    ['o-asml', 'ASML'],
    ['o-ecole', 'École Polytechnique'],
    ['o-tsmc', 'TSMC'],
  ]);
  it('puts priority 1 first, then names as the registry sorts them, unknown organisations last', () => {
    const targets = [
      { organisationId: 'o-tsmc', priority: 2 as const },
      { organisationId: 'o-zeiss', priority: 1 as const },
      { organisationId: 'o-unknown', priority: 1 as const },
      { organisationId: 'o-ecole', priority: 1 as const },
      { organisationId: 'o-asml', priority: 3 as const },
    ];
    expect(sortTargets(targets, (id) => names.get(id)).map((t) => t.organisationId)).toEqual([
      'o-ecole', // "École" folds to "ecole", before Zeiss
      'o-zeiss',
      'o-unknown',
      'o-tsmc',
      'o-asml',
    ]);
  });
});

describe('the agenda by local day', () => {
  const item = (title: string, date: string, from: string, to: string, timeZone = BOSTON) => ({
    title,
    timeZone,
    start: zonedTimeToInstant(date, from, timeZone),
    end: zonedTimeToInstant(date, to, timeZone),
  });

  it('files an evening in Boston under its own day, although it is past midnight in the Netherlands', () => {
    const dinner = item('Dinner', '2027-03-15', '21:00', '23:00');
    const breakfast = item('Breakfast', '2027-03-16', '07:30', '08:30');
    const days = groupAgendaByLocalDay([breakfast, dinner]);
    expect(days.map((d) => [d.date, d.items.map((i) => i.title)])).toEqual([
      ['2027-03-15', ['Dinner']],
      ['2027-03-16', ['Breakfast']],
    ]);
  });

  it('sorts a day by start, then end, then title, and the days by date', () => {
    const items = [
      item('Walk', '2027-03-15', '09:00', '10:00'),
      item('Keynote', '2027-03-15', '09:00', '09:30'),
      item('aperitif', '2027-03-15', '09:00', '10:00'),
      item('Arrival', '2027-03-14', '15:00', '16:00'),
      item('Late', '2027-03-15', '18:00', '19:00'),
    ];
    const days = groupAgendaByLocalDay(items);
    expect(days.map((d) => d.date)).toEqual(['2027-03-14', '2027-03-15']);
    expect(days[1]?.items.map((i) => i.title)).toEqual(['Keynote', 'aperitif', 'Walk', 'Late']);
  });

  it('uses each item its own zone on a mission through two countries', () => {
    const tokyo = item('Tokyo breakfast', '2027-04-02', '08:00', '09:00', 'Asia/Tokyo');
    const boston = item('Boston dinner', '2027-04-01', '20:00', '21:00');
    // The Tokyo breakfast (23:00 UTC on 1 April) starts an hour before the Boston dinner (00:00 UTC on
    // 2 April), yet its day is the later one: days go by local date, not by instant.
    const days = groupAgendaByLocalDay([boston, tokyo]);
    expect(days.map((d) => [d.date, d.items.map((i) => i.title)])).toEqual([
      ['2027-04-01', ['Boston dinner']],
      ['2027-04-02', ['Tokyo breakfast']],
    ]);
  });
});

describe('times in two zones', () => {
  it('shows Boston in local and Dutch time on both sides of the US change', () => {
    // Before 14 March Boston is 6 hours behind, after it 5 (the Netherlands changes on 28 March).
    const friday = { start: at('2027-03-12', '09:00'), end: at('2027-03-12', '10:30'), timeZone: BOSTON };
    expect(timeRangeInTwoZones(friday, 'nl-NL')).toEqual({
      local: '09:00–10:30',
      home: '15:00–16:30',
      localZone: BOSTON,
      homeZone: 'Europe/Amsterdam',
      homeDayOffset: 0,
    });
    const monday = { start: at('2027-03-15', '09:00'), end: at('2027-03-15', '10:30'), timeZone: BOSTON };
    expect(timeRangeInTwoZones(monday, 'en-GB')).toMatchObject({ local: '09:00–10:30', home: '14:00–15:30' });
  });

  it('says when the Dutch date is a day later or earlier', () => {
    const evening = { start: at('2027-03-15', '20:00'), end: at('2027-03-15', '22:00'), timeZone: BOSTON };
    expect(timeRangeInTwoZones(evening, 'nl-NL')).toMatchObject({ home: '01:00–03:00', homeDayOffset: 1 });
    const tokyo = 'Asia/Tokyo';
    const early = {
      start: zonedTimeToInstant('2027-04-02', '01:30', tokyo),
      end: zonedTimeToInstant('2027-04-02', '02:30', tokyo),
      timeZone: tokyo,
    };
    expect(timeRangeInTwoZones(early, 'nl-NL')).toMatchObject({
      local: '01:30–02:30',
      home: '18:30–19:30',
      homeDayOffset: -1,
    });
    const taipei = 'Asia/Taipei';
    const morning = {
      start: zonedTimeToInstant('2027-03-16', '09:00', taipei),
      end: zonedTimeToInstant('2027-03-16', '10:30', taipei),
      timeZone: taipei,
    };
    expect(timeRangeInTwoZones(morning, 'nl-NL')).toMatchObject({ home: '02:00–03:30', homeDayOffset: 0 });
  });
});

/** An instant on Boston clocks. */
function at(date: string, time: string): string {
  return zonedTimeToInstant(date, time, BOSTON);
}
