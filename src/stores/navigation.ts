/**
 * Where the user is: the area of the sidebar and, in Missions, the open dossier, its tab and the
 * record in focus (a readiness entry links straight to the item to fix). Mirrored in the URL hash
 * so that reload and the back button keep the place.
 */
import { create } from 'zustand';

export const AREAS = ['missions', 'companies', 'people', 'countries', 'sync', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export const MISSION_TABS = ['overview', 'delegation', 'agenda', 'targets', 'tasks', 'briefing', 'book'] as const;
export type MissionTab = (typeof MISSION_TABS)[number];

export interface Location {
  readonly area: Area;
  /** The open mission dossier, in the missions area. */
  readonly missionId: string | null;
  /** The dossier's tab; null = the first. */
  readonly tab?: MissionTab | null;
  /** A record to scroll to and open (an agenda item, a member, a task). */
  readonly focusId?: string | null;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseHash(hash: string): Location {
  const [area, id, tab, focus] = hash.replace(/^#\/?/, '').split('/');
  const known = (AREAS as readonly string[]).includes(area ?? '') ? (area as Area) : 'missions';
  const missionId = known === 'missions' && id && ID.test(id) ? id : null;
  if (!missionId) return { area: known, missionId: null };
  const validTab = (MISSION_TABS as readonly string[]).includes(tab ?? '') ? (tab as MissionTab) : null;
  const focusId = validTab && focus && ID.test(focus) ? focus : null;
  return validTab ? { area: known, missionId, tab: validTab, focusId } : { area: known, missionId };
}

export function toHash(location: Location): string {
  if (!location.missionId) return `#/${location.area}`;
  const parts = [location.area, location.missionId];
  if (location.tab) parts.push(location.tab);
  if (location.tab && location.focusId) parts.push(location.focusId);
  return `#/${parts.join('/')}`;
}

interface NavigationState extends Location {
  go(area: Area): void;
  openMission(missionId: string | null, tab?: MissionTab, focusId?: string): void;
  /** A registry screen (or Countries) with one record selected, as `focusId` (a search result). */
  openRecord(area: Exclude<Area, 'missions'>, recordId: string): void;
  /** Follow a hash change made by the browser (back/forward). */
  syncFromHash(hash: string): void;
}

export const useNavigation = create<NavigationState>((set) => {
  const push = (location: Location) => {
    if (typeof window !== 'undefined' && window.location.hash !== toHash(location)) {
      window.history.pushState(null, '', toHash(location));
    }
    set({ tab: null, focusId: null, ...location });
  };
  const initial = typeof window !== 'undefined' ? parseHash(window.location.hash) : parseHash('');
  return {
    tab: null,
    focusId: null,
    ...initial,
    go: (area) => push({ area, missionId: null }),
    openMission: (missionId, tab, focusId) =>
      push({ area: 'missions', missionId, tab: tab ?? null, focusId: focusId ?? null }),
    openRecord: (area, recordId) => push({ area, missionId: null, focusId: recordId }),
    syncFromHash: (hash) => set({ tab: null, focusId: null, ...parseHash(hash) }),
  };
});
