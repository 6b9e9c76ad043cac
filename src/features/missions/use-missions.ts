import { useLiveQuery } from 'dexie-react-hooks';
import { db, dossiers, queries } from '../../db';

/** `undefined` while loading. */
export function useMissions() {
  return useLiveQuery(() => queries.listMissions(db), []);
}

export function useMissionCounts(missionId: string) {
  return useLiveQuery(() => queries.missionCounts(db, missionId), [missionId]);
}

/** The open dossier with everything it links to; null when it does not exist. */
export function useMissionSnapshot(missionId: string) {
  return useLiveQuery(
    () =>
      dossiers.snapshot(missionId).catch((error: unknown) => {
        if (error instanceof Error && 'key' in error && error.key === 'errors.notFound') return null;
        throw error;
      }),
    [missionId],
  );
}
