/** User actions on dossiers; they call the db layer and never write Dexie themselves. */
import { create } from 'zustand';
import { dossiers } from '../db';

interface DossierActionsState {
  /** True while the sample mission is being written. */
  readonly loadingSample: boolean;
  loadSample(): Promise<string>;
}

export const useDossierActions = create<DossierActionsState>((set) => ({
  loadingSample: false,
  loadSample: async () => {
    set({ loadingSample: true });
    try {
      // Loaded on demand: the sample is data, not part of the start-up bundle.
      const sample = await import('../../resources/sample-mission.json');
      const { missionId } = await dossiers.import(sample.default);
      return missionId;
    } finally {
      set({ loadingSample: false });
    }
  },
}));
