import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectConflicts } from '../../../src/domain/agenda-conflicts';
import { conflictBadge, conflictMessage, conflictsByItem } from '../../../src/features/agenda/conflict-text';
import { en } from '../../../src/i18n/en';
import { nl } from '../../../src/i18n/nl';

// A day in Taipei: two members; a lunch that overlaps a meeting for Eva, and a hop from the
// Science Park to ITRI with ten minutes to spare; plus a dinner after the mission's last day.
const mission = { startDate: '2027-03-16', endDate: '2027-03-19', travelBufferMinutes: 30 };
const base = { timeZone: 'Asia/Taipei', address: '', kind: 'meeting' };
const items = [
  {
    ...base,
    id: 'park',
    title: 'Hsinchu Science Park',
    start: '2027-03-17T02:00:00Z',
    end: '2027-03-17T04:00:00Z',
    participantIds: ['eva', 'jan'],
    location: 'Science Park',
  },
  {
    ...base,
    id: 'lunch',
    title: 'Lunch',
    start: '2027-03-17T03:30:00Z',
    end: '2027-03-17T04:00:00Z',
    participantIds: ['eva'],
    location: 'Science Park',
    kind: 'meal',
  },
  {
    ...base,
    id: 'itri',
    title: 'ITRI',
    start: '2027-03-17T04:10:00Z',
    end: '2027-03-17T05:00:00Z',
    participantIds: ['jan'],
    location: 'ITRI',
  },
  {
    ...base,
    id: 'dinner',
    title: 'Diner',
    start: '2027-03-19T16:30:00Z',
    end: '2027-03-19T18:00:00Z',
    participantIds: [],
    location: 'Hotel',
  },
];
const titles = new Map(items.map((item) => [item.id, item.title]));
const people = new Map([
  ['eva', 'Eva de Vries'],
  ['jan', 'Jan Jansen'],
]);
const names = {
  person: (id: string) => people.get(id) ?? '?',
  item: (id: string) => `“${titles.get(id) ?? ''}”`,
  title: (id: string) => titles.get(id) ?? '',
};
const conflicts = detectConflicts({ mission, delegationPersonIds: ['eva', 'jan'], items });

describe('the agenda’s warnings in words', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: 'nl',
      fallbackLng: 'nl',
    });
  });

  it('name the member booked twice and both items, the item outside the mission, and the short hop', () => {
    const dates = { start: '16 maart 2027', end: '19 maart 2027' };
    const sentences = conflicts.map((conflict) => conflictMessage(i18next.t, conflict, names, () => dates));
    expect(sentences).toContain('Eva de Vries staat dubbel geboekt: “Hsinchu Science Park” en “Lunch”.');
    expect(sentences).toContain(
      'Jan Jansen heeft 10 minuten om van “Hsinchu Science Park” naar “ITRI” te gaan; dat is minder dan de 30 minuten reistijd die de missie aanhoudt.',
    );
    expect(sentences).toContain('“Diner” eindigt na de laatste dag van de missie (19 maart 2027).');
    expect(sentences).toHaveLength(3);
  });

  it('each item carries the warnings it is part of, said from its own side', () => {
    const byItem = conflictsByItem(conflicts);
    expect([...byItem.keys()].sort()).toEqual(['dinner', 'itri', 'lunch', 'park']);
    const onPark = (byItem.get('park') ?? []).map((conflict) => conflictBadge(i18next.t, conflict, 'park', names));
    const onLunch = (byItem.get('lunch') ?? []).map((conflict) => conflictBadge(i18next.t, conflict, 'lunch', names));
    expect(onPark).toEqual([
      'Dubbel geboekt: Eva de Vries (ook bij “Lunch”)',
      'Te weinig reistijd voor Jan Jansen (“ITRI”): 10 van 30 minuten',
    ]);
    expect(onLunch).toEqual(['Dubbel geboekt: Eva de Vries (ook bij “Hsinchu Science Park”)']);
  });

  it('in English too', async () => {
    await i18next.changeLanguage('en');
    const [first] = conflictsByItem(conflicts).get('dinner') ?? [];
    if (!first) throw new Error('the dinner is outside the mission');
    expect(conflictBadge(i18next.t, first, 'dinner', names)).toBe('Outside the mission dates');
    expect(conflictMessage(i18next.t, first, names, () => ({ start: '16 March 2027', end: '19 March 2027' }))).toBe(
      '“Diner” ends after the last day of the mission (19 March 2027).',
    );
    await i18next.changeLanguage('nl');
  });
});
