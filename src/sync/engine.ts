/**
 * One sync with a vault: check the vault, join from a snapshot the first time, pull other devices'
 * change files after their cursors, apply them in one transaction with the new cursors, push this
 * device's own change-log rows as new files, and write a snapshot now and then. docs/sync.md,
 * "Pull, push, join", is the specification.
 */
import { applyJoinStream, applyRemote, type ApplyResult, type RemoteBatch } from '../db/apply-remote';
import type { MissionDb } from '../db/database';
import { CLOCK_KEY, deviceId, loadClock } from '../db/writer';
import { formatHlc } from '../domain/hlc';
import type { UnlockedVault } from './crypto';
import { newestStampsOf } from './incoming';
import { mergeRecord } from './merge';
import { groupBySeq, pushOwnChanges, readChangeFile } from './push';
import { readSnapshot, snapshotCandidates, snapshotPartSource, SnapshotPartFailed, writeSnapshot } from './snapshots';
import { freshState, loadState, saveState, stampsOf, stateRow, type SyncState } from './sync-state';
import type { VaultTransport } from './transport';
import { CHANGES_FOLDER, parseFileName, SNAPSHOTS_FOLDER, type VaultFileName } from './vault-files';

/** Files applied per transaction: large enough to be quick, small enough to keep memory flat. */
const FILES_PER_APPLY = 200;
/** A snapshot after this many own files since the last one. */
const FILES_PER_SNAPSHOT = 100;

export interface SyncOptions {
  /** The user confirmed a pause: apply the mass deletion, or start over with this (new or emptied) vault. */
  readonly confirm?: 'massDeletion' | 'vaultChange';
  /** Write a snapshot now, whatever the count. */
  readonly snapshot?: boolean;
  readonly onProgress?: (progress: { phase: 'pull' | 'push' | 'snapshot'; done: number; total: number }) => void;
}

export type SyncResult =
  | {
      readonly state: 'synced';
      readonly pulledFiles: number;
      readonly pushedFiles: number;
      readonly changedRecords: number;
      readonly conflicts: number;
      /** Files that failed verification: not applied, that device waits before them. */
      readonly damaged: readonly string[];
      readonly snapshotWritten: boolean;
      /** Joined from a snapshot into an empty database without change-log rows: listeners (a search index) rebuild from the tables. */
      readonly joinedEmpty: boolean;
      readonly at: string;
    }
  | { readonly state: 'paused'; readonly reason: 'massDeletion'; readonly deletions: number; readonly live: number }
  | { readonly state: 'paused'; readonly reason: 'vaultEmpty' | 'vaultReplaced' };

export interface VaultDevice {
  readonly device: string;
  readonly lastFile: number;
  /** Wall time of the newest change received from it. */
  readonly lastActivity: string | null;
}

async function ensureDevice(db: MissionDb): Promise<string> {
  // Usually the clock is stored already: a read, and no read-write transaction (whose commit costs
  // more the more the database has just written) for a sync that may change nothing.
  const [stored, clock] = await db.transaction('r', db.meta, () => Promise.all([deviceId(db), loadClock(db)]));
  if (stored === clock.device) return stored;
  return db.transaction('rw', db.meta, async () => {
    const clock = await loadClock(db);
    await db.meta.put({ key: CLOCK_KEY, value: clock });
    return clock.device;
  });
}

export class SyncEngine {
  private running = false;

  constructor(
    private readonly db: MissionDb,
    private readonly transport: VaultTransport,
    private readonly vault: UnlockedVault,
    private readonly now: () => number = Date.now,
  ) {}

  async sync(options: SyncOptions = {}): Promise<SyncResult> {
    if (this.running) throw new Error('a sync is already running');
    this.running = true;
    try {
      return await this.run(options);
    } finally {
      this.running = false;
    }
  }

  /** The devices this one has received files from, for the Sync screen. */
  async devices(): Promise<VaultDevice[]> {
    const state = await loadState(this.db);
    if (!state || state.vaultId !== this.vault.vaultId) return [];
    return Object.entries(state.cursors).map(([device, cursor]) => ({
      device,
      lastFile: cursor.seq,
      lastActivity: cursor.stamp ? cursor.stamp.slice(0, 24) : null,
    }));
  }

