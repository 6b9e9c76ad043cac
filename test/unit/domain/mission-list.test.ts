import { describe, expect, it } from 'vitest';
import { filterChoices, filterMissions, NO_FILTER, sortMissions } from '../../../src/domain/mission-list';

const mission = (title: string, overrides: Partial<Parameters<typeof filterMissions>[0][number]> = {}) => ({
  title,
  status: 'idea' as const,
  countryCodes: ['TW'],
  startDate: '2027-03-16',
  endDate: '2027-03-19',
  kind: 'trade' as const,
  archived: false,
  ...overrides,
});

const list = [
  mission('Handelsmissie Taiwan'),
  mission('Missie München', {
    countryCodes: ['DE'],
    startDate: '2026-12-30',
    endDate: '2027-01-02',
    status: 'approved',
  }),
  mission('Boston life sciences', {
    countryCodes: ['US', 'CA'],
    kind: 'invest',
    startDate: '2028-04-01',
    endDate: '2028-04-05',
  }),
  mission('Oude missie Japan', {
    countryCodes: ['JP'],
    archived: true,
    startDate: '2025-05-01',
    endDate: '2025-05-03',
  }),
];

describe('the missions list', () => {
  it('hides archived missions unless asked', () => {
    expect(filterMissions(list, NO_FILTER).map((m) => m.title)).not.toContain('Oude missie Japan');
    expect(filterMissions(list, { ...NO_FILTER, showArchived: true })).toHaveLength(4);
  });

  it('filters by title without accents or case, status, country (any destination), year (any day) and kind', () => {
    expect(filterMissions(list, { ...NO_FILTER, text: 'munchen' }).map((m) => m.title)).toEqual(['Missie München']);
    expect(filterMissions(list, { ...NO_FILTER, status: 'approved' })).toHaveLength(1);
    expect(filterMissions(list, { ...NO_FILTER, country: 'CA' }).map((m) => m.title)).toEqual(['Boston life sciences']);
    expect(
      filterMissions(list, { ...NO_FILTER, year: '2027' })
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Handelsmissie Taiwan', 'Missie München']);
    expect(filterMissions(list, { ...NO_FILTER, kind: 'invest' })).toHaveLength(1);
  });

  it('sorts by start date either way, title, or workflow status', () => {
    expect(sortMissions(list, 'startAsc').map((m) => m.startDate)).toEqual([
      '2025-05-01',
      '2026-12-30',
      '2027-03-16',
      '2028-04-01',
    ]);
    expect(sortMissions(list, 'startDesc')[0]?.startDate).toBe('2028-04-01');
    expect(sortMissions(list, 'title')[0]?.title).toBe('Boston life sciences');
    expect(sortMissions(list, 'status').at(-1)?.status).toBe('approved');
  });

  it('offers the years and countries the missions span', () => {
    expect(filterChoices(list)).toEqual({
      years: ['2025', '2026', '2027', '2028'],
      countries: ['CA', 'DE', 'JP', 'TW', 'US'],
    });
  });
});
