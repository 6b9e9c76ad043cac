/** Reads for the Sync screen that need the sync state: how many local changes are not in the vault yet. */
import type { MissionDb } from '../../db';
import { loadState } from '../../sync/sync-state';

/** Change-log rows after the push cursor; before any sync, the whole log. */
export async function unsharedChanges(db: MissionDb): Promise<number> {
  const state = await loadState(db);
  return state ? db.changes.where('seq').above(state.pushedLog).count() : db.changes.count();
}
