import { useLiveQuery } from 'dexie-react-hooks';
import { db, queries } from '../../db';
import { readMissionSnapshot } from '../../db/snapshot';

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
      readMissionSnapshot(db, missionId).catch((error: unknown) => {
        if (error instanceof Error && 'key' in error && error.key === 'errors.notFound') return null;
        throw error;
      }),
    [missionId],
  );
}
