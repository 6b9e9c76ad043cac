/**
 * This device's side of a sync: write again own files that vanished (or never landed), adopt own
 * files a lost state left unrecorded, then send the new change-log rows as append-only sealed files.
 */
import type { RemoteBatch } from '../db/apply-remote';
import type { ChangeRow, MissionDb } from '../db/database';
import type { UnlockedVault } from './crypto';
import { changeFileBatch } from './incoming';
import { saveState, type SyncState } from './sync-state';
import type { VaultTransport } from './transport';
import {
  CHANGES_FOLDER,
  ChangeFile,
  readSealed,
  ROWS_PER_FILE,
  writeSealed,
  type SeenVector,
  type VaultFileName,
} from './vault-files';

export interface PushContext {
  readonly db: MissionDb;
  readonly transport: VaultTransport;
  readonly vault: UnlockedVault;
  readonly me: string;
  readonly damaged: string[];
  readonly onProgress?: (progress: { phase: 'push'; done: number; total: number }) => void;
}

export function groupBySeq(files: readonly VaultFileName[]): Map<string, Map<number, VaultFileName[]>> {
  const byDevice = new Map<string, Map<number, VaultFileName[]>>();
  for (const file of files) {
    const bySeq = byDevice.get(file.device) ?? new Map<number, VaultFileName[]>();
    bySeq.set(file.seq, [...(bySeq.get(file.seq) ?? []), file]);
    byDevice.set(file.device, bySeq);
  }
  return byDevice;
}

/** The first candidate for a sequence number that is complete and authentic, as a batch. */
export async function readChangeFile(
  transport: VaultTransport,
  vault: UnlockedVault,
  candidates: readonly VaultFileName[],
  damaged: string[],
): Promise<{ batch: RemoteBatch; seen: SeenVector; file: ChangeFile } | undefined> {
  for (const file of candidates) {
    const outcome = await readSealed(transport, vault, CHANGES_FOLDER, file, ChangeFile);
    if (!outcome.ok) {
      if (outcome.reason === 'damaged') damaged.push(outcome.detail);
      continue;
    }
    const batch = changeFileBatch(file.device, outcome.value);
    if (!batch) {
      damaged.push(`${file.name}: malformed changes`);
      continue;
    }
    return { batch, seen: outcome.value.seen, file: outcome.value };
  }
  return undefined;
}

async function writeChangeFile(
  context: PushContext,
  state: SyncState,
  seq: number,
  fromLog: number,
  toLog: number,
  rows: readonly ChangeRow[],
): Promise<void> {
  const { me } = context;
  const own = rows.filter((row) => row.device === me);
  const ownStamp = own.reduce((newest, row) => (row.hlc > newest ? row.hlc : newest), '');
  const file: ChangeFile = {
    seen: { ...state.cursors, [me]: { seq, stamp: ownStamp } },
    fromLog,
    toLog,
    changes: own.map((row) => ({ t: row.table, id: row.rowId, h: row.hlc, f: row.fields })),
  };
  await writeSealed(
    context.transport,
    context.vault,
    CHANGES_FOLDER,
    { device: me, seq, kind: 'changes', part: 0 },
    file,
  );
}

/** Returns the number of files written; the state is saved after each one. */
export async function pushOwnChanges(
  context: PushContext,
  state: SyncState,
  listed: readonly VaultFileName[],
): Promise<number> {
  const { db, me, damaged } = context;
  const own = groupBySeq(listed.filter((f) => f.device === me)).get(me) ?? new Map<number, VaultFileName[]>();
  for (let candidates = own.get(state.nextSeq); candidates; candidates = own.get(state.nextSeq)) {
    const read = await readChangeFile(context.transport, context.vault, candidates, damaged);
    if (!read) break;
    state.pushedLog = Math.max(state.pushedLog, read.file.toLog);
    state.nextSeq++;
    await saveState(db, state);
  }
  let pushed = 0;
  const stillMissing = [];
  for (const file of state.unconfirmed) {
    if (own.has(file.seq)) continue;
    stillMissing.push(file);
    const rows = await db.changes.where('seq').between(file.fromLog, file.toLog, false, true).toArray();
    await writeChangeFile(context, state, file.seq, file.fromLog, file.toLog, rows);
    pushed++;
  }
  state.unconfirmed = stillMissing;

  const rows = await db.changes.where('seq').above(state.pushedLog).toArray();
  const last = rows[rows.length - 1]?.seq;
  if (last === undefined) return pushed;
  const ownRows = rows.filter((row) => row.device === me);
  for (let start = 0; start < ownRows.length; start += ROWS_PER_FILE) {
    const chunk = ownRows.slice(start, start + ROWS_PER_FILE);
    const isLast = start + ROWS_PER_FILE >= ownRows.length;
    const toLog = isLast ? last : (chunk[chunk.length - 1]?.seq ?? last);
    const seq = state.nextSeq;
    const fromLog = state.pushedLog;
    // Record first, then write: after a crash either way, the file for this sequence number is
    // (re)written from exactly this log range, so every copy of it carries the same changes.
    state.unconfirmed.push({ seq, fromLog, toLog });
    state.nextSeq = seq + 1;
    state.pushedLog = toLog;
    await saveState(db, state);
    await writeChangeFile(context, state, seq, fromLog, toLog, chunk);
    pushed++;
    context.onProgress?.({ phase: 'push', done: start + chunk.length, total: ownRows.length });
  }
  if (ownRows.length === 0) {
    // Only rows received from others since the last push: nothing to send, just move past them.
    state.pushedLog = last;
    await saveState(db, state);
  }
  return pushed;
}
