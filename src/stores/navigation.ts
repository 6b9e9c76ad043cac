/**
 * Where the user is: the area of the sidebar and, in Missions, the open dossier. Mirrored in the
 * URL hash so that reload and the back button keep the place.
 */
import { create } from 'zustand';

export const AREAS = ['missions', 'companies', 'people', 'countries', 'sync', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export interface Location {
  readonly area: Area;
  /** The open mission dossier, in the missions area. */
  readonly missionId: string | null;
}

export function parseHash(hash: string): Location {
  const [area, id] = hash.replace(/^#\/?/, '').split('/');
  const known = (AREAS as readonly string[]).includes(area ?? '') ? (area as Area) : 'missions';
  const missionId = known === 'missions' && id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
  return { area: known, missionId };
}

export function toHash(location: Location): string {
  return location.missionId ? `#/${location.area}/${location.missionId}` : `#/${location.area}`;
}

interface NavigationState extends Location {
  go(area: Area): void;
  openMission(missionId: string | null): void;
  /** Follow a hash change made by the browser (back/forward). */
  syncFromHash(hash: string): void;
}

export const useNavigation = create<NavigationState>((set) => {
  const push = (location: Location) => {
    if (typeof window !== 'undefined' && window.location.hash !== toHash(location)) {
      window.history.pushState(null, '', toHash(location));
    }
    set(location);
  };
  const initial = typeof window !== 'undefined' ? parseHash(window.location.hash) : parseHash('');
  return {
    ...initial,
    go: (area) => push({ area, missionId: null }),
    openMission: (missionId) => push({ area: 'missions', missionId }),
    syncFromHash: (hash) => set(parseHash(hash)),
  };
});
