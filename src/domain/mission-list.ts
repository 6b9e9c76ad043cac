/** The Missions screen's filters and sort orders, as pure rules over the stored missions. */
import { MISSION_STATUSES, type MissionFields } from './entities/mission';
import { foldForSearch } from './text';

export const MISSION_SORTS = ['startAsc', 'startDesc', 'title', 'status'] as const;
export type MissionSort = (typeof MISSION_SORTS)[number];

export interface MissionFilter {
  readonly text: string;
  readonly status: MissionFields['status'] | '';
  readonly country: string;
  /** A calendar year, as text ('2027'), or ''. */
  readonly year: string;
  readonly kind: MissionFields['kind'] | '';
  readonly showArchived: boolean;
}

export const NO_FILTER: MissionFilter = { text: '', status: '', country: '', year: '', kind: '', showArchived: false };

type Listed = Pick<MissionFields, 'title' | 'status' | 'countryCodes' | 'startDate' | 'endDate' | 'kind' | 'archived'>;

export function filterMissions<M extends Listed>(missions: readonly M[], filter: MissionFilter): M[] {
  const words = foldForSearch(filter.text).split(' ').filter(Boolean);
  return missions.filter((mission) => {
    if (mission.archived && !filter.showArchived) return false;
    if (filter.status && mission.status !== filter.status) return false;
    if (filter.kind && mission.kind !== filter.kind) return false;
    if (filter.country && !mission.countryCodes.includes(filter.country)) return false;
    if (filter.year && !(mission.startDate.slice(0, 4) <= filter.year && mission.endDate.slice(0, 4) >= filter.year)) {
      return false;
    }
    if (words.length > 0) {
      const title = foldForSearch(mission.title);
      if (!words.every((word) => title.includes(word))) return false;
    }
    return true;
  });
}

export function sortMissions<M extends Listed>(missions: readonly M[], sort: MissionSort): M[] {
  const byStart = (a: M, b: M) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0);
  const byTitle = (a: M, b: M) => foldForSearch(a.title).localeCompare(foldForSearch(b.title), 'nl');
  const copy = [...missions];
  switch (sort) {
    case 'startAsc':
      return copy.sort((a, b) => byStart(a, b) || byTitle(a, b));
    case 'startDesc':
      return copy.sort((a, b) => byStart(b, a) || byTitle(a, b));
    case 'title':
      return copy.sort((a, b) => byTitle(a, b) || byStart(a, b));
    case 'status':
      return copy.sort(
        (a, b) => MISSION_STATUSES.indexOf(a.status) - MISSION_STATUSES.indexOf(b.status) || byStart(a, b),
      );
  }
}

/** The years and countries the missions span, for the filter choices. */
export function filterChoices(missions: readonly Listed[]): { years: string[]; countries: string[] } {
  const years = new Set<string>();
  const countries = new Set<string>();
  for (const mission of missions) {
    for (let y = Number(mission.startDate.slice(0, 4)); y <= Number(mission.endDate.slice(0, 4)); y++) {
      years.add(String(y));
    }
    for (const code of mission.countryCodes) countries.add(code);
  }
  return { years: [...years].sort(), countries: [...countries].sort() };
}