  private async run(options: SyncOptions): Promise<SyncResult> {
    const { db, transport, vault } = this;
    const me = await ensureDevice(db);
    await transport.ensureFolder(CHANGES_FOLDER);
    await transport.ensureFolder(SNAPSHOTS_FOLDER);
    const changeFiles = (await transport.list(CHANGES_FOLDER))
      .map(parseFileName)
      .filter((f): f is VaultFileName => f?.kind === 'changes');
    const manifests = (await transport.list(SNAPSHOTS_FOLDER))
      .map(parseFileName)
      .filter((f): f is VaultFileName => f?.kind === 'manifest');

    let state = await loadState(db);
    const confirmVault = options.confirm === 'vaultChange';
    if (state && state.vaultId !== vault.vaultId) {
      if (!confirmVault) return { state: 'paused', reason: 'vaultReplaced' };
      state = undefined;
    }
    // Files this device has seen in the vault: others' files applied, or own files once listed.
    const hadSeen = state && (Object.keys(state.cursors).length > 0 || state.nextSeq - 1 > state.unconfirmed.length);
    if (state && hadSeen && changeFiles.length === 0 && manifests.length === 0) {
      if (!confirmVault) return { state: 'paused', reason: 'vaultEmpty' };
      state = undefined;
    }

    const damaged: string[] = [];
    let changedRecords = 0;
    let conflicts = 0;
    const confirmMassDeletion = options.confirm === 'massDeletion';
    let joinedEmpty = false;
    if (!state) {
      state = freshState(vault.vaultId);
      let joinedFrom: SyncState | undefined;
      for (const candidate of await snapshotCandidates(transport, vault, manifests, me, damaged)) {
        const { file, manifest } = candidate;
        const joined: SyncState = {
          ...state,
          cursors: Object.fromEntries(Object.entries(manifest.seen).filter(([device]) => device !== me)),
          vectors: { [file.device]: manifest.seen },
        };
        // Into an empty database (no change log at all) the join logs nothing: see `joinedEmpty`.
        const logChanges = (await db.changes.limit(1).primaryKeys()).length > 0;
        let result: ApplyResult | undefined;
        if (!logChanges) {
          // Streamed: the parts are read while IndexedDB writes, all in one transaction.
          const next = snapshotPartSource(transport, vault, candidate);
          try {
            const first = await next();
            if (first) {
              result = await applyJoinStream(db, first, next, {
                merge: mergeRecord,
                meta: [stateRow(joined)],
                now: this.now,
              });
            }
          } catch (error) {
            if (!(error instanceof SnapshotPartFailed)) throw error;
            if (error.outcome.reason === 'damaged') damaged.push(error.outcome.detail);
            continue;
          }
        }
        if (!result) {
          // Local data to merge with (or a snapshot without parts): read whole, merged with the usual rule.
          const snapshot = await readSnapshot(transport, vault, candidate, damaged);
          if (!snapshot) continue;
          result = await applyRemote(db, [snapshot.batch], {
            merge: mergeRecord,
            mine: {},
            vectors: {},
            meta: [stateRow(joined)],
            logChanges,
            confirmMassDeletion,
            now: this.now,
          });
        }
        if (result.status === 'massDeletion') {
          return { state: 'paused', reason: 'massDeletion', deletions: result.deletions, live: result.live };
        }
        changedRecords += result.changedRecords;
        conflicts += result.conflicts;
        joinedEmpty = !logChanges && result.changedRecords > 0;
        joinedFrom = joined;
        break;
      }
      if (joinedFrom) state = joinedFrom;
      else await saveState(db, state);
    }

    // Pull, in rounds of at most FILES_PER_APPLY files, each applied with its cursors in one transaction.
    const byDevice = groupBySeq(changeFiles.filter((f) => f.device !== me));
    let pulledFiles = 0;
    const stopped = new Set<string>();
    const total = changeFiles.length;
    for (;;) {
      const batches: RemoteBatch[] = [];
      const next: SyncState = { ...state, cursors: { ...state.cursors }, vectors: { ...state.vectors } };
      for (const [device, bySeq] of byDevice) {
        while (batches.length < FILES_PER_APPLY && !stopped.has(device)) {
          const seq = (next.cursors[device]?.seq ?? 0) + 1;
          const candidates = bySeq.get(seq);
          if (!candidates) break;
          const read = await readChangeFile(this.transport, this.vault, candidates, damaged);
          if (!read) {
            stopped.add(device);
            break;
          }
          batches.push(read.batch);
          const newest = newestStampsOf(read.batch)[device] ?? '';
          const previous = next.cursors[device]?.stamp ?? '';
          next.cursors[device] = { seq, stamp: newest > previous ? newest : previous };
          next.vectors[device] = read.seen;
        }
      }
      if (batches.length === 0) break;
      const result = await applyRemote(db, batches, {
        merge: mergeRecord,
        mine: stampsOf(state.cursors),
        vectors: Object.fromEntries(Object.entries(state.vectors).map(([d, v]) => [d, stampsOf(v)])),
        meta: [stateRow(next)],
        confirmMassDeletion,
        now: this.now,
      });
      if (result.status === 'massDeletion') {
        return { state: 'paused', reason: 'massDeletion', deletions: result.deletions, live: result.live };
      }
      changedRecords += result.changedRecords;
      conflicts += result.conflicts;
      pulledFiles += batches.length;
      state = next;
      options.onProgress?.({ phase: 'pull', done: pulledFiles, total });
    }

    const pushedFiles = await pushOwnChanges(
      { db, transport, vault, me, damaged, onProgress: options.onProgress },
      state,
      changeFiles,
    );

    let snapshotWritten = false;
    const lastSeq = state.nextSeq - 1;
    const due = lastSeq - state.lastSnapshotSeq >= FILES_PER_SNAPSHOT;
    if (options.snapshot || (due && lastSeq > state.lastSnapshotSeq)) {
      options.onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
      // This device's clock as its own entry: at or after every stamp it has made.
      const ownStamp = formatHlc(await loadClock(db));
      await writeSnapshot(db, transport, vault, me, lastSeq, {
        ...state.cursors,
        [me]: { seq: lastSeq, stamp: ownStamp },
      });
      state.lastSnapshotSeq = lastSeq;
      snapshotWritten = true;
    }
    const at = new Date(this.now()).toISOString();
    state.lastSyncAt = at;
    await saveState(db, state);
    return {
      state: 'synced',
      pulledFiles,
      pushedFiles,
      changedRecords,
      conflicts,
      damaged,
      snapshotWritten,
      joinedEmpty,
      at,
    };
  }
}
