/**
 * Undo of the last edit or delete. Screens record what a unit of work returned; undo writes the
 * records back through the db door (as new stamped writes, so sync carries an undo like an edit).
 */
import { create } from 'zustand';
import { db } from '../db';
import { applyUndo, type UndoStep } from '../db/unit';

export interface UndoEntry {
  /** What the user did, in their words (already translated): shown on the undo button. */
  readonly label: string;
  readonly steps: readonly UndoStep[];
}

interface UndoState {
  readonly last: UndoEntry | null;
  record(entry: UndoEntry): void;
  /** Undoes the last recorded action; false when there was nothing to undo. */
  undo(): Promise<boolean>;
}

export const useUndo = create<UndoState>((set, get) => ({
  last: null,
  record: (entry) => set({ last: entry.steps.length > 0 ? entry : get().last }),
  undo: async () => {
    const entry = get().last;
    if (!entry) return false;
    await applyUndo(db, entry.steps);
    set({ last: null });
    return true;
  },
}));
