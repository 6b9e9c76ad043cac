/**
 * What this device remembers about its vault (docs/sync.md, "Local state"), kept in the `meta`
 * table under one key until the schema has a table for it. Written with the data it describes.
 */
import { z } from 'zod';
import type { MetaRow, MissionDb } from '../db/database';
import type { KnowledgeVector } from '../db/apply-remote';
import { SeenVector } from './vault-files';

export const STATE_KEY = 'sync:state';

const OwnFile = z.object({ seq: z.number().int(), fromLog: z.number().int(), toLog: z.number().int() });

export const SyncState = z.object({
  vaultId: z.string(),
  /** The sequence number this device's next change file gets. */
  nextSeq: z.number().int().min(1),
  /** The change-log sequence pushed so far. */
  pushedLog: z.number().int().min(0),
  /** Own files written but not yet seen in a listing; rewritten if they stay missing. */
  unconfirmed: z.array(OwnFile),
  /** Per other device: the last file applied and the highest stamp received from it. */
  cursors: SeenVector,
  /** The latest knowledge vector received from each device. */
  vectors: z.record(z.string(), SeenVector),
  lastSnapshotSeq: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

export function freshState(vaultId: string): SyncState {
  return {
    vaultId,
    nextSeq: 1,
    pushedLog: 0,
    unconfirmed: [],
    cursors: {},
    vectors: {},
    lastSnapshotSeq: 0,
    lastSyncAt: null,
  };
}

export async function loadState(db: MissionDb): Promise<SyncState | undefined> {
  const row = await db.meta.get(STATE_KEY);
  if (!row) return undefined;
  const parsed = SyncState.safeParse(row.value);
  // A state this version cannot read is started afresh: pulling again is safe (merge is idempotent).
  if (!parsed.success) console.warn('sync state unreadable; starting from the vault again');
  return parsed.success ? parsed.data : undefined;
}

export function stateRow(state: SyncState): MetaRow {
  return { key: STATE_KEY, value: state };
}

export async function saveState(db: MissionDb, state: SyncState): Promise<void> {
  await db.meta.put(stateRow(state));
}

export function stampsOf(vector: SeenVector): KnowledgeVector {
  return Object.fromEntries(Object.entries(vector).map(([device, entry]) => [device, entry.stamp]));
}
